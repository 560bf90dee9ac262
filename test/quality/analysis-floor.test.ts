/**
 * The analysis quality gate: scores the hand-annotated gold in test/gold/analyze and fails when
 * a measure drops below the floor in analysis-baseline.json (raise with
 * `npm run quality -- --analysis --raise`; never lower).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAnalysisGold, scoreAnalysis } from './analysis-scoring.js';

const floors = JSON.parse(readFileSync(new URL('./analysis-baseline.json', import.meta.url), 'utf8')) as Record<string, number>;

describe('analysis quality floor', () => {
  it('has at least 30 annotated articles', () => {
    expect(loadAnalysisGold().length).toBeGreaterThanOrEqual(30);
  });

  const { summary } = scoreAnalysis();
  for (const [measure, floor] of Object.entries(floors)) {
    it(`${measure} stays at or above ${floor}`, () => {
      expect(summary[measure]).toBeGreaterThanOrEqual(floor);
    });
  }
});
