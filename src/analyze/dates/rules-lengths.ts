/**
 * Rules for lengths of time and recurrences: "for two weeks", "14 days to appeal", "a
 * six-month leave", "in two years", "every Monday", "twice a week".
 */
import type { Part } from './readings.js';
import { at, found, g, lower, type Found, type Match, type Rule, type ScanContext } from './rule.js';
import { readCount, type Count } from './rules-relative.js';
import type { Unit } from './vocabulary.js';
import {
  ADJECTIVES, AMOUNT, EXACT_AMOUNT, GAP, HEDGES, MONTH_NAMES, NUMBER, UNITS, WEEKDAY_NAMES, isFullMonthName, monthOf, unitOf,
  weekdayNumber, wordAfter,
} from './words.js';

function length(m: Match, scan: ScanContext, count: Count, until?: number, extra: Part | null = null): Found {
  const unit = count.unit.unit;
  const parts = count.amount === null ? null : [{ amount: count.amount, unit }, ...(extra ? [extra] : [])];
  return found(m, scan.text, { kind: 'duration', parts, unit }, until);
}

export const inUnits: Rule = {
  name: 'in-units',
  reason: '"in two days" is a date in a future clause and a duration otherwise ("the first time in two years")',
  pattern: new RegExp(
    `\\bin${GAP}(?:(?<hedge>${HEDGES})${GAP})?(?<amount>${AMOUNT})${GAP}(?:(?:${ADJECTIVES})${GAP})?(?<unit>${UNITS})\\b(?![-'’]\\w)(?:['’]?${GAP}time\\b)?`,
    'dgi',
  ),
  read(m, scan) {
    const count = readCount(m);
    return count ? found(m, scan.text, { kind: 'inUnits', amount: count.amount, unit: count.unit.unit }) : null;
  },
};

const DURATION_CUES = 'for|within|over|during|throughout|lasting|spanning|in';
const DURATION_EDGES = 'past|last|next|coming|previous|following|first|final';
/** Edges that make a bare singular unit a length: "the past week" lasts a week, "the first day" does not. */
const SINGLE_UNIT_EDGES = new Set(['past', 'last', 'next', 'coming']);

export const duration: Rule = {
  name: 'duration',
  reason: 'A length introduced by its cue: "for two weeks", "within 50 days", "for three long years", "the past two days", "for years"',
  pattern: new RegExp(
    `(?:\\b(?<cue>${DURATION_CUES})${GAP}(?:the${GAP}(?<edge>${DURATION_EDGES})${GAP})?|\\bthe${GAP}(?<edge2>${DURATION_EDGES})${GAP})` +
      `(?:(?<hedge>${HEDGES})${GAP})?(?:(?<amount>${AMOUNT})${GAP})?(?:(?:${ADJECTIVES})${GAP}){0,2}(?<unit>${UNITS})\\b(?![-'’])`,
    'dgi',
  ),
  read(m, scan) {
    const edge = lower(g(m, 'edge') ?? g(m, 'edge2'));
    const count = readCount(m);
    if (!count) return null;
    // "in two days" belongs to in-units; "during the day" names a time of day, not a length.
    if (lower(g(m, 'cue')) === 'in' && !edge && g(m, 'amount')) return null;
    if (g(m, 'amount') || count.unit.plural) return length(m, scan, count);
    if (!SINGLE_UNIT_EDGES.has(edge)) return null;
    return length(m, scan, { ...count, amount: count.unit.factor });
  },
};

const UNIT_SIZE: readonly Unit[] = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'];
const finer = (a: Unit, b: Unit) => UNIT_SIZE.indexOf(a) < UNIT_SIZE.indexOf(b);

/** Words after a count that make it an age or a comparison, not a length ("52 years old"). */
const NOT_A_LENGTH_AFTER = new Set(['old', 'younger', 'older', 'senior', 'junior', 'of']);

export const bareDuration: Rule = {
  name: 'bare-duration',
  reason: 'A counted unit without a cue is a length: "14 days to appeal", "Five years is a long time", "1 minute 50 seconds", "about a year"',
  pattern: new RegExp(
    `(?:\\b(?<hedge>${HEDGES})${GAP})?\\b(?<amount>${EXACT_AMOUNT}|an?)${GAP}(?:(?:${ADJECTIVES})${GAP})?(?<unit>${UNITS})\\b(?![-'’])` +
      `(?:,?${GAP}(?:and${GAP})?(?<amount2>${NUMBER})${GAP}(?<unit2>${UNITS})\\b(?![-'’]))?`,
    'dgi',
  ),
  read(m, scan) {
    // "a year" alone is too often a rate ("50 km a year"); a hedge makes it a length ("about a year").
    if (/^an?$/i.test(g(m, 'amount')!) && !g(m, 'hedge')) return null;
    const count = readCount(m);
    if (!count || count.amount === null) return null;
    const second = g(m, 'unit2') ? readCount(m, g(m, 'unit2')!, g(m, 'amount2')!) : null;
    // "1 minute 50 seconds" is one length; "nine seconds two years ago" is two expressions.
    const extra = second?.amount != null && finer(second.unit.unit, count.unit.unit) ? { amount: second.amount, unit: second.unit.unit } : null;
    const stop = extra ? at(m, 'unit2')![1] : at(m, 'unit')![1];
    if (NOT_A_LENGTH_AFTER.has(wordAfter(scan.text, stop).toLowerCase())) return null;
    return length(m, scan, count, stop, extra);
  },
};

export const compoundDuration: Rule = {
  name: 'compound-duration',
  reason: 'A counted unit as a modifier is a length ("a six-month leave", "a 50-day window"); "day-long" has no count and is not read',
  pattern: new RegExp(`\\b(?<amount>${NUMBER})-(?<unit>second|minute|hour|day|week|month|year|decade)\\b(?!-olds?\\b)`, 'dgi'),
  read(m, scan) {
    const count = readCount(m);
    return count && count.amount !== null ? length(m, scan, count) : null;
  },
};

const recurrence = (m: Match, scan: ScanContext, amount: number, unit: Unit): Found => found(m, scan.text, { kind: 'set', amount, unit });

/** The period of what follows "every": a weekday recurs weekly, a month or season yearly, a time of day daily. */
function periodOf(what: string): Unit | null {
  if (weekdayNumber(what) !== null || /^weekends?$/i.test(what)) return 'week';
  if ((monthOf(what) !== null && isFullMonthName(what)) || /^(spring|summer|autumn|fall|winter)$/i.test(what)) return 'year';
  if (/^(weekday|morning|afternoon|evening|night)s?$/i.test(what)) return 'day';
  return null;
}

export const everySet: Rule = {
  name: 'every',
  reason: 'Recurrences: "every Monday", "each year", "every 30 days", "every other month", "every weekday morning"',
  pattern: new RegExp(
    `\\b(?:every|each)${GAP}(?:(?<other>other)${GAP})?(?:(?<amount>${NUMBER})${GAP})?` +
      `(?<what>${UNITS}|${WEEKDAY_NAMES}|${MONTH_NAMES}|weekday|weekend|spring|summer|autumn|fall|winter|morning|afternoon|evening|night)\\b` +
      `(?:${GAP}(?:morning|afternoon|evening|night)\\b)?`,
    'dgi',
  ),
  read(m, scan) {
    const what = g(m, 'what')!;
    const times = g(m, 'other') ? 2 : 1;
    const period = periodOf(what);
    if (period) return g(m, 'amount') ? null : recurrence(m, scan, times, period);
    const count = readCount(m, what);
    if (!count || count.unit.plural !== Boolean(g(m, 'amount'))) return null;
    return recurrence(m, scan, (count.amount ?? count.unit.factor) * times, count.unit.unit);
  },
};

export const frequency: Rule = {
  name: 'frequency',
  reason: 'Rates that recur per unit: "once a week", "twice a year", "three times per month"',
  pattern: new RegExp(`\\b(?:once|twice|thrice|(?:${NUMBER})${GAP}times)${GAP}(?:a|an|per|every|each)${GAP}(?<unit>second|minute|hour|day|week|month|year|decade)\\b`, 'dgi'),
  read(m, scan) {
    const unit = unitOf(g(m, 'unit')!);
    return unit ? recurrence(m, scan, unit.factor, unit.unit) : null;
  },
};
