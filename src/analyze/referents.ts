/**
 * Who is in the article, and what the text says about each: the entities, plus names the text
 * prints with an organisation's kind though the recogniser missed them ("SeaBridge, a German
 * charity"), plus unnamed people ("a bakery owner"). Each referent learns its kind (person or
 * organisation), gender and roles from the words around its mentions: titles (Mr, Ms),
 * appositions ("a transport analyst"), words before it ("operator X"), a given-name list, and
 * the pronouns the article uses right after naming it. Mentions inside quotes are not counted:
 * the quoted "he" is the speaker's, not the writer's. speakers.ts resolves phrases against this.
 */
import { isCommonWord } from '../clean/lexicon.js';
import { tokenAt, upperBound, upperBoundNumber } from './offsets.js';
import { genderOfGivenName } from './first-names.js';
import { TITLES } from './gazetteer.js';
import { NAME } from './speaker-phrases.js';
import { GENDERED_PRONOUNS, GENDERED_TITLES, type Gender, ORG_KIND_NOUNS, PERSON_NOUNS } from './speech-cues.js';
import { type TokenizedText, sentenceAt } from './text.js';
import type { Entity, Span } from './types.js';

export type ReferentKind = 'person' | 'organisation' | 'place' | 'unknown' | 'unnamed';

export interface Referent {
  name: string | null;
  entity: number | null;
  kind: ReferentKind;
  /** From the given-name list. */
  gender: Gender | null;
  /** From a title or a gendered noun: beats pronoun votes and the name list. */
  sureGender: Gender | null;
  /** Pronoun genders the article uses right after naming it. */
  pronounVotes: { m: number; f: number };
  /** Lower-case words the article describes it with ("analyst", "ambassador", "russia's"). */
  roles: Set<string>;
  /** Kinds of organisation it is printed as ("charity", "operator"). */
  orgKinds: Set<string>;
  /** Its name in lower case between spaces, for whole-word tests (" white house "). */
  nameKey: string;
  /** Where it is mentioned or resolved, sorted. */
  positions: number[];
}

export interface Mention {
  at: number;
  end: number;
  ref: Referent;
  /** Subject of its sentence or of a speech verb: pronouns prefer subjects. */
  subject: boolean;
  sentence: number;
}

/** ", a Dutch-Kenyan company", ", the Copenhagen-based container line", ", a transport analyst at …". */
const APPOSITION_AFTER = /^,\s+(?:a|an|the)\s+((?:[\p{L}'’-]+\s+){0,5}?[\p{L}-]+?)(?=,|\.|;|\s+(?:who|whose|which|at|of|for|in|from|with|and|since|based)\b)/u;
/** ", director of …", ", founder of …", ", SeaBridge's head of mission". */
const BARE_ROLE_AFTER = /^,\s+(?:\p{Lu}[\p{L}'’-]*['’]s\s+)?((?:[\p{Ll}-]+\s+){0,3}?[\p{Ll}-]+)(?=\s+(?:of|at|for)\b|,)/u;
/** "Russia's ambassador, Pavel Dorofeev" — a possessive role set before the name. */
const POSSESSIVE_ROLE_BEFORE = /(\p{Lu}[\p{L}]*)['’]s\s+((?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+),\s+$/u;
const TITLE_BEFORE = /(?<![\p{L}])(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s+$/u;
/** An organisation printed with its kind, found without the entity recogniser. */
/** The words between a name's comma and an organisation kind: ", a Dutch-Kenyan " before "company". */
const ORG_APPOSITION_BEFORE = /,\s+(?:a|an|the)\s+(?:[\p{L}'’-]+\s+){0,4}$/u;
const NAME_AT_END = new RegExp(`(?:^|[\\s(])(${NAME})$`, 'u');
const NAME_AT_START = new RegExp(`^${NAME}`, 'u');
/** "a bakery owner", "One survivor", "a senior minister": a person the article does not name. */
const UNNAMED_PERSON = /(?<![\p{L}\p{N}'’])(?:[Aa]n?|[Oo]ne)\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)(?![\p{L}])/gu;
/** "the Leith Walk figures": a name used as a modifier refers to nobody. */
const MODIFIER_BEFORE = /(?<![\p{L}])[Tt]he\s+$/u;
const MODIFIER_AFTER = /^\s+\p{Ll}/u;
/** How far apart a pronoun and its person may be for the pronoun to tell the person's gender. */
const PRONOUN_GENDER_SENTENCES = 1;
const PRONOUN_GENDER_MENTIONS = 40;

export class ReferentIndex {
  /** Named referents (entities, printed organisations, names met while resolving). */
  readonly referents: Referent[] = [];
  readonly byEntity = new Map<number, Referent>();
  /** Mentions outside quotes, sorted. */
  readonly mentions: Mention[] = [];
  readonly paragraphStarts: number[] = [0];
  private readonly byName = new Map<string, Referent>();
  /** Every entity mention, sorted by start, for overlap lookups. */
  private readonly entitySpans: { start: number; end: number; entity: number }[] = [];
  private readonly longestMention: number;

  constructor(
    readonly t: TokenizedText,
    readonly entities: Entity[],
    private readonly quoted: Span[],
  ) {
    for (let i = t.text.indexOf('\n\n'); i >= 0; i = t.text.indexOf('\n\n', i + 2)) this.paragraphStarts.push(i + 2);
    entities.forEach((e, index) => {
      for (const m of e.mentions) this.entitySpans.push({ start: m.start, end: m.end, entity: index });
      if (e.type === 'group') return;
      const ref = this.create(e.name, index, e.type === 'organization' ? 'organisation' : e.type === 'place' ? 'place' : 'unknown');
      this.byEntity.set(index, ref);
      for (const m of e.mentions) if (!this.isQuoted(m.start) && !this.isModifier(m)) this.pushMention(m.start, m.end, ref);
      for (const d of e.descriptions) this.learnRole(ref, d.text);
    });
    this.entitySpans.sort((a, b) => a.start - b.start);
    this.longestMention = Math.max(0, ...this.entitySpans.map((s) => s.end - s.start));
    this.findPrintedOrganisations();
    for (const m of [...this.mentions]) this.learnFromContext(m);
    this.findUnnamedPeople();
    this.mentions.sort((a, b) => a.at - b.at);
    for (const ref of this.referents) ref.positions.sort((a, b) => a - b);
    this.learnPronounGenders();
    for (const ref of this.referents) this.settleKind(ref);
  }

  create(name: string | null, entity: number | null, kind: ReferentKind): Referent {
    const ref: Referent = {
      name, entity, kind, gender: null, sureGender: null, pronounVotes: { m: 0, f: 0 }, roles: new Set(), orgKinds: new Set(),
      nameKey: ` ${(name ?? '').toLowerCase()} `, positions: [],
    };
    // Unnamed people are never looked up by name; keeping them out keeps lookups short.
    if (name !== null) {
      this.referents.push(ref);
      if (entity === null && !this.byName.has(name)) this.byName.set(name, ref);
    }
    return ref;
  }

  /** A referent met while resolving (a name the recogniser missed), mentioned at `at`. */
  addMention(at: number, end: number, ref: Referent): void {
    const mention = { at, end, ref, subject: true, sentence: sentenceAt(this.t, at) };
    this.mentions.splice(upperBound(this.mentions, at), 0, mention);
    this.notePosition(ref, at);
  }

  notePosition(ref: Referent, at: number): void {
    ref.positions.splice(upperBoundNumber(ref.positions, at), 0, at);
  }

  /** The latest place before `at` where the referent is mentioned or was resolved, or -1. */
  lastBefore(ref: Referent, at: number): number {
    const i = upperBoundNumber(ref.positions, at - 1) - 1;
    return i >= 0 ? ref.positions[i]! : -1;
  }

  /** A name met before without an entity ("SeaBridge"). */
  byWrittenName(name: string): Referent | undefined {
    return this.byName.get(name);
  }

  /** The entity with a mention inside [start, end): a person before an organisation before a place. */
  entityAt(start: number, end: number): number | null {
    let best: number | null = null;
    for (let i = upperBound(this.entitySpans, start - this.longestMention - 1); i < this.entitySpans.length; i++) {
      const s = this.entitySpans[i]!;
      if (s.start >= end) break;
      if (s.end <= start) continue;
      const type = this.entities[s.entity]!.type;
      if (type === 'group') continue;
      if (best === null || ENTITY_PRIORITY[type]! < ENTITY_PRIORITY[this.entities[best]!.type]!) best = s.entity;
    }
    return best;
  }

  /** How many different people are mentioned inside [start, end) ("Koval and Marsh said"). */
  peopleIn(start: number, end: number): number {
    const people = new Set<number>();
    for (let i = upperBound(this.entitySpans, start - this.longestMention - 1); i < this.entitySpans.length; i++) {
      const s = this.entitySpans[i]!;
      if (s.start >= end) break;
      if (s.end > start && this.entities[s.entity]!.type === 'person') people.add(s.entity);
    }
    return people.size;
  }

  isQuoted(at: number): boolean {
    const i = upperBound(this.quoted, at) - 1;
    return i >= 0 && at < this.quoted[i]!.end;
  }

  paragraphOf(at: number): number {
    return Math.max(0, upperBoundNumber(this.paragraphStarts, at) - 1);
  }

  isPersonLike(r: Referent): boolean {
    return r.kind === 'person' || r.kind === 'unknown' || r.kind === 'unnamed';
  }

  /** A title or gendered noun first, then the given-name list, then the pronouns the article used for it. */
  genderOf(r: Referent): Gender | null {
    if (r.sureGender) return r.sureGender;
    if (r.gender) return r.gender;
    if (r.pronounVotes.m !== r.pronounVotes.f) return r.pronounVotes.m > r.pronounVotes.f ? 'm' : 'f';
    return null;
  }

  /** Words describing a referent: roles, gender, organisation kinds. */
  learnRole(ref: Referent, description: string): void {
    for (const raw of description.toLowerCase().split(/[\s,]+/)) {
      const w = raw.replace(/[.]$/, '');
      if (!w) continue;
      ref.roles.add(w);
      const g = GENDERED_TITLES[w] ?? PERSON_NOUNS[w];
      if (g) ref.sureGender ??= g;
    }
    const head = description.toLowerCase().split(/\s+/).at(-1) ?? '';
    if (ORG_KIND_NOUNS.has(head)) ref.orgKinds.add(head);
  }

  /** A name met while resolving: the first gendered pronoun after it in its sentence votes. */
  learnPronounsNear(ref: Referent, from: number): void {
    const end = Math.min(this.t.text.length, from + 200);
    const m = /(?<![\p{L}])(he|his|him|she|her|hers)(?![\p{L}])/iu.exec(this.t.text.slice(from, end));
    if (m && !this.isQuoted(from + m.index) && sentenceAt(this.t, from + m.index) === sentenceAt(this.t, from)) ref.pronounVotes[GENDERED_PRONOUNS[m[1]!.toLowerCase()]!]++;
  }

  /** A person-typed entity printed as an organisation is one; one with a title, a role or a known given name is a person. */
  settleKind(ref: Referent): void {
    if (ref.kind === 'unknown' && ref.orgKinds.size > 0) ref.kind = 'organisation';
    if (ref.kind !== 'unknown' || !ref.name) return;
    // The given name is a word before the surname: "Disaster Management Minister Enamul Karim" → Enamul.
    const words = ref.name.split(/\s+/);
    ref.gender = words.slice(0, Math.max(1, words.length - 1)).map(genderOfGivenName).find((g) => g !== null) ?? null;
    const role = [...ref.roles].some((w) => PERSON_NOUNS[w] !== undefined || TITLES.has(w));
    if (ref.gender || ref.sureGender || role) ref.kind = 'person';
  }

  private pushMention(at: number, end: number, ref: Referent): void {
    this.mentions.push({ at, end, ref, subject: false, sentence: sentenceAt(this.t, at) });
    ref.positions.push(at);
  }

  /** "the Italian said" is a reference; "the Leith Walk figures" a modifier: the next word decides. */
  private isModifier(m: Span): boolean {
    const { text } = this.t;
    if (!MODIFIER_BEFORE.test(text.slice(Math.max(0, m.start - 4), m.start)) || !MODIFIER_AFTER.test(text.slice(m.end, m.end + 3))) return false;
    const i = tokenAt(this.t, m.end);
    return this.t.pos[i] === 'NOUN' || this.t.pos[i] === 'ADJ';
  }

  /** Titles, appositions and words just before each mention. */
  private learnFromContext(m: Mention): void {
    const text = this.t.text;
    const ref = m.ref;
    const before = text.slice(Math.max(0, m.at - 60), m.at);
    const title = TITLE_BEFORE.exec(before.slice(-8));
    if (title) ref.sureGender ??= GENDERED_TITLES[title[1]!.toLowerCase()] ?? null;
    // "sports director Marit Kolstad", "operator Deutsche Fernbahn": up to three lower-case words ending in a describing noun.
    const words = lowerCaseWordsBefore(before);
    if (words.length > 0 && isDescribingNoun(words.at(-1)!)) this.learnRole(ref, words.join(' '));
    const possessive = /,\s+$/.test(before) ? POSSESSIVE_ROLE_BEFORE.exec(before) : null;
    if (possessive) this.learnRole(ref, `${possessive[1]!}'s ${possessive[2]!}`);
    if (text[m.end] !== ',') return;
    const after = text.slice(m.end, m.end + 100);
    const appos = APPOSITION_AFTER.exec(after) ?? BARE_ROLE_AFTER.exec(after);
    if (appos && isDescribingNoun(appos[1]!.split(/\s+/).at(-1)!.toLowerCase())) this.learnRole(ref, appos[1]!);
  }

  /**
   * "SeaBridge, a German charity", "operator Deutsche Fernbahn": a name printed with an
   * organisation's kind is an organisation, whether or not the entity recogniser knew it.
   */
  private findPrintedOrganisations(): void {
    const { text, values, starts } = this.t;
    for (let i = 0; i < values.length; i++) {
      const word = values[i]!;
      if (!ORG_KIND_NOUNS.has(word)) continue;
      const at = starts[i]! + word.length;
      // "operator Deutsche Fernbahn": the kind right before a name.
      if (/^\s+\p{Lu}/u.test(text.slice(at, at + 3))) {
        const nameAt = starts[i + 1]!;
        const name = NAME_AT_START.exec(text.slice(nameAt, nameAt + 80))?.[0];
        if (name) this.printedOrganisation(name, nameAt, word);
      }
      // "SeaBridge, a German charity": the kind in an apposition after a name.
      const appos = ORG_APPOSITION_BEFORE.exec(text.slice(Math.max(0, starts[i]! - 60), starts[i]!));
      if (appos) {
        const comma = starts[i]! - appos[0].length;
        const name = NAME_AT_END.exec(text.slice(Math.max(0, comma - 80), comma))?.[1];
        if (name) this.printedOrganisation(name, comma - name.length, word);
      }
    }
  }

  private printedOrganisation(name: string, at: number, kind: string): void {
    if (this.isQuoted(at)) return;
    const overlapping = this.entityAt(at, at + name.length);
    const ref = overlapping !== null ? this.byEntity.get(overlapping) : (this.byName.get(name) ?? this.pseudoOrganisation(name));
    if (!ref) return;
    ref.orgKinds.add(kind);
    if (ref.kind === 'unknown') ref.kind = 'organisation';
  }

  private pseudoOrganisation(name: string): Referent | null {
    if (!name.includes(' ') && isCommonWord(name.toLowerCase())) return null;
    const ref = this.create(name, null, 'organisation');
    const text = this.t.text;
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
      const wordStart = i === 0 || !/\p{L}/u.test(text[i - 1]!);
      const wordEnd = !/\p{L}/u.test(text[i + name.length] ?? ' ');
      if (wordStart && wordEnd && !this.isQuoted(i)) this.pushMention(i, i + name.length, ref);
    }
    return ref;
  }

  /** "a bakery owner", "One survivor": unnamed people, so that "he said" after them is nobody named. */
  private findUnnamedPeople(): void {
    const text = this.t.text;
    for (const m of text.matchAll(UNNAMED_PERSON)) {
      // "a senior minister in …": the first person noun among the words is the head.
      const head = m[1]!.split(/\s+/).find((w) => PERSON_NOUNS[w] !== undefined);
      if (!head || this.isQuoted(m.index)) continue;
      // ", a former housing minister": an apposition describes the name before it, it is nobody new.
      if (/,\s*$/.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
      const ref = this.create(null, null, 'unnamed');
      ref.sureGender = PERSON_NOUNS[head] ?? null;
      this.pushMention(m.index, m.index + m[0].length, ref);
    }
  }

  /**
   * "Koval … her ministry": a gendered pronoun outside quotes, in a sentence (or just after one)
   * that names exactly one person, votes for that person's gender.
   */
  private learnPronounGenders(): void {
    const { values, starts } = this.t;
    for (let i = 0; i < values.length; i++) {
      const first = values[i]![0];
      if (first !== 'h' && first !== 'H' && first !== 's' && first !== 'S') continue;
      const g = GENDERED_PRONOUNS[values[i]!.toLowerCase()];
      if (!g || this.isQuoted(starts[i]!)) continue;
      const ref = this.onlyPersonBefore(starts[i]!);
      if (ref) ref.pronounVotes[g]++;
    }
  }

  /** The one person named in the pronoun's sentence before it, or else in the sentence before; null if several. */
  private onlyPersonBefore(at: number): Referent | null {
    const sentence = sentenceAt(this.t, at);
    const people = new Set<Referent>();
    let decided = -1;
    let seen = 0;
    for (let i = upperBound(this.mentions, at) - 1; i >= 0 && seen < PRONOUN_GENDER_MENTIONS; i--, seen++) {
      const m = this.mentions[i]!;
      if (m.sentence < sentence - PRONOUN_GENDER_SENTENCES || (decided >= 0 && m.sentence !== decided)) break;
      if (m.ref.name !== null && (m.ref.kind === 'unknown' || m.ref.kind === 'person')) {
        people.add(m.ref);
        decided = m.sentence;
      }
    }
    return people.size === 1 ? [...people][0]! : null;
  }
}

const ENTITY_PRIORITY: Record<string, number> = { person: 0, organization: 1, place: 2 };

function lowerCaseWordsBefore(before: string): string[] {
  if (!/\s$/.test(before)) return [];
  const words = before.trimEnd().split(/\s+/).slice(-3);
  const out: string[] = [];
  for (let i = words.length - 1; i >= 0 && /^[\p{Ll}-]+$/u.test(words[i]!); i--) out.unshift(words[i]!);
  return out;
}

/** A word that describes what someone or something is: a person noun, a title, an organisation's kind. */
function isDescribingNoun(word: string): boolean {
  return PERSON_NOUNS[word] !== undefined || TITLES.has(word) || ORG_KIND_NOUNS.has(word);
}
