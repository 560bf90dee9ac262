/**
 * The parsers of the temporal stage, in one ordered list. Each rule (rule.ts) is a named
 * pattern with a reason; overlaps are settled afterwards (select.ts): the longest span wins,
 * and on equal length the rule listed first here.
 */
import { matcherFor } from './keyed.js';
import type { Candidate } from './readings.js';
import type { Rule, ScanContext } from './rule.js';
import { dayMonth, decade, holiday, month, monthDay, monthYear, numericDate, season, weekday, year } from './rules-calendar.js';
import { clockTime, wordClock } from './rules-clock.js';
import { bareDuration, compoundDuration, duration, everySet, frequency, inUnits } from './rules-lengths.js';
import { countedOffset, dayBefore, neighbour, periodEdge, relativeDay, relativePeriod, weekendByTense } from './rules-relative.js';
import { AMBIGUOUS_MONTHS, MONTH_CUES } from './vocabulary.js';
import { GAP, MONTH_NAMES, monthOf, weekdayNumber } from './words.js';

/**
 * Every rule, in tie-break order. On spans of equal length:
 * - a fully written date beats a looser reading of the same words;
 * - "every 30 days" is a recurrence before it is "30 days" of anything;
 * - a narrative "the next day" beats the duration reading of "the next week";
 * - "in two days" (tense decides date or duration) beats the plain duration rules;
 * - cue-introduced durations beat bare counts, which come last among lengths.
 */
export const RULES: readonly Rule[] = [
  numericDate, monthDay, dayMonth, monthYear, holiday, season, everySet, frequency, countedOffset, dayBefore, neighbour,
  relativeDay, relativePeriod, periodEdge, inUnits, duration, compoundDuration, bareDuration, clockTime, wordClock, weekday,
  month, weekendByTense, decade, year,
];

/** Capitalised words before a month that start a sentence rather than a name ("The May vote"). */
const NOT_A_NAME = new Set(['the', 'and', 'but', 'a', 'an', 'that', 'then', 'so', 'or', 'every', 'each']);

const NAME_MONTH = new RegExp(`\\b(\\p{Lu}[\\p{Ll}]+)${GAP}(${MONTH_NAMES})\\b(?!${GAP}\\d)`, 'gu');

/**
 * Ambiguous months the text uses as a surname ("Theresa May", "Prime Minister May"), found
 * where a capitalised word that is no temporal cue precedes them.
 */
export function monthsUsedAsNames(text: string): Set<number> {
  const out = new Set<number>();
  for (const match of text.matchAll(NAME_MONTH)) {
    const before = match[1]!.toLowerCase();
    const number = monthOf(match[2]!);
    if (number === null || !AMBIGUOUS_MONTHS.has(number)) continue;
    if (MONTH_CUES.has(before) || NOT_A_NAME.has(before) || weekdayNumber(match[1]!) !== null || monthOf(match[1]!) !== null) continue;
    out.add(number);
  }
  return out;
}

const MATCHERS = RULES.map((rule) => ({ rule, matches: matcherFor(rule) }));

/** Every candidate every rule proposes, before overlaps are settled. */
export function propose(text: string): Candidate[] {
  const scan: ScanContext = { text, nameMonths: monthsUsedAsNames(text) };
  const out: Candidate[] = [];
  for (const { rule, matches } of MATCHERS) {
    matches(text, (match) => {
      const read = rule.read(match, scan);
      if (read && read.end > read.start) out.push({ ...read, rule: rule.name });
    });
  }
  return out;
}
