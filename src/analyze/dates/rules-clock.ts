/**
 * Rules for clock times: "at 9am", "9:30 p.m. EDT", "noon", "at around 3am", "at four in the
 * morning". A time is valued "Thh:mm"; the day it happened on is added later (dates.ts).
 */
import { readClock } from './chrono.js';
import { at, g, lower, type Found, type Match, type Rule } from './rule.js';
import { TIME_ZONES } from './vocabulary.js';
import { GAP } from './words.js';

const CLOCK_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

/** "at" belongs to a time's span ("at 9am"); so does a hedge ("at around 3am"); other prepositions do not. */
const LEAD = `(?:\\b(?<prep>by|from|until|till|before|after|since|between|and)${GAP})?(?:\\b(?<at>at)${GAP})?(?:\\b(?<approx>around|about|approximately|roughly|shortly${GAP}(?:before|after)|just${GAP}(?:before|after))${GAP})?`;

function spanStart(m: Match, clockStart: number): number {
  return at(m, 'at')?.[0] ?? at(m, 'approx')?.[0] ?? clockStart;
}

function time(m: Match, start: number, end: number, hour: number, minute: number): Found {
  return { start, end, reading: { kind: 'time', hour, minute } };
}

export const clockTime: Rule = {
  name: 'clock-time',
  reason: 'Clock times ("at 9am", "9:30 p.m. EDT", "noon"); chrono reads the meridiem; a bare "14:30" needs a preposition or a zone',
  pattern: new RegExp(
    `${LEAD}(?<clock>\\b\\d{1,2}(?:[:.]\\d{2})?\\s{0,2}(?:a\\.?\\s?m\\b\\.?|p\\.?\\s?m\\b\\.?)|\\b\\d{1,2}:\\d{2}\\b(?![:.]?\\d)|\\bnoon\\b|\\bmidday\\b|\\bmidnight\\b)` +
      `(?:${GAP}(?<zone>[a-z]{2,5}\\b|local${GAP}time\\b))?`,
    'dgi',
  ),
  key: { from: 'clock' },
  read(m) {
    const zone = g(m, 'zone');
    const zoned = zone !== undefined && TIME_ZONES.has(lower(zone)) && (zone === zone.toUpperCase() || /local/i.test(zone));
    // "at 9pm." ends a sentence; the full stop belongs to the clock only in "9 p.m.".
    const clock = g(m, 'clock')!.replace(/(\d\s{0,2}[ap]m)\.$/i, '$1');
    const clockStart = at(m, 'clock')![0];
    if (/^\d{1,2}:\d{2}$/.test(clock) && !g(m, 'prep') && !g(m, 'at') && !zoned) return null;
    const read = readClock(clock.trim());
    if (!read) return null;
    const end = zoned ? m.index + m[0].length : clockStart + clock.length;
    return time(m, spanStart(m, clockStart), end, read.hour, read.minute);
  },
};

/** Hours added for the part of the day a spelled-out time names. */
const DAY_PARTS: readonly [RegExp, number][] = [
  [/morning/, 0], [/afternoon|evening|night/, 12], [/o['’]clock/, 0],
];

export const wordClock: Rule = {
  name: 'word-clock',
  reason: 'Spelled-out times: "at four in the morning", "at seven o\'clock", "at nine at night"',
  pattern: new RegExp(
    `${LEAD}\\b(?<hour>${Object.keys(CLOCK_WORDS).join('|')})${GAP}(?<part>o['’]clock|in${GAP}the${GAP}(?:morning|afternoon|evening)|at${GAP}night)\\b`,
    'dgi',
  ),
  key: { from: 'hour', to: 'part' },
  read(m) {
    if (!g(m, 'at') && !g(m, 'approx') && !g(m, 'prep')) return null;
    const written = CLOCK_WORDS[lower(g(m, 'hour'))]!;
    const part = lower(g(m, 'part'));
    const shift = DAY_PARTS.find(([form]) => form.test(part))![1];
    const hour = (written % 12) + shift;
    return time(m, spanStart(m, at(m, 'hour')![0]), m.index + m[0].length, hour, 0);
  },
};
