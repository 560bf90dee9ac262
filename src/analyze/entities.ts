/**
 * Entity recognition without a trained model: capitalised runs from the tokenizer, typed by
 * titles, organisation words, gazetteers and demonyms; then mentions of one entity merged
 * (surnames, spelling variants, possessives) and role nouns ("the foreign minister") linked to
 * the person the article described that way.
 */
import { isCommonWord } from '../clean/lexicon.js';
import { METONYMS, NATIONALITY_ADJECTIVES, ORG_WORDS, PLACE_WORDS, PLACES, TITLES, isGroupName } from './gazetteer.js';
import type { Entity, EntityType, Mention } from './types.js';
import type { TokenizedText } from './text.js';

// "and" is left out: "the European Union and Ukrainian President Koval" are two names.
const CONNECTORS = new Set(['of', 'for', 'de', 'van', 'von', 'al', 'bin', 'la', 'le', 'du', 'del', 'der', 'the', '&', '-']);
const CALENDAR = /^(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.?$/;
const CAPITALISED = /^\p{Lu}[\p{L}'’.-]*$/u;
const ACRONYM = /^(\p{Lu}\.?){2,6}$/u;
const SPEECH_AFTER = /^(said|says|told|added|stated|wrote|quipped|insisted|warned|continued|reiterated|claimed|argued|noted|explained|asked|replied|tweeted|posted)$/;
/** Role words that may stand for a person later in the article ("the minister said"). */
const ROLE_HEAD = /^(president|minister|chancellor|senator|governor|mayor|secretary|judge|leader|spokesman|spokeswoman|spokesperson|director|chairman|chairwoman|chair|executive|ceo|coach|manager|economist|analyst|scientist|researcher|historian|lawyer|prosecutor|commander|envoy|negotiator|mediator|ambassador|commissioner|premier|king|queen|prince|pope|general|admiral|chief|official|mp|professor)$/;

interface Candidate {
  start: number;
  end: number;
  text: string;
  type: EntityType | null;
  description: Mention | null;
  tokens: number;
}

function glued(t: TokenizedText, a: number, b: number): boolean {
  return b < t.starts.length && t.ends[a] === t.starts[b];
}

function isWordToken(value: string): boolean {
  return /\p{L}/u.test(value);
}

/** Lower-case, no diacritics, y→i, no doubled letters: "Zelenskyy", "Zelenskiy", "Zelensky" and "Kyiv"/"Kiev" meet. */
export function variantKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/ie/g, 'i')
    .replace(/y/g, 'i')
    // Transliteration of Г as H or G ("Hrytsenko", "Grytsenko"), and of Х as kh or h.
    .replace(/kh/g, 'h')
    .replace(/(^|\s)h/g, '$1g')
    .replace(/(.)\1+/g, '$1')
    .replace(/[^a-z ]/g, '');
}

function sentenceStarts(t: TokenizedText): Set<number> {
  const starts = new Set<number>();
  for (const first of t.sentenceFirst) {
    let i = first;
    while (i < t.values.length && !isWordToken(t.values[i]!)) i++;
    starts.add(i);
  }
  return starts;
}

function describe(t: TokenizedText, first: number, last: number): Mention {
  return { start: t.starts[first]!, end: t.ends[last]!, text: t.text.slice(t.starts[first]!, t.ends[last]!) };
}

/** Lower-case role words just before a name ("political scientist Jan Roe"). */
function leadingRole(t: TokenizedText, nameStart: number): Mention | null {
  const before = nameStart - 1;
  if (before < 0 || !TITLES.has(t.values[before]!.toLowerCase()) || CAPITALISED.test(t.values[before]!)) return null;
  let first = before;
  while (first - 1 >= 0 && /^\p{Ll}+$/u.test(t.values[first - 1]!) && !isCommonFunctionWord(t.values[first - 1]!) && before - first < 2) first--;
  return describe(t, first, before);
}

function isCommonFunctionWord(word: string): boolean {
  return /^(the|a|an|of|to|in|on|at|by|for|and|or|but|said|says|told|with|from|as|is|was|were|his|her|their|its)$/i.test(word);
}

function typeOf(words: string[], text: string, titled: boolean): EntityType | null {
  if (METONYMS.has(text)) return 'organization';
  if (PLACES.has(text)) return 'place';
  // "Port Authority" is an organisation, "Lake Van" a place: the organisation word wins.
  if (words.some((w) => ORG_WORDS.has(w.toLowerCase()))) return 'organization';
  if (words.length >= 2 && (PLACE_WORDS.has(words[0]!.toLowerCase()) || PLACE_WORDS.has(words.at(-1)!.toLowerCase()))) return 'place';
  if (words.length === 1 && isGroupName(text)) return 'group';
  if (words.length === 1 && ACRONYM.test(text)) return PLACES.has(text.replace(/\./g, '')) ? 'place' : 'organization';
  if (titled) return 'person';
  if (words.length >= 2) return 'person';
  return null;
}

function candidates(t: TokenizedText): Candidate[] {
  const firsts = sentenceStarts(t);
  const found: Candidate[] = [];
  let i = 0;
  while (i < t.values.length) {
    const value = t.values[i]!;
    if (!CAPITALISED.test(value) || !isWordToken(value)) {
      i++;
      continue;
    }
    let first = i;
    let last = i;
    let j = i + 1;
    while (j < t.values.length) {
      const v = t.values[j]!;
      if (CAPITALISED.test(v) && isWordToken(v) && !CALENDAR.test(v)) {
        last = j;
        j++;
      } else if (v === '-' && glued(t, j - 1, j) && glued(t, j, j + 1) && /^\p{Ll}+$/u.test(t.values[j + 1] ?? '') && !isCommonWord(t.values[j + 1]!)) {
        // "Wei-ling": a hyphen glued on both sides keeps the name going; "Kyiv-based" ends it.
        last = j + 1;
        j += 2;
      } else if (CONNECTORS.has(v) && j + 1 < t.values.length && CAPITALISED.test(t.values[j + 1]!) && t.starts[j]! - t.ends[j - 1]! <= 1) {
        j++;
      } else break;
    }
    // A sentence's first word is capitalised for grammar, not because it names something.
    while (first <= last && firsts.has(first) && isCommonWord(t.values[first]!.toLowerCase()) && !TITLES.has(t.values[first]!.toLowerCase())) first++;
    // Titles before the name become its description.
    let nameStart = first;
    // ... and so does a nationality before a title ("Ukrainian President"), but not in a name ("European Union").
    while (
      nameStart < last &&
      (TITLES.has(t.values[nameStart]!.toLowerCase()) || (NATIONALITY_ADJECTIVES.has(t.values[nameStart]!) && TITLES.has(t.values[nameStart + 1]!.toLowerCase())))
    )
      nameStart++;
    if (first <= last && !(first === last && CALENDAR.test(t.values[first]!))) {
      const text = t.text.slice(t.starts[nameStart]!, t.ends[last]!);
      const words = text.split(/\s+/);
      const titled = nameStart > first;
      const description = titled ? describe(t, first, nameStart - 1) : leadingRole(t, nameStart);
      if (!(words.length === 1 && NATIONALITY_ADJECTIVES.has(text))) {
        found.push({ start: t.starts[nameStart]!, end: t.ends[last]!, text, type: typeOf(words, text, titled || description !== null), description, tokens: last - nameStart + 1 });
      }
    }
    i = Math.max(j, i + 1);
  }
  return found;
}

/** "Anna Koval, the foreign minister," — an apposition describing the name just before it. */
function apposition(text: string, end: number): Mention | null {
  const m = /^,\s+((?:the|a|an)\s+(?:[\p{L}-]+\s+){0,4}[\p{L}-]+?)(?=,|\s+(?:said|told|who|has|had|is|was)\b|\.)/u.exec(text.slice(end, end + 80));
  if (!m) return null;
  const head = m[1]!.split(/\s+/).at(-1)!.toLowerCase();
  if (!ROLE_HEAD.test(head) && !TITLES.has(head) && !/(ite|er|or|ist|ian|ant|ent)$/.test(head)) return null;
  const start = end + m[0].indexOf(m[1]!);
  return { start, end: start + m[1]!.length, text: m[1]! };
}

interface Draft {
  entity: Entity;
  keys: Set<string>;
  roleHeads: Set<string>;
}

function addMention(draft: Draft, mention: Mention): void {
  if (!draft.entity.mentions.some((m) => m.start === mention.start)) draft.entity.mentions.push(mention);
  if (mention.text !== draft.entity.name && !draft.entity.aliases.includes(mention.text)) draft.entity.aliases.push(mention.text);
}

function addDescription(draft: Draft, description: Mention | null): void {
  if (!description) return;
  if (!draft.entity.descriptions.some((d) => d.start === description.start)) draft.entity.descriptions.push(description);
  draft.roleHeads.add(description.text.split(/\s+/).at(-1)!.toLowerCase());
}

function merge(candidates: Candidate[], t: TokenizedText): Draft[] {
  const drafts: Draft[] = [];
  const byKey = new Map<string, Draft>();
  const create = (c: Candidate, type: EntityType): Draft => {
    const draft: Draft = { entity: { name: c.text, type, aliases: [], descriptions: [], mentions: [] }, keys: new Set([variantKey(c.text)]), roleHeads: new Set() };
    drafts.push(draft);
    byKey.set(variantKey(c.text), draft);
    return draft;
  };
  // Full names first, so that a later surname finds its person.
  const ordered = [...candidates].sort((a, b) => b.tokens - a.tokens || a.start - b.start);
  for (const c of ordered) {
    const key = variantKey(c.text);
    let draft = byKey.get(key);
    if (!draft && c.type !== 'place' && c.type !== 'group') {
      draft = drafts.find((d) => d.entity.type === 'person' && c.tokens < d.entity.name.split(/\s+/).length && [...d.keys].some((k) => k.split(' ').includes(key)));
      // "Meridian Gulf" after "Meridian Gulf Holdings": the short form of an organisation's name.
      draft ??= drafts.find((d) => d.entity.type === 'organization' && c.tokens >= 2 && [...d.keys].some((k) => k.startsWith(`${key} `)));
    }
    if (!draft) {
      const type = c.type ?? (SPEECH_AFTER.test(nextWord(t, c.end)) ? 'person' : null);
      if (!type) continue;
      draft = create(c, type);
    }
    if (c.text.length > draft.entity.name.length && c.type === draft.entity.type) draft.entity.name = c.text;
    addMention(draft, { start: c.start, end: c.end, text: c.text });
    addDescription(draft, c.description ?? (draft.entity.type === 'person' ? apposition(t.text, c.end) : null));
    draft.keys.add(key);
  }
  return drafts;
}

function nextWord(t: TokenizedText, offset: number): string {
  return /^\s*([\p{L}]+)/u.exec(t.text.slice(offset, offset + 30))?.[1]?.toLowerCase() ?? '';
}

const ROLE_MENTION = /\b[Tt]he((?:\s+[\p{Ll}-]+){1,3})/gu;

/** "the foreign minister said" → the person this article described as a minister, most recently mentioned. */
function linkRoleNouns(drafts: Draft[], text: string): void {
  const people = drafts.filter((d) => d.entity.type === 'person' && d.roleHeads.size > 0);
  if (people.length === 0) return;
  for (const m of text.matchAll(ROLE_MENTION)) {
    const words = m[1]!.trim().split(/\s+/);
    const at = words.findIndex((w) => ROLE_HEAD.test(w));
    if (at < 0) continue;
    const head = words[at]!;
    const start = m.index;
    const phrase = `${m[0].slice(0, 3)} ${words.slice(0, at + 1).join(' ')}`;
    const owner = people
      .filter((p) => p.roleHeads.has(head) && p.entity.mentions.some((x) => x.start < start))
      .sort((a, b) => Math.max(...b.entity.mentions.filter((x) => x.start < start).map((x) => x.start)) - Math.max(...a.entity.mentions.filter((x) => x.start < start).map((x) => x.start)))[0];
    if (owner && text.startsWith(phrase, start)) addMention(owner, { start, end: start + phrase.length, text: phrase });
  }
}

export function findEntities(t: TokenizedText): Entity[] {
  const drafts = merge(candidates(t), t);
  linkRoleNouns(drafts, t.text);
  const entities = drafts.map((d) => d.entity).filter((e) => e.mentions.length > 0);
  for (const e of entities) {
    e.mentions.sort((a, b) => a.start - b.start);
    e.descriptions.sort((a, b) => a.start - b.start);
  }
  return entities.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

