/**
 * Words for the entity recogniser, built from wink's tokens: wink breaks names at letters outside
 * Latin-1 ("Zieli|ń|ski", "Constan|ț|a") and at hyphens ("al|-|Tayeb"), so glued pieces are
 * joined again; a glued "'s" is kept apart as the possessive; a hyphenated adjective keeps only
 * its name ("Kyiv" of "Kyiv-based", "Kremlin" of "pro-Kremlin"). Each word carries wink's
 * part-of-speech tag and whether grammar capitalised it (a sentence's first word).
 */
import { commonWord } from './common-word.js';
import type { TokenizedText } from '../text.js';

export interface Word {
  /** The word without a possessive ending. */
  start: number;
  end: number;
  text: string;
  /** End including a possessive ending ("Koval's", "Ukrainians'"); equals `end` when there is none. */
  outer: number;
  /** Capitalised because of where it stands: a sentence's first word, or the first inside quote marks. */
  grammarCap: boolean;
  /** First word of a sentence (runs never cross sentences). */
  sentenceStart: boolean;
  /** Wink's coarse tag for the token that starts here ("PROPN", "NOUN", ...), or "". */
  pos: string;
  /** Starts with a capital, or with a particle and a capital ("al-Tayeb"). */
  capitalised: boolean;
  /** `text` in lower case, computed once. */
  lower: string;
}

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
/** Lower-case prefixes that attach to a name without being part of it ("pro-Kremlin", "anti-Western", "mid-March"). */
const DETACHED_PREFIXES = /^(pro|anti|non|mid|ex|post|pre|pan|trans|neo|ultra|semi|quasi|inter|intra|sub|super|de|un|re|all|cross|counter)[-‐‑](?=\p{Lu})/u;
/** Lower-case particles that begin a hyphenated surname ("al-Tayeb", "el-Sisi", "bin-Salman"). */
const PARTICLE_PREFIX = /^(al|el|ul|bin|ibn|abu|ben|d|l)[-‐‑]\p{Lu}/u;
/**
 * Lower-case words after a hyphen that make an adjective of a name ("Kyiv-based", "Russian-made"):
 * the name ends at the hyphen. Short unknown parts ("Wei-ling", "Jae-in") belong to the name.
 */
export const COMPOUND_SUFFIXES = new Set([
  'based', 'led', 'backed', 'born', 'owned', 'run', 'made', 'style', 'era', 'wide', 'bound', 'like', 'friendly', 'speaking', 'funded',
  'controlled', 'held', 'occupied', 'linked', 'aligned', 'registered', 'flagged', 'listed', 'built', 'designed', 'brokered', 'sponsored',
  'inspired', 'focused', 'centred', 'centered', 'specific', 'only', 'area', 'level', 'wise', 'bred', 'raised', 'educated', 'trained',
]);
const HYPHEN = /[-‐‑]/;
/** Words whose full stop is part of them: initials and initialisms ("J.", "U.S.") and title or company abbreviations ("Mr.", "Inc."). */
const OWNS_ITS_DOT = /^(?:\p{L}\.|(?:\p{L}\.){2,}|(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Col|Lt|Capt|Sgt|Prof|Rev|Jr|Sr|Inc|Ltd|Corp|Co|Mt|Ft|vs|No)\.)$/iu;

/** "it's", "that's": a verb after the apostrophe, not a possessive. */
const CONTRACTED = /^(?:it|that|he|she|what|there|here|who|where|let|how|everyone|everybody|nobody|somebody|someone|this|why|when)['’]s$/i;

/** The part of a hyphenated token that is a name: "Kyiv" of "Kyiv-based", "Kremlin" of "pro-Kremlin". */
function namePart(token: string): { skip: number; length: number } {
  const detached = DETACHED_PREFIXES.exec(token);
  const skip = detached && !PARTICLE_PREFIX.test(token) ? detached[0].length : 0;
  const rest = token.slice(skip);
  const parts = rest.split(/[-‐‑]/);
  let length = parts[0]!.length;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    if (/^\p{Ll}/u.test(part) && (COMPOUND_SUFFIXES.has(part) || (part.length > 4 && commonWord(part)))) break;
    length += 1 + part.length;
  }
  return { skip, length };
}

function sentenceOffsets(t: TokenizedText): number[] {
  return t.sentenceFirst.map((i) => t.starts[i] ?? t.text.length);
}

const MARKS_BEFORE_A_START = new Set(['"', '“', '‘', "'", '(', '[', '«', '„', ':', '—', '–']);

/** An opening mark or a colon just before the word: what follows is capitalised for grammar ("She said: “The …"). */
function afterMark(text: string, start: number): boolean {
  let p = start - 1;
  while (p >= 0 && text[p] === ' ') p--;
  return p >= 0 && MARKS_BEFORE_A_START.has(text[p]!);
}

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase();
}

/** Starts with a letter, a combining mark or a digit: part of a word, not punctuation. */
function wordish(value: string): boolean {
  const c = value.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  return c > 127 && LETTER_OR_MARK.test(value[0]!);
}

function isHyphen(value: string): boolean {
  return value === '-' || value === '‐' || value === '‑';
}

/** The last token of the word that starts at token `i`: glued letter pieces ("Zieli|ń|ski") and glued hyphens ("al|-|Tayeb") join. */
function wordEnd(t: TokenizedText, i: number): number {
  let j = i;
  while (j + 1 < t.values.length && t.starts[j + 1] === t.ends[j]) {
    const next = t.values[j + 1]!;
    if (wordish(next)) j++;
    else if (isHyphen(next) && j + 2 < t.values.length && t.starts[j + 2] === t.ends[j + 1] && wordish(t.values[j + 2]!)) j += 2;
    else break;
  }
  return j;
}

/** Words from wink's tokens, in text order. */
export function scanWords(t: TokenizedText): Word[] {
  const { text } = t;
  const sentences = sentenceOffsets(t);
  let nextSentence = 0;
  const words: Word[] = [];
  for (let i = 0; i < t.values.length; i++) {
    if (!wordish(t.values[i]!)) continue;
    const j = wordEnd(t, i);
    let start = t.starts[i]!;
    let end = t.ends[j]!;
    const whole = text.slice(start, end);
    const hyphenated = HYPHEN.test(whole);
    if (hyphenated) {
      const part = namePart(whole);
      start += part.skip;
      end = start + part.length;
    }
    // wink keeps a sentence's full stop on some words ("Constan|ț|a."); only abbreviations own theirs ("Mr.", "U.S.").
    if (text.charCodeAt(end - 1) === 46 && !OWNS_ITS_DOT.test(text.slice(start, end))) end--;
    const value = start === t.starts[i] && end === t.ends[j] ? whole : text.slice(start, end);
    let outer = end;
    // A glued "'s" (or a lone apostrophe after a plural) is the possessive: "Kraków's", "Ukrainians'".
    const next = t.values[j + 1];
    if (end === t.ends[j] && next !== undefined && t.starts[j + 1] === end) {
      if ((next === "'s" || next === '’s') && !CONTRACTED.test(`${value}'s`)) outer = t.ends[j + 1]!;
      else if ((next === "'" || next === '’') && value.endsWith('s') && t.starts[j + 2] !== t.ends[j + 1]) outer = t.ends[j + 1]!;
    }
    let sentenceStart = false;
    while (nextSentence < sentences.length && sentences[nextSentence]! <= start) {
      sentenceStart = true;
      nextSentence++;
    }
    const capitalised = isUpper(value[0]) || (hyphenated && PARTICLE_PREFIX.test(value));
    words.push({ start, end, text: value, lower: value.toLowerCase(), outer, grammarCap: sentenceStart || afterMark(text, start), sentenceStart, pos: t.pos[i] ?? '', capitalised });
    i = j;
  }
  return words;
}

/** True when only spaces (no line break, no punctuation) separate two words. */
export function adjacent(text: string, a: Word, b: Word): boolean {
  if (a.outer !== a.end) return false;
  for (let i = a.end; i < b.start; i++) {
    const ch = text[i]!;
    if (ch !== ' ' && ch !== '\u00a0' && ch !== '\t') return false;
  }
  return b.start > a.end;
}
