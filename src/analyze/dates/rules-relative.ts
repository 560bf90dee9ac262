/**
 * Rules for expressions that count from a reference: the publication date ("yesterday", "last
 * month", "two days ago"), the date the narrative is on ("a year earlier", "the next day") or a
 * dated event ("one day before the talks").
 */
import type { Reading } from './readings.js';
import { SHIFTS, at, found, g, lower, type Found, type Match, type Rule, type ScanContext } from './rule.js';
import { NOUN_PHRASE_STOPS } from './vocabulary.js';
import { ADJECTIVES, AMOUNT, GAP, HEDGES, UNITS, amountOf, unitOf, wordAfter } from './words.js';

const DAY_SHIFTS: readonly [RegExp, number][] = [
  [/^the day before yesterday/, -2], [/^the day after tomorrow/, 2], [/^yesterday/, -1], [/^last night/, -1],
  [/^tomorrow/, 1], [/^(today|tonight|this)/, 0],
];

export const relativeDay: Rule = {
  name: 'relative-day',
  reason: 'Words that count days from publication: "yesterday", "tonight", "the day before yesterday", "last night"',
  pattern: new RegExp(
    `\\b(?:the${GAP}day${GAP}before${GAP}yesterday|the${GAP}day${GAP}after${GAP}tomorrow|(?:yesterday|tomorrow)(?:${GAP}(?:morning|afternoon|evening|night))?` +
      `|today|tonight|this${GAP}(?:morning|afternoon|evening)|last${GAP}night)\\b`,
    'dgi',
  ),
  read(m, scan) {
    // "the Today programme" is a title.
    if (/^Today/.test(m[0]) && lower(scan.text.slice(Math.max(0, m.index - 4), m.index)) === 'the ') return null;
    const key = lower(m[0]);
    const days = DAY_SHIFTS.find(([form]) => form.test(key))?.[1];
    return days === undefined ? null : found(m, scan.text, { kind: 'dayShift', days });
  },
};

type PeriodUnit = 'week' | 'month' | 'year';
/** A weekend is valued by its ISO week, the finest form the output contract has for it. */
const periodUnit = (word: string): PeriodUnit => (word === 'weekend' ? 'week' : (word as PeriodUnit));

export const relativePeriod: Rule = {
  name: 'relative-period',
  reason: 'A calendar period named from publication: "last month", "earlier this week", "next year", "last weekend"',
  pattern: new RegExp(
    `(?:\\b(?:earlier|later|early|late)${GAP})?(?<!\\bthe${GAP})\\b(?<shift>this${GAP}past|this${GAP}coming|this|last|next)${GAP}(?<unit>week|weekend|month|year)\\b(?!-)`,
    'dgi',
  ),
  key: { from: 'shift', to: 'unit' },
  read(m, scan) {
    const shift = SHIFTS[lower(g(m, 'shift')).split(' ').at(-1)!]!;
    return found(m, scan.text, { kind: 'period', unit: periodUnit(lower(g(m, 'unit'))), shift });
  },
};

export const periodEdge: Rule = {
  name: 'period-edge',
  reason: '"by the end of the month", "the start of next year": a part of a period is valued by the period',
  pattern: new RegExp(
    `\\bthe${GAP}(?:start|beginning|middle|end|rest|remainder)${GAP}of${GAP}(?<shift>the|this|next|last)${GAP}(?<unit>week|weekend|month|year)\\b`,
    'dgi',
  ),
  read(m, scan) {
    return found(m, scan.text, { kind: 'period', unit: periodUnit(lower(g(m, 'unit'))), shift: SHIFTS[lower(g(m, 'shift'))]! });
  },
};

/** "the talks began" → "talks": the event noun phrase ends at its verb. */
function eventHead(phrase: string | undefined): { head: string; length: number } | null {
  if (!phrase) return null;
  const words = phrase.split(/\s+/);
  let kept = 0;
  while (kept < words.length && !NOUN_PHRASE_STOPS.has(words[kept]!.toLowerCase()) && !/ed$/i.test(words[kept]!)) kept++;
  if (kept === 0) return null;
  return { head: words[kept - 1]!.replace(/['’]s?$/, '').toLowerCase(), length: words.slice(0, kept).join(' ').length };
}

/** Whether a count/unit pair is an ordinal in disguise ("a second term"). */
function ordinalSecond(amountWord: string, unitWord: string): boolean {
  return /^seconds?$/i.test(unitWord) && (amountWord === '' || /^(a|an|one)$/i.test(amountWord));
}

export interface Count {
  amount: number | null;
  unit: NonNullable<ReturnType<typeof unitOf>>;
}

/** The count and unit a match wrote, in the unit's own terms (a decade is 10 years). */
export function readCount(m: Match, unitWord = g(m, 'unit')!, amountWord = g(m, 'amount') ?? ''): Count | null {
  const unit = unitOf(unitWord);
  if (!unit || ordinalSecond(amountWord.trim(), unitWord)) return null;
  const amount = amountWord ? amountOf(amountWord) : null;
  if (amount === undefined) return null;
  return { amount: amount === null ? null : amount * unit.factor, unit };
}

const EVENT = `(?:${GAP}(?<det>the|this|that|these|those|its|their|his|her|an?)${GAP}(?<np>[a-z][a-z'’-]{0,30}(?:${GAP}[a-z][a-z'’-]{0,30}){0,2}))?`;
const SUBJECT_PRONOUNS = new Set(['it', 'he', 'she', 'they', 'we', 'i', 'you']);
const CLOCK_UNITS = new Set(['second', 'minute', 'hour']);
/** Hedges that make a count approximate, and so more a length than a point ("more than three years after"). */
const APPROXIMATE = new Set(['nearly', 'almost', 'about', 'some', 'roughly', 'around', 'more than', 'less than', 'fewer than', 'at least', 'up to', 'over', 'under']);

function towardEvent(m: Match, scan: ScanContext, count: Count, direction: -1 | 1, whole: boolean): Found | null {
  const dir = lower(g(m, 'dir'));
  const unit = count.unit.unit;
  // "42 seconds ahead of the leader" is a margin: clock units ahead of someone measure a gap,
  // which the bare-duration rule reads.
  if (dir.startsWith('ahead') && CLOCK_UNITS.has(unit)) return null;
  const event = eventHead(g(m, 'np'));
  if (event) {
    const approximate = APPROXIMATE.has(lower(g(m, 'hedge')));
    const reading = { kind: 'anchored', amount: count.amount, unit, direction, event: event.head, whole, approximate } as const;
    return found(m, scan.text, reading, at(m, 'np')![0] + event.length);
  }
  const dirEnd = at(m, 'dir')![1];
  // "a year after it was approved": a length between two events, not a date.
  if (SUBJECT_PRONOUNS.has(wordAfter(scan.text, dirEnd).toLowerCase())) {
    return count.amount === null ? null : found(m, scan.text, { kind: 'duration', parts: [{ amount: count.amount, unit }], unit }, at(m, 'unit')![1]);
  }
  // "ahead of"/"prior to" date only a named event ("42 seconds ahead of Ferrandi" is a margin).
  if (/^(ahead|prior)/.test(dir)) return null;
  return found(m, scan.text, { kind: 'narrative', amount: count.amount, unit, direction, whole }, dirEnd);
}

export const countedOffset: Rule = {
  name: 'counted-offset',
  reason: 'A count of units from a reference: publication ("two days ago"), the narrative ("a year earlier") or a named event ("one day before the talks")',
  pattern: new RegExp(
    `(?:\\b(?<hedge>${HEDGES})${GAP})?\\b(?<amount>${AMOUNT})${GAP}(?:(?:${ADJECTIVES})${GAP})?(?<unit>${UNITS})${GAP}` +
      `(?<dir>ago|earlier|later|before|after|ahead${GAP}of|prior${GAP}to|from${GAP}now|hence)\\b${EVENT}`,
    'dgi',
  ),
  key: { from: 'unit', to: 'dir' },
  read(m, scan) {
    const count = readCount(m);
    if (!count) return null;
    const dir = lower(g(m, 'dir'));
    const direction = /^(later|after|from now|hence)$/.test(dir) ? 1 : -1;
    const unit = count.unit.unit;
    if (dir === 'ago' || dir === 'from now' || dir === 'hence') {
      return found(m, scan.text, { kind: 'offset', amount: count.amount, unit, direction }, at(m, 'dir')![1]);
    }
    if (dir === 'earlier' || dir === 'later') {
      return found(m, scan.text, { kind: 'narrative', amount: count.amount, unit, direction, whole: false }, at(m, 'dir')![1]);
    }
    return towardEvent(m, scan, count, direction, false);
  },
};

const dayUnit = (word: string): 'day' | 'week' | 'month' | 'year' => (/^(week|month|year)$/.test(word) ? (word as 'week' | 'month' | 'year') : 'day');

export const dayBefore: Rule = {
  name: 'day-before',
  reason: '"the day before the vote", "the night after": one unit from a named event or from the narrative',
  pattern: new RegExp(`\\bthe${GAP}(?<unit>day|night|morning|evening|week|month|year)${GAP}(?<dir>before|after)\\b${EVENT}`, 'dgi'),
  read(m, scan) {
    const unit = dayUnit(lower(g(m, 'unit')));
    const direction = lower(g(m, 'dir')) === 'after' ? 1 : -1;
    const count: Count = { amount: 1, unit: { unit, factor: 1, plural: false } };
    return towardEvent(m, scan, count, direction, true);
  },
};

const NEIGHBOURS: Readonly<Record<string, -1 | 0 | 1>> = { next: 1, following: 1, previous: -1, preceding: -1, same: 0 };

export const neighbour: Rule = {
  name: 'narrative-neighbour',
  reason: '"the next day", "the previous week": one unit from the date the narrative is on',
  pattern: new RegExp(`\\bthe${GAP}(?<which>next|following|previous|preceding|same)${GAP}(?<unit>day|morning|evening|night|week|month|year)\\b(?!-)`, 'dgi'),
  read(m, scan) {
    const reading: Reading = { kind: 'narrative', amount: 1, unit: dayUnit(lower(g(m, 'unit'))), direction: NEIGHBOURS[lower(g(m, 'which'))]!, whole: true };
    return found(m, scan.text, reading);
  },
};

export const weekendByTense: Rule = {
  name: 'weekend',
  reason: '"over the weekend": the one before publication in a past clause, the coming one in a future clause',
  pattern: new RegExp(`(?:\\b(?<prep>over|during|at|on|through|throughout)${GAP})?\\bthe${GAP}weekend\\b(?!['’-])`, 'dgi'),
  read(m, scan) {
    return found(m, scan.text, { kind: 'weekend' });
  },
};
