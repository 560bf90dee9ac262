/**
 * The clustering quality gate: adds the labelled story corpus (test/gold/stories) to a fresh
 * corpus and fails when BCubed F1 or copy detection drops below the floors in
 * stories-baseline.json (raise with `npm run quality -- --stories --raise`; never lower).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadStoryGold, scoreStories } from './stories-scoring.js';

const floors = JSON.parse(readFileSync(new URL('./stories-baseline.json', import.meta.url), 'utf8')) as Record<string, number>;

describe('story clustering quality floor', async () => {
  it('has at least 200 labelled articles in 20+ stories', () => {
    const gold = loadStoryGold();
    expect(gold.size).toBeGreaterThanOrEqual(200);
    expect(new Set([...gold.values()].map((g) => g.story)).size).toBeGreaterThanOrEqual(20);
  });

  const { summary } = await scoreStories();
  for (const [measure, floor] of Object.entries(floors)) {
    it(`${measure} stays at or above ${floor}`, () => {
      expect(summary[measure as keyof typeof summary]).toBeGreaterThanOrEqual(floor);
    });
  }
}, 120_000);
