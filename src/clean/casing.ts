/**
 * Casing repair for pages a scraper lower-cased entirely: sentence starts, "I", acronyms,
 * months and weekdays, proper nouns the dictionary only knows capitalised, names learned
 * from the page (bylines, titles before names), and words no dictionary knows (mostly names).
 */
import { isCommonWord, properForm } from './lexicon.js';

/**
 * A page counts as lower-cased by its scraper when its sentences start in lower case and its
 * prose holds almost no capitals. Only prose-sized blocks are read: a stamp or a label in
 * capitals ("Published 14 March 2026") says nothing about how the article's text was treated.
 */
const LOWERCASE_PAGE_MAX_UPPER_SHARE = 0.01;
const LOWERCASE_PAGE_MIN_LETTERS = 200;
const LOWERCASE_MIN_SENTENCE_STARTS = 3;
const LOWERCASE_SENTENCE_SHARE = 0.9;
const PROSE_BLOCK_MIN_WORDS = 8;
const SENTENCE_FIRST_LETTER = /(?:^|[.!?]["”’)]?\s+)["“‘'(]?(\p{L})/gu;

const LETTER = /\p{L}/gu;
const UPPER = /\p{Lu}/gu;
/** Enough text to judge a page's casing; reading more changes nothing but the time taken. */
const CASING_SAMPLE_CHARS = 200_000;

export function isLowercasedPage(texts: string[]): boolean {
  let sample = '';
  for (const text of texts) {
    if (sample.length >= CASING_SAMPLE_CHARS) break;
    if (text.split(/\s+/).length >= PROSE_BLOCK_MIN_WORDS) sample += `${text}\n`;
  }
  const letters = sample.match(LETTER)?.length ?? 0;
  const upper = sample.match(UPPER)?.length ?? 0;
  if (letters < LOWERCASE_PAGE_MIN_LETTERS || upper / letters > LOWERCASE_PAGE_MAX_UPPER_SHARE) return false;
  const starts = [...sample.matchAll(SENTENCE_FIRST_LETTER)].map((m) => m[1]!);
  const lowerStarts = starts.filter((c) => c === c.toLowerCase()).length;
  return starts.length >= LOWERCASE_MIN_SENTENCE_STARTS && lowerStarts / starts.length >= LOWERCASE_SENTENCE_SHARE;
}

/** Forms the dictionary lacks or gets wrong for news ("u.s." is not a dictionary word). */
const FIXED_FORMS: Record<string, string> = {
  'u.s.': 'U.S.', 'u.s': 'U.S.', 'u.k.': 'U.K.', 'u.n.': 'U.N.', 'e.u.': 'E.U.', 'uk': 'UK', 'usa': 'USA', 'un': 'UN', 'eu': 'EU',
  nato: 'NATO', i: 'I', "i'm": "I'm", "i've": "I've", "i'll": "I'll", "i'd": "I'd", 'i’m': 'I’m', 'i’ve': 'I’ve', 'i’ll': 'I’ll', 'i’d': 'I’d',
  ai: 'AI', ceo: 'CEO', gdp: 'GDP', covid: 'Covid', 'covid-19': 'Covid-19', g7: 'G7', g20: 'G20', imf: 'IMF', opec: 'OPEC',
  fbi: 'FBI', cia: 'CIA', nasa: 'NASA', uae: 'UAE', ukraine: 'Ukraine', kyiv: 'Kyiv', tv: 'TV', bbc: 'BBC', mp: 'MP', mps: 'MPs',
  pm: 'PM', 'a.m.': 'a.m.', 'p.m.': 'p.m.', polish: 'Polish',
  // Name particles stay lower case inside names ("Jan de Groot"), whatever the dictionary says of "DE".
  de: 'de', van: 'van', von: 'von', der: 'der', den: 'den', du: 'du', da: 'da', di: 'di', la: 'la', le: 'le', bin: 'bin',
};

/** Institutions whose names are made of ordinary words ("european union"): written capitalised as a phrase. */
const PROPER_PHRASES = [
  'European Union', 'European Commission', 'European Parliament', 'European Council', 'European Central Bank', 'United Nations',
  'Security Council', 'General Assembly', 'White House', 'World Bank', 'World Health Organization', 'World Trade Organization',
  'International Monetary Fund', 'Supreme Court', 'High Court', 'Federal Reserve', 'Bank of England', 'Red Cross', 'Red Crescent',
  'Downing Street', 'Middle East', 'Baltic Sea', 'Black Sea', 'North Sea', 'Red Sea', 'Gaza Strip', 'West Bank', 'Pentagon',
  'State Department', 'Foreign Office', 'Home Office', 'United States', 'United Kingdom', 'Wall Street',
];
const PHRASE_PATTERN = new RegExp(`\\b(${PROPER_PHRASES.map((p) => p.toLowerCase().replace(/ /g, '\\s+')).join('|')})\\b`, 'g');
const PHRASE_FORMS = new Map(PROPER_PHRASES.map((p) => [p.toLowerCase(), p]));

function capitalizePhrases(text: string): string {
  return text.replace(PHRASE_PATTERN, (m) => PHRASE_FORMS.get(m.replace(/\s+/g, ' ')) ?? m);
}

/** Words that are months or weekdays but also ordinary words: capitalised only in a date context. */
const AMBIGUOUS_MONTHS = new Set(['may', 'march']);
const DATE_CONTEXT_BEFORE = /(\b(in|on|since|until|by|early|late|mid|last|next|this|of|from|through|during|before|after|between)|\d{1,2}(st|nd|rd|th)?)[\s-]+$/;
const DATE_CONTEXT_AFTER = /^\s+(\d|of\s+\d|last|next|this)/;

/** Titles written capitalised when they stand directly before a name. */
const TITLE_WORDS = new Set([
  'president', 'minister', 'chancellor', 'senator', 'sen.', 'rep.', 'governor', 'gov.', 'mayor', 'secretary', 'judge', 'justice',
  'gen.', 'general', 'col.', 'colonel', 'lt.', 'capt.', 'captain', 'dr.', 'dr', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'sir', 'dame',
  'lord', 'lady', 'king', 'queen', 'prince', 'princess', 'pope', 'rev.', 'professor', 'prof.', 'ambassador', 'commissioner',
  'sheikh', 'emir', 'sultan', 'premier', 'councillor', 'councilor', 'chief', 'inspector', 'detective', 'sergeant', 'sgt.', 'officer',
  'admiral', 'prime', 'foreign', 'defence', 'defense', 'finance', 'interior', 'health', 'deputy', 'vice', 'speaker', 'leader', 'superintendent',
]);

/** A full stop after these ends an abbreviation, not a sentence ("U.S. widens", "Mr. Sarr"). */
const ABBREVIATION_BEFORE = /(?:^|[\s(])(?:u\.s|u\.k|u\.n|e\.u|e\.g|i\.e|etc|mr|mrs|ms|dr|st|gen|gov|sen|rep|col|lt|capt|sgt|prof|rev|no|vs|approx|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.$/i;
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const SENTENCE_START = /(^|[.!?]["”’)]?\s+|^["“‘'(]|[.!?]\s+["“‘']|:\s+["“‘'])(\p{Ll})/gu;

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function stripEdgeDots(token: string): string {
  return token.replace(/\.+$/, (dots) => (/^(\p{L}\.)+$/u.test(token) ? dots : ''));
}

export interface CasingMemory {
  /** lower-case form → proper form, learned from bylines and outlets of the same page. */
  names: Map<string, string>;
}

function wordForm(token: string, before: string, after: string, memory: CasingMemory): string {
  const core = stripEdgeDots(token);
  const tail = token.slice(core.length);
  const lower = core.toLowerCase();
  const fixed = FIXED_FORMS[lower] ?? (lower === 'i.' ? 'I.' : undefined);
  if (fixed) return fixed + tail;
  const learned = memory.names.get(lower);
  if (learned) return learned + tail;
  if (AMBIGUOUS_MONTHS.has(lower)) {
    return DATE_CONTEXT_BEFORE.test(before) || DATE_CONTEXT_AFTER.test(after) ? capitalize(core) + tail : token;
  }
  if (/\d/.test(core)) return token;
  const possessive = /^(.*?)(['’]s)$/u.exec(core);
  const base = possessive ? possessive[1]! : core;
  const proper = properForm(base.toLowerCase());
  if (proper) return proper + (possessive ? possessive[2]! : '') + tail;
  if (base.includes('-')) {
    // Each part keeps the part before it as context: "mid-may" is a month.
    const parts = base.split('-');
    return parts.map((part, i) => wordForm(part, i > 0 ? `${parts[i - 1]} ` : before, '', memory)).join('-') + (possessive ? possessive[2]! : '') + tail;
  }
  // A word no dictionary knows is, in news text, almost always a name ("koval", "zelenskyy").
  if (base.length >= 3 && /^\p{L}+$/u.test(base) && !isCommonWord(base.toLowerCase())) return capitalize(core) + tail;
  return token;
}

/** Capitalise a title word when the next word was capitalised as a name. */
function capitalizeTitlesBeforeNames(text: string): string {
  return text.replace(/\b([\p{Ll}.]+)(\s+)(?=\p{Lu})/gu, (match, word: string, space: string) =>
    TITLE_WORDS.has(word) ? capitalize(word) + space : match,
  );
}

/** Repair one block of lower-cased text. Pure: the same text and memory give the same output. */
export function repairCasing(text: string, memory: CasingMemory): string {
  let out = text.replace(TOKEN, (token, offset: number) =>
    wordForm(token, text.slice(Math.max(0, offset - 12), offset), text.slice(offset + token.length, offset + token.length + 10), memory),
  );
  out = capitalizeTitlesBeforeNames(capitalizeTitlesBeforeNames(capitalizePhrases(out)));
  out = out.replace(SENTENCE_START, (match: string, lead: string, letter: string, offset: number) =>
    ABBREVIATION_BEFORE.test(out.slice(Math.max(0, offset - 8), offset + 1)) ? match : lead + letter.toUpperCase(),
  );
  return out;
}

/** Learn the proper form of each word of a name ("jane roe" → Jane, Roe). */
export function rememberName(memory: CasingMemory, properName: string): void {
  for (const word of properName.split(/\s+/)) {
    const lower = word.toLowerCase();
    if (word !== lower && !isCommonWord(lower)) memory.names.set(lower, word);
  }
}

/** Title-case an outlet name written lower-case ("the meridian times" → "The Meridian Times"). */
export function titleCase(text: string): string {
  return text
    .split(/\s+/)
    .map((w, i) => (i > 0 && /^(of|the|and|on|for|in|de|la)$/.test(w) ? w : capitalize(w)))
    .join(' ');
}
