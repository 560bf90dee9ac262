/**
 * What every rule is made of: a named pattern with a reason, and a reader that turns a match
 * into a Candidate holding only what was written (readings.ts), or rejects it. The helpers
 * here read named groups and decide where a span starts.
 */
import type { Candidate, Governor, Reading, Shift } from './readings.js';
import { SPAN_PREPOSITIONS } from './vocabulary.js';
import { skipSpaces } from './words.js';

export interface ScanContext {
  text: string;
  /** Ambiguous month names this text also uses as a name ("Theresa May"). */
  nameMonths: ReadonlySet<number>;
}

export type Match = RegExpExecArray & { indices: NonNullable<RegExpExecArray['indices']> };

export type Found = Omit<Candidate, 'rule'>;

export interface Rule {
  name: string;
  reason: string;
  /** Global, with indices (flag "d"); every quantifier bounded, so matching stays linear. */
  pattern: RegExp;
  /**
   * Optional, for speed only: named groups of `pattern`, top-level and not optional, whose
   * stretch (`from` through `to`) every match contains and few places in a text do (month
   * names, "days ago"). The pattern is then tried only near them (keyed.ts); the matches stay
   * the same.
   */
  key?: { from: string; to?: string };
  read(match: Match, scan: ScanContext): Found | null;
}

export const YEAR_MIN = 1000;
export const YEAR_MAX = 2199;
export const isYear = (n: number) => n >= YEAR_MIN && n <= YEAR_MAX;

export const SHIFTS: Readonly<Record<string, Shift>> = { last: -1, past: -1, previous: -1, this: 0, the: 0, next: 1, coming: 1 };

export const g = (m: Match, name: string): string | undefined => m.groups?.[name];
export const at = (m: Match, name: string): [number, number] | undefined => m.indices.groups?.[name];
export const lower = (s: string | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, ' ');
export const end = (m: Match) => m.index + m[0].length;

/** Start of the span: a leading preposition stays in it only when it does not change the value. */
export function spanStart(m: Match, text: string): number {
  const prep = g(m, 'prep');
  if (!prep || SPAN_PREPOSITIONS.has(prep.toLowerCase())) return m.index;
  return skipSpaces(text, at(m, 'prep')![1]);
}

export function found(m: Match, text: string, reading: Reading, until = end(m)): Found {
  return { start: spanStart(m, text), end: until, reading };
}

/** The tense-bearing preposition governing the match, if any ("since March", "by Friday"). */
export function governorOf(m: Match): Governor {
  const prep = lower(g(m, 'prep'));
  return prep === 'since' || prep === 'by' ? prep : null;
}
