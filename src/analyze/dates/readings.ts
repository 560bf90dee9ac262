/**
 * What a rule read in the text, before anything is resolved: the *written* values only
 * (chrono's `knownValues`). Resolution (resolve.ts) adds what the text left implied — the
 * year of "June 2", the week of "Friday" — from the publication date and the clause's tense.
 */
import type { Unit } from './vocabulary.js';

/** last = -1, this = 0, next = +1. */
export type Shift = -1 | 0 | 1;

export type Season = 'spring' | 'summer' | 'autumn' | 'winter';

/** A length as written: "1 minute 50 seconds" has two parts. */
export interface Part {
  amount: number;
  unit: Unit;
}

/**
 * A preposition that bears on tense: "since March" is before the writing; "by March" is a
 * deadline, ahead of a promise or plan ("promised aid by Thanksgiving").
 */
export type Governor = 'since' | 'by' | null;

export type Reading =
  /** Any of year, month, day, weekday as written; `shift` when "last/this/next" modified it. */
  | { kind: 'calendar'; year: number | null; month: number | null; day: number | null; weekday: number | null; shift: Shift | null; governor: Governor }
  | { kind: 'season'; season: Season; year: number | null; shift: Shift | null; governor: Governor }
  /** A named day ("Christmas", "Thanksgiving"), found by its name in holidays.ts. */
  | { kind: 'holiday'; name: string; year: number | null; governor: Governor }
  /** "last week", "this month", "earlier this year", "next weekend" (a weekend is its ISO week). */
  | { kind: 'period'; unit: 'week' | 'month' | 'year'; shift: Shift }
  /** "over the weekend": which one depends on tense. */
  | { kind: 'weekend' }
  /** "yesterday", "today", "last night". */
  | { kind: 'dayShift'; days: number }
  /** Counted from the publication date ("two days ago", "a week from now"). */
  | { kind: 'offset'; amount: number | null; unit: Unit; direction: -1 | 1 }
  /**
   * Counted from the date the narrative is on ("a year earlier", "the next day"). `whole` when
   * the text names the unit itself ("the following week" is a week; "two weeks later" a day).
   */
  | { kind: 'narrative'; amount: number | null; unit: Unit; direction: -1 | 0 | 1; whole: boolean }
  /**
   * Counted from a dated event named by its noun ("one day before the talks", "the week before
   * the vote"). `approximate` when hedged ("more than three years after"), which reads as a
   * length when the event has no date.
   */
  | { kind: 'anchored'; amount: number | null; unit: Unit; direction: -1 | 1; event: string; whole: boolean; approximate: boolean }
  /** "in two days": a date in a future clause, otherwise a duration ("first time in two years"). */
  | { kind: 'inUnits'; amount: number | null; unit: Unit }
  /** `parts` is null for a vague count ("for years"). */
  | { kind: 'duration'; parts: Part[] | null; unit: Unit }
  | { kind: 'time'; hour: number; minute: number }
  /** A recurrence, valued by its period ("every Monday" recurs every week). */
  | { kind: 'set'; amount: number; unit: Unit }
  /** "the 1990s": no value form in the contract can hold a decade. */
  | { kind: 'decade'; decade: number };

export interface Candidate {
  start: number;
  end: number;
  /** The rule that read it, so every output can be traced to a rule. */
  rule: string;
  reading: Reading;
}
