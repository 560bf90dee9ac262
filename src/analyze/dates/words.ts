/**
 * Regex fragments built once from the vocabulary, and readers that turn matched words back
 * into numbers. Every quantifier is bounded, so each pattern costs O(1) per text position.
 */
import {
  AMOUNT_WORDS, COUNT_HEDGES, DURATION_ADJECTIVES, MONTHS, UNIT_WORDS, WEEKDAYS, type Unit,
} from './vocabulary.js';

/** Whitespace between words: a few characters at most, so runs of spaces cannot cost more. */
export const GAP = '\\s{1,3}';

const alternation = (words: readonly string[]) =>
  [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, GAP)).join('|');

export const MONTH_NAMES = alternation(MONTHS.map((m) => m.name));
export const MONTH_FORMS = alternation(MONTHS.flatMap((m) => [m.name, ...m.abbreviations]));
export const WEEKDAY_NAMES = alternation(WEEKDAYS);

const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ONES = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const COMPOUND_NUMBER = `(?:${TENS.join('|')})-(?:${ONES.join('|')})`;
const EXACT_WORDS = Object.keys(AMOUNT_WORDS).filter((w) => AMOUNT_WORDS[w] !== null && !/^an?$/.test(w));

const HALF = `(?:${GAP}and${GAP}a${GAP}half)?`;
/** An exact count other than the article "a", for compounds ("six-month") and recurrences. */
export const NUMBER = `\\d{1,4}|${COMPOUND_NUMBER}|${alternation(EXACT_WORDS)}`;
/** A count written as digits or words, exact or vague ("a few"), halves included ("four and a half"). */
export const AMOUNT = `(?:\\d{1,4}(?:\\.\\d{1,2})?|${COMPOUND_NUMBER}|${alternation(Object.keys(AMOUNT_WORDS))})${HALF}|half${GAP}an?`;
/** An exact count, halves included, for lengths written without a cue ("four and a half hours"). */
export const EXACT_AMOUNT = `(?:${NUMBER})${HALF}|half${GAP}an?`;
export const UNITS = 'seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|century|centuries';
export const HEDGES = alternation(COUNT_HEDGES);
export const ADJECTIVES = alternation(DURATION_ADJECTIVES);

/** "two" → 2, "twenty-five" → 25, "3" → 3, "four and a half" → 4.5, "a few" → null; undefined when not a count. */
export function amountOf(word: string): number | null | undefined {
  const key = word.toLowerCase().replace(/\s+/g, ' ');
  if (/^half an?$/.test(key)) return 0.5;
  if (key.endsWith(' and a half')) {
    const whole = amountOf(key.slice(0, -' and a half'.length));
    return typeof whole === 'number' ? whole + 0.5 : whole;
  }
  if (/^\d/.test(key)) return Number(key);
  if (key in AMOUNT_WORDS) return AMOUNT_WORDS[key];
  const [tens, ones] = key.split('-');
  if (tens && ones && TENS.includes(tens) && ONES.includes(ones)) return (TENS.indexOf(tens) + 2) * 10 + ONES.indexOf(ones) + 1;
  return undefined;
}

/** "days" → day, "decade" → 10 years, "fortnight" → 2 weeks. */
export function unitOf(word: string): { unit: Unit; factor: number; plural: boolean } | null {
  const key = word.toLowerCase();
  const plural = key.endsWith('s');
  const entry = UNIT_WORDS[plural ? key.replace(/ies$/, 'y').replace(/s$/, '') : key] ?? UNIT_WORDS[key];
  return entry ? { ...entry, plural } : null;
}

/** 1–12 for a capitalised month name or abbreviation, else null. */
export function monthOf(word: string): number | null {
  if (!isCapitalised(word)) return null;
  const key = word.replace(/\.$/, '').toLowerCase();
  const index = MONTHS.findIndex((m) => m.name.toLowerCase() === key || m.abbreviations.some((a) => a.toLowerCase() === key));
  return index >= 0 ? index + 1 : null;
}

export const isFullMonthName = (word: string) => MONTHS.some((m) => m.name === word);

/** 0 (Sunday) – 6 for a capitalised weekday name, else null. */
export function weekdayNumber(word: string): number | null {
  if (!isCapitalised(word)) return null;
  const index = WEEKDAYS.findIndex((w) => w.toLowerCase() === word.toLowerCase());
  return index >= 0 ? index : null;
}

export const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);

const WORD_BEFORE = /([\p{L}'’-]+)[^\p{L}\n]{0,3}$/u;
const WORD_AFTER = /^[^\p{L}\n]{0,3}?([\p{L}'’-]+)/u;
const NEAR = 40;

/** The word ending just before `index` (within a few characters), as written. */
export function wordBefore(text: string, index: number): string {
  return WORD_BEFORE.exec(text.slice(Math.max(0, index - NEAR), index))?.[1] ?? '';
}

/** The word starting just after `index` (within a few characters), as written. */
export function wordAfter(text: string, index: number): string {
  return WORD_AFTER.exec(text.slice(index, index + NEAR))?.[1] ?? '';
}

export function skipSpaces(text: string, index: number): number {
  let i = index;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}
