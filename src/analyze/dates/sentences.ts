/**
 * Sentence spans by a single left-to-right scan: tense is decided inside a sentence, and event
 * words are remembered per sentence. A full stop ends a sentence when a capital letter, a quote
 * or an opening bracket follows and the word before it is not an abbreviation ("Mr.", "Jan.");
 * a line break always does. Linear in the text: each terminator looks at a bounded window.
 */
import { ABBREVIATIONS } from './vocabulary.js';

export interface Sentences {
  starts: number[];
  ends: number[];
}

const TERMINATOR = /[.!?]+["'”’)\]]*|\n+/g;
const OPENS_SENTENCE = /[\p{Lu}"'“‘([]/u;
const WORD_BEFORE_STOP = /([\p{L}.]{1,12})$/u;
const SINGLE_INITIAL = /^\p{Lu}$/u;
const LOOKBACK = 12;

function isAbbreviation(text: string, stop: number): boolean {
  const word = WORD_BEFORE_STOP.exec(text.slice(Math.max(0, stop - LOOKBACK), stop))?.[1];
  if (!word) return false;
  // "J. Smith": a lone capital is an initial, not the end of a sentence.
  return SINGLE_INITIAL.test(word) || ABBREVIATIONS.has(word.toLowerCase().replace(/^\.+/, ''));
}

function nextVisible(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function endsSentence(text: string, match: RegExpExecArray): boolean {
  if (match[0].startsWith('\n')) return true;
  const after = match.index + match[0].length;
  if (after < text.length && !/\s/.test(text[after]!)) return false;
  const next = nextVisible(text, after);
  if (next >= text.length) return true;
  if (!OPENS_SENTENCE.test(text[next]!)) return false;
  return !(match[0].startsWith('.') && match[0].length === 1 && isAbbreviation(text, match.index));
}

export function splitSentences(text: string): Sentences {
  const starts: number[] = [];
  const ends: number[] = [];
  let start = 0;
  for (const match of text.matchAll(TERMINATOR)) {
    const m = match as RegExpExecArray;
    if (!endsSentence(text, m)) continue;
    const end = m[0].startsWith('\n') ? m.index : m.index + m[0].length;
    if (end > start) {
      starts.push(start);
      ends.push(end);
    }
    start = m.index + m[0].length;
  }
  if (start < text.length) {
    starts.push(start);
    ends.push(text.length);
  }
  return { starts, ends };
}

/** For each span start (ascending), the index of the sentence holding it. */
export function sentenceIndexes(sentences: Sentences, spanStarts: readonly number[]): number[] {
  const out: number[] = [];
  let s = 0;
  for (const at of spanStarts) {
    while (s < sentences.ends.length - 1 && sentences.ends[s]! <= at) s++;
    out.push(s);
  }
  return out;
}
