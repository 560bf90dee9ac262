/**
 * Reading the noun phrase that names a speaker, without resolving it: a pronoun ("she"), a name
 * with the words printed around it ("union leader Claus Wendland", "Anya, a Muscovite,"), a role
 * ("the Italian", "Kenya's health ministry", "Its spokesman") or an unnamed source ("one aide",
 * "Relief groups"). Each reading is a named rule; speakers.ts decides who the phrase is.
 */
import { TITLES } from './gazetteer.js';
import { FILLER, NEVER_NAME_START, NOT_IN_NOUN_PHRASE, ORG_KIND_NOUNS, SETTING, SOURCE_NOUNS, SPEECH_NOUNS, UNNAMED_HEADS } from './speech-cues.js';
import { NATIONALITY_ADJECTIVES } from './gazetteer.js';

export type PhraseKind = 'pronoun' | 'name' | 'role' | 'unnamed';

export interface Phrase {
  kind: PhraseKind;
  /** The referring words as written: "she", "Claus Wendland", "the Italian", "one aide". */
  text: string;
  start: number;
  end: number;
  /** Role words printed with the speaker: an apposition, or the title before a name. */
  description: string | null;
  /** For roles: the determiner or owner ("the", "its", "Vilamar's"), the words between, and the head noun. */
  owner?: string;
  modifiers?: string;
  head?: string;
  plural?: boolean;
  /** Where the whole phrase, description included, starts ("the High Court in London" → at "the"). */
  from: number;
  /** Which rule read it. */
  rule: PhraseRuleName;
}

/** The readings of a speaker phrase (PHRASE_RULES), and the two apposition readings of parseSubject. */
export type PhraseRuleName =
  | 'pronoun' | 'someone' | 'spokesperson' | 'source-by' | 'experts-at' | 'indefinite' | 'owner-of-words' | 'role'
  | 'bare-organisation' | 'name' | 'plural-source' | 'named-in-apposition' | 'name-in-apposition';

const CAP_WORD = "(?:(?:al|el|ad|as|ash|abu|bin|ibn|ben)-)?\\p{Lu}[\\p{L}\\p{M}'’.-]*";
/** Words of one name are on one line: a paragraph break ends it. */
const GAP = '[ \\t\\u00a0]+';
const NAME_JOIN = '(?:and|&|of|the|de|da|di|du|do|dos|das|del|della|van|von|der|den|ter|ten|la|le|al|bin|ibn|ben)';
/** A run of capitalised words, with the particles names carry ("Marieke van Dijk", "Abdelrahman al-Tayeb"). */
export const NAME = `${CAP_WORD}(?:${GAP}(?:${NAME_JOIN}${GAP}){0,2}${CAP_WORD}){0,5}`;
const WORD = "[\\p{L}\\p{N}'’-]+";
const POST = '(?<post>\\s+(?:of|at|from|in|for|to|on|with)\\s+.+)?';

/** One reading of a phrase: where in it the speaker's words are, and what kind they are. */
export interface Reading {
  kind: PhraseKind;
  at: number;
  text: string;
  description?: string | null;
  owner?: string;
  modifiers?: string;
  head?: string;
  plural?: boolean;
}

interface PhraseRule {
  name: PhraseRuleName;
  reason: string;
  /** A cheap test the phrase must pass before the rule's pattern runs. */
  may?: (np: string) => boolean;
  read: (np: string) => Reading | null;
}

/** Words separated by white space, counted without splitting. */
function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = s.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function words(s: string | undefined): string[] {
  return (s ?? '').trim().split(/\s+/).filter((w) => w.length > 0);
}

/** A phrase containing a verb or a clause word is not one noun phrase. */
function nounPhraseWords(s: string | undefined): boolean {
  // An acronym ("US", "IT") is a name, never the pronoun it spells.
  return words(s).every((w) => w === w.toUpperCase() || !NOT_IN_NOUN_PHRASE.has(w.toLowerCase()));
}

/** A phrase after the head ("of the aid group X", "in London") holds no verb: "of them will stand up" is a clause. */
function postWords(s: string | undefined): boolean {
  return words(s).every((w) => w === w.toUpperCase() || /^(?:and|or|that|who|which)$/i.test(w) || !NOT_IN_NOUN_PHRASE.has(w.toLowerCase()));
}

function isPlural(head: string): boolean {
  const h = head.toLowerCase();
  if (UNNAMED_HEADS.has(h)) return true;
  return /[^su]s$/.test(h) && !/(?:news|series|analysis|basis|crisis|ss|ics)$/.test(h);
}

function isDemonymOrAge(head: string): boolean {
  return NATIONALITY_ADJECTIVES.has(head) || /^\d+-year-old$/.test(head);
}

/** A name's leading titles ("Mrs Justice", "Councillor") belong to its description. */
function splitTitles(name: string): { name: string; titles: string | null } {
  const ws = name.split(/\s+/);
  let last = -1;
  for (let i = 0; i < ws.length - 1; i++) if (TITLES.has(ws[i]!.toLowerCase().replace(/[.]$/, ''))) last = i;
  if (last < 0) return { name, titles: null };
  return { name: ws.slice(last + 1).join(' '), titles: ws.slice(0, last + 1).join(' ') };
}

const CALENDAR = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
/** More words than this are a clause, not one noun phrase. */
const MAX_PHRASE_WORDS = 14;
const PRONOUN_NP = /^(?:he|she|it|they|we|i|its|their)$/i;
const SOMEONE_NP = /^(?:someone|somebody|no\s+one|nobody|anyone|everyone)\b/i;
const SPOKES_NP = /^(?:an?|one|the|its|their)\s+(?<mods>(?:[\p{L}'’-]+\s+){0,4}?)(?<head>spokes(?:man|woman|person))(?:\s+(?:for|of|at)\s+(?<org>.+))?$/iu;
const SOURCE_BY_NP = new RegExp(
  `^(?:an?|the|its|their)?\\s*(?:${WORD}\\s+){0,3}?(?:study|report|survey|analysis|review|paper|audit|investigation|assessment|poll|estimates?|count|tally|figures|data)\\s+(?:by|from)\\s+(?:(?:economists|researchers|analysts|experts|scientists|academics|statisticians)\\s+(?:at|from)\\s+)?(?<source>.+)$`,
  'iu',
);
const EXPERTS_AT_NP = new RegExp(`^(?:${WORD}\\s+){0,2}?(?:economists|researchers|analysts|experts|scientists|academics|statisticians|strategists)\\s+(?:at|from|with)\\s+(?<source>.+)$`, 'iu');
// A number counts people ("70 percent of whom"), unless it is an age ("23-year-old student Inês Rocha").
const INDEFINITE_NP = /^(?<det>an?|one|another|some|several|many|most|few|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|\d[\d,.]*(?![\d\p{L}-]))(?![\p{L}-])/iu;
const POSSESSIVE_SPEECH_NP = new RegExp(`^(?<owner>${NAME})['’]s\\s+(?:${WORD}\\s+){0,2}?(?:${SPEECH_NOUNS})\\b`, 'u');
const ROLE_NP = new RegExp(
  `^(?<owner>[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]his|[Tt]hat|${NAME}['’]s|[\\p{Ll}][\\p{L}-]*['’]s)\\s+(?<mods>(?:${WORD}\\s+){0,4}?)(?<head>[\\p{L}\\p{N}-]+)${POST}$`,
  'u',
);
const NAME_NP = new RegExp(`^(?<desc>(?:[\\p{L}\\p{N}.'’-]+\\s+){0,5}?)(?<name>${NAME})${POST}$`, 'u');
const PLURAL_NP = new RegExp(`^(?<mods>(?:${WORD}\\s+){0,3}?)(?<head>[\\p{L}-]+)(?<post>\\s+(?:(?:of|at|from|in|with|on|across|inside|familiar|close|who|involved|speaking)\\b.+|\\p{Ll}+ed\\b.*))?$`, 'u');
const BARE_ORGANISATION_NP = new RegExp(`^(?<mods>(?:[\\p{Ll}-]+\\s+){1,3})(?<head>${[...ORG_KIND_NOUNS].join('|')})$`, 'u');

/** The ways a speaker phrase is read, tried in order; the first that fits wins. */
export const PHRASE_RULES: PhraseRule[] = [
  {
    name: 'pronoun',
    reason: '"he said": resolved to the person the article last spoke of',
    read: (np) => (PRONOUN_NP.test(np) ? { kind: 'pronoun', at: 0, text: np } : null),
  },
  {
    name: 'someone',
    reason: '"someone in the control room shouted": an indefinite pronoun names nobody',
    read: (np) => (SOMEONE_NP.test(np) ? { kind: 'unnamed', at: 0, text: np } : null),
  },
  {
    name: 'spokesperson',
    reason: '"Its spokesman", "An Indian foreign ministry spokesman": speaks for the organisation in the phrase',
    may: (np) => np.includes('spokes'),
    read: (np) => {
      const m = SPOKES_NP.exec(np);
      if (!m?.groups || !nounPhraseWords(m.groups.mods)) return null;
      // "a spokeswoman for the ministry": the organisation named after the noun.
      if (m.groups.org) return sourceReading(null, np, m.groups.org);
      const owner = np.slice(0, np.indexOf(' '));
      return { kind: 'role', at: 0, text: np, owner, modifiers: m.groups.mods!.trim(), head: m.groups.head!.toLowerCase() };
    },
  },
  {
    name: 'source-by',
    reason: '"a study by economists at the Liffey Institute", "estimates by X": the body behind the document speaks',
    may: (np) => / (?:by|from) /.test(np),
    read: (np) => sourceReading(SOURCE_BY_NP.exec(np), np),
  },
  {
    name: 'experts-at',
    reason: '"analysts at Hartwell Energy": the firm is the source named',
    may: (np) => / (?:at|from|with) /.test(np),
    read: (np) => sourceReading(EXPERTS_AT_NP.exec(np), np),
  },
  {
    name: 'indefinite',
    reason: '"one aide", "a bakery owner who asked not to be named", "70 percent of whom": an unnamed source',
    read: (np) => {
      const m = INDEFINITE_NP.exec(np);
      if (!m) return null;
      const singular = /^(?:an?|one|another)$/i.test(m.groups!.det!);
      return { kind: 'unnamed', at: 0, text: np, plural: !singular, head: headOfIndefinite(np) };
    },
  },
  {
    name: 'owner-of-words',
    reason: '"Fitzmaurice\'s answer … is a single word:": the owner of the words is the speaker',
    may: (np) => /['’]s /.test(np),
    read: (np) => {
      const m = POSSESSIVE_SPEECH_NP.exec(np);
      return m?.groups && !NEVER_NAME_START.has(words(m.groups.owner)[0]!.toLowerCase()) ? { kind: 'name', at: 0, text: m.groups.owner! } : null;
    },
  },
  {
    name: 'role',
    reason: '"the Italian", "Kenya\'s health ministry", "Its chief executive": a role the article links to someone',
    may: (np) => /^(?:the|its|his|her|their|this|that)\s/i.test(np) || /['’]s /.test(np),
    read: readRole,
  },
  {
    name: 'bare-organisation',
    reason: '"interior ministry figures", "city council": an organisation noun with its kind, without "the"',
    read: (np) => {
      const m = BARE_ORGANISATION_NP.exec(np);
      if (!m?.groups || !nounPhraseWords(m.groups.mods)) return null;
      return { kind: 'role', at: 0, text: np, owner: '', modifiers: m.groups.mods!.trim(), head: m.groups.head! };
    },
  },
  {
    name: 'name',
    reason: '"union leader Claus Wendland", "Dr Amina Yusuf of the Sahel Institute": a name, with the words around it as description',
    may: (np) => /\p{Lu}/u.test(np),
    read: readName,
  },
  {
    name: 'plural-source',
    reason: '"Relief groups", "Critics", "people familiar with the negotiations": many unnamed people',
    read: (np) => {
      const m = PLURAL_NP.exec(np);
      if (!m?.groups || !nounPhraseWords(m.groups.mods) || !nounPhraseWords(m.groups.head)) return null;
      return isPlural(m.groups.head!) ? { kind: 'unnamed', at: 0, text: np, plural: true } : null;
    },
  },
];

function headOfIndefinite(np: string): string | undefined {
  // "a bakery owner who asked not to be named" → owner; "One survivor" → survivor.
  const cut = np.split(/\s+(?:who|which|that|of|from|in|at|with|whose)\s+/)[0]!;
  return words(cut).at(-1)?.toLowerCase();
}

/** The phrase ends with its source ("… by the Liffey Institute"): read that as the speaker. */
function sourceReading(m: RegExpExecArray | null, np: string, source = m?.groups?.source): Reading | null {
  if (!source) return null;
  const at = np.length - source.length;
  const inner = classify(source);
  return inner ? { ...inner, at: at + inner.at } : null;
}

function readRole(np: string): Reading | null {
  const m = ROLE_NP.exec(np);
  if (!m?.groups) return null;
  const { owner, mods, head } = m.groups as { owner: string; mods: string; head: string };
  if (!nounPhraseWords(mods) || !nounPhraseWords(head) || !postWords(m.groups.post)) return null;
  // "the Kremlin", "The Hague": a capitalised head makes a name, unless it is a demonym ("the Italian").
  if (/^\p{Lu}/u.test(head) && !isDemonymOrAge(head)) return null;
  const end = np.length - (m.groups.post?.length ?? 0);
  const text = np.slice(0, end);
  if (isPlural(head) || UNNAMED_HEADS.has(head.toLowerCase())) return { kind: 'unnamed', at: 0, text, plural: true };
  return { kind: 'role', at: 0, text, owner, modifiers: mods.trim(), head: head.toLowerCase(), description: m.groups.post?.trim() ?? null };
}

function readName(np: string): Reading | null {
  const m = NAME_NP.exec(np);
  if (!m?.groups) return null;
  const desc = m.groups.desc ?? '';
  const written = m.groups.name!;
  if (!postWords(m.groups.post)) return null;
  // "They're" is a pronoun with its verb, not a name.
  const first = written.split(/\s+/)[0]!.toLowerCase().replace(/['’](?:re|s|ll|ve|d|m)$/, '');
  if ((NEVER_NAME_START.has(first) && !/^the\s+\p{Lu}/iu.test(written)) || CALENDAR.test(written)) return null;
  // Words before a name are its title or role ("union leader"), never a preposition ("on Tuesday").
  // (An acronym such as "US" is no function word.)
  if (!nounPhraseWords(desc) || words(desc).some((w) => w.toLowerCase() !== 'the' && w !== w.toUpperCase() && NEVER_NAME_START.has(w.toLowerCase()))) return null;
  // "The Minister for Sport": a title alone is a role, whoever holds it.
  if (written.replace(/^The\s+/, '').split(/\s+/).every((w) => TITLES.has(w.toLowerCase()))) {
    return { kind: 'role', at: 0, text: np.slice(0, np.length - (m.groups.post?.length ?? 0)), owner: desc.trim() || 'the', modifiers: '', head: written.split(/\s+/).at(-1)!.toLowerCase(), description: m.groups.post?.trim() ?? null };
  }
  const { name, titles } = splitTitles(written);
  const at = desc.length + (written.length - name.length);
  const description = [desc.trim(), titles, m.groups.post?.trim()].filter((x) => x).join(' ') || null;
  return { kind: 'name', at, text: name, description };
}

/** Reads one noun phrase (no commas) by the first rule that fits. */
export function classify(np: string): (Reading & { rule: PhraseRuleName }) | null {
  const trimmed = np.trim();
  if (trimmed.length === 0 || trimmed.length > 120 || wordCount(trimmed) > MAX_PHRASE_WORDS) return null;
  const lead = np.length - np.trimStart().length;
  let reading = READINGS.get(trimmed);
  if (reading === undefined) {
    reading = readPhrase(trimmed);
    // Articles repeat their speakers ("she", "Koval"); a bounded memo keeps rereading cheap.
    if (READINGS.size >= READING_MEMO_SIZE) READINGS.clear();
    READINGS.set(trimmed, reading);
  }
  return reading ? { ...reading, at: reading.at + lead } : null;
}

const READING_MEMO_SIZE = 4096;
const READINGS = new Map<string, (Reading & { rule: PhraseRuleName }) | null>();

function readPhrase(np: string): (Reading & { rule: PhraseRuleName }) | null {
  for (const rule of PHRASE_RULES) {
    if (rule.may && !rule.may(np)) continue;
    const r = rule.read(np);
    if (r) return { ...r, rule: rule.name };
  }
  return null;
}

/** The longest stretch of fillers or settings stripped at a time. */
const TAIL_CHARS = 60;
/** A speaker phrase with its apposition is shorter than this; longer text is a clause. */
const MAX_SUBJECT_CHARS = 260;
const TRAILING_FILLER = new RegExp(`(?:^|\\s+)(?:${FILLER})\\s*$`, 'iu');
const TRAILING_SETTING = new RegExp(`(?:^|\\s+)(?:${SETTING})\\s*$`, 'u');
const APPOSITION_NAME = new RegExp(`(?:named|called)\\s+(?<name>${NAME})`, 'u');

/** Cuts trailing words matching `pattern`; only the tail is searched, so long text costs no more. */
function stripTrailing(s: string, pattern: RegExp): string {
  let out = s;
  for (let guard = 0; guard < 6; guard++) {
    const tailAt = Math.max(0, out.length - TAIL_CHARS);
    const m = pattern.exec(out.slice(tailAt));
    if (!m || m[0].length === 0) break;
    out = out.slice(0, tailAt + m.index);
  }
  return out;
}

function toPhrase(r: Reading & { rule?: PhraseRuleName }, base: number, description: string | null, from = base): Phrase {
  const start = base + r.at;
  return {
    kind: r.kind,
    text: r.text,
    start,
    end: start + r.text.length,
    from: Math.min(from, start),
    description,
    ...(r.owner !== undefined ? { owner: r.owner } : {}),
    ...(r.modifiers !== undefined ? { modifiers: r.modifiers } : {}),
    ...(r.head !== undefined ? { head: r.head } : {}),
    ...(r.plural !== undefined ? { plural: r.plural } : {}),
    rule: r.rule ?? 'name',
  };
}

/**
 * The speaker in the words before a verb: a noun phrase, perhaps an apposition set in commas,
 * perhaps auxiliaries and adverbs ("Its leader, Joost Verhagen, has repeatedly"). `base` is
 * the offset of `text` in the article. Null when the words are not one such phrase.
 */
export function parseSubject(text: string, base: number): Phrase | null {
  const comma = text.indexOf(',');
  if (text.length > MAX_SUBJECT_CHARS || wordCount(comma < 0 ? text : text.slice(0, comma)) > MAX_PHRASE_WORDS) return null;
  // "The Rail and Transport Union (VBT)": a bracketed short form is blanked, keeping offsets.
  const unbracketed = text.replace(/\s*\([^()]{1,40}\)/g, (m) => ' '.repeat(m.length));
  const body = stripTrailing(stripTrailing(unbracketed.replace(/\s+$/, ''), TRAILING_FILLER), TRAILING_SETTING).replace(/,\s*$/, '');
  const parts = body.split(/,\s+/);
  if (parts.length > 3 || parts[0]!.trim().length === 0) return null;
  if (parts.slice(1).some((p) => !isApposition(p))) return null;
  const np = parts[0]!;
  const reading = classify(np);
  if (!reading) return null;
  const from = base + (np.length - np.trimStart().length);
  const appositions = parts.slice(1);
  if (appositions.length > 0) return withApposition(reading as Reading & { rule?: PhraseRuleName }, np, appositions[0]!, base, body, from);
  return toPhrase(reading as Reading & { rule?: PhraseRuleName }, base, reading.description ?? null, from);
}

/**
 * "Its chief executive, Pieter Hoogland," — a name set in commas after a role or an unnamed
 * phrase is the speaker, the phrase its description; "a girl named Maya" names her. Otherwise the
 * apposition describes the speaker ("Anya, a Muscovite,").
 */
function withApposition(reading: Reading & { rule?: PhraseRuleName }, np: string, apposition: string, base: number, body: string, from: number): Phrase | null {
  const appositionAt = body.indexOf(apposition, np.length);
  const named = APPOSITION_NAME.exec(apposition);
  if (named?.groups?.name && reading.kind !== 'name' && reading.kind !== 'pronoun') {
    const at = appositionAt + named.index + named[0].length - named.groups.name.length;
    return toPhrase({ kind: 'name', at, text: named.groups.name, rule: 'named-in-apposition' }, base, apposition.trim(), from);
  }
  const inner = classify(apposition);
  // "researchers" after "Burkina Faso", "the tourism ministry" after "as a precaution": not one phrase in commas but two clauses.
  // (An age, "Fairbank, 58,", is an apposition.)
  if (inner?.kind === 'unnamed' && inner.plural && !/^(?:a|an|the|some|many|most|several)\s|^\d+$/i.test(apposition.trim())) return null;
  if (reading.kind === 'unnamed' && inner && inner.kind === 'role' && /^(?:the|its|his|her|their)$/i.test(inner.owner ?? '')) return null;
  if (inner && inner.kind === 'name' && (reading.kind === 'role' || reading.kind === 'unnamed')) {
    const description = [np.trim(), inner.description].filter((x) => x).join(', ');
    return toPhrase({ ...inner, at: appositionAt + inner.at, rule: 'name-in-apposition' }, base, description, from);
  }
  return toPhrase(reading, base, apposition.trim(), from);
}

/** An apposition is a noun phrase or a relative clause, never a prepositional phrase ("along a front line"). */
function isApposition(s: string): boolean {
  const first = words(s)[0]?.toLowerCase() ?? '';
  return (
    first.length > 0 &&
    !/^(?:along|in|on|at|by|for|from|with|after|before|during|as|but|and|or|while|when|if|because|although|though|despite|including|according|where|so|then|to|adding|saying|can|could|will|would|is|was|are|were|has|have|had|may|might|must|should|did|does|do)$/.test(first)
  );
}

const INVERTED = /^\s+(?<np>[^,.;:!?"“”‘’()]+?)(?:\s*\([^)]{1,40}\))?(?:,\s+(?<appos>[^,.;:!?"“”]+))?\s*(?=[,.;:!?"“”‘’]|$)/u;

/** The speaker after an inverted verb: "said Katherine", "stated Zaurbek Khugaev, director of …". */
export function parseInverted(text: string, base: number): Phrase | null {
  const m = INVERTED.exec(text);
  if (!m?.groups?.np) return null;
  const np = stripTrailing(m.groups.np, TRAILING_SETTING);
  const reading = classify(np);
  if (!reading || reading.kind === 'pronoun') return null;
  const npAt = m[0].indexOf(m.groups.np);
  const appos = m.groups.appos && isApposition(m.groups.appos) ? m.groups.appos : null;
  // "said their lawyer, Duarte Faria": a name in apposition to a role is the speaker, as before a verb.
  if (appos) return withApposition(reading, np, appos, base + npAt, m[0].slice(npAt), base + npAt);
  return toPhrase({ ...reading, at: npAt + reading.at }, base, reading.description ?? null, base + npAt);
}

/** "according to estimates by X", "according to interior ministry figures": the source, without the document. */
export function parseSource(text: string, base: number): Phrase | null {
  const m = /^\s*(?<np>[^,;:!?"“”()]+?)(?:\s*\([^)]{1,40}\))?(?:,\s+(?<appos>[^,;:!?"“”]+))?\s*(?=[,.;:!?"“”]|$)/u.exec(text.replace(/\.$/, ''));
  if (!m?.groups?.np) return null;
  let np = m.groups.np;
  // "the council's own counters" → the council; "interior ministry figures" → interior ministry.
  // Blanked rather than cut, so that offsets after them stay true.
  const blank = (m: string) => ' '.repeat(m.length);
  np = np.replace(new RegExp(`['’]s\\s+(?:own\\s+)?(?:[\\p{L}-]+\\s+)?(?:${SOURCE_NOUNS})$`, 'u'), blank);
  np = np.replace(new RegExp(`\\s+(?:${SOURCE_NOUNS})$`, 'u'), blank);
  const npAt = m[0].indexOf(m.groups.np);
  const withAppos = m.groups.appos && isApposition(m.groups.appos) ? `${np}, ${m.groups.appos}` : np;
  return parseSubject(withAppos, base + npAt);
}
