/**
 * chrono-node where it helps: reading the components of formats with many spellings — clock
 * times ("9.30pm", "12 a.m.", "21:00") and numeric dates ("3/17/2025", "17/3/2025",
 * "2025-03-17", with chrono's month-first order and day-first fallback) — and the "chrono
 * alone" baseline a scorer compares our resolution with.
 *
 * Our rules find the span; chrono reads only that substring and only its *certain* components
 * count, so the reference instant below never leaks into a value. Nothing here reads the clock.
 */
import * as chrono from 'chrono-node';
import type { TemporalExpression } from '../types.js';
import { formatDay, formatMonth, formatYear, isValidDay, parseDay, type Day } from './calendar.js';

/** Any fixed instant: certain components do not depend on it. */
const NEUTRAL_REFERENCE: chrono.ParsingReference = { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };

/**
 * Pathological input repeats the same clock or date string thousands of times; remembering
 * the last few hundred readings keeps chrono's cost per distinct string, not per occurrence.
 */
const MEMO_LIMIT = 512;
const memo = new Map<string, chrono.ParsedComponents | null>();

function readWhole(text: string): chrono.ParsedComponents | null {
  const known = memo.get(text);
  if (known !== undefined) return known;
  const [result] = chrono.en.casual.parse(text, NEUTRAL_REFERENCE);
  const whole = result && result.index === 0 && result.text.length === text.length ? result.start : null;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, whole);
  return whole;
}

export function readClock(text: string): { hour: number; minute: number } | null {
  const parsed = readWhole(text);
  if (!parsed?.isCertain('hour')) return null;
  return { hour: parsed.get('hour')!, minute: parsed.get('minute') ?? 0 };
}

export function readNumericDate(text: string): Day | null {
  const parsed = readWhole(text);
  if (!parsed || !(['year', 'month', 'day'] as const).every((c) => parsed.isCertain(c))) return null;
  const day = { y: parsed.get('year')!, m: parsed.get('month')!, d: parsed.get('day')! };
  return isValidDay(day.y, day.m, day.d) ? day : null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const TRAILING = /[\s,.;:]+$/;
const RELATIVE_TAGS = /relative|casualReference/;

function dateValue(c: chrono.ParsedComponents, tags: Set<string>): string {
  const y = c.get('year')!;
  const m = c.get('month')!;
  const counted = [...tags].some((tag) => RELATIVE_TAGS.test(tag));
  if (c.isCertain('day') || c.isCertain('weekday') || counted) return formatDay({ y, m, d: c.get('day')! });
  if (c.isCertain('month')) return formatMonth(y, m);
  if (c.isCertain('year')) return formatYear(y);
  return formatDay({ y, m, d: c.get('day')! });
}

function isTimeOnly(c: chrono.ParsedComponents, tags: Set<string>): boolean {
  const dated = (['year', 'month', 'day', 'weekday'] as const).some((k) => c.isCertain(k));
  return c.isCertain('hour') && !dated && ![...tags].some((tag) => RELATIVE_TAGS.test(tag));
}

function baselineExpression(result: chrono.ParsedResult, referenced: boolean): TemporalExpression {
  const text = result.text.replace(TRAILING, '');
  const c = result.start;
  const tags = result.tags();
  // chrono marks a counted day ("two days ago") certain too; only a written one is absolute.
  const counted = [...tags].some((tag) => RELATIVE_TAGS.test(tag));
  const absolute = !counted && (['year', 'month', 'day'] as const).every((k) => c.isCertain(k));
  const clock = c.isCertain('hour') ? `T${pad(c.get('hour')!)}:${pad(c.get('minute') ?? 0)}` : '';
  const span = { start: result.index, end: result.index + text.length, text };
  if (isTimeOnly(c, tags)) return { ...span, value: clock, type: 'time', basis: 'absolute' };
  if (!absolute && !referenced) return { ...span, value: null, type: 'date', basis: 'inferred' };
  const date = dateValue(c, tags);
  return {
    ...span,
    value: clock && date.length === 10 ? `${date}${clock}` : date,
    type: clock ? 'time' : 'date',
    basis: absolute ? 'absolute' : 'relative',
  };
}

/**
 * chrono's own reading of `text` (forwardDate off, reference = noon UTC on the publication
 * day), in our output shape. Without a publication date only fully written dates get a value,
 * as in `findDates`.
 */
export function chronoBaseline(text: string, published: string | null): TemporalExpression[] {
  const day = parseDay(published);
  const reference: chrono.ParsingReference = day
    ? { instant: new Date(Date.UTC(day.y, day.m - 1, day.d, 12)), timezone: 0 }
    : NEUTRAL_REFERENCE;
  return chrono.en.parse(text, reference, { forwardDate: false }).map((r) => baselineExpression(r, day !== null));
}
