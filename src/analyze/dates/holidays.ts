/**
 * Named days that news dates events by ("since Christmas", "by Thanksgiving"). Each entry says
 * how to find the day in a given year. Lunar holidays (Eid, Diwali) and names that differ by
 * country (Independence Day, Labour Day) are left out: their date depends on a calendar or a
 * country the text does not give. Thanksgiving is the US one (Canada's is in October).
 */
import { shiftDays, weekdayOf, type Day } from './calendar.js';

export interface Holiday {
  /** Spellings, capitalised as written. */
  names: readonly string[];
  on(year: number): Day;
}

/** The `n`-th (1-based; -1 = last) given weekday of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): Day {
  if (n < 0) {
    const next = { y: month === 12 ? year + 1 : year, m: (month % 12) + 1, d: 1 };
    const last = shiftDays(next, -1);
    return shiftDays(last, -((weekdayOf(last) - weekday + 7) % 7));
  }
  const first = { y: year, m: month, d: 1 };
  return shiftDays(first, ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7);
}

/** Western Easter Sunday, by the Gregorian computus (Meeus/Jones/Butcher). */
export function easter(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { y: year, m: month, d: ((h + l - 7 * m + 114) % 31) + 1 };
}

const fixed = (month: number, day: number) => (year: number): Day => ({ y: year, m: month, d: day });
const thanksgiving = (year: number) => nthWeekday(year, 11, 4, 4);

export const HOLIDAYS: readonly Holiday[] = [
  { names: ['Christmas Day', 'Christmas'], on: fixed(12, 25) },
  { names: ['Christmas Eve'], on: fixed(12, 24) },
  { names: ['Boxing Day'], on: fixed(12, 26) },
  { names: ["New Year's Day", 'New Year’s Day'], on: fixed(1, 1) },
  { names: ["New Year's Eve", 'New Year’s Eve'], on: fixed(12, 31) },
  { names: ["Valentine's Day", 'Valentine’s Day'], on: fixed(2, 14) },
  { names: ["St Patrick's Day", "St. Patrick's Day", 'St Patrick’s Day', 'St. Patrick’s Day'], on: fixed(3, 17) },
  { names: ['Halloween'], on: fixed(10, 31) },
  { names: ['Bastille Day'], on: fixed(7, 14) },
  { names: ['Armistice Day', 'Remembrance Day', 'Veterans Day'], on: fixed(11, 11) },
  { names: ['Thanksgiving Day', 'Thanksgiving'], on: thanksgiving },
  { names: ['Black Friday'], on: (year) => shiftDays(thanksgiving(year), 1) },
  { names: ['Memorial Day'], on: (year) => nthWeekday(year, 5, 1, -1) },
  { names: ['Easter Sunday', 'Easter'], on: easter },
  { names: ['Good Friday'], on: (year) => shiftDays(easter(year), -2) },
  { names: ['Easter Monday'], on: (year) => shiftDays(easter(year), 1) },
];

export function holidayNamed(name: string): Holiday | null {
  return HOLIDAYS.find((h) => h.names.includes(name)) ?? null;
}
