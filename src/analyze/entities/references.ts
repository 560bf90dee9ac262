/**
 * Common-noun references, which the gold and the contract count as mentions:
 *  - institutions named by a definite noun phrase ("the government", "the tourism ministry",
 *    "the Italian coast guard"): the named organisation of that kind mentioned before, else an
 *    organisation of their own;
 *  - kinds of organisation ("the company", "the charity"): the organisation mentioned last;
 *  - role nouns ("the foreign minister"): the person the article described that way.
 */
import { KNOWN_ORGANISATIONS, LEGISLATURES, METONYMS, TITLE_MODIFIERS, groupName, placeTier } from '../gazetteer.js';
import type { Entity, Mention } from '../types.js';
import type { Word } from './words.js';

export interface Draft {
  entity: Entity;
  /** Lower-case heads of the titles and roles it was given ("minister"), for role nouns. */
  roleHeads: Set<string>;
  /** For an organisation found by a noun phrase: its head and modifiers ("tourism", "ministry"). */
  reference: { head: string; modifiers: string[] } | null;
}

interface ReferenceHead {
  /**
   * May stand for an organisation the text never names: "always" ("the government"), only with a
   * modifier ("the prosecutor's office", not "back at the office"), or "never" (it only links back).
   */
  creates: 'always' | 'with-modifier' | 'never';
  /** Links to the last organisation of any kind, not only one whose name holds the word ("the company"). */
  anyOrganisation: boolean;
}

/** Heads of noun phrases that refer to organisations, with what each may do. */
export const REFERENCE_HEADS: Record<string, ReferenceHead> = {
  government: { creates: 'always', anyOrganisation: false },
  ministry: { creates: 'always', anyOrganisation: false },
  parliament: { creates: 'always', anyOrganisation: false },
  council: { creates: 'always', anyOrganisation: false },
  committee: { creates: 'always', anyOrganisation: false },
  commission: { creates: 'always', anyOrganisation: false },
  'coast guard': { creates: 'always', anyOrganisation: false },
  'fire service': { creates: 'always', anyOrganisation: false },
  secretariat: { creates: 'always', anyOrganisation: false },
  department: { creates: 'always', anyOrganisation: false },
  office: { creates: 'with-modifier', anyOrganisation: false },
  court: { creates: 'always', anyOrganisation: false },
  cabinet: { creates: 'always', anyOrganisation: false },
  senate: { creates: 'always', anyOrganisation: false },
  authority: { creates: 'never', anyOrganisation: false },
  agency: { creates: 'never', anyOrganisation: false },
  administration: { creates: 'never', anyOrganisation: false },
  union: { creates: 'never', anyOrganisation: false },
  party: { creates: 'never', anyOrganisation: false },
  federation: { creates: 'never', anyOrganisation: false },
  association: { creates: 'never', anyOrganisation: false },
  consortium: { creates: 'never', anyOrganisation: false },
  bloc: { creates: 'never', anyOrganisation: false },
  alliance: { creates: 'never', anyOrganisation: false },
  chamber: { creates: 'never', anyOrganisation: false },
  company: { creates: 'never', anyOrganisation: true },
  firm: { creates: 'never', anyOrganisation: true },
  group: { creates: 'never', anyOrganisation: true },
  charity: { creates: 'never', anyOrganisation: true },
  club: { creates: 'never', anyOrganisation: true },
  side: { creates: 'never', anyOrganisation: true },
  manufacturer: { creates: 'never', anyOrganisation: true },
  operator: { creates: 'never', anyOrganisation: true },
  broadcaster: { creates: 'never', anyOrganisation: true },
  newspaper: { creates: 'never', anyOrganisation: true },
  organisation: { creates: 'never', anyOrganisation: true },
  organization: { creates: 'never', anyOrganisation: true },
  lender: { creates: 'never', anyOrganisation: true },
  airline: { creates: 'never', anyOrganisation: true },
  insurer: { creates: 'never', anyOrganisation: true },
};

/** What names of organisations of a kind hold besides the head word: "the administration" is the White House, "the bloc" the EU. */
const HEAD_SYNONYMS: Record<string, RegExp> = {
  administration: /^(?:White House|Kremlin|Downing Street|Élysée|Elysee)$|administration|government/i,
  bloc: /\b(?:Union|EU|Asean|ASEAN|Mercosur|Brics|BRICS)\b/,
  chamber: /^(?:Senate|House|Commons|House of Commons|Lords|House of Lords|Parliament|Duma|State Duma|Bundestag|Sejm|Dáil|Assembly|National Assembly)$/,
  council: /\bcouncil\b/i,
  senate: /\bsenate\b/i,
};

const HEADS = new Set(Object.keys(REFERENCE_HEADS));
const TWO_WORD_STARTS = new Set([...HEADS].filter((h) => h.includes(' ')).map((h) => h.split(' ')[0]!));
/** Words that end a modifier run: an article, a preposition or a conjunction ("the talks with the government" is no one phrase). */
const BREAKS = new Set(['the', 'a', 'an', 'this', 'that', 'of', 'with', 'and', 'or', 'to', 'in', 'for', 'on', 'by', 'at', 'from', 'as', 'its', 'his', 'her', 'their', 'our']);
const MAX_MODIFIERS = 3;
/** Nouns after an institution that report for it: the institution is meant ("a ministry spokesman", "interior ministry figures"). */
const REPORTING_NOUNS = /^(?:spokesman|spokeswoman|spokesperson|spokespeople|official|officials|source|sources|statement|figures|data|statistics|estimates|records|report|document)$/;
/** Adjectives of relation ("electoral", "public", "economic") belong to an institution's name; "new", "embattled" do not. */
const RELATIONAL_ADJECTIVE = /(?:al|ic|ary|ive|ian|ish|ese)$/;
const NOT_MODIFIERS = new Set(['new', 'old', 'current', 'former', 'previous', 'last', 'next', 'same', 'whole', 'entire', 'first', 'second', 'third', 'other', 'own', 'latest', 'main', 'outgoing', 'incoming', 'very', 'only', 'final', 'original', 'usual', 'relevant', 'said', 'this', 'that', 'which', 'whose']);

function isOrganisation(d: Draft): boolean {
  return d.entity.type === 'organization';
}

function mentionedBefore(d: Draft, at: number): number {
  let best = -1;
  for (const m of d.entity.mentions) if (m.start < at && m.start > best) best = m.start;
  return best;
}

function latest(drafts: Draft[], at: number): Draft | undefined {
  let best: Draft | undefined;
  let bestAt = -1;
  for (const d of drafts) {
    const last = mentionedBefore(d, at);
    if (last > bestAt) {
      best = d;
      bestAt = last;
    }
  }
  return best;
}

/** Modifiers that belong to the institution's name: nouns, relational adjectives, places and nationalities, read right to left. */
function nameModifiers(raw: string[], posOf: (word: string, index: number) => string): string[] {
  const kept: string[] = [];
  for (let k = raw.length - 1; k >= 0; k--) {
    const w = raw[k]!;
    const lw = w.toLowerCase();
    const proper = /^\p{Lu}/u.test(w) && (groupName(w) !== null || placeTier(w.replace(/['’]s$/, '')) !== null || /^\p{Lu}{2,}$/u.test(w));
    const common = /^[\p{Ll}'’-]+$/u.test(w) && !NOT_MODIFIERS.has(lw) && (posOf(w, k) === 'NOUN' || RELATIONAL_ADJECTIVE.test(lw) || TITLE_MODIFIERS.has(lw) || /['’]s$/.test(w));
    if (!proper && !common) break;
    kept.unshift(w);
  }
  return kept;
}

/** A name in lower case and its words, read once per name. */
const lowered = new Map<string, { lower: string; words: string[] }>();

function lowerName(name: string): { lower: string; words: string[] } {
  let known = lowered.get(name);
  if (!known) {
    if (lowered.size > 10_000) lowered.clear();
    const lower = name.toLowerCase();
    known = { lower, words: lower.split(/[\s-]+/) };
    lowered.set(name, known);
  }
  return known;
}

function nameFits(d: Draft, head: string, modifiers: string[]): boolean {
  const name = d.entity.name;
  const synonym = HEAD_SYNONYMS[head];
  const { lower, words } = lowerName(name);
  const holdsHead = synonym ? synonym.test(name) : words.includes(head) || lower.includes(` ${head}`);
  if (!holdsHead) return false;
  return modifiers.every((m) => lower.includes(m.toLowerCase().replace(/['’]s$/, '')));
}

/** Kinds of organisation by their name's words, for "the company" (a business) or "the charity" (a non-profit). */
const NON_BUSINESS_WORDS = /\b(?:government|ministry|parliament|council|committee|commission|court|department|office|senate|agency|authority|institute|university|college|school|hospital|foundation|trust|charity|relief|aid|rescue|project|union|party|association|federation|alliance|coalition|movement|league|fund|society|centre|center|consortium|club|united|sporting)\b/i;
const SPORT_WORDS = /\b(?:united|sporting|city|athletic|rovers|wanderers|fc|club|town|albion|real|inter|dynamo|olympique)\b/i;

/** Which organisations a generic noun may stand for: "the company" never a ministry, "the club" a sports side when there is one. */
const GENERIC_FITS: Record<string, (name: string) => boolean> = {
  company: (n) => !NON_BUSINESS_WORDS.test(n), firm: (n) => !NON_BUSINESS_WORDS.test(n), manufacturer: (n) => !NON_BUSINESS_WORDS.test(n),
  lender: (n) => !NON_BUSINESS_WORDS.test(n), insurer: (n) => !NON_BUSINESS_WORDS.test(n), airline: (n) => !NON_BUSINESS_WORDS.test(n),
  operator: (n) => !NON_BUSINESS_WORDS.test(n), club: (n) => SPORT_WORDS.test(n), side: (n) => SPORT_WORDS.test(n),
};

function isInstitution(d: Draft): boolean {
  const n = d.entity.name;
  return METONYMS.has(n) || LEGISLATURES.has(n) || KNOWN_ORGANISATIONS.has(n) || /\b(?:government|ministry|parliament|council|committee|commission|court|department|office|senate)\b/i.test(n);
}

function antecedent(drafts: Draft[], head: string, modifiers: string[], at: number): Draft | undefined {
  const orgs = drafts.filter(isOrganisation);
  const named = orgs.filter((d) => !d.reference && nameFits(d, head, modifiers));
  const byName = latest(named, at);
  if (byName) return byName;
  const earlier = orgs.filter((d) => d.reference?.head === head && modifiers.every((m) => d.reference!.modifiers.includes(m)));
  const byReference = latest(earlier, at);
  if (byReference) return byReference;
  // "the government" after "Parliament" elsewhere in the text: one institution under its bare name.
  const bare = orgs.find((d) => !d.reference && d.entity.name.toLowerCase() === head && modifiers.every((m) => /^\p{Lu}/u.test(m)));
  if (bare) return bare;
  if (!REFERENCE_HEADS[head]!.anyOrganisation) return undefined;
  const fits = GENERIC_FITS[head] ?? (() => true);
  return latest(orgs.filter((d) => !d.reference && !isInstitution(d) && fits(d.entity.name)), at);
}

function overlaps(taken: Mention[], start: number, end: number): boolean {
  return taken.some((m) => m.start < end && m.end > start);
}

function addMention(d: Draft, mention: Mention): void {
  if (d.entity.mentions.some((m) => m.start === mention.start)) return;
  d.entity.mentions.push(mention);
  if (mention.text !== d.entity.name && !d.entity.aliases.includes(mention.text)) d.entity.aliases.push(mention.text);
}

interface Phrase {
  /** The determiner word ("the", "An", "Kenya's"), or null. */
  det: Word | null;
  raw: Word[];
  /** Index of the head's first and last word. */
  head: number;
  headEnd: number;
}

/** Only spaces between two words (a possessive ending counts as part of the first). */
function spaced(text: string, a: Word, b: Word): boolean {
  for (let i = a.outer; i < b.start; i++) if (text[i] !== ' ' && text[i] !== '\u00a0') return false;
  return b.start > a.outer;
}

/** The reference heads in the text: "government", "coast guard" (two words), each with up to three modifiers and a determiner before it. */
function phrases(words: Word[], text: string): Phrase[] {
  const found: Phrase[] = [];
  for (let i = 0; i < words.length; i++) {
    const one = words[i]!.lower;
    const two = TWO_WORD_STARTS.has(one) && i + 1 < words.length && spaced(text, words[i]!, words[i + 1]!) ? `${one} ${words[i + 1]!.lower}` : '';
    const headEnd = HEADS.has(two) ? i + 1 : HEADS.has(one) ? i : -1;
    if (headEnd < 0 || words[headEnd]!.outer - words[headEnd]!.end > 2) continue;
    let k = i;
    const raw: Word[] = [];
    while (k - 1 >= 0 && raw.length < MAX_MODIFIERS && spaced(text, words[k - 1]!, words[k]!) && !isDeterminer(words[k - 1]!, text) && !BREAKS.has(words[k - 1]!.lower)) raw.unshift(words[--k]!);
    const before = words[k - 1];
    const det = before && spaced(text, before, words[k]!) && isDeterminer(before, text) ? before : null;
    found.push({ det, raw, head: i, headEnd });
    i = headEnd;
  }
  return found;
}

/** "the", "this", "a"/"an", or a capitalised possessor ("Kenya's"); "prosecutor's" in "the public prosecutor's office" is a modifier. */
function isDeterminer(w: Word, text: string): boolean {
  if (/^(?:the|this|an?)$/i.test(w.text)) return true;
  return w.outer > w.end && /^['’]s$/.test(text.slice(w.end, w.outer)) && (/^\p{Lu}/u.test(w.text) || /^(?:parliament|government)$/.test(w.text));
}

/** The modifiers that belong to the name, with where the first of them starts; null when the phrase is no reference. */
function readModifiers(p: Phrase, words: Word[]): { modifiers: string[]; start: number } | null {
  const modifiers = nameModifiers(p.raw.map((r) => (r.outer > r.end ? `${r.text}'s` : r.text)), (_w, k) => p.raw[k]!.pos);
  // Words left of the name's modifiers may only be passing adjectives ("the new government", "the embattled ministry").
  const rest = p.raw.slice(0, p.raw.length - modifiers.length);
  if (p.det && !rest.every((r) => NOT_MODIFIERS.has(r.text.toLowerCase()) || r.pos === 'ADJ')) return null;
  const kept = p.raw[p.raw.length - modifiers.length];
  return { modifiers, start: kept ? kept.start : words[p.head]!.start };
}

/**
 * What a determiner allows: "the"/"this" any reference (its mention keeps the article); "a"/"an"
 * only before a reporting noun ("An Indian foreign ministry spokesman"); a possessor only when it
 * is a place or an institution ("Kenya's health ministry"); none only with a modifier and a
 * reporting noun ("interior ministry figures").
 */
function determinerAllows(det: Word | null, modifiers: string[], reporting: boolean): boolean {
  if (!det) return reporting && modifiers.length > 0;
  if (/^(?:the|this)$/i.test(det.text)) return true;
  if (/^an?$/i.test(det.text)) return reporting;
  const owner = det.text;
  if (/^(?:parliament|government)$/i.test(owner)) return true;
  return /^\p{Lu}/u.test(owner) && (placeTier(owner) !== null || LEGISLATURES.has(owner) || KNOWN_ORGANISATIONS.has(owner));
}

function creates(head: string, modifiers: string[]): boolean {
  const rule = REFERENCE_HEADS[head]!.creates;
  return rule === 'always' || (rule === 'with-modifier' && modifiers.length > 0);
}

/** "the government", "the tourism ministry", "the company": organisations by their common noun. */
export function linkInstitutions(drafts: Draft[], text: string, words: Word[]): void {
  const taken = drafts.flatMap((d) => d.entity.mentions);
  for (const p of phrases(words, text)) {
    const first = words[p.head]!;
    const last = words[p.headEnd]!;
    if (overlaps(taken, first.start, last.end)) continue;
    const after = words[p.headEnd + 1];
    const follows = after && spaced(text, last, after) && /^\p{Ll}/u.test(after.text) ? after : null;
    const reporting = follows !== null && REPORTING_NOUNS.test(follows.text);
    // "the party leader", "the government bond": the head describes the noun after it.
    if (follows && !reporting && follows.pos === 'NOUN' && last.outer === last.end) continue;
    const read = readModifiers(p, words);
    if (!read || !determinerAllows(p.det, read.modifiers, reporting)) continue;
    const start = p.det && /^(?:the|this)$/i.test(p.det.text) ? p.det.start : read.start;
    const mention = { start, end: last.outer, text: text.slice(start, last.outer) };
    const head = text.slice(first.start, last.end).toLowerCase().replace(/\s+/g, ' ');
    const found = antecedent(drafts, head, read.modifiers, start);
    if (found) addMention(found, mention);
    else if (creates(head, read.modifiers)) {
      const name = [...read.modifiers, text.slice(first.start, last.end)].join(' ');
      const draft: Draft = { entity: { name, type: 'organization', aliases: [], descriptions: [], mentions: [] }, roleHeads: new Set(), reference: { head, modifiers: read.modifiers } };
      drafts.push(draft);
      addMention(draft, mention);
    } else continue;
    taken.push(mention);
  }
}

/** Role words that may stand for a person later in the article ("the minister said"). */
const ROLE_HEAD = /^(president|minister|chancellor|senator|governor|mayor|secretary|judge|leader|spokesman|spokeswoman|spokesperson|director|chairman|chairwoman|chair|executive|ceo|coach|manager|economist|analyst|scientist|researcher|historian|lawyer|prosecutor|commander|envoy|negotiator|mediator|ambassador|commissioner|premier|king|queen|prince|pope|general|admiral|chief|official|mp|professor|diplomat|striker|councillor|justice)$/;
/** "the foreign minister", "the Ukrainian president", "The Russian diplomat": lower-case words, or a nationality, before a role. */
const ROLE_MENTION = /\b[Tt]he((?:\s+(?:[\p{Ll}-]+|\p{Lu}\p{Ll}+)){1,3})/gu;

export function isRoleHead(word: string): boolean {
  return ROLE_HEAD.test(word);
}

/** "the foreign minister said" → the person this article described as a minister, most recently mentioned. */
export function linkRoleNouns(drafts: Draft[], text: string): void {
  const people = drafts.filter((d) => d.entity.type === 'person' && d.roleHeads.size > 0);
  if (people.length === 0) return;
  for (const m of text.matchAll(ROLE_MENTION)) {
    const words = m[1]!.trim().split(/\s+/);
    const at = words.findIndex((w) => ROLE_HEAD.test(w));
    if (at < 0 || words.slice(0, at).some((w) => /^\p{Lu}/u.test(w) && groupName(w) === null)) continue;
    const head = words[at]!;
    const start = m.index;
    const phrase = `${m[0].slice(0, 3)} ${words.slice(0, at + 1).join(' ')}`;
    if (!text.startsWith(phrase, start)) continue;
    const owner = latest(people.filter((p) => p.roleHeads.has(head)), start);
    if (owner) addMention(owner, { start, end: start + phrase.length, text: phrase });
  }
}
