/**
 * Candidate names: runs of capitalised words, joined across the small words that live inside
 * names ("Marieke van Dijk", "Ministry of Economy", "Miasto dla Ludzi", "Dutch Employers'
 * Council"), cut where a title ends ("Disaster Management Minister | Enamul Karim") and where
 * grammar, not naming, capitalised a sentence's first word; widened over a lower-case head that
 * belongs to the name ("Donetsk region", "Sepehr news agency").
 */
import { commonWord } from './common-word.js';
import {
  CORPORATE_SUFFIXES, EVENT_WORDS, GEO_NOUNS, HONORIFICS, KNOWN_ORGANISATIONS, LEGISLATURES, METONYMS, ORG_WORDS, PLACE_PREFIXES, PLACE_SUFFIXES,
  POST_NOMINALS, TITLE_HEADS, TITLE_MODIFIERS, TITLES, groupName, placeTier,
} from '../gazetteer.js';
import type { Mention } from '../types.js';
import { type Word, adjacent } from './words.js';

export interface Candidate {
  /** Indices into the word list of the name's first and last word. */
  first: number;
  last: number;
  start: number;
  end: number;
  /** End including a possessive ending. */
  outer: number;
  text: string;
  /** The title before the name ("Foreign Minister"), a role word before it ("union leader"), or a post-nominal ("KC"). */
  description: Mention | null;
  /** Lower-case head of that title ("minister"), for linking "the minister" later. */
  titleHead: string | null;
  honorific: boolean;
  postNominal: boolean;
  /** Indices of the words of a capitalised title that name a nationality ("Russian" in "Russian Foreign Minister"). */
  titleWords: number[];
  /** The mention was widened over a "the" that belongs to the name ("The Hague"). */
  withArticle: boolean;
  /** Index of the run's first word, title included: context before the name is read from here. */
  runFirst: number;
  /** A lower-case head noun after the name: "region" in "Donetsk region" (part of the name), "party", "news agency" (not). */
  headNoun: string | null;
  /** The run is a title with no name after it ("Minister for Sport", "Prime Minister"). */
  titleOnly: boolean;
}

const MONTHS_AND_DAYS = /^(?:January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
/** Abbreviated months, and "May", are dates only beside a number ("Sept 3", "3 May"); elsewhere "Canal Sept", "Theresa May". */
const MONTHS_BESIDE_NUMBERS = /^(?:May|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$/;
/** Small words inside names: surname particles and the connectors of names in other languages ("Miasto dla Ludzi"). */
const NAME_PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'del', 'della', 'dos', 'das', 'do', 'le', 'la', 'les', 'al', 'el', 'bin', 'ibn', 'ter', 'ten', 'y', 'dla', 'na', 'für', 'pour', 'para', 'per', 'des', 'e']);
/** Words after which "of"/"for" continue a name ("Ministry of Economy", "Centre for Conflict Mapping", "Gulf of Bothnia"). */
const HEADS_BEFORE_OF = new Set([...ORG_WORDS, ...PLACE_PREFIXES, ...PLACE_SUFFIXES, ...EVENT_WORDS, ...TITLE_HEADS, 'republic', 'kingdom', 'states', 'city', 'isle', 'museum', 'church', 'friends', 'people', 'house', 'secretary', 'bureau', 'chamber', 'order', 'academy', 'department', 'tour', 'bank']);
/** Irregular plurals whose possessive continues an organisation's name ("People's Party", "Women's Institute"). */
const PLURAL_POSSESSIVES = /^(?:\p{L}+s['’]|People['’]s|Women['’]s|Men['’]s|Children['’]s|Workers['’]|Farmers['’])$/u;
/** Lower-case organisation heads that end a name ("the Civic Renewal party", "the Sepehr news agency"). */
const ORG_HEAD_NOUNS = new Set(['party', 'movement', 'alliance', 'coalition', 'newspaper', 'daily', 'consortium', 'bloc', 'faction', 'militia', 'agency', 'news agency', 'broadcaster', 'group']);
/** Geographic heads a nationality may take ("Danish straits", "Greek islands"): plural areas, not "a Russian region". */
const DEMONYM_GEO_NOUNS = new Set(['straits', 'islands', 'isles', 'highlands', 'waters']);
const SKIPPED_STARTS = new Set(['i', 'a', 'an', 'the']);
/** Titles abbreviated without a full stop ("Col", "Gen") are titles only before a name: "Col de Vassieux" is a mountain pass. */
const BARE_ABBREVIATED_TITLES = new Set(['col', 'gen', 'lt', 'sgt', 'capt', 'rep', 'sen', 'gov', 'prof']);
/** "I" is a pronoun, never a name. */
const PRONOUN_I = /^I(?:['’]\p{L}+)?$/u;

interface Scan {
  words: Word[];
  text: string;
  /** Lower-case words the text capitalises somewhere grammar does not require it ("Congress" mid-sentence). */
  namedElsewhere: Set<string>;
}

function isCapitalised(w: Word): boolean {
  return w.capitalised;
}

function isCalendar(s: Scan, w: Word): boolean {
  if (MONTHS_AND_DAYS.test(w.text)) return true;
  if (!MONTHS_BESIDE_NUMBERS.test(w.text)) return false;
  if (/\d/.test(s.text.slice(Math.max(0, w.start - 4), w.start)) || /^\s*\d/.test(s.text.slice(w.outer, w.outer + 4))) return true;
  // "in May", "since May": the month; "Theresa May": a surname after a capitalised word.
  return w.text === 'May' && !/\p{Lu}[\p{L}'’.-]*\s+$/u.test(s.text.slice(Math.max(0, w.start - 30), w.start));
}

function isNameWord(s: Scan, w: Word): boolean {
  return isCapitalised(w) && !PRONOUN_I.test(w.text) && /\p{L}/u.test(w.text) && !isCalendar(s, w);
}

function lower(w: Word | undefined): string {
  return w ? w.lower : '';
}

/** Adjacent, or joined by a plural possessive that opens an organisation's name ("Dutch Employers' Council"). */
function continues(s: Scan, prev: Word, w: Word): boolean {
  if (adjacent(s.text, prev, w)) return true;
  if (prev.outer === prev.end) return false;
  const possessive = s.text.slice(prev.start, prev.outer);
  return PLURAL_POSSESSIVES.test(possessive) && /^[ \u00a0]+$/.test(s.text.slice(prev.outer, w.start)) && ORG_WORDS.has(lower(w));
}

/** "and" joins two halves of one organisation's name ("Labour and Green Alliance", "Ministry of Disaster Management and Relief"). */
function andJoins(s: Scan, first: number, at: number): number | null {
  const { words } = s;
  if (!words[at + 1] || !isNameWord(s, words[at + 1]!)) return null;
  let end = at + 1;
  while (end + 1 < words.length && adjacent(s.text, words[end]!, words[end + 1]!) && isNameWord(s, words[end + 1]!) && !words[end + 1]!.sentenceStart) end++;
  const before = words.slice(first, at);
  const hasOfHead = before.some((w, i) => ORG_WORDS.has(lower(w)) && /^(of|for)$/.test(lower(before[i + 1])));
  const afterEndsInOrg = ORG_WORDS.has(lower(words[end])) && !before.some((w) => ORG_WORDS.has(lower(w))) && before.length <= 2 && placeTier(before.map((w) => w.text).join(' ')) === null;
  return hasOfHead || afterEndsInOrg ? end : null;
}

/** The index of the last word of the run that starts at `i`. */
function runEnd(s: Scan, i: number): number {
  const { words, text } = s;
  let last = i;
  let j = i + 1;
  while (j < words.length) {
    const prev = words[j - 1]!;
    const w = words[j]!;
    if (w.sentenceStart || !continues(s, prev, w)) break;
    if (isNameWord(s, w)) {
      last = j++;
      continue;
    }
    const next = words[j + 1];
    const lw = lower(w);
    const joinsNext = next !== undefined && adjacent(text, w, next) && isNameWord(s, next);
    if (joinsNext && NAME_PARTICLES.has(lw)) {
      j++;
      continue;
    }
    // "Tour of the Three Valleys": "the" may follow "of".
    const ofThe = lw === 'of' && lower(next) === 'the' && next !== undefined && adjacent(text, w, next) && words[j + 2] !== undefined && adjacent(text, next, words[j + 2]!) && isNameWord(s, words[j + 2]!);
    if ((joinsNext || ofThe) && (lw === 'of' || lw === 'for') && HEADS_BEFORE_OF.has(lower(words[last]))) {
      j += ofThe ? 2 : 1;
      continue;
    }
    if ((lw === 'and' || lw === '&') && next && adjacent(text, w, next)) {
      const end = andJoins(s, i, j);
      if (end !== null) {
        last = end;
        j = end + 1;
        continue;
      }
    }
    break;
  }
  return last;
}

/** Where a title ends inside a run: after its last title word, when a capitalised name follows ("Senate Majority Leader | Glen Hadley"). */
function titleSplit(s: Scan, first: number, last: number): number {
  let split = first;
  for (let k = first; k < last; k++) {
    const lw = lower(s.words[k]).replace(/\.$/, '');
    if (TITLE_HEADS.has(lw) || TITLE_HEADS.has(`${lw}.`)) split = k + 1;
  }
  if (split === first) return first;
  const rest = s.words.slice(split, last + 1);
  // "Col de Vassieux", "Minister for Sport", "General Court": what follows the title word is no person's name.
  if (!isCapitalised(rest[0]!) || rest.some((w) => ORG_WORDS.has(lower(w)))) return first;
  return split;
}

function describe(text: string, a: Word, b: Word): Mention {
  return { start: a.start, end: b.end, text: text.slice(a.start, b.end) };
}

/** A word of a title that names a role by itself ("leader", "economist"), not a modifier of one ("foreign", "opposition"). */
function isRoleWord(lw: string): boolean {
  return TITLES.has(lw) && !TITLE_MODIFIERS.has(lw);
}

/** Lower-case role words just before a name ("political scientist Jan Roe", "union leader Claus Wendland"). */
function leadingRole(s: Scan, first: number): { mention: Mention; head: string } | null {
  const { words, text } = s;
  const before = words[first - 1];
  if (!before || !adjacent(text, before, words[first]!) || !isRoleWord(lower(before)) || isCapitalised(before)) return null;
  let start = first - 1;
  while (start - 1 >= 0 && first - 1 - start < 2 && adjacent(text, words[start - 1]!, words[start]!) && /^\p{Ll}+$/u.test(words[start - 1]!.text) && TITLES.has(lower(words[start - 1]))) start--;
  return { mention: describe(text, words[start]!, before), head: lower(before) };
}

/** A word grammar capitalised that names something anyway: an institution, a nationality, or a word the text capitalises elsewhere. */
function namesAnyway(s: Scan, w: Word): boolean {
  const lw = lower(w);
  if (SKIPPED_STARTS.has(lw)) return false;
  // "US trade officials": capitals throughout are an abbreviation, whatever the dictionary says of "us".
  if (/^\p{Lu}{2,}$/u.test(w.text)) return true;
  return LEGISLATURES.has(w.text) || METONYMS.has(w.text) || KNOWN_ORGANISATIONS.has(w.text) || groupName(w.text) !== null || s.namedElsewhere.has(lw);
}

/** Words the sentence capitalised for grammar ("But", "Officials", "The") are not part of a name. */
function trimGrammarStart(s: Scan, first: number, last: number): number {
  const { words } = s;
  // "Disaster Management Minister Enamul Karim": nouns before a title word belong to the title.
  const titled = titleSplit(s, first, last) > first;
  let f = first;
  while (f <= last && words[f]!.grammarCap) {
    const lw = lower(words[f]);
    if (TITLES.has(lw) || HONORIFICS.has(lw) || namesAnyway(s, words[f]!)) break;
    if (titled && /^(?:NOUN|PROPN|ADJ)$/.test(words[f]!.pos)) break;
    // "The Hague" keeps its article; "The Kremlin" does not need it.
    if (lw === 'the' && f < last && placeTier(words.slice(f, last + 1).map((w) => w.text).join(' '))) break;
    if (!SKIPPED_STARTS.has(lw) && !commonWord(lw)) break;
    // "Apple Inc.", "Police Department": a name of ordinary words, held together by what ends it.
    if (f < last && words.slice(f + 1, last + 1).every((w) => ORG_WORDS.has(lower(w)) || CORPORATE_SUFFIXES.has(lower(w)))) break;
    f++;
  }
  return f;
}

function postNominalEnd(words: Word[], nameStart: number, last: number): number {
  let end = last;
  while (end > nameStart && POST_NOMINALS.has(words[end]!.text)) end--;
  return end;
}

/** A lower-case head after the name that belongs to it: "Donetsk region", "Civic Renewal party", "Sepehr news agency". */
function headNounAfter(s: Scan, last: number, name: string): { noun: string; end: Word } | null {
  const w = s.words[last]!;
  const a = s.words[last + 1];
  if (!a || w.outer !== w.end || !adjacent(s.text, w, a) || !/^\p{Ll}/u.test(a.text)) return null;
  const b = s.words[last + 2];
  const two = b && adjacent(s.text, a, b) ? `${lower(a)} ${lower(b)}` : null;
  const demonym = groupName(name) !== null;
  if (two && ORG_HEAD_NOUNS.has(two)) return { noun: two, end: b! };
  if (demonym) return DEMONYM_GEO_NOUNS.has(lower(a)) ? { noun: lower(a), end: a } : null;
  if (GEO_NOUNS.has(lower(a)) || ORG_HEAD_NOUNS.has(lower(a))) return { noun: lower(a), end: a };
  return null;
}

function collectNamedElsewhere(words: Word[]): Set<string> {
  const named = new Set<string>();
  for (const w of words) if (!w.grammarCap && w.capitalised) named.add(w.lower);
  return named;
}

export function findCandidates(words: Word[], text: string): Candidate[] {
  const s: Scan = { words, text, namedElsewhere: collectNamedElsewhere(words) };
  const found: Candidate[] = [];
  let i = 0;
  while (i < words.length) {
    if (!isNameWord(s, words[i]!)) {
      i++;
      continue;
    }
    const runLast = runEnd(s, i);
    const first = trimGrammarStart(s, i, runLast);
    if (first <= runLast) found.push(...build(s, first, runLast));
    i = runLast + 1;
  }
  return found;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(k);
  return out;
}

/** A candidate with nothing but its span and text. */
export function blank(first: number, last: number, start: number, end: number, text: string): Candidate {
  return { first, last, start, end, outer: end, text, description: null, titleHead: null, honorific: false, postNominal: false, titleWords: [], withArticle: false, runFirst: first, headNoun: null, titleOnly: false };
}

/** "British-Swiss", "Dutch-Kenyan": each nationality is a mention of its own. */
function splitDemonyms(s: Scan, c: Candidate): Candidate[] | null {
  if (c.first !== c.last || !/[-‐‑]/.test(c.text)) return null;
  const parts = c.text.split(/[-‐‑]/);
  if (!parts.every((p) => groupName(p) !== null)) return null;
  let at = c.start;
  return parts.map((p) => {
    const part = { ...c, start: at, end: at + p.length, outer: at + p.length, text: p };
    at += p.length + 1;
    return part;
  });
}

function build(s: Scan, first: number, runLast: number): Candidate[] {
  const { words, text } = s;
  const split = titleSplit(s, first, runLast);
  const last = postNominalEnd(words, split, runLast);
  const a = words[split]!;
  const titled = split > first;
  const role = titled ? null : leadingRole(s, first);
  const titleHead = titled ? lower(words[split - 1]).replace(/\.$/, '') : (role?.head ?? null);
  let description = titled ? describe(text, words[first]!, words[split - 1]!) : (role?.mention ?? null);
  if (!description && last < runLast) description = describe(text, words[last + 1]!, words[runLast]!);
  let name = text.slice(a.start, words[last]!.end);
  // "No 10": a metonym written with its number.
  const numbered = /^[ \u00a0](\d+)\b/.exec(text.slice(words[last]!.outer, words[last]!.outer + 6));
  if (numbered && last === runLast && METONYMS.has(`${name} ${numbered[1]}`)) {
    const end = words[last]!.outer + numbered[0].length;
    return [{ ...blank(split, last, a.start, end, `${name} ${numbered[1]}`), runFirst: first }];
  }
  const head = last === runLast ? headNounAfter(s, last, name) : null;
  // Geographic heads are part of the place's name ("Donetsk region"); organisation heads only say what it is ("the Civic Renewal party").
  const widened = head !== null && !ORG_HEAD_NOUNS.has(head.noun);
  const b = widened ? head.end : words[last]!;
  if (widened) name = text.slice(a.start, b.end);
  // "the Hague" written in lower case: the article belongs to the name.
  const article = words[split - 1];
  const withArticle = !titled && article !== undefined && lower(article) === 'the' && adjacent(text, article, a) && placeTier(name) === null && placeTier(`The ${name}`) !== null;
  const firstRun = s.words.slice(first, runLast + 1);
  const candidate: Candidate = {
    first: split,
    last,
    start: withArticle ? article.start : a.start,
    end: b.end,
    outer: b.outer,
    text: withArticle ? `The ${name}` : name,
    description,
    titleHead,
    honorific: titled && words.slice(first, split).some((w) => HONORIFICS.has(lower(w))),
    postNominal: last < runLast,
    titleWords: titled ? range(first, split).filter((k) => groupName(words[k]!.text) !== null) : [],
    withArticle,
    runFirst: withArticle ? split - 1 : role ? first - 1 : first,
    headNoun: head?.noun ?? null,
    titleOnly: !titled && TITLES.has(lower(firstRun[0])) && !BARE_ABBREVIATED_TITLES.has(lower(firstRun[0])) && firstRun.some((w) => TITLE_HEADS.has(lower(w))) && !firstRun.some((w) => ORG_WORDS.has(lower(w))),
  };
  return splitDemonyms(s, candidate) ?? [candidate];
}
