/**
 * Settles overlapping candidates: longest span first ("March 17, 2025" over "2025", "in the
 * summer of 2021" over "2021"), then the rule listed first in RULES. A covered-character mask
 * keeps each check proportional to the span's length, so the whole step is linear apart from
 * one sort of the candidates.
 */
import type { Candidate } from './readings.js';
import { RULES } from './rules.js';

const PRIORITY = new Map(RULES.map((rule, index) => [rule.name, index]));

function byPreference(a: Candidate, b: Candidate): number {
  return b.end - b.start - (a.end - a.start) || PRIORITY.get(a.rule)! - PRIORITY.get(b.rule)! || a.start - b.start;
}

function isFree(mask: Uint8Array, c: Candidate): boolean {
  for (let i = c.start; i < c.end; i++) if (mask[i]) return false;
  return true;
}

/** Non-overlapping candidates in text order. */
export function selectCandidates(candidates: readonly Candidate[], textLength: number): Candidate[] {
  const mask = new Uint8Array(textLength);
  const kept: Candidate[] = [];
  for (const c of [...candidates].sort(byPreference)) {
    if (!isFree(mask, c)) continue;
    mask.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
