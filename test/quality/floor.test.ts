/**
 * The quality gate: scores every golden fixture and fails when a measure drops below the
 * floor pinned in baseline.json. Raise floors with `npm run quality -- --raise`; never lower them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Baseline, HELDOUT_DIR, loadFixtures, scoreAll } from './scoring.js';

const baseline = JSON.parse(readFileSync(new URL('./baseline.json', import.meta.url), 'utf8')) as Baseline;
const { scores, summary } = scoreAll();

describe('quality floor', () => {
  it('has at least 40 golden fixtures, each with gold', () => {
    expect(loadFixtures().length).toBeGreaterThanOrEqual(40);
  });

  for (const [measure, floor] of Object.entries(baseline.summary)) {
    it(`${measure} stays at or above ${floor}`, () => {
      expect(summary[measure as keyof typeof summary]).toBeGreaterThanOrEqual(floor);
    });
  }

  for (const score of scores) {
    it(`${score.name}: body F1 stays at or above its floor`, () => {
      expect(score.bodyF1).toBeGreaterThanOrEqual(baseline.bodyF1[score.name] ?? 0);
    });
  }
});

describe('held-out quality floor (pages nobody tuned on)', () => {
  const held = scoreAll(HELDOUT_DIR).summary;
  for (const [measure, floor] of Object.entries(baseline.heldout ?? {})) {
    it(`${measure} stays at or above ${floor}`, () => {
      expect(held[measure as keyof typeof held]).toBeGreaterThanOrEqual(floor);
    });
  }
});
