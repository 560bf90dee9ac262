/**
 * Rules for calendar names and numbers: written dates, months, weekdays, seasons, holidays,
 * years and decades.
 */
import { isValidDay } from './calendar.js';
import { readNumericDate } from './chrono.js';
import { HOLIDAYS, holidayNamed } from './holidays.js';
import type { Reading, Season, Shift } from './readings.js';
import { SHIFTS, at, end, found, g, governorOf, isYear, lower, type Found, type Match, type Rule, type ScanContext } from './rule.js';
import {
  AMBIGUOUS_MONTHS, COUNT_LEADERS, COUNT_NOUNS, MONTH_CUES, S_ENDING_FUNCTION_WORDS, WEEKDAY_NAME_PREFIXES,
  WEEKDAY_NAME_SUFFIXES,
} from './vocabulary.js';
import {
  GAP, MONTH_FORMS, MONTH_NAMES, WEEKDAY_NAMES, isCapitalised, isFullMonthName, monthOf, skipSpaces, weekdayNumber, wordAfter,
  wordBefore,
} from './words.js';

const SEASONS: Readonly<Record<string, Season>> = { spring: 'spring', summer: 'summer', autumn: 'autumn', fall: 'autumn', winter: 'winter' };

function calendar(m: Match | null, year: number | null, month: number | null, day: number | null, weekday: number | null, shift: Shift | null = null): Reading {
  return { kind: 'calendar', year, month, day, weekday, shift, governor: m === null ? null : governorOf(m) };
}

function optionalYear(m: Match): number | null | undefined {
  const year = g(m, 'year');
  if (!year) return null;
  return isYear(Number(year)) ? Number(year) : undefined;
}

function optionalWeekday(m: Match): number | null | undefined {
  const name = g(m, 'wd');
  if (!name) return null;
  return weekdayNumber(name) ?? undefined;
}

/** "on 17 March." — the full stop after a full month name ends the sentence, not an abbreviation. */
function withoutSentenceStop(m: Match): number {
  const month = g(m, 'month')!;
  return m[0].endsWith('.') && !g(m, 'year') && isFullMonthName(month.replace(/\.$/, '')) ? end(m) - 1 : end(m);
}

/** A day-and-month match, in either order, with optional weekday and year. */
function readDayMonth(m: Match, scan: ScanContext): Found | null {
  const month = monthOf(g(m, 'month')!);
  const day = Number(g(m, 'day'));
  const year = optionalYear(m);
  const weekday = optionalWeekday(m);
  if (month === null || year === undefined || weekday === undefined) return null;
  if (!isValidDay(year ?? 2000, month, day)) return null;
  return found(m, scan.text, calendar(m, year, month, day, weekday), withoutSentenceStop(m));
}

const PREP_BEFORE_DATE = `(?:\\b(?<prep>on|in|by|since|until|till|from|before|after|through|of|between|and)${GAP})?`;
const WEEKDAY_BEFORE_DATE = `(?:\\b(?<wd>${WEEKDAY_NAMES}),?${GAP})?`;
const YEAR_AFTER_DATE = `(?:,?${GAP}(?<year>\\d{4})\\b(?![\\d%]|[.,]\\d))?`;

export const numericDate: Rule = {
  name: 'numeric-date',
  reason: 'ISO, slash and dotted dates ("2025-03-17", "3/17/2025", "17.03.2025") are fully written; chrono reads their field order',
  pattern: /(?<![\d/.-])\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/(?:\d{4}|\d{2})|\d{1,2}\.\d{1,2}\.\d{4})\b(?![/.-]?\d)/dg,
  read(m, scan) {
    const day = readNumericDate(m[0]);
    return day ? found(m, scan.text, calendar(null, day.y, day.m, day.d, null)) : null;
  },
};

export const monthDay: Rule = {
  name: 'month-day',
  reason: 'American order, the usual one in English news: "June 2", "Jan. 5", "Friday, March 17, 2025"',
  pattern: new RegExp(
    `${PREP_BEFORE_DATE}${WEEKDAY_BEFORE_DATE}\\b(?<month>${MONTH_FORMS})\\b\\.?${GAP}(?<day>\\d{1,2})(?:st|nd|rd|th)?\\b(?![.:]\\d|\\s?%)${YEAR_AFTER_DATE}`,
    'dgi',
  ),
  key: { from: 'month', to: 'day' },
  read: readDayMonth,
};

export const dayMonth: Rule = {
  name: 'day-month',
  reason: 'British order: "17 March", "the 17th of March 2025"',
  pattern: new RegExp(
    `${PREP_BEFORE_DATE}${WEEKDAY_BEFORE_DATE}(?:\\bthe${GAP})?(?<![\\d.,:/$£€])\\b(?<day>\\d{1,2})(?:st|nd|rd|th)?${GAP}(?:of${GAP})?(?<month>${MONTH_FORMS})\\b\\.?${YEAR_AFTER_DATE}`,
    'dgi',
  ),
  key: { from: 'day', to: 'month' },
  read: readDayMonth,
};

export const monthYear: Rule = {
  name: 'month-year',
  reason: 'A month with its year is absolute: "May 2019", "since October 2021", "late March of 2020"',
  pattern: new RegExp(
    `(?:\\b(?<prep>in|during|since|until|till|by|from|before|after|through|of|between)${GAP})?(?:\\b(?:early|late|mid)[-\\s]{1,3})?\\b(?<month>${MONTH_FORMS})\\b\\.?,?${GAP}(?:of${GAP})?(?<year>\\d{4})\\b(?![\\d%]|[.,]\\d)`,
    'dgi',
  ),
  key: { from: 'month', to: 'year' },
  read(m, scan) {
    const month = monthOf(g(m, 'month')!);
    const year = Number(g(m, 'year'));
    return month !== null && isYear(year) ? found(m, scan.text, calendar(m, year, month, null, null)) : null;
  },
};

/** Cues strong enough to make "May" a month even in a text that has a Theresa May. */
const STRONG_MONTH_CUES = new Set(['in', 'during', 'since', 'until', 'till', 'by', 'through', 'throughout']);
const COORDINATORS = new Set(['and', 'or', 'to']);

function bareMonthAllowed(m: Match, scan: ScanContext, month: number): boolean {
  if (!AMBIGUOUS_MONTHS.has(month)) return true;
  const prep = lower(g(m, 'prep'));
  // "Theresa May's": a possessive ambiguous month is a name.
  if (/^['’]s/.test(scan.text.slice(end(m), end(m) + 2))) return false;
  if (g(m, 'shift') || g(m, 'part') || g(m, 'edge') || STRONG_MONTH_CUES.has(prep)) return true;
  if (scan.nameMonths.has(month) || !prep) return false;
  // "May and June": a coordinated month needs a month before the conjunction.
  if (COORDINATORS.has(prep)) return monthOf(wordBefore(scan.text, at(m, 'prep')![0])) !== null;
  return MONTH_CUES.has(prep);
}

export const month: Rule = {
  name: 'month',
  reason: 'A month alone ("in January", "last May", "early March"); its year comes from tense or the shift word',
  pattern: new RegExp(
    `(?:\\b(?<prep>in|on|during|by|since|until|till|from|through|throughout|before|after|of|between|for|around|as|and|or|to)${GAP})?` +
      `(?:\\b(?<shift>last|next|this)${GAP}|\\b(?<part>early|late|mid)[-\\s]{1,3}|\\b(?<edge>the${GAP}(?:start|beginning|middle|end)${GAP}of)${GAP})?` +
      `\\b(?<month>${MONTH_NAMES})\\b(?!-)`,
    'dgi',
  ),
  key: { from: 'month' },
  read(m, scan) {
    const name = g(m, 'month')!;
    const number = monthOf(name);
    if (number === null || !isFullMonthName(name) || !bareMonthAllowed(m, scan, number)) return null;
    const shift = g(m, 'shift') ? SHIFTS[lower(g(m, 'shift'))]! : null;
    const reading = calendar(m, null, number, null, null, shift);
    // A conjunction only licensed the month; it is not part of the expression.
    if (COORDINATORS.has(lower(g(m, 'prep')))) return { start: skipSpaces(scan.text, at(m, 'prep')![1]), end: end(m), reading };
    return found(m, scan.text, reading);
  },
};

function weekdayIsName(m: Match, text: string): boolean {
  if (!g(m, 'prep') && !g(m, 'shift') && WEEKDAY_NAME_PREFIXES.has(lower(wordBefore(text, m.index)))) return true;
  const part = g(m, 'part');
  if (part) return isCapitalised(part);
  const next = wordAfter(text, at(m, 'wd')![1]);
  return isCapitalised(next) && WEEKDAY_NAME_SUFFIXES.has(next.toLowerCase());
}

export const weekday: Rule = {
  name: 'weekday',
  reason: 'Day names date most news events ("said on Friday", "last Tuesday", "Friday\'s meeting"); plurals recur ("on Mondays")',
  pattern: new RegExp(
    `(?:\\b(?<prep>on|by|until|till|since|from|before|after|through|of)${GAP})?(?:\\b(?<shift>last|next|this|coming)${GAP})?` +
      `\\b(?<wd>${WEEKDAY_NAMES})(?<plural>s)?\\b(?:${GAP}(?<part>morning|afternoon|evening|night))?`,
    'dgi',
  ),
  key: { from: 'wd' },
  read(m, scan) {
    const number = weekdayNumber(g(m, 'wd')!);
    if (number === null || weekdayIsName(m, scan.text)) return null;
    if (g(m, 'plural')) return found(m, scan.text, { kind: 'set', amount: 1, unit: 'week' });
    const shift = g(m, 'shift') ? SHIFTS[lower(g(m, 'shift'))]! : null;
    return found(m, scan.text, calendar(m, null, null, null, number, shift));
  },
};

function seasonIsEvent(text: string, after: number, season: string): boolean {
  const next = wordAfter(text, after).toLowerCase();
  // "the fall of Kabul", "the spring in her step": the noun, not the season.
  return /^(of|in)$/.test(next) || (/^(fall|spring)$/i.test(season) && next === 'into');
}

export const season: Rule = {
  name: 'season',
  reason: 'Seasons ("in the summer of 2021", "last winter", "this fall"), valued by the year that contains them',
  pattern: new RegExp(
    `(?:\\b(?<prep>in|during|over|through|throughout|by|since|until|till|before|after|from|for)${GAP})?` +
      `(?:\\b(?<shift>this|last|next|past|coming)${GAP}|\\bthe${GAP}(?:(?:early|late)${GAP})?)?(?:\\b(?:early|late|mid)[-\\s]{1,3})?` +
      `\\b(?<season>spring|summer|autumn|fall|winter)(?:${GAP}(?:of${GAP})?(?<year>\\d{4})\\b(?![\\d%]))?\\b`,
    'dgi',
  ),
  key: { from: 'season' },
  read(m, scan) {
    const name = g(m, 'season')!;
    const year = optionalYear(m);
    const shift = g(m, 'shift') ? SHIFTS[lower(g(m, 'shift'))]! : null;
    if (year === undefined || (year === null && shift === null && !g(m, 'prep'))) return null;
    // "the Summer Olympics": a capitalised season without a year is part of a name.
    if (year === null && (isCapitalised(name) || seasonIsEvent(scan.text, end(m), name))) return null;
    return found(m, scan.text, { kind: 'season', season: SEASONS[name.toLowerCase()]!, year, shift, governor: governorOf(m) });
  },
};

const HOLIDAY_NAMES = HOLIDAYS.flatMap((h) => h.names)
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/[.]/g, '\\.').replace(/ /g, GAP))
  .join('|');

export const holiday: Rule = {
  name: 'holiday',
  reason: 'Named days ("since Christmas", "by Thanksgiving", "on Christmas Eve"); a bare name needs a preposition or a year ("the Christmas market" is no date)',
  pattern: new RegExp(
    `(?:\\b(?<prep>on|at|over|during|since|until|till|by|before|after|from|for|of)${GAP})?\\b(?<name>${HOLIDAY_NAMES})(?:${GAP}(?<year>\\d{4})\\b(?![\\d%]))?\\b`,
    'dgi',
  ),
  key: { from: 'name' },
  read(m, scan) {
    const name = g(m, 'name')!.replace(/\s+/g, ' ');
    const year = optionalYear(m);
    if (!holidayNamed(name) || year === undefined) return null;
    if (!g(m, 'prep') && year === null && !/ (Day|Eve)$/.test(name)) return null;
    return found(m, scan.text, { kind: 'holiday', name, year, governor: governorOf(m) });
  },
};

export const decade: Rule = {
  name: 'decade',
  reason: '"the 1990s" is temporal but no value form in the contract holds a decade, so it is kept with a null value',
  pattern: /\b(?:the\s{1,3})?(?:(?:early|mid|late)[-\s]{1,3})?(?<decade>1\d{2}0|20\d0)s\b/dgi,
  key: { from: 'decade' },
  read(m, scan) {
    return found(m, scan.text, { kind: 'decade', decade: Number(g(m, 'decade')) });
  },
};

const DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'this', 'that']);

/** "2019 votes", "about 2000 people": a four-digit count, not a year. */
function yearIsCount(text: string, m: Match): boolean {
  const [start, stop] = at(m, 'year')!;
  const leader = lower(wordBefore(text, start));
  const led = Boolean(g(m, 'prep') || g(m, 'part') || g(m, 'floor'));
  if (!led && (/[$£€#.,/:\d-]/.test(text[start - 1] ?? '') || COUNT_LEADERS.has(leader))) return true;
  const next = wordAfter(text, stop);
  if (!/^\p{Ll}/u.test(next) || /^\s*[,.;:!?)]/.test(text.slice(stop, stop + 2))) return false;
  const word = next.toLowerCase();
  if (COUNT_NOUNS.has(word)) return true;
  // A plural after a bare number counts things, unless a determiner makes the year a modifier ("the 2019 elections").
  const plural = word.length > 3 && word.endsWith('s') && !S_ENDING_FUNCTION_WORDS.has(word);
  return plural && !DETERMINERS.has(lower(g(m, 'prep')) || leader);
}

export const year: Rule = {
  name: 'year',
  reason: 'A four-digit year ("in 2019", "the 2021 tender", "mid-2020", "since at least 2022"); counts like "2019 votes" are rejected',
  pattern:
    /(?:\b(?<prep>in|during|since|until|till|by|from|before|after|through|of|the)\s{1,3})?(?:\b(?<floor>at\s{1,3}least|as\s{1,3}early\s{1,3}as)\s{1,3})?(?:\b(?<part>early|late|mid)[-\s]{1,3})?\b(?<year>\d{4})\b(?![%\d]|[.,:/]\d|[-–]\d)/dgi,
  key: { from: 'year' },
  read(m, scan) {
    const value = Number(g(m, 'year'));
    if (!isYear(value) || yearIsCount(scan.text, m)) return null;
    return found(m, scan.text, calendar(m, value, null, null, null));
  },
};
