/**
 * Calendar arithmetic on plain days. Dates are built at local noon and read with local getters,
 * so the result never depends on the machine's time zone (noon stays inside its day across
 * every daylight-saving change), and nothing here reads the clock.
 */
import { addDays, addMonths, addYears, getISOWeek, getISOWeekYear, startOfISOWeek } from 'date-fns';
import type { Unit } from './vocabulary.js';

export interface Day {
  y: number;
  m: number;
  d: number;
}

/** How fine a resolved value is; a week value is an ISO week. */
export type Precision = 'day' | 'week' | 'month' | 'year';

export interface Point {
  precision: Precision;
  /** The first day of the value (the Monday of a week, the 1st of a month). */
  day: Day;
}

const COARSENESS: Record<Precision, number> = { day: 0, week: 1, month: 2, year: 3 };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function toDate(day: Day): Date {
  const date = new Date(2000, 0, 1, 12);
  date.setFullYear(day.y, day.m - 1, day.d);
  return date;
}

function fromDate(date: Date): Day {
  return { y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate() };
}

export function isValidDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const back = fromDate(toDate({ y, m, d }));
  return back.m === m && back.d === d;
}

/** "2025-08-15" (anything after the day, such as a time, is ignored) or null. */
export function parseDay(value: string | null | undefined): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDay(y, m, d) ? { y, m, d } : null;
}

export const formatYear = (y: number) => pad(y, 4);
export const formatMonth = (y: number, m: number) => `${formatYear(y)}-${pad(m)}`;
export const formatDay = (day: Day) => `${formatMonth(day.y, day.m)}-${pad(day.d)}`;

export function formatWeek(day: Day): string {
  const date = toDate(day);
  return `${formatYear(getISOWeekYear(date))}-W${pad(getISOWeek(date))}`;
}

export const shiftDays = (day: Day, n: number): Day => fromDate(addDays(toDate(day), n));
export const shiftMonths = (day: Day, n: number): Day => fromDate(addMonths(toDate(day), n));
export const shiftYears = (day: Day, n: number): Day => fromDate(addYears(toDate(day), n));

/** 0 = Sunday … 6 = Saturday, as chrono and Date number them. */
export const weekdayOf = (day: Day): number => toDate(day).getDay();

export function compareDays(a: Day, b: Day): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function mondayOf(day: Day): Day {
  return fromDate(startOfISOWeek(toDate(day)));
}

export function formatPoint(point: Point): string {
  switch (point.precision) {
    case 'day': return formatDay(point.day);
    case 'week': return formatWeek(point.day);
    case 'month': return formatMonth(point.day.y, point.day.m);
    case 'year': return formatYear(point.day.y);
  }
}

const POINT_FORMS: readonly [RegExp, (g: number[]) => Point | null][] = [
  [/^(\d{4})-(\d{2})-(\d{2})(?:T|$)/, ([y, m, d]) => (isValidDay(y!, m!, d!) ? { precision: 'day', day: { y: y!, m: m!, d: d! } } : null)],
  [/^(\d{4})-W(\d{2})$/, ([y, w]) => ({ precision: 'week', day: shiftDays(mondayOf({ y: y!, m: 1, d: 4 }), (w! - 1) * 7) })],
  [/^(\d{4})-(\d{2})$/, ([y, m]) => ({ precision: 'month', day: { y: y!, m: m!, d: 1 } })],
  [/^(\d{4})$/, ([y]) => ({ precision: 'year', day: { y: y!, m: 1, d: 1 } })],
];

/** Reads back a value this module wrote, for counting offsets from it. */
export function parsePoint(value: string | null): Point | null {
  if (!value) return null;
  for (const [form, build] of POINT_FORMS) {
    const match = form.exec(value);
    if (match) return build(match.slice(1).map(Number));
  }
  return null;
}

/**
 * The precision an offset of `unit` from publication can claim. As for publication stamps
 * (src/clean/stamps.ts), counts up to weeks land on a day, months on a month, years on a year:
 * "a month ago" is July, not July 14.
 */
export function unitPrecision(unit: Unit): Precision {
  if (unit === 'month') return 'month';
  if (unit === 'year') return 'year';
  return 'day';
}

export function coarser(a: Precision, b: Precision): Precision {
  return COARSENESS[a] >= COARSENESS[b] ? a : b;
}

/** The precision of a unit named as a whole period ("the following week" is an ISO week). */
export function periodPrecision(unit: Unit): Precision {
  return unit === 'week' ? 'week' : unitPrecision(unit);
}

/** `point` moved by `amount` units, valued at `precision`. */
export function shiftPoint(point: Point, amount: number, unit: Unit, precision: Precision): Point {
  const day = shiftDay(point.day, amount, unit);
  return { precision, day: precision === 'week' ? mondayOf(day) : day };
}

export function shiftDay(day: Day, amount: number, unit: Unit): Day {
  switch (unit) {
    case 'second':
    case 'minute':
      return day;
    // Hours move the day only in whole days: the time of day behind a value is unknown.
    case 'hour': return shiftDays(day, Math.trunc(amount / 24));
    case 'day': return shiftDays(day, amount);
    case 'week': return shiftDays(day, amount * 7);
    case 'month': return shiftMonths(day, amount);
    case 'year': return shiftYears(day, amount);
  }
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}
