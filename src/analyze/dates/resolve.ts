/**
 * Resolution: what a reading means given the publication date, the clause's tense and the
 * anchors the text gave. Conventions (each is a choice; tests pin them):
 *
 * - Tense picks the occurrence. In a past clause a weekday, month or month-day is the latest
 *   one *on or before* publication, in a future clause the earliest one *on or after* it. A
 *   Friday article's "said on Friday" is that Friday, and so is "will speak on Friday": news
 *   style (AP) names the day instead of writing "today". With no tense cue the occurrence
 *   nearest to publication is taken (ties go to the past) and the basis is "inferred".
 * - "last Friday" is the latest Friday strictly before publication, "next Friday" the earliest
 *   strictly after, "this Friday" the Friday of the publication's ISO week (Monday–Sunday).
 *   "last May"/"next May" likewise skip the publication month; "this May" is the publication year's.
 * - Weeks are ISO weeks ("2025-W33"); a weekend is valued by the ISO week it ends.
 * - Seasons (northern hemisphere: spring = Mar–May … winter = Dec–Feb) are valued by the
 *   year that contains them, or in which a winter starts: "the summer of 2021" → "2021". The
 *   output contract has no season form, and a month would claim more than the text said.
 * - Offsets from publication keep the precision of their unit (as publication stamps do):
 *   "two days ago" a day, "a month ago" a month, "a year ago" a year. Offsets from a date in the
 *   text keep that date's precision ("Last January … A year later" → a month), or the named
 *   period's when it is coarser ("the following week" → a week).
 * - "since" puts a date before the moment of writing whatever the verb ("cut its guidance for
 *   the second time since March").
 * - "today", "yesterday" … inside a quotation count from the day the speaker spoke: the latest
 *   day on or before publication that the text has dated so far, if within a week (the quote was given
 *   at the event being reported); otherwise from publication.
 * - Holidays resolve like month-days (US Thanksgiving, Western Easter).
 * - Clock times are "T21:00", or "2026-08-13T21:00" when the day is known (see attachTimes in
 *   dates.ts). Zones are read but not kept: the contract's value forms have none.
 * - Durations and recurrences are ISO 8601 durations ("P50D", "PT14H"); a recurrence is valued
 *   by its period ("every Monday" → "P1W"); vague counts ("for years") have no value.
 * - Without a publication date only what the text wrote in full gets a value, plus offsets
 *   from a date the text wrote in full ("a year earlier" after "in 2019" → "2018").
 */
import type { TemporalBasis, TemporalType } from '../types.js';
import {
  coarser, compareDays, daysBetween, formatDay, formatPoint, isValidDay, mondayOf, periodPrecision, shiftDays, shiftMonths, shiftPoint,
  unitPrecision, weekdayOf, type Day, type Point,
} from './calendar.js';
import { holidayNamed } from './holidays.js';
import type { Governor, Part, Reading, Season, Shift } from './readings.js';
import type { TenseVerdict } from './tense.js';
import type { Unit } from './vocabulary.js';

export interface Resolved {
  value: string | null;
  type: TemporalType;
  basis: TemporalBasis;
  /** The value as a calendar point, for later expressions that count from it. */
  point: Point | null;
}

export interface ResolveContext {
  published: Day | null;
  tense: TenseVerdict | null;
  /** The last date resolved before this expression. */
  narrative: Point | null;
  /** For an expression inside a quotation: the day the quote was most likely given, else null. */
  speechDay: Day | null;
  /** The latest day-valued date given earlier in the same sentence. */
  sentenceDay: Day | null;
  event(word: string): Point | null;
}

type Calendar = Extract<Reading, { kind: 'calendar' }>;

/**
 * The tense that decides a governed date: "since March" precedes the writing whatever the
 * verb; "by Thanksgiving" after a promise or plan is the deadline ahead.
 */
function tenseOf(governor: Governor, ctx: ResolveContext): TenseVerdict | null {
  const facts = { pastEvent: false, forward: false };
  if (governor === 'since') return { direction: -1, basis: 'tense', ...facts };
  if (governor === 'by' && ctx.tense?.forward) return { direction: 1, basis: 'tense', ...facts };
  return ctx.tense;
}

const UNRESOLVED: Resolved = { value: null, type: 'date', basis: 'inferred', point: null };
/** How far back or forward a month-day may look for a year where it exists (29 February). */
const LEAP_SEARCH_YEARS = 8;
const SEASON_INDEX: Record<Season, number> = { spring: 0, summer: 1, autumn: 2, winter: 3 };

const dayPoint = (day: Day): Point => ({ precision: 'day', day });
const monthPoint = (y: number, m: number): Point => ({ precision: 'month', day: { y, m, d: 1 } });
const yearPoint = (y: number): Point => ({ precision: 'year', day: { y, m: 1, d: 1 } });

function dated(point: Point | null, basis: TemporalBasis, type: TemporalType = 'date'): Resolved {
  return point ? { value: formatPoint(point), type, basis, point } : { ...UNRESOLVED, type };
}

/** Past or future occurrence as the tense says; the nearer one when it says nothing. */
function byTense<T>(verdict: TenseVerdict | null, past: T | null, future: T | null, distance: (t: T) => number): { pick: T | null; basis: TemporalBasis } {
  const direction = verdict?.direction ?? 0;
  if (direction < 0) return { pick: past, basis: verdict!.basis };
  if (direction > 0) return { pick: future, basis: verdict!.basis };
  if (past === null || future === null) return { pick: past ?? future, basis: 'inferred' };
  return { pick: distance(past) <= distance(future) ? past : future, basis: 'inferred' };
}

function monthDayNear(month: number, day: number, published: Day, step: -1 | 1): Day | null {
  for (let k = 0; k <= LEAP_SEARCH_YEARS; k++) {
    const y = published.y + step * k;
    if (!isValidDay(y, month, day)) continue;
    const candidate = { y, m: month, d: day };
    if (compareDays(candidate, published) * step >= 0) return candidate;
  }
  return null;
}

/** "Friday, March 17": when tense gave a year whose March 17 is no Friday, the nearby year whose is. */
function matchWeekday(day: Day, weekday: number, published: Day): Day | null {
  if (weekdayOf(day) === weekday) return null;
  const fits = [-1, 0, 1]
    .map((k) => ({ ...day, y: published.y + k }))
    .filter((d) => isValidDay(d.y, d.m, d.d) && weekdayOf(d) === weekday);
  return fits.length === 1 ? fits[0]! : null;
}

function resolveMonthDay(r: Calendar, published: Day, tense: TenseVerdict | null): Resolved {
  const past = monthDayNear(r.month!, r.day!, published, -1);
  const future = monthDayNear(r.month!, r.day!, published, 1);
  const { pick, basis } = byTense(tense, past, future, (d) => Math.abs(daysBetween(published, d)));
  if (!pick) return UNRESOLVED;
  const fitted = r.weekday === null ? null : matchWeekday(pick, r.weekday, published);
  return fitted ? dated(dayPoint(fitted), 'inferred') : dated(dayPoint(pick), basis);
}

function resolveMonth(month: number, published: Day, tense: TenseVerdict | null): Resolved {
  const past = month <= published.m ? published.y : published.y - 1;
  const future = month >= published.m ? published.y : published.y + 1;
  const { pick, basis } = byTense(tense, past, future, (y) => Math.abs((y - published.y) * 12 + month - published.m));
  return dated(monthPoint(pick!, month), basis);
}

function resolveWeekday(weekday: number, published: Day, tense: TenseVerdict | null): Resolved {
  const back = (weekdayOf(published) - weekday + 7) % 7;
  const ahead = (weekday - weekdayOf(published) + 7) % 7;
  const { pick, basis } = byTense(tense, -back, ahead, Math.abs);
  return dated(dayPoint(shiftDays(published, pick!)), basis);
}

function shiftedWeekday(weekday: number, shift: Shift, published: Day): Day {
  if (shift === 0) return shiftDays(mondayOf(published), (weekday + 6) % 7);
  if (shift < 0) return shiftDays(published, -((weekdayOf(published) - weekday + 7) % 7 || 7));
  return shiftDays(published, (weekday - weekdayOf(published) + 7) % 7 || 7);
}

function shiftedMonth(month: number, shift: Shift, published: Day): number {
  if (shift === 0) return published.y;
  if (shift < 0) return month < published.m ? published.y : published.y - 1;
  return month > published.m ? published.y : published.y + 1;
}

function absoluteCalendar(r: Calendar): Resolved {
  if (r.month !== null && r.day !== null) return dated(dayPoint({ y: r.year!, m: r.month, d: r.day }), 'absolute');
  if (r.month !== null) return dated(monthPoint(r.year!, r.month), 'absolute');
  return dated(yearPoint(r.year!), 'absolute');
}

function resolveCalendar(r: Calendar, ctx: ResolveContext): Resolved {
  if (r.year !== null) return absoluteCalendar(r);
  const published = ctx.published;
  if (!published) return UNRESOLVED;
  if (r.shift !== null && r.weekday !== null) return dated(dayPoint(shiftedWeekday(r.weekday, r.shift, published)), 'relative');
  if (r.shift !== null && r.month !== null) return dated(monthPoint(shiftedMonth(r.month, r.shift, published), r.month), 'relative');
  const tense = tenseOf(r.governor, ctx);
  if (r.month !== null && r.day !== null) return resolveMonthDay(r, published, tense);
  if (r.month !== null) return resolveMonth(r.month, published, tense);
  if (r.weekday !== null) return resolveWeekday(r.weekday, published, tense);
  return UNRESOLVED;
}

/** Seasons as a running index (year × 4 + season); a winter belongs to the year it starts in. */
function seasonNow(published: Day): number {
  const m = published.m;
  if (m === 12) return published.y * 4 + 3;
  if (m <= 2) return (published.y - 1) * 4 + 3;
  return published.y * 4 + Math.floor((m - 3) / 3);
}

function seasonYear(season: Season, shift: Shift, published: Day): number {
  const s = SEASON_INDEX[season];
  const now = seasonNow(published);
  if (shift < 0) return Math.floor((now - 1 - s) / 4);
  if (shift > 0) return Math.ceil((now + 1 - s) / 4);
  return season === 'winter' && published.m <= 2 ? published.y - 1 : published.y;
}

function resolveSeason(r: Extract<Reading, { kind: 'season' }>, ctx: ResolveContext): Resolved {
  if (r.year !== null) return dated(yearPoint(r.year), 'absolute');
  const published = ctx.published;
  if (!published) return UNRESOLVED;
  if (r.shift !== null) return dated(yearPoint(seasonYear(r.season, r.shift, published)), 'relative');
  const s = SEASON_INDEX[r.season];
  const now = seasonNow(published);
  const past = Math.floor((now - s) / 4);
  const future = Math.ceil((now - s) / 4);
  const { pick, basis } = byTense(tenseOf(r.governor, ctx), past, future, (y) => Math.abs(y * 4 + s - now));
  return dated(yearPoint(pick!), basis);
}

/** A holiday: its day in the written year, else the occurrence the tense points to. */
function resolveHoliday(r: Extract<Reading, { kind: 'holiday' }>, ctx: ResolveContext): Resolved {
  const holiday = holidayNamed(r.name);
  if (!holiday) return UNRESOLVED;
  if (r.year !== null) return dated(dayPoint(holiday.on(r.year)), 'absolute');
  const published = ctx.published;
  if (!published) return UNRESOLVED;
  const around = [-1, 0, 1].map((k) => holiday.on(published.y + k));
  const past = around.filter((d) => compareDays(d, published) <= 0).at(-1) ?? null;
  const future = around.find((d) => compareDays(d, published) >= 0) ?? null;
  const { pick, basis } = byTense(tenseOf(r.governor, ctx), past, future, (d) => Math.abs(daysBetween(published, d)));
  return pick ? dated(dayPoint(pick), basis) : UNRESOLVED;
}

function resolvePeriod(unit: 'week' | 'month' | 'year', shift: Shift, published: Day): Point {
  if (unit === 'week') return { precision: 'week', day: mondayOf(shiftDays(published, shift * 7)) };
  if (unit === 'month') return { precision: 'month', day: { ...shiftMonths(published, shift), d: 1 } };
  return yearPoint(published.y + shift);
}

/** The weekend before publication (or the current one, from Saturday on) in the past; the coming one otherwise. */
function resolveWeekend(published: Day, tense: TenseVerdict | null): Resolved {
  const weekday = weekdayOf(published);
  const direction = tense?.direction ?? 0;
  const current = direction === 1 || weekday === 0 || weekday === 6;
  const day = current ? published : shiftDays(published, -7);
  return dated({ precision: 'week', day: mondayOf(day) }, direction === 0 ? 'inferred' : tense!.basis);
}

/** `amount` units from publication, at the unit's precision. */
function fromPublication(published: Day | null, amount: number | null, unit: Unit, direction: number, basis: TemporalBasis, whole = false): Resolved {
  if (!published || amount === null) return UNRESOLVED;
  const precision = whole ? periodPrecision(unit) : unitPrecision(unit);
  return dated(shiftPoint(dayPoint(published), direction * amount, unit, precision), basis);
}

/** `amount` units from a date the text gave, at that date's precision (or the named period's, if coarser). */
function fromAnchor(anchor: Point | null, amount: number | null, unit: Unit, direction: number, whole: boolean): Resolved {
  if (!anchor || amount === null) return UNRESOLVED;
  const precision = whole ? coarser(anchor.precision, periodPrecision(unit)) : anchor.precision;
  return dated(shiftPoint(anchor, direction * amount, unit, precision), 'relative');
}

/**
 * "one day before the talks": from the talks' date when the text gave one. Otherwise a hedged
 * count is the length between the events ("more than three years after the cap"); else the
 * phrase describes the moment its sentence already dated ("on Saturday, two days after the clubs
 * agreed terms"), or — in a present-tense clause — the moment of writing ("Five days after an
 * election, the parties are…"); else it stays unresolved.
 */
function resolveAnchored(r: Extract<Reading, { kind: 'anchored' }>, ctx: ResolveContext): Resolved {
  const event = ctx.event(r.event);
  if (event) return fromAnchor(event, r.amount, r.unit, r.direction, r.whole);
  if (r.approximate && r.amount !== null) return lengthOf(single(r.amount, r.unit), 'duration');
  if (ctx.sentenceDay) return dated(dayPoint(ctx.sentenceDay), 'inferred');
  if (ctx.published && ctx.tense?.direction === 1 && ctx.tense.basis === 'inferred') return dated(dayPoint(ctx.published), 'inferred');
  return UNRESOLVED;
}

function resolveNarrative(r: Extract<Reading, { kind: 'narrative' }>, ctx: ResolveContext): Resolved {
  if (ctx.narrative) return fromAnchor(ctx.narrative, r.amount, r.unit, r.direction, r.whole);
  // No earlier date: count from publication, but say it was a guess.
  return fromPublication(ctx.published, r.amount, r.unit, r.direction, 'inferred', r.whole);
}

const UNIT_ORDER: readonly Unit[] = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];
const DESIGNATORS: Record<Unit, string> = { year: 'Y', month: 'M', week: 'W', day: 'D', hour: 'H', minute: 'M', second: 'S' };
const TIME_UNITS = new Set<Unit>(['hour', 'minute', 'second']);
/** Halves that are whole in the next unit down: "four and a half hours" is PT4H30M. */
const HALF_OF: Partial<Record<Unit, Part>> = { year: { amount: 6, unit: 'month' }, day: { amount: 12, unit: 'hour' }, hour: { amount: 30, unit: 'minute' }, minute: { amount: 30, unit: 'second' } };

function wholeParts(parts: readonly Part[]): Part[] {
  return parts.flatMap((p) => {
    const half = HALF_OF[p.unit];
    if (p.amount % 1 !== 0.5 || !half) return [p];
    return Math.floor(p.amount) > 0 ? [{ amount: Math.floor(p.amount), unit: p.unit }, half] : [half];
  });
}

/** ISO 8601: "P50D", "P3Y", "PT14H", "PT1M50S", "PT4H30M". */
export function formatDuration(parts: readonly Part[]): string {
  const sorted = [...wholeParts(parts)].sort((a, b) => UNIT_ORDER.indexOf(a.unit) - UNIT_ORDER.indexOf(b.unit));
  const write = (p: Part) => `${p.amount}${DESIGNATORS[p.unit]}`;
  const date = sorted.filter((p) => !TIME_UNITS.has(p.unit)).map(write).join('');
  const time = sorted.filter((p) => TIME_UNITS.has(p.unit)).map(write).join('');
  return `P${date}${time ? `T${time}` : ''}`;
}

function lengthOf(parts: readonly Part[] | null, type: TemporalType): Resolved {
  if (!parts) return { ...UNRESOLVED, type };
  return { value: formatDuration(parts), type, basis: 'absolute', point: null };
}

const single = (amount: number | null, unit: Unit): Part[] | null => (amount === null ? null : [{ amount, unit }]);

function resolveInUnits(r: Extract<Reading, { kind: 'inUnits' }>, ctx: ResolveContext): Resolved {
  if (ctx.tense?.direction !== 1) return lengthOf(single(r.amount, r.unit), 'duration');
  return fromPublication(ctx.published, r.amount, r.unit, 1, ctx.tense.basis === 'tense' ? 'relative' : 'inferred');
}

/** "yesterday" counts from publication, or inside a quotation from the day the quote was given. */
function resolveDayShift(days: number, published: Day, speechDay: Day | null): Resolved {
  if (speechDay) return dated(dayPoint(shiftDays(speechDay, days)), 'inferred');
  return dated(dayPoint(shiftDays(published, days)), 'relative');
}

function needsPublished(r: Reading, ctx: ResolveContext): Resolved {
  const published = ctx.published;
  if (!published) return UNRESOLVED;
  switch (r.kind) {
    case 'period': return dated(resolvePeriod(r.unit, r.shift, published), 'relative');
    case 'weekend': return resolveWeekend(published, ctx.tense);
    case 'dayShift': return resolveDayShift(r.days, published, ctx.speechDay);
    case 'offset': return fromPublication(published, r.amount, r.unit, r.direction, 'relative');
    default: return UNRESOLVED;
  }
}

/** Everything but clock times, which take their day from the dates around them (see attachTimes). */
export function resolveReading(r: Reading, ctx: ResolveContext): Resolved {
  switch (r.kind) {
    case 'calendar': return resolveCalendar(r, ctx);
    case 'season': return resolveSeason(r, ctx);
    case 'holiday': return resolveHoliday(r, ctx);
    case 'narrative': return resolveNarrative(r, ctx);
    case 'anchored': return resolveAnchored(r, ctx);
    case 'inUnits': return resolveInUnits(r, ctx);
    case 'duration': return lengthOf(r.parts, 'duration');
    case 'set': return lengthOf(single(r.amount, r.unit), 'set');
    case 'decade': return UNRESOLVED;
    case 'time': return { value: null, type: 'time', basis: 'absolute', point: null };
    default: return needsPublished(r, ctx);
  }
}

/** Which readings need the clause's tense to be resolved. */
export function needsTense(r: Reading): boolean {
  if (r.kind === 'calendar') return r.year === null && r.shift === null && r.governor !== 'since';
  if (r.kind === 'season') return r.year === null && r.shift === null && r.governor !== 'since';
  if (r.kind === 'holiday') return r.year === null && r.governor !== 'since';
  // A clock time takes a day from the narrative only when its own verb is a past event; an
  // undated event offset falls back on the clause's tense.
  return r.kind === 'weekend' || r.kind === 'inUnits' || r.kind === 'time' || r.kind === 'anchored';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "T21:00", or "2026-08-13T21:00" when the day it happened on is known. */
export function clockValue(hour: number, minute: number, day: Day | null): string {
  return `${day ? formatDay(day) : ''}T${pad(hour)}:${pad(minute)}`;
}
