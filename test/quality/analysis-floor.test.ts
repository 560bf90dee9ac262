/**
 * The analysis quality gates: scores the hand-annotated gold in test/gold/analyze (the tuning
 * set) and test/gold/analyze-heldout (written without seeing the analyser; never tuned on) and
 * fails when a measure drops below its floor (raise with `npm run quality -- --analysis --raise`
 * or `-- --analysis-heldout --raise`; never lower).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_GOLD_DIR, ANALYSIS_HELDOUT_DIR, loadAnalysisGold, scoreAnalysis } from './analysis-scoring.js';

const sets = [
  { name: 'tuning gold', dir: ANALYSIS_GOLD_DIR, floors: './analysis-baseline.json', minimum: 30 },
  { name: 'held-out gold', dir: ANALYSIS_HELDOUT_DIR, floors: './analysis-heldout-baseline.json', minimum: 12 },
];

describe.each(sets)('analysis quality floor: $name', ({ dir, floors: file, minimum }) => {
  const floors = JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as Record<string, number>;
  const gold = loadAnalysisGold(dir);

  it(`has at least ${minimum} annotated articles`, () => {
    expect(gold.length).toBeGreaterThanOrEqual(minimum);
  });

  const { summary } = scoreAnalysis(gold);
  for (const [measure, floor] of Object.entries(floors)) {
    it(`${measure} stays at or above ${floor}`, () => {
      expect(summary[measure]).toBeGreaterThanOrEqual(floor);
    });
  }
});
