/**
 * Quantities in an English news body: what a story counts or measures, so that two outlets'
 * figures for the same event can be set side by side ("at least five people" against "six
 * people"). Dates, years, clock times, ordinals, scores, phone numbers and identifiers
 * ("Article 5", "F-16") are numbers but not quantities, and are left out. So are durations
 * ("for 14 hours", "a four-year contract", "two years ago"): the temporal stage reports those.
 *
 * Conventions (part of the output contract, pinned by test/analyze/numbers.test.ts):
 * - The span covers the qualifier, the number and its unit words: "more than 430 missiles and drones".
 * - `value` is the plain number with scale words applied: "$1.34bn" → 1340000000, "1.5 million" → 1500000.
 * - A unit the text spells out is the noun phrase right after the number ("Senate co-sponsors").
 *   Some quantities get a fixed label instead, and the span stops at their own words: money is
 *   its ISO 4217 code ("£3.4m" → "GBP"; a bare "$" is read as US dollars), percentages are
 *   "percent" (or "percentage points"), so "50 percent tariffs" is 50 "percent" and "tariffs"
 *   stays outside the span, fractions are "fraction" with the value as a proportion ("nearly a
 *   third" → 0.333…), and glued measures are spelt out ("44C" → "degrees Celsius").
 * - A range ("between 38 and 42 million", "two or three people") is one claim whose value is its
 *   lower bound, scaled like its upper bound; its qualifier is the one the text gives, else
 *   "between". The upper bound stays readable in `text`.
 * - A change ("from 38 to 42 million") is two claims; the first borrows the second's scale and unit.
 * - Vague magnitudes count at their floor: "tens of thousands" is 10000 with qualifier "tens of";
 *   a bare plural ("thousands of people") is 1000 with the plural word as qualifier ("thousands").
 * - A number bound to a noun by a hyphen ("a 40-seat theatre", "a 35-year-old") is a quantity
 *   whose unit is the rest of that word ("seat", "year-old").
 * - An age set off by commas after a name ("Iryna Bondar, 63,") has unit "years".
 * - A bare "one" is too often a pronoun ("one of the", "no one") to count, unless a qualifier,
 *   a scale word or a range makes it a number ("at least one person", "one million").
 * - Qualifiers are reported lower-cased, as in QUALIFIERS.
 *
 * Linear in the length of the text: one tokenising pass, the part-of-speech tags and lemmas of
 * the analysis stage's wink-nlp pass (text.ts; tagged here when called on its own), then a
 * left-to-right scan whose look-ahead and look-behind are bounded by small constants.
 */
import { tag, type TaggedText } from './text.js';
import type { NumericClaim } from './types.js';

// ---------------------------------------------------------------------------------------------
// Vocabularies and thresholds
// ---------------------------------------------------------------------------------------------

/**
 * Hedges that bound or soften a figure, matched (lower-cased, whole words) right before it.
 * "more than a" is "more than" before a number that starts with "a" ("a dozen", "a third"), so it
 * needs no entry of its own. "several" and "a few" soften a bare scale word ("several hundred");
 * "only" and "just" mark a figure as small ("only 12 of the 40 ships").
 */
const QUALIFIERS: readonly string[] = [
  'more than', 'over', 'at least', 'nearly', 'almost', 'about', 'around', 'roughly', 'some',
  'up to', 'as many as', 'fewer than', 'less than', 'under', 'approximately', 'an estimated',
  'just over', 'just under', 'well over', 'at most', 'close to', 'upwards of', 'in excess of',
  'no fewer than', 'no more than', 'as few as', 'as much as', 'above', 'below', 'several', 'a few',
  'only', 'just',
];

/** The longest qualifier, in words; bounds the look-behind. */
const QUALIFIER_MAX_WORDS = 3;

/** Currency signs written before the amount. "¥" is read as yen, the commoner sense in English news. */
const CURRENCY_SIGNS: Readonly<Record<string, string>> = {
  $: 'USD', '£': 'GBP', '€': 'EUR', '¥': 'JPY', '₹': 'INR', '₽': 'RUB', '₩': 'KRW', '₪': 'ILS', '₺': 'TRY',
};

/** Letters glued before "$" that name which dollar it is ("US$", "A$", "HK$"; "R$" is the real). Others stay as written ("XY$"). */
const DOLLAR_PREFIXES: Readonly<Record<string, string>> = {
  US: 'USD', A: 'AUD', AU: 'AUD', C: 'CAD', CA: 'CAD', NZ: 'NZD', HK: 'HKD', S: 'SGD', R: 'BRL', NT: 'TWD',
};

/** ISO codes written before the amount as a word ("USD 5m"); upper case only, so "eur" in prose never matches. */
const CURRENCY_CODES: ReadonlySet<string> = new Set([
  'USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CNY', 'INR', 'AUD', 'CAD', 'NZD', 'HKD', 'SGD', 'ZAR', 'NGN', 'KES',
]);

/**
 * Currency names written after the amount ("5 million dollars"), matched on the whole unit phrase.
 * A bare "pounds" is left out: it is as often weight as sterling.
 */
const CURRENCY_NAMES: Readonly<Record<string, string>> = {
  dollars: 'USD', 'us dollars': 'USD', 'american dollars': 'USD', 'australian dollars': 'AUD',
  'canadian dollars': 'CAD', 'new zealand dollars': 'NZD', 'hong kong dollars': 'HKD',
  'singapore dollars': 'SGD', euros: 'EUR', euro: 'EUR', 'pounds sterling': 'GBP', sterling: 'GBP', yen: 'JPY',
  yuan: 'CNY', renminbi: 'CNY', rupees: 'INR', roubles: 'RUB', rubles: 'RUB', shekels: 'ILS',
  rand: 'ZAR', naira: 'NGN',
};

/** Scale words written after a number ("1.5 million"), as powers of ten so decimals stay exact. */
const SCALE_WORDS: Readonly<Record<string, number>> = { thousand: 3, million: 6, billion: 9, trillion: 12 };

/**
 * Scale abbreviations glued to a number ("£3.4m", "$1.34bn", "$50k", "$5B"), matched in lower case.
 * A glued "m" is also metres ("a 100m sprint") and a glued "b" is rare outside money, so those two
 * are scales only with money, a decimal or a plural noun after them (see millionNotMetre).
 */
const SCALE_SUFFIXES: Readonly<Record<string, number>> = { k: 3, m: 6, mn: 6, mln: 6, b: 9, bn: 9, tn: 12, trn: 12 };
const AMBIGUOUS_SCALE_SUFFIXES: ReadonlySet<string> = new Set(['m', 'b']);

/**
 * Measurement abbreviations glued to a number ("3.5km", "40mph", "44C", "44°C"), spelt out so that
 * "44C" and "44 degrees Celsius" compare equal. Case-sensitive: "5G" is a network, not grams.
 */
const UNIT_ABBREVIATIONS: Readonly<Record<string, string>> = {
  km: 'kilometres', m: 'metres', cm: 'centimetres', mm: 'millimetres', kg: 'kilograms', g: 'grams',
  mg: 'milligrams', t: 'tonnes', lb: 'pounds', lbs: 'pounds', oz: 'ounces', ft: 'feet', mi: 'miles',
  mph: 'miles per hour', kph: 'kilometres per hour', kmh: 'kilometres per hour', kW: 'kilowatts',
  MW: 'megawatts', GW: 'gigawatts', kWh: 'kilowatt hours', MWh: 'megawatt hours', GWh: 'gigawatt hours',
  TWh: 'terawatt hours', ml: 'millilitres', ha: 'hectares', bpd: 'barrels per day', C: 'degrees Celsius',
  F: 'degrees Fahrenheit', GB: 'gigabytes', TB: 'terabytes',
};

/** Words before a number that name what it measures ("a magnitude 6.4 earthquake", "aged 63"). */
const MEASURE_HEADS: Readonly<Record<string, string>> = { magnitude: 'magnitude', aged: 'years', age: 'years' };

/** An age in apposition ("Iryna Bondar, 63, said") is at most this; larger figures there are not ages. */
const MAX_AGE = 120;

/** Words for a percentage; "pc" is the British newspaper abbreviation ("5pc"). */
const PERCENT_WORDS: ReadonlySet<string> = new Set(['percent', 'pc']);

const ONES: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const TEENS: Readonly<Record<string, number>> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Denominators of spoken fractions, singular and plural ("a third", "two thirds"). */
const FRACTION_WORDS: Readonly<Record<string, number>> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4,
  fifth: 5, fifths: 5, sixth: 6, sixths: 6, seventh: 7, sevenths: 7, eighth: 8, eighths: 8,
  ninth: 9, ninths: 9, tenth: 10, tenths: 10,
};

/** Words before "half" that make it a part of something, not a proportion ("the second half", "an hour and a half"). */
const HALF_BLOCKERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'first', 'second', 'latter', 'other', 'opening', 'closing', 'this', 'that', 'each', 'one',
]);

/**
 * Plural magnitudes that give a floor rather than a figure ("thousands of people"). "tens" and
 * "scores" only count before "of", where they cannot be a sports score or a noun of their own.
 */
const VAGUE_PLURALS: Readonly<Record<string, number>> = {
  tens: 10, dozens: 12, scores: 20, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9, trillions: 1e12,
};
const VAGUE_NEED_OF: ReadonlySet<string> = new Set(['tens', 'scores']);

/** Capitalised month names and their abbreviations: a number beside one is a day or a year. */
const MONTHS: ReadonlySet<string> = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
]);

/** Links in a list of days before a month ("3, 6 and 17 April"), and how far such a list is followed. */
const DATE_LIST_LINKS: ReadonlySet<string> = new Set([',', 'and', 'or', '&', '-', '–', 'to']);
const DATE_LIST_MAX_TOKENS = 8;

/** Four-digit integers in this range read as years unless something marks them as a count. */
const YEAR_MIN = 1000;
const YEAR_MAX = 2100;

/** Words before a four-digit number that confirm it is a year ("in 2019", "the 2020 election"). */
const YEAR_LEADS: ReadonlySet<string> = new Set([
  'in', 'since', 'by', 'until', 'till', 'from', 'of', 'the', 'during', 'before', 'after', 'to', 'and', 'between',
]);

/** Words before a number that make it a label, not an amount ("Article 5", "Highway 99", "No 10"). */
const IDENTIFIER_HEADS: ReadonlySet<string> = new Set([
  'article', 'section', 'chapter', 'clause', 'paragraph', 'resolution', 'amendment', 'flight', 'route',
  'highway', 'interstate', 'motorway', 'no', 'nos', 'number', 'room', 'gate', 'platform', 'terminal',
  'level', 'category', 'phase', 'stage', 'round', 'game', 'match', 'week', 'page', 'figure', 'table',
  'item', 'question', 'episode', 'season', 'series', 'volume', 'version', 'channel', 'zone', 'district',
  'ward', 'tier', 'grade', 'line', 'unit', 'block', 'lot', 'box', 'pier', 'berth', 'bus', 'exit', 'act',
  'covid', 'model', 'windows', 'apollo', 'formula', 'title', 'rule', 'law', 'bill', 'case', 'appendix',
]);

/** Words before a bare small number that make it a clock time ("ends at 6"). */
const CLOCK_LEADS: ReadonlySet<string> = new Set(['at', 'until', 'till', 'past']);

/** Clock words after a number ("9 a.m.", "10 o'clock", "1400 hrs"). */
const CLOCK_AFTER = /^\s?(?:[ap]\.m\.|[ap]m\b|o['’]clock\b|hrs\b)/i;
/** Time zones after a number ("0900 GMT"); case-sensitive, since "est" or "pt" in lower case are not zones. */
const ZONE_AFTER = /^\s?(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|PDT|CST|CDT|ET|PT|IST|JST|AEST|AEDT)\b/;

/**
 * Time units. A count of them ("for 14 hours", "within 90 days", "a four-year contract", "two years
 * ago") is a duration or a relative date, which the temporal stage reports; it is left out here so
 * no figure is reported twice. A scaled span ("4.6 billion years") is no calendar duration and stays,
 * as do ages ("a 35-year-old"), whose unit is "year-old".
 */
const TIME_UNITS: ReadonlySet<string> = new Set([
  'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'night', 'nights', 'week',
  'weeks', 'fortnight', 'fortnights', 'month', 'months', 'year', 'years', 'decade', 'decades',
  'century', 'centuries',
]);

/**
 * Words that end a unit phrase whatever the tagger says: determiners, pronouns, prepositions,
 * auxiliaries and other function words, plus weekdays, which the tagger calls proper nouns
 * ("killed five people Monday"), and "last"/"next", which open a time phrase ("four last year").
 */
const UNIT_BREAKERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'their', 'his', 'her', 'its', 'our', 'my', 'your',
  'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'without', 'per', 'than', 'as', 'into',
  'over', 'under', 'after', 'before', 'since', 'during', 'across', 'about', 'around', 'between',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did',
  'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'who', 'which', 'whom',
  'whose', 'where', 'when', 'while', 'if', 'but', 'so', 'yet', 'not', 'no', 'less', 'each',
  'every', 'also', 'still', 'only', 'just', 'all', 'both', 'it', 'they', 'them',
  'he', 'she', 'we', 'you', 'i', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sunday', 'ago', 'percent', 'apiece', 'last', 'next',
]);

/**
 * Plural nouns without an "s", which like "-s" plurals end a unit phrase and show that a glued "m"
 * means million ("5m people"). "police" and "staff" are left out: they are as often modifiers ("police officers").
 */
const IRREGULAR_PLURALS: ReadonlySet<string> = new Set(['people', 'children', 'men', 'women', 'cattle', 'sheep', 'personnel']);

/**
 * A bare lower bound borrows the upper bound's scale only when the two are this close
 * ("38 to 42 million"), not when it already is the full figure ("900 to 1.2 million").
 */
const SCALE_SHARE_RATIO = 10;

/** A unit phrase longer than this is a clause the tagger misread, not a unit. */
const UNIT_MAX_WORDS = 5;

/** Tags (Universal Dependencies, as wink-nlp emits them) that can head or modify a unit phrase. */
const NOUN_TAGS: ReadonlySet<string> = new Set(['NOUN', 'PROPN']);
const MODIFIER_TAGS: ReadonlySet<string> = new Set(['ADJ', 'NOUN', 'PROPN']);

/** How far past a token's expected place the tagger's copy of it is looked for; bounds the alignment. */
const ALIGN_WINDOW = 64;

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

type Kind = 'number' | 'word' | 'symbol';

interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  kind: Kind;
  /** Universal part-of-speech tag from wink-nlp when one of its tokens starts here, else null. */
  pos: string | null;
  /** The wink-nlp token whose lemma describes this word, under the same condition, else -1 (see lemmaOf). */
  lemmaAt: number;
  /** A line break lies between this token and the previous one: phrases never run across it. */
  breakBefore: boolean;
}

/**
 * Tokens are digits with their separators kept whole ("10,000", "14:30", "12/05/2024") so each is
 * judged once, else words (letters and marks, hyphens and apostrophes inside), else any one
 * other character; whitespace separates them. That is /(\d+(?:[.,:/]\d+)*)|(WORD)|(\S)/gu, read
 * with the anchored patterns below, which build no match object per token.
 */
const DIGITS_AT = /\d+(?:[.,:/]\d+)*/uy;
const WORD_AT = /[\p{L}\p{M}]+(?:[-'’‐][\p{L}\p{M}]+)*/uy;
const SPACE_AT = /\s/uy;

/** Whether `text` matches the anchored `pattern` at `at`; the end of the match is then `pattern.lastIndex`. */
function matchesAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}

const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** Where the token starting at `at` ends, and its kind; null when `at` is whitespace. */
function readToken(text: string, at: number): { end: number; kind: Kind } | null {
  const c = text.charCodeAt(at);
  if (c < 128 ? isAsciiSpace(c) : matchesAt(SPACE_AT, text, at)) return null;
  if (c >= 48 && c <= 57 && matchesAt(DIGITS_AT, text, at)) return { end: DIGITS_AT.lastIndex, kind: 'number' };
  if (matchesAt(WORD_AT, text, at)) return { end: WORD_AT.lastIndex, kind: 'word' };
  // One code point: a surrogate pair is one character.
  const pair = c >= 0xd800 && c <= 0xdbff && at + 1 < text.length && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00;
  return { end: at + (pair ? 2 : 1), kind: 'symbol' };
}

/** Whether text[from, to) holds a line break (\n, \r, U+2028, U+2029). */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

function tokenize(text: string, wink: TaggedText): Token[] {
  const tags = alignTags(text, wink.values, wink.spaces);
  const tokens: Token[] = [];
  let previousEnd = 0;
  let p = 0;
  for (let start = 0; start < text.length; ) {
    const token = readToken(text, start);
    if (!token) {
      start++;
      continue;
    }
    const { end, kind } = token;
    const breakBefore = hasLineBreak(text, previousEnd, start);
    while (p < tags.starts.length && tags.starts[p]! < start) p++;
    // wink's token starting here, if any; its lemma only describes a word wink did not split ("battery-powered").
    const k = p < tags.starts.length && tags.starts[p] === start ? tags.index[p]! : -1;
    const surface = text.slice(start, end);
    const lemmaAt = k >= 0 && (wink.values[k]?.length ?? 0) === end - start ? k : -1;
    tokens.push({ start, end, text: surface, lower: surface.toLowerCase(), kind, pos: k >= 0 ? (wink.pos[k] ?? '') : null, lemmaAt, breakBefore });
    previousEnd = end;
    start = end;
  }
  return tokens;
}

/** wink's tokens found in the text: where each starts (ascending) and its index among wink's tokens. */
interface Aligned {
  starts: number[];
  index: number[];
}

/**
 * wink-nlp reports tokens, not offsets. Its tokens are substrings of the text in order, so each is
 * found at, or a little after, where the previous one ended. One that cannot be found nearby (the
 * tagger normalised it) is skipped: its words simply have no tag. wink tags the text with long
 * runs without spaces blanked (text.ts), so URLs and base64 go untagged.
 */
function alignTags(text: string, values: string[], spaces: string[]): Aligned {
  const aligned: Aligned = { starts: [], index: [] };
  let cursor = 0;
  values.forEach((value, k) => {
    if (value.length === 0) return;
    let start = cursor + (spaces[k]?.length ?? 0);
    if (!text.startsWith(value, start)) {
      const found = text.slice(cursor, cursor + ALIGN_WINDOW + value.length).indexOf(value);
      if (found < 0) return;
      start = cursor + found;
    }
    aligned.starts.push(start);
    aligned.index.push(k);
    cursor = start + value.length;
  });
  return aligned;
}

// ---------------------------------------------------------------------------------------------
// Reading one quantity
// ---------------------------------------------------------------------------------------------

interface Scan {
  text: string;
  tokens: Token[];
  /** The wink-nlp pass the tokens were tagged from. */
  wink: TaggedText;
  /** The first token a new claim may cover: words already inside a claim never qualify the next one. */
  floor: number;
}

/** A number as read so far: where it lies among the tokens and what it is worth. */
interface Core {
  first: number;
  last: number;
  value: number;
  /** Power of ten applied by scale words ("million" → 6), 0 when none. */
  exponent: number;
  /** A unit fixed by the number's own form: currency code, "percent", "fraction", a glued abbreviation. */
  label: string | null;
  /** The vague phrase that stands as qualifier ("tens of", "thousands"). */
  vague: string | null;
  /** The number is the lone word "one", which needs support to count. */
  loneOne: boolean;
}

const tokenAt = (scan: Scan, i: number): Token | undefined => scan.tokens[i];

/** Consecutive tokens on one line, apart or together: a phrase may run from `a` to `b`. */
const spaced = (a: Token | undefined, b: Token | undefined): boolean => !!a && !!b && b.start >= a.end && !b.breakBefore;
const glued = (a: Token | undefined, b: Token | undefined): boolean => !!a && !!b && a.end === b.start;

function wordAfter(scan: Scan, i: number, lower: string): boolean {
  const b = tokenAt(scan, i + 1);
  return !!b && b.lower === lower && spaced(tokenAt(scan, i), b);
}

function core(first: number, last: number, value: number, exponent = 0): Core {
  return { first, last, value, exponent, label: null, vague: null, loneOne: false };
}

/** "10,000" or "1.5" as a plain decimal string; null for times, dates, versions and zero-led codes. */
function plainDigits(raw: string): string | null {
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(raw)) return raw.replace(/,/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(raw)) return null;
  return /^0\d/.test(raw) ? null : raw;
}

/** Scaling through the exponent keeps decimals exact: "1.34e9" is 1340000000, 1.34 * 1e9 is not. */
const scaled = (digits: string, exponent: number): number => Number(`${digits}e${exponent}`);

// --- money and digits ------------------------------------------------------------------------

function readCurrencyPrefix(scan: Scan, i: number): { code: string; next: number } | null {
  const t = tokenAt(scan, i);
  const next = tokenAt(scan, i + 1);
  if (!t || !next) return null;
  if (t.kind === 'symbol' && CURRENCY_SIGNS[t.text]) return { code: CURRENCY_SIGNS[t.text]!, next: i + 1 };
  if (t.kind === 'word' && next.text === '$' && glued(t, next)) {
    return { code: DOLLAR_PREFIXES[t.text] ?? `${t.text}$`, next: i + 2 };
  }
  return t.kind === 'word' && CURRENCY_CODES.has(t.text) ? { code: t.text, next: i + 1 } : null;
}

/** A digit number with what is glued to it, or a scale word after it. */
function readDigits(scan: Scan, i: number, currency: string | null): Core | null {
  const t = tokenAt(scan, i);
  if (!t || t.kind !== 'number') return null;
  const digits = plainDigits(t.text);
  if (digits === null) return null;
  const base: Core = { ...core(i, i, Number(digits)), label: currency };
  const after = tokenAt(scan, i + 1);
  if (glued(t, after)) {
    if (after!.kind === 'word') return readGluedSuffix(scan, base, digits, after!);
    if (after!.text === '%') return { ...base, last: i + 1, label: 'percent' };
    if (after!.text === '°') return readDegrees(scan, base);
    if (after!.text === '-' || after!.text === '‐') return readCompound(scan, base);
  }
  const scale = spaced(t, after) ? SCALE_WORDS[after!.lower] : undefined;
  return scale === undefined ? base : { ...base, last: i + 1, value: scaled(digits, scale), exponent: scale };
}

/** A glued suffix is a scale, a percent sign or a measure; anything else ("2nd", "1990s", "9am", "5G") rules the number out. */
function readGluedSuffix(scan: Scan, base: Core, digits: string, suffix: Token): Core | null {
  const lower = suffix.lower;
  const scale = SCALE_SUFFIXES[lower];
  if (scale !== undefined && (!AMBIGUOUS_SCALE_SUFFIXES.has(lower) || millionNotMetre(scan, base, digits, lower))) {
    return { ...base, last: base.last + 1, value: scaled(digits, scale), exponent: scale };
  }
  if (PERCENT_WORDS.has(lower)) return { ...base, last: base.last + 1, label: 'percent' };
  const measure = UNIT_ABBREVIATIONS[suffix.text];
  return measure !== undefined && base.label === null ? { ...base, last: base.last + 1, label: measure } : null;
}

/** "£3.4m", "2.5m", "5m people" are millions; "a 100m sprint" is metres; "5b" is a billion only as money. */
function millionNotMetre(scan: Scan, base: Core, digits: string, suffix: string): boolean {
  if (base.label !== null) return true;
  if (suffix !== 'm') return false;
  if (digits.includes('.')) return true;
  const next = tokenAt(scan, base.last + 2);
  if (!next || !spaced(tokenAt(scan, base.last + 1), next) || next.kind !== 'word' || next.pos === 'VERB') return false;
  return /^\p{Ll}/u.test(next.text) && isPlural(scan, next);
}

/** "44°C", "44°": a temperature; the scale letter, when glued on, picks Celsius or Fahrenheit. */
function readDegrees(scan: Scan, base: Core): Core {
  const sign = tokenAt(scan, base.last + 1);
  const letter = tokenAt(scan, base.last + 2);
  const named = glued(sign, letter) && (letter!.text === 'C' || letter!.text === 'F') ? UNIT_ABBREVIATIONS[letter!.text]! : null;
  return { ...base, last: base.last + (named ? 2 : 1), label: named ?? 'degrees' };
}

/** "a 48-hour strike": a quantity of whatever the rest of the hyphenated word names. */
function readCompound(scan: Scan, base: Core): Core | null {
  const word = tokenAt(scan, base.last + 2);
  if (!word || word.kind !== 'word' || !glued(tokenAt(scan, base.last + 1), word)) return null;
  return { ...base, last: base.last + 2, label: word.lower };
}

// --- written numbers -------------------------------------------------------------------------

type WordClass = 'unit' | 'teen' | 'tens' | 'hundred' | 'dozen' | 'big';

/** Which word may follow which in a well-formed spoken number ("three hundred and fifty"). */
const NEXT_CLASS: Readonly<Record<WordClass, readonly WordClass[]>> = {
  unit: ['hundred', 'dozen', 'big'],
  teen: ['hundred', 'big'],
  tens: ['unit', 'hundred', 'big'],
  hundred: ['unit', 'teen', 'tens', 'big'],
  dozen: [],
  big: ['unit', 'teen', 'tens'],
};

function classify(word: string): { cls: WordClass; value: number } | null {
  if (ONES[word] !== undefined) return { cls: 'unit', value: ONES[word]! };
  if (TEENS[word] !== undefined) return { cls: 'teen', value: TEENS[word]! };
  if (TENS[word] !== undefined) return { cls: 'tens', value: TENS[word]! };
  if (word === 'hundred') return { cls: 'hundred', value: 100 };
  if (word === 'dozen') return { cls: 'dozen', value: 12 };
  if (SCALE_WORDS[word] !== undefined) return { cls: 'big', value: 10 ** SCALE_WORDS[word]! };
  return null;
}

/** Adds up spoken number words in order, refusing any word that cannot follow the last one. */
class SpokenNumber {
  private total = 0;
  private current = 0;
  private last: WordClass | null = null;
  private lastBig = Infinity;
  exponent = 0;

  /** "a" before a scale word counts as one ("a million"). */
  seedOne(): void {
    this.current = 1;
    this.last = 'unit';
  }

  /** Adds every word or, when one does not fit, none of them. */
  tryAll(words: string[]): boolean {
    const saved = { ...this.state() };
    for (const w of words) {
      if (this.tryAdd(w)) continue;
      Object.assign(this, saved);
      return false;
    }
    return true;
  }

  addHalf(): void {
    this.current += 0.5;
  }

  get value(): number {
    return this.total + this.current;
  }

  get ended(): WordClass | null {
    return this.last;
  }

  private state() {
    return { total: this.total, current: this.current, last: this.last, lastBig: this.lastBig, exponent: this.exponent };
  }

  private tryAdd(word: string): boolean {
    const c = classify(word);
    if (!c || (this.last !== null && !NEXT_CLASS[this.last].includes(c.cls))) return false;
    if (c.cls === 'big' && c.value >= this.lastBig) return false;
    if (c.cls === 'hundred' || c.cls === 'dozen') this.current = (this.current || 1) * c.value;
    else if (c.cls === 'big') {
      this.total += (this.current || 1) * c.value;
      this.current = 0;
      this.lastBig = c.value;
      this.exponent = Math.max(this.exponent, Math.log10(c.value));
    } else this.current += c.value;
    this.last = c.cls;
    return true;
  }
}

/** Hyphen-split parts of a word token ("twenty-three" → ["twenty", "three"]). */
const parts = (t: Token): string[] => t.lower.split(/[-‐]/);

/** "three hundred and fifty", "twenty-three", "two and a half million", "a dozen", "a million". */
function readSpoken(scan: Scan, i: number): Core | null {
  const t = tokenAt(scan, i);
  if (!t || t.kind !== 'word') return null;
  const n = new SpokenNumber();
  let last = i;
  if (t.lower === 'a' || t.lower === 'an') {
    const next = tokenAt(scan, i + 1);
    n.seedOne();
    if (!next || !spaced(t, next) || !n.tryAll(parts(next))) return null;
    last = i + 1;
  } else if (!n.tryAll(parts(t))) {
    return readSpokenCompound(i, t);
  }
  last = continueSpoken(scan, last, n);
  return { ...core(i, last, n.value, n.exponent), loneOne: last === i && t.lower === 'one' };
}

/** Extends a spoken number over further number words, "and" ("hundred and fifty") and "and a half". */
function continueSpoken(scan: Scan, last: number, n: SpokenNumber): number {
  for (;;) {
    const next = tokenAt(scan, last + 1);
    if (!next || next.kind !== 'word' || !spaced(tokenAt(scan, last), next)) return last;
    if (next.lower === 'and') {
      const a = tokenAt(scan, last + 2);
      if (a?.lower === 'a' && spaced(next, a) && wordAfter(scan, last + 2, 'half')) {
        n.addHalf();
        last += 3;
        continue;
      }
      const ended = n.ended;
      if ((ended === 'hundred' || ended === 'big') && a && spaced(next, a) && n.tryAll(parts(a))) {
        last += 2;
        continue;
      }
      return last;
    }
    if (!n.tryAll(parts(next))) return last;
    last += 1;
  }
}

/** "four-day", "two-year", "forty-foot": a spoken number glued to a noun by a hyphen. */
function readSpokenCompound(i: number, t: Token): Core | null {
  const words = parts(t);
  const n = new SpokenNumber();
  let used = 0;
  while (used < words.length - 1 && n.tryAll([words[used]!])) used++;
  if (used === 0 || n.value === 1) return null;
  const rest = words.slice(used).join('-');
  if (FRACTION_WORDS[rest] !== undefined) return null;
  return { ...core(i, i, n.value), label: rest };
}

// --- fractions and vague magnitudes ----------------------------------------------------------

function fraction(first: number, last: number, value: number): Core {
  return { ...core(first, last, value), label: 'fraction' };
}

/** "a third", "two-thirds", "three quarters", "half of", "half a million", "one in five". */
function readFraction(scan: Scan, i: number, qualified: boolean): Core | null {
  const t = tokenAt(scan, i);
  if (!t || (t.kind !== 'word' && t.kind !== 'number')) return null;
  return readOneIn(scan, i, t) ?? readHyphenFraction(i, t) ?? readHalf(scan, i, t, qualified) ?? readSpokenFraction(scan, i, t, qualified);
}

function numeratorOf(t: Token): number | null {
  if (t.kind === 'number') return /^\d{1,2}$/.test(t.text) ? Number(t.text) : null;
  return ONES[t.lower] ?? TEENS[t.lower] ?? null;
}

/** "one in five", "3 in 10", "nine out of ten". */
function readOneIn(scan: Scan, i: number, t: Token): Core | null {
  const num = numeratorOf(t);
  const outOf = wordAfter(scan, i, 'out') && wordAfter(scan, i + 1, 'of');
  const last = outOf ? i + 3 : i + 2;
  const of = tokenAt(scan, last);
  if (num === null || !(outOf || wordAfter(scan, i, 'in')) || !of || !spaced(tokenAt(scan, last - 1), of)) return null;
  const den = numeratorOf(of) ?? TENS[of.lower] ?? (of.lower === 'hundred' ? 100 : null);
  return den === null || den <= num ? null : fraction(i, last, num / den);
}

/**
 * A fraction word is read as a fraction only where it cannot be an ordinal ("a third term"):
 * before "of" or a determiner, before no noun at all, or after a qualifier ("nearly a third").
 */
function fractionContext(scan: Scan, last: number, qualified: boolean): boolean {
  const next = tokenAt(scan, last + 1);
  if (qualified || !next || !spaced(tokenAt(scan, last), next)) return true;
  if (next.lower === 'of' || next.pos === 'DET') return true;
  return next.kind !== 'word' || !MODIFIER_TAGS.has(next.pos ?? 'NOUN');
}

/** "two-thirds", "one-fifth": never an ordinal, so read as a fraction anywhere ("a two-thirds majority"). */
function readHyphenFraction(i: number, t: Token): Core | null {
  if (t.kind !== 'word') return null;
  const [head, tail, extra] = parts(t);
  const num = head === undefined ? undefined : ONES[head];
  const den = tail === undefined ? undefined : FRACTION_WORDS[tail];
  if (num === undefined || den === undefined || extra !== undefined) return null;
  return fraction(i, i, num / den);
}

function readHalf(scan: Scan, i: number, t: Token, qualified: boolean): Core | null {
  if (t.lower !== 'half') return null;
  const a = tokenAt(scan, i + 1);
  const big = tokenAt(scan, i + 2);
  if ((a?.lower === 'a' || a?.lower === 'an') && spaced(t, a) && spaced(a, big)) {
    if (big!.lower === 'dozen') return core(i, i + 2, 6);
    const exponent = SCALE_WORDS[big!.lower];
    if (exponent !== undefined) return core(i, i + 2, scaled('0.5', exponent), exponent);
  }
  if (HALF_BLOCKERS.has(prevToken(scan, i)?.lower ?? '')) return null;
  const before = !!a && spaced(t, a) && (a.lower === 'of' || a.pos === 'DET');
  return qualified || before ? fraction(i, i, 0.5) : null;
}

/** "a third", "two thirds": singular after one, plural after more; only the singular can be an ordinal. */
function readSpokenFraction(scan: Scan, i: number, t: Token, qualified: boolean): Core | null {
  const num = t.lower === 'a' || t.lower === 'an' ? 1 : t.kind === 'word' ? numeratorOf(t) : null;
  const den = tokenAt(scan, i + 1);
  if (num === null || !den || !spaced(t, den)) return null;
  const d = FRACTION_WORDS[den.lower];
  const plural = den.lower.endsWith('s');
  if (d === undefined || d === 2 || (num === 1) === plural) return null;
  if (!plural && !fractionContext(scan, i + 1, qualified)) return null;
  return fraction(i, i + 1, num / d);
}

/** "tens of thousands", "hundreds of millions", "dozens", "thousands of". */
function readVague(scan: Scan, i: number): Core | null {
  const t = tokenAt(scan, i);
  const base = t ? VAGUE_PLURALS[t.lower] : undefined;
  if (!t || base === undefined) return null;
  const of = wordAfter(scan, i, 'of');
  const magnitude = of ? tokenAt(scan, i + 2) : undefined;
  const scale = magnitude && spaced(tokenAt(scan, i + 1), magnitude) ? VAGUE_PLURALS[magnitude.lower] : undefined;
  if (scale !== undefined && scale > base && scale >= 1e3) {
    return { ...core(i, i + 2, base * scale, Math.log10(scale)), vague: `${t.lower} of` };
  }
  if (VAGUE_NEED_OF.has(t.lower) && !of) return null;
  return t.lower === 'tens' ? null : { ...core(i, i, base, Math.round(Math.log10(base))), vague: t.lower };
}

// --- after the number: percent, currency names, noun phrase ----------------------------------

interface Unit {
  unit: string | null;
  last: number;
}

/** "5 percent", "5 per cent", "2 percentage points". */
function readPercent(scan: Scan, k: number): Unit | null {
  const b = tokenAt(scan, k + 1);
  const c = tokenAt(scan, k + 2);
  if (!b || !spaced(tokenAt(scan, k), b)) return null;
  if (PERCENT_WORDS.has(b.lower)) return { unit: 'percent', last: k + 1 };
  if (b.lower === 'per' && c?.lower === 'cent' && spaced(b, c)) return { unit: 'percent', last: k + 2 };
  if (b.lower === 'percentage' && c && /^points?$/.test(c.lower) && spaced(b, c)) return { unit: 'percentage points', last: k + 2 };
  return null;
}

/** "displaced families", "charging points": a participle used as an adjective before a noun. */
const isParticiple = (t: Token, pos: string): boolean => pos === 'VERB' && /(?:ed|en|ing)$/.test(t.lower);

/** A plural noun, by its lemma ("routes" → "route", "crises" → "crisis"); by its ending when untagged. */
function isPlural(scan: Scan, t: Token): boolean {
  if (IRREGULAR_PLURALS.has(t.lower)) return true;
  const lemma = lemmaOf(scan, t);
  return lemma ? lemma !== t.lower : /[^siu]s$/.test(t.lower);
}

/** wink-nlp's lemma of a word, lower-cased ("routes" → "route"); null when wink has no token of just this word. */
function lemmaOf(scan: Scan, t: Token): string | null {
  return t.lemmaAt >= 0 ? scan.wink.lemma(t.lemmaAt).toLowerCase() : null;
}

/**
 * The tag of a word in a unit phrase, corrected where number agreement overrules the tagger: right
 * after a number, "-s" cannot be a verb ending ("58 blazes had broken out"), so it is a plural noun.
 */
function unitTag(t: Token, first: boolean): string {
  const pos = t.pos ?? 'NOUN';
  return first && pos === 'VERB' && /[^s]s$/.test(t.lower) ? 'NOUN' : pos;
}

/**
 * The noun phrase right after token `k`: modifiers and nouns, ending on the last noun, and, once,
 * "and"/"or" joining a second common-noun phrase ("missiles and drones"). Stops at function words,
 * verbs, punctuation, after a plural noun ("14 points adrift", "5 million people travel": the tagger
 * calls those nouns), and at a capitalised word after a common noun ("five people Hamas said").
 */
function readNounPhrase(scan: Scan, k: number, mayJoin: boolean): Unit {
  let end = -1;
  for (let j = k + 1; j < scan.tokens.length && j - k <= UNIT_MAX_WORDS && continuesPhrase(scan, j); j++) {
    const t = scan.tokens[j]!;
    if (t.lower === 'and' || t.lower === 'or') {
      const more = mayJoin && end >= 0 ? readNounPhrase(scan, j, false) : null;
      if (more && more.unit !== null && /^\p{Ll}/u.test(more.unit)) end = more.last;
      break;
    }
    if (end >= 0 && closesPhrase(scan, scan.tokens[end]!, t)) break;
    const pos = unitTag(t, j === k + 1);
    if (NOUN_TAGS.has(pos)) end = j;
    else if (!MODIFIER_TAGS.has(pos) && !(isParticiple(t, pos) && NOUN_TAGS.has(tokenAt(scan, j + 1)?.pos ?? ''))) break;
  }
  if (end < 0) return { unit: null, last: k };
  return { unit: scan.text.slice(scan.tokens[k + 1]!.start, scan.tokens[end]!.end), last: end };
}

function continuesPhrase(scan: Scan, j: number): boolean {
  const t = scan.tokens[j]!;
  return t.kind === 'word' && spaced(scan.tokens[j - 1], t) && !UNIT_BREAKERS.has(t.lower) && !MONTHS.has(t.text);
}

/** A plural noun ends the phrase, and so does a capitalised word after a common noun. */
function closesPhrase(scan: Scan, head: Token, t: Token): boolean {
  return isPlural(scan, head) || (/^\p{Ll}/u.test(head.text) && /^\p{Lu}/u.test(t.text));
}

function readUnit(scan: Scan, c: Core): Unit {
  if (c.label !== null) return { unit: c.label, last: c.last };
  const percent = readPercent(scan, c.last);
  if (percent) return percent;
  const k = c.vague !== null && wordAfter(scan, c.last, 'of') ? c.last + 1 : c.last;
  const phrase = readNounPhrase(scan, k, true);
  if (phrase.unit === null) return { unit: null, last: c.last };
  const currency = CURRENCY_NAMES[phrase.unit.toLowerCase()];
  return currency ? { unit: currency, last: phrase.last } : phrase;
}

// --- what is not a quantity ------------------------------------------------------------------

/** The token before `i` when it is on the same line. */
function prevToken(scan: Scan, i: number): Token | undefined {
  const p = tokenAt(scan, i - 1);
  return spaced(p, tokenAt(scan, i)) ? p : undefined;
}

const isMonth = (t: Token | undefined): boolean => !!t && MONTHS.has(t.text);

/** A day or a year beside a month ("June 2", "2 June", "2 of June", "Sept. 2", "June 2019", "on 3, 6 and 17 April"). */
function isDate(scan: Scan, c: Core): boolean {
  const prev = prevToken(scan, c.first);
  if (isMonth(prev) || (prev?.text === '.' && isMonth(tokenAt(scan, c.first - 2)))) return true;
  if (c.value > 31 || !Number.isInteger(c.value)) return false;
  for (let k = c.last + 1; k <= c.last + DATE_LIST_MAX_TOKENS; k++) {
    const t = tokenAt(scan, k);
    if (!t || !spaced(tokenAt(scan, k - 1), t)) return false;
    if (isMonth(t) || (t.lower === 'of' && isMonth(tokenAt(scan, k + 1)))) return true;
    if (!DATE_LIST_LINKS.has(t.lower) && !(t.kind === 'number' && /^\d{1,2}$/.test(t.text) && Number(t.text) <= 31)) return false;
  }
  return false;
}

/**
 * "in 2019", "the 2020 election", "until at least 2027": a year, unless a plural noun follows and
 * no year-word comes before ("1500 troops", "about 2000 members").
 */
function isYear(scan: Scan, c: Core): boolean {
  const t = tokenAt(scan, c.first)!;
  if (c.first !== c.last || t.kind !== 'number' || !/^\d{4}$/.test(t.text)) return false;
  if (c.value < YEAR_MIN || c.value > YEAR_MAX) return false;
  const prev = prevToken(scan, c.first);
  if (prev && YEAR_LEADS.has(prev.lower)) return true;
  const next = tokenAt(scan, c.last + 1);
  const counted = spaced(t, next) && next!.kind === 'word' && next!.pos === 'NOUN' && /^\p{Ll}/u.test(next!.text) && isPlural(scan, next!);
  return !counted;
}

/** "9 a.m.", "0900 GMT", "10 o'clock", "ends at 6". */
function isClockTime(scan: Scan, c: Core, hasUnit: boolean): boolean {
  const t = tokenAt(scan, c.last)!;
  const after = scan.text.slice(t.end, t.end + 8);
  if (CLOCK_AFTER.test(after) || ZONE_AFTER.test(after)) return true;
  const prev = prevToken(scan, c.first);
  return !hasUnit && !!prev && CLOCK_LEADS.has(prev.lower) && Number.isInteger(c.value) && c.value >= 1 && c.value <= 12;
}

/** "F-16", "G7", "COVID-19", "'90s", "[3]", "#1": digits glued to letters or marks before them. */
function isGluedLabel(scan: Scan, i: number): boolean {
  const t = tokenAt(scan, i)!;
  const prev = tokenAt(scan, i - 1);
  if (t.kind !== 'number' || !glued(prev, t)) return false;
  if (prev!.kind === 'word' || /^['’#[]$/.test(prev!.text)) return true;
  const before = tokenAt(scan, i - 2);
  return /^[-‐/]$/.test(prev!.text) && glued(before, prev) && before!.kind !== 'symbol';
}

const DASH = /^[-‐–—]$/;

/** Glued or one space apart, as dashes sit in scores ("3 – 1"). */
const near = (a: Token | undefined, b: Token | undefined): boolean => !!a && !!b && b.start - a.end <= 1 && b.start >= a.end;

/** Scores, phone numbers and runs of figures: "2-1", "3 – 1", "555-1234", "020 7946 0958", "8- and 9-year-olds". */
function isNumberRun(scan: Scan, c: Core): boolean {
  const first = tokenAt(scan, c.first)!;
  const last = tokenAt(scan, c.last)!;
  const next = tokenAt(scan, c.last + 1);
  const after = tokenAt(scan, c.last + 2);
  const prev = tokenAt(scan, c.first - 1);
  const before = tokenAt(scan, c.first - 2);
  if (next?.kind === 'number' && spaced(last, next)) return true;
  if (prev?.kind === 'number' && spaced(prev, first)) return true;
  if (next && DASH.test(next.text) && (after?.kind === 'number' ? near(last, next) && near(next, after) : glued(last, next) && !glued(next, after))) return true;
  return !!prev && DASH.test(prev.text) && before?.kind === 'number' && near(before, prev) && near(prev, first);
}

/** "1." or "2)" at the start of a line: a list marker. */
function isListMarker(scan: Scan, c: Core): boolean {
  const t = tokenAt(scan, c.first)!;
  const next = tokenAt(scan, c.first + 1);
  const lineStart = c.first === 0 || t.breakBefore;
  return lineStart && c.first === c.last && glued(t, next) && /^[.)]$/.test(next!.text);
}

function startsSentence(scan: Scan, i: number): boolean {
  const before = tokenAt(scan, i - 1);
  return !before || /^[.!?:;"“‘]$/.test(before.text) || !spaced(before, tokenAt(scan, i));
}

/** "Article 5", "Highway 99", "Windows 10": a label, not an amount. */
function isIdentifier(scan: Scan, c: Core, hasUnit: boolean): boolean {
  const prev = prevToken(scan, c.first);
  if (!prev || prev.kind !== 'word') return false;
  const capital = /^\p{Lu}/u.test(prev.text);
  if (IDENTIFIER_HEADS.has(prev.lower) && (capital || !hasUnit)) return true;
  return capital && !hasUnit && !startsSentence(scan, c.first - 1);
}

/**
 * "14 hours", "two years ago", "a four-year contract", "1 minute 50 seconds": a duration, which the
 * temporal stage reads; so is anything "ago" ("two seasons ago"). "more than 20 years old" is an age and stays.
 */
function isDuration(scan: Scan, c: Core, unit: Unit): boolean {
  if (!unit.unit || c.exponent > 0 || wordAfter(scan, unit.last, 'old')) return false;
  if (wordAfter(scan, unit.last, 'ago')) return true;
  const words = unit.unit.toLowerCase().split(/\s+/);
  return TIME_UNITS.has(words[words.length - 1]!);
}

/** "the Three Valleys", "the Big Four", "Five Eyes": a capitalised number word inside a sentence is part of a name. */
function isNameWord(scan: Scan, c: Core): boolean {
  const t = tokenAt(scan, c.first)!;
  return t.kind === 'word' && classify(parts(t)[0]!) !== null && /^\p{Lu}/u.test(t.text) && !startsSentence(scan, c.first);
}

/** True when the number is a date, a time, a label or a run of figures rather than an amount. */
function excluded(scan: Scan, c: Core, unit: Unit, qualified: boolean): boolean {
  const hasUnit = unit.unit !== null;
  if (isGluedLabel(scan, c.first) || isDuration(scan, c, unit) || isNameWord(scan, c)) return true;
  if (c.vague === 'scores' && !hasUnit) return true;
  if (c.label !== null && c.label !== 'percent') return false;
  if (isDate(scan, c) || isYear(scan, c) || isClockTime(scan, c, hasUnit)) return true;
  if (isNumberRun(scan, c) || isListMarker(scan, c)) return true;
  return !qualified && isIdentifier(scan, c, hasUnit);
}

// --- qualifiers, ranges, and the scan --------------------------------------------------------

interface Qualifier {
  qualifier: string;
  first: number;
}

/** The words QUALIFIERS end with: a token that is none of them ends no qualifier. */
const QUALIFIER_ENDINGS: ReadonlySet<string> = new Set(QUALIFIERS.map((q) => q.split(' ').at(-1)!));

/** The longest QUALIFIERS phrase ending right before token `first`, as whole words on one line. */
function readQualifier(scan: Scan, first: number): Qualifier | null {
  if (!QUALIFIER_ENDINGS.has(scan.tokens[first - 1]?.lower ?? '')) return null;
  for (let n = Math.min(QUALIFIER_MAX_WORDS, first - scan.floor); n >= 1; n--) {
    const start = first - n;
    let ok = true;
    for (let k = start; k < first && ok; k++) ok = scan.tokens[k]!.kind === 'word' && spaced(scan.tokens[k], scan.tokens[k + 1]);
    const phrase = ok ? scan.tokens.slice(start, first).map((t) => t.lower).join(' ') : '';
    if (QUALIFIERS.includes(phrase)) return { qualifier: phrase, first: start };
  }
  return null;
}

/**
 * Whether readCore can read anything at token `i`: digits, a currency sign or code, a dollar
 * prefix ("US$"), "minus", "half", "a"/"an", a vague plural, or a word whose first hyphen part is
 * a number word. Most tokens are none of these, and the scan skips them without the readers;
 * so it must accept every token readCore would read something at (it may accept more).
 */
function mayOpenQuantity(scan: Scan, i: number): boolean {
  const t = scan.tokens[i]!;
  if (t.kind === 'number') return true;
  if (t.kind === 'symbol') return !!CURRENCY_SIGNS[t.text];
  if (OPENING_WORDS.has(t.lower) || CURRENCY_CODES.has(t.text) || scan.tokens[i + 1]?.text === '$') return true;
  const dash = firstHyphen(t.lower);
  return dash >= 0 && OPENING_WORDS.has(t.lower.slice(0, dash));
}

/**
 * Words readCore reads: those it names, the vague plurals, and the words `classify` knows. The
 * vocabularies are plain objects, so a word named like an Object.prototype member ("constructor")
 * passes their lookups too; it is listed so the scan treats it as before.
 */
const OPENING_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'half', 'minus', 'hundred', 'dozen', ...Object.keys(VAGUE_PLURALS), ...Object.keys(ONES), ...Object.keys(TEENS),
  ...Object.keys(TENS), ...Object.keys(SCALE_WORDS), ...Object.getOwnPropertyNames(Object.prototype),
]);

/** Index of the first hyphen ("-" or "‐") in `word`, as `parts` splits it; -1 when none. */
function firstHyphen(word: string): number {
  const a = word.indexOf('-');
  const b = word.indexOf('‐');
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/** Everything before the unit: money, then a fraction, a vague magnitude, digits or spoken words. */
function readCore(scan: Scan, i: number): Core | null {
  const currency = readCurrencyPrefix(scan, i);
  if (currency) {
    const number = tokenAt(scan, currency.next);
    if (!glued(tokenAt(scan, currency.next - 1), number) && !spaced(tokenAt(scan, currency.next - 1), number)) return null;
    const digits = readDigits(scan, currency.next, currency.code);
    return digits && { ...digits, first: i, label: currency.code };
  }
  const negative = readMinus(scan, i);
  if (negative) return negative;
  const qualified = readQualifier(scan, i) !== null;
  return readFraction(scan, i, qualified) ?? readVague(scan, i) ?? readDigits(scan, i, null) ?? readSpoken(scan, i);
}

/** "minus 15C": the word, since a typed minus sign is too often a dash. */
function readMinus(scan: Scan, i: number): Core | null {
  const t = tokenAt(scan, i);
  if (t?.lower !== 'minus' || !spaced(t, tokenAt(scan, i + 1))) return null;
  const digits = readDigits(scan, i + 1, null);
  return digits && { ...digits, first: i, value: -digits.value };
}

interface Reading {
  claims: NumericClaim[];
  next: number;
}

function claim(scan: Scan, first: number, last: number, value: number, unit: string | null, qualifier: string | null): NumericClaim {
  const start = scan.tokens[first]!.start;
  const end = scan.tokens[last]!.end;
  return { start, end, text: scan.text.slice(start, end), value, unit, qualifier };
}

type RangeForm = 'between' | 'from' | 'span';

/** What follows a bare number may open a range ("38 to 42", "two or three", "between 38 and 42") or a change ("from 38 to 42"). */
function rangeForm(scan: Scan, low: Core): RangeForm | null {
  const next = tokenAt(scan, low.last + 1);
  if (!spaced(tokenAt(scan, low.last), next)) return null;
  const prev = low.first > scan.floor ? prevToken(scan, low.first) : undefined;
  if (next!.lower === 'and' && prev?.lower === 'between') return 'between';
  if (next!.lower === 'to' && prev?.lower === 'from') return 'from';
  return next!.lower === 'to' || next!.lower === 'or' ? 'span' : null;
}

/** The lower figure borrows the upper one's scale when it has none and the two are close ("38 and 42 million"). */
function lowerValue(low: Core, high: Core): number {
  if (low.exponent > 0 || high.exponent === 0) return low.value;
  const highRaw = high.value / 10 ** high.exponent;
  const ratio = low.value / highRaw;
  return ratio < SCALE_SHARE_RATIO && ratio > 1 / SCALE_SHARE_RATIO ? scaled(String(low.value), high.exponent) : low.value;
}

function readRange(scan: Scan, low: Core, qualifier: Qualifier | null): Reading | null {
  const form = rangeForm(scan, low);
  if (form === null) return null;
  const high = readCore(scan, low.last + 2);
  if (!high || high.label === 'fraction' || high.vague !== null || !spaced(tokenAt(scan, low.last + 1), tokenAt(scan, high.first))) return null;
  const highUnit = readUnit(scan, high);
  const value = lowerValue(low, high);
  const none: Unit = { unit: null, last: low.last };
  if (excluded(scan, low, none, qualifier !== null)) return null;
  // The two ends are one expression: when the upper is a duration or a date ("10 to 14 days", "3 to 5 June"), so is the lower.
  if (excluded(scan, high, highUnit, false)) return { claims: [], next: highUnit.last + 1 };
  const unit = low.label ?? highUnit.unit;
  const highQualifier = readQualifier(scan, high.first)?.qualifier ?? null;
  if (form === 'from') {
    const lowClaim = claim(scan, qualifier?.first ?? low.first, low.last, value, unit, qualifier?.qualifier ?? null);
    return { claims: [lowClaim, claim(scan, high.first, highUnit.last, high.value, highUnit.unit, highQualifier)], next: highUnit.last + 1 };
  }
  if (value >= high.value) return null;
  const first = form === 'between' ? low.first - 1 : (qualifier?.first ?? low.first);
  const outer = form === 'between' ? readQualifier(scan, low.first - 1) : qualifier;
  return { claims: [claim(scan, outer?.first ?? first, highUnit.last, value, unit, outer?.qualifier ?? 'between')], next: highUnit.last + 1 };
}

function readQuantity(scan: Scan, i: number): Reading | null {
  const c = readCore(scan, i);
  if (!c) return null;
  const qualifier = readQualifier(scan, c.first);
  const range = c.label !== 'fraction' && c.vague === null ? readRange(scan, c, qualifier) : null;
  if (range) return range;
  const head = c.label === null && !qualifier ? measureHead(scan, c) : null;
  if (head) return { claims: [claim(scan, c.first - 1, c.last, c.value, head, null)], next: c.last + 1 };
  const unit = readUnit(scan, c);
  const skip: Reading = { claims: [], next: c.last + 1 };
  if (c.loneOne && qualifier === null) return skip;
  if (excluded(scan, c, unit, qualifier !== null)) return skip;
  const q = qualifier?.qualifier ?? c.vague;
  const age = unit.unit === null && !qualifier && isAgeApposition(scan, c) ? 'years' : unit.unit;
  return { claims: [claim(scan, qualifier?.first ?? c.first, unit.last, c.value, age, q)], next: unit.last + 1 };
}

/** "magnitude 6.4", "aged 63": a word before the number says what it measures. */
function measureHead(scan: Scan, c: Core): string | null {
  const prev = c.first > scan.floor ? prevToken(scan, c.first) : undefined;
  return prev ? (MEASURE_HEADS[prev.lower] ?? null) : null;
}

/** "said Iryna Bondar, 63, who": a bare whole number set off by commas after a name is an age. */
function isAgeApposition(scan: Scan, c: Core): boolean {
  const comma = tokenAt(scan, c.first - 1);
  const name = tokenAt(scan, c.first - 2);
  const after = tokenAt(scan, c.last + 1);
  if (comma?.text !== ',' || !name || !/^\p{Lu}/u.test(name.text) || !after || !/^[,.;)]$/.test(after.text)) return false;
  return c.first === c.last && Number.isInteger(c.value) && c.value > 0 && c.value <= MAX_AGE;
}

/**
 * Quantities in an English news body, in text order, with offsets into `text` (end exclusive).
 * `tokens` is the analysis stage's wink pass over this same text, when the caller has it.
 */
export function findNumbers(text: string, tokens?: TaggedText): NumericClaim[] {
  if (text.trim() === '') return [];
  const tagged = tokens && tokens.text === text ? tokens : tag(text);
  const scan: Scan = { text, tokens: tokenize(text, tagged), wink: tagged, floor: 0 };
  const claims: NumericClaim[] = [];
  for (let i = 0; i < scan.tokens.length; ) {
    const reading = mayOpenQuantity(scan, i) ? readQuantity(scan, i) : null;
    // A figure too long for a double ("1" followed by 400 digits) has no value worth reporting.
    if (reading) claims.push(...reading.claims.filter((c) => Number.isFinite(c.value)));
    i = reading ? Math.max(i + 1, reading.next) : i + 1;
    if (reading?.claims.length) scan.floor = i;
  }
  return claims;
}
