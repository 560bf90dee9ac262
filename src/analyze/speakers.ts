/**
 * Who a speaker phrase is. Phrases are resolved in text order against the article's referents
 * (referents.ts), each by a named rule:
 *  - a name: the entity it overlaps, a name met before, or a short form of one ("Kestrel");
 *  - a pronoun: the referent the story was last about, of a compatible kind and gender;
 *  - a role: the person described that way ("the US president"), the organisation of that kind
 *    ("the ministry"), the organisation a spokesperson speaks for, or, for an epithet ("the
 *    Italian", "the 24-year-old"), the person just mentioned;
 *  - an unnamed source: nobody, but remembered, so a later "he said" is not someone named earlier.
 * Anything not found is null, never a guess.
 */
import { isCommonWord } from '../clean/lexicon.js';
import { NATIONALITY_ADJECTIVES, TITLES } from './gazetteer.js';
import { upperBound } from './offsets.js';
import { type Mention, type Referent, ReferentIndex } from './referents.js';
import type { Phrase } from './speaker-phrases.js';
import { type Gender, ORG_KIND_NOUNS, ORG_NOUNS, PERSON_NOUNS, PRONOUNS, SPOKES_NOUNS } from './speech-cues.js';
import { type TokenizedText, sentenceAt } from './text.js';
import type { Entity, Span, Speaker } from './types.js';

/** How far back a pronoun looks: its own paragraph and the two before, and at most this many sentences. */
export const ANAPHOR_PARAGRAPHS = 2;
export const ANAPHOR_SENTENCES = 8;
/** Modifiers that do not tell one body from another ("the same ministry", "the new company"). */
const GENERIC_MODIFIERS = new Set([
  'same', 'other', 'new', 'former', 'entire', 'whole', 'own', 'main', 'said', 'latter', 'first', 'second', 'last', 'next', 'previous',
  'relevant', 'responsible', 'official', 'state-owned', 'state-run', 'private', 'public', 'big', 'large', 'small',
]);

/** How a phrase was resolved; the resolver records the rule that decided each phrase. */
export const RESOLUTION_RULES = [
  { name: 'entity', reason: '"Koval said": the recognised entity the name overlaps' },
  { name: 'name-met', reason: '"Kestrel said" after "Kestrel Systems": a name used before, or a short form of one' },
  { name: 'new-name', reason: '"Anya, a Muscovite, quipped": a name the recogniser missed is still a speaker, as written' },
  { name: 'plain-word', reason: '"Critics said": a capitalised common word names nobody in particular' },
  { name: 'two-people', reason: '"Koval and Marsh said": two speakers, neither of them alone' },
  { name: 'pronoun', reason: '"she added": the person (for "it", the organisation) the story was last about' },
  { name: 'writer', reason: '"I said", "we argue", "they said" outside quotes: the writer, or a group nobody named' },
  { name: 'unnamed', reason: '"one aide", "Relief groups": nobody named, but remembered so that a later "he said" is nobody too' },
  { name: 'linked-role', reason: '"the foreign minister" linked by the entity recogniser to its holder' },
  { name: 'spokesperson', reason: '"Its spokesman", "An Indian foreign ministry spokesman": the organisation spoken for' },
  { name: 'organisation-kind', reason: '"the ministry", "the company": the organisation of that kind the article named' },
  { name: 'organisation-phrase', reason: '"Kenya\'s health ministry", "the tourism ministry": no entity, but the phrase names the body' },
  { name: 'role-holder', reason: '"the US president": the person the article described that way' },
  { name: 'office-of', reason: '"Vilamar\'s president": an unnamed office holder, named by the office' },
  { name: 'epithet', reason: '"the Italian said", "the 24-year-old added": the person just mentioned' },
  { name: 'unresolved', reason: 'a role nobody in the article fits: null, never a guess' },
] as const;

export type ResolutionRule = (typeof RESOLUTION_RULES)[number]['name'];

interface Found {
  ref: Referent | null;
  rule: ResolutionRule;
}

export class SpeakerResolver {
  /** The rule that decided the last resolve() (for tests and tracing). */
  lastRule: ResolutionRule | null = null;
  private readonly index: ReferentIndex;
  /** Referents of resolved phrases, in text order (resolution runs in text order); most are subjects. */
  private readonly resolved: Mention[] = [];

  constructor(t: TokenizedText, entities: Entity[], quoted: Span[]) {
    this.index = new ReferentIndex(t, entities, quoted);
  }

  /** Who a phrase is; call in text order. Records the result so that later pronouns can find it. */
  resolve(phrase: Phrase, subject = true): Speaker | null {
    const { ref, rule } = this.referentFor(phrase);
    this.lastRule = rule;
    if (ref) {
      this.resolved.push({ at: phrase.start, end: phrase.end, ref, subject, sentence: sentenceAt(this.index.t, phrase.start) });
      if (ref.name !== null) this.index.notePosition(ref, phrase.start);
    }
    if (!ref || ref.name === null) return null;
    return { name: writtenName(phrase, ref), entity: ref.entity, description: phrase.description };
  }

  private referentFor(phrase: Phrase): Found {
    switch (phrase.kind) {
      case 'pronoun':
        return this.pronoun(phrase);
      case 'unnamed':
        return { ref: this.unnamed(phrase), rule: 'unnamed' };
      case 'name':
        return this.named(phrase);
      case 'role':
        return this.role(phrase);
    }
  }

  private pronoun(phrase: Phrase): Found {
    const p = PRONOUNS[phrase.text.toLowerCase()];
    if (!p || p.refersTo === 'nobody') return { ref: null, rule: 'writer' };
    if (p.refersTo === 'organisation') return { ref: this.anaphor(phrase.start, isOrganisation, null), rule: 'pronoun' };
    const { index } = this;
    const accepts = (r: Referent) => index.isPersonLike(r) && (p.gender === null || index.genderOf(r) !== opposite(p.gender));
    return { ref: this.anaphor(phrase.start, accepts, p.gender), rule: 'pronoun' };
  }

  /** An unnamed singular person stays in the story: a later "he said" is them, not someone named earlier. */
  private unnamed(phrase: Phrase): Referent | null {
    if (phrase.plural) return null;
    const ref = this.index.create(null, null, 'unnamed');
    ref.sureGender = phrase.head ? (PERSON_NOUNS[phrase.head] ?? null) : null;
    return ref;
  }

  private named(phrase: Phrase): Found {
    const { index } = this;
    if (/\s(?:and|&)\s/.test(phrase.text) && index.peopleIn(phrase.start, phrase.end) > 1) return { ref: null, rule: 'two-people' };
    const overlapping = index.entityAt(phrase.start, phrase.end);
    if (overlapping !== null) return { ref: index.byEntity.get(overlapping) ?? null, rule: 'entity' };
    const met = index.byWrittenName(phrase.text) ?? this.shortFormOf(phrase.text, phrase.start);
    if (met) return { ref: met, rule: 'name-met' };
    if (!phrase.text.includes(' ') && /^\p{Lu}\p{Ll}+$/u.test(phrase.text) && isCommonWord(phrase.text.toLowerCase())) return { ref: null, rule: 'plain-word' };
    const ref = index.create(phrase.text, null, 'unknown');
    if (phrase.description) index.learnRole(ref, phrase.description);
    index.learnPronounsNear(ref, phrase.end);
    index.settleKind(ref);
    index.addMention(phrase.start, phrase.end, ref);
    return { ref, rule: 'new-name' };
  }

  private role(phrase: Phrase): Found {
    const { index } = this;
    const head = phrase.head ?? '';
    // "Vilamar's president" is not Vilamar: the recogniser's link must cover the head.
    const linked = index.entityAt(phrase.end - head.length, phrase.end);
    if (linked !== null && index.entities[linked]!.type !== 'place') return { ref: index.byEntity.get(linked) ?? null, rule: 'linked-role' };
    const owner = (phrase.owner ?? '').toLowerCase();
    if (SPOKES_NOUNS.has(head)) return { ref: this.spokesperson(phrase, owner), rule: 'spokesperson' };
    const possessor = /['’]s$/.test(owner) && /^\p{Lu}/u.test(phrase.owner ?? '') ? phrase.owner!.replace(/['’]s$/, '') : null;
    if (isOrgNoun(head)) return this.organisationRole(phrase, head, owner, possessor);
    if (!/^(?:the|this|that|his|her)$/.test(owner) && !possessor) return { ref: null, rule: 'unresolved' };
    const holder = this.roleHolder(head, phrase.modifiers ?? '', phrase.start, possessor);
    if (holder) return { ref: holder, rule: 'role-holder' };
    const personal = PERSON_NOUNS[head] !== undefined || TITLES.has(head);
    if (possessor && personal) return { ref: index.create(phrase.text, null, 'person'), rule: 'office-of' };
    // "The president himself weighed in." with no president named: someone the story is now about,
    // so that "he wrote" next is nobody named rather than the last name before.
    if (owner !== 'the' || !isEpithet(head)) return { ref: personal && !possessor ? this.unnamed({ ...phrase, plural: false }) : null, rule: 'unresolved' };
    return { ref: this.anaphor(phrase.start, (r) => index.isPersonLike(r), null), rule: 'epithet' };
  }

  /**
   * "the ministry": the organisation of that kind the article named; failing one, "its …" is
   * the organisation just mentioned, and a phrase that itself tells the body apart names it:
   * "Kenya's health ministry", "the official Sepehr news agency", "the tourism ministry".
   */
  private organisationRole(phrase: Phrase, head: string, owner: string, possessor: string | null): Found {
    const org = this.organisationFor(head, phrase.modifiers ?? '', phrase.start);
    if (org) return { ref: org, rule: 'organisation-kind' };
    if (owner === 'its' || owner === 'their') return { ref: this.anaphor(phrase.start, isOrganisation, null), rule: 'pronoun' };
    const named = /\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+)*$/u.exec(phrase.modifiers ?? '');
    const kinds = (phrase.modifiers ?? '').split(/\s+/).filter((w) => w.length > 0 && !GENERIC_MODIFIERS.has(w.toLowerCase()));
    const name = possessor ? phrase.text : named ? `${named[0]} ${head}` : kinds.length > 0 ? `${kinds.join(' ')} ${head}` : null;
    if (name === null) return { ref: null, rule: 'unresolved' };
    return { ref: this.index.byWrittenName(name) ?? this.index.create(name, null, 'organisation'), rule: 'organisation-phrase' };
  }

  /** "Its spokesman" → the organisation; "An Indian foreign ministry spokesman" → that ministry. */
  private spokesperson(phrase: Phrase, owner: string): Referent | null {
    if (owner === 'its' || owner === 'their') return this.anaphor(phrase.start, isOrganisation, null);
    const mods = phrase.modifiers ?? '';
    if (!mods) return null;
    const modsStart = phrase.start + phrase.text.indexOf(mods);
    const overlapping = this.index.entityAt(modsStart, modsStart + mods.length);
    if (overlapping !== null) return this.index.byEntity.get(overlapping) ?? null;
    const words = mods.split(/\s+/);
    const head = words.at(-1)!.toLowerCase();
    if (!isOrgNoun(head) && !/\p{Lu}/u.test(mods)) return null;
    const org = this.organisationFor(head, words.slice(0, -1).join(' '), phrase.start);
    // "A ministry spokeswoman" names no particular ministry; "An Indian foreign ministry spokesman" does.
    const distinct = /\p{Lu}/u.test(mods) || words.slice(0, -1).some((w) => !GENERIC_MODIFIERS.has(w.toLowerCase()));
    return org ?? (distinct ? (this.index.byWrittenName(mods) ?? this.index.create(mods, null, 'organisation')) : null);
  }

  /**
   * The pronoun's referent: going back sentence by sentence (within a few paragraphs), the first
   * sentence with a compatible referent decides; in it, a subject beats an object, a known
   * matching gender beats an unknown one, a shown person beats a bare name.
   */
  private anaphor(at: number, accepts: (r: Referent) => boolean, gender: Gender | null): Referent | null {
    const { index } = this;
    const floor = index.paragraphStarts[Math.max(0, index.paragraphOf(at) - ANAPHOR_PARAGRAPHS)]!;
    const lowest = sentenceAt(index.t, at) - ANAPHOR_SENTENCES;
    let sentence = -1;
    const found: Mention[] = [];
    for (const m of this.mentionsBefore(at, floor)) {
      if ((m.sentence !== sentence && found.length > 0) || m.sentence < lowest) break;
      sentence = m.sentence;
      if (accepts(m.ref)) found.push(m);
    }
    if (found.length === 0) return null;
    const pick =
      found.find((m) => m.subject) ??
      (gender ? found.find((m) => index.genderOf(m.ref) === gender) : undefined) ??
      found.find((m) => m.ref.kind === 'person' || m.ref.kind === 'organisation' || m.ref.kind === 'unnamed') ??
      found[0]!;
    return pick.ref;
  }

  /** Mentions and resolved phrases before `at`, latest first, down to `floor`. */
  private *mentionsBefore(at: number, floor: number): Generator<Mention> {
    const { mentions } = this.index;
    let i = upperBound(mentions, at - 1) - 1;
    let j = upperBound(this.resolved, at - 1) - 1;
    while (i >= 0 || j >= 0) {
      const a = i >= 0 ? mentions[i]! : null;
      const b = j >= 0 ? this.resolved[j]! : null;
      // At one position a resolved subject outranks the bare mention it sits on.
      const next = b && (!a || b.at >= a.at) ? b : a!;
      if (next === b) j--;
      else i--;
      if (next.at < floor) return;
      yield next;
    }
  }

  /** "the company" → the organisation of that kind most recently named before `at`. */
  private organisationFor(head: string, modifiers: string, at: number): Referent | null {
    const kinds = ORG_NOUNS[head] ?? [head];
    const fitsKind = (ref: Referent, k: string) => ref.orgKinds.has(k) || ref.nameKey.includes(` ${k} `);
    const fitting = this.index.referents.filter((ref) => ref.kind === 'organisation' && kinds.some((k) => fitsKind(ref, k)));
    // "The administration calls …" before the White House is named: the one body of the closest kind in the article.
    if (fitting.every((ref) => this.index.lastBefore(ref, at) < 0)) {
      for (const k of kinds) {
        const ofKind = fitting.filter((ref) => fitsKind(ref, k));
        if (ofKind.length > 0) return ofKind.length === 1 ? ofKind[0]! : null;
      }
      return null;
    }
    // A name sharing the phrase's other words ("interior ministry") beats a merely recent one.
    const mods = modifiers.toLowerCase().split(/\s+/).filter((w) => w.length > 2 && !NATIONALITY_ADJECTIVES.has(w));
    return this.latest(fitting, at, (ref) => mods.filter((w) => ref.nameKey.includes(w)).length);
  }

  /**
   * "the Ukrainian president", "the minister": the person the article described with that head
   * noun; one sharing more of the phrase's words ("Ukrainian", "Russia's") first, then the latest.
   */
  private roleHolder(head: string, modifiers: string, at: number, possessor: string | null): Referent | null {
    const mods = modifiers.toLowerCase().split(/\s+/).filter((w) => w.length > 2);
    const holders = this.index.referents.filter(
      (ref) => this.index.isPersonLike(ref) && ref.roles.has(head) && (!possessor || ref.roles.has(`${possessor.toLowerCase()}'s`)),
    );
    return this.latest(holders, at, (ref) => mods.filter((w) => ref.roles.has(w) || isDemonymOf(w, ref.roles)).length);
  }

  /** Among candidates mentioned before `at`: the best by `score`, then the latest mentioned. */
  private latest(candidates: Referent[], at: number, score: (r: Referent) => number): Referent | null {
    let best: Referent | null = null;
    let bestScore = -1;
    let bestAt = -1;
    for (const ref of candidates) {
      const last = this.index.lastBefore(ref, at);
      if (last < 0) continue;
      const s = score(ref);
      if (s > bestScore || (s === bestScore && last > bestAt)) {
        best = ref;
        bestScore = s;
        bestAt = last;
      }
    }
    return best;
  }

  /** "Kestrel" for "Kestrel Systems", "Lindqvist" for "Mette Lindqvist": a short form of a name already used. */
  private shortFormOf(text: string, at: number): Referent | null {
    const words = text.toLowerCase().split(/\s+/);
    const longer = this.index.referents.filter((ref) => {
      if (!ref.name || ref.kind === 'place') return false;
      const own = ref.nameKey.trim().split(/\s+/);
      if (own.length <= words.length) return false;
      return words.every((w, i) => own[i] === w) || words.every((w, i) => own[own.length - words.length + i] === w);
    });
    return this.latest(longer, at, () => 0);
  }
}

/** A name written out longer than its entity's ("Chen Wei-ling" for "Chen Wei") is kept as written. */
function writtenName(phrase: Phrase, ref: Referent): string {
  const name = ref.name!;
  const rest = phrase.text.slice(name.length);
  if (phrase.kind === 'name' && phrase.text.startsWith(name) && /^-\p{L}/u.test(rest)) return name + /^-[\p{L}-]+/u.exec(rest)![0];
  return name;
}

function isOrganisation(r: Referent): boolean {
  return r.kind === 'organisation';
}

function opposite(g: Gender): Gender {
  return g === 'm' ? 'f' : 'm';
}

function isOrgNoun(head: string): boolean {
  return head in ORG_NOUNS || ORG_KIND_NOUNS.has(head);
}

/** Heads that refer back like a pronoun: a demonym ("the Italian"), an age, a plain person noun ("the diplomat"), not an office. */
function isEpithet(head: string): boolean {
  if (NATIONALITY_ADJECTIVES.has(head[0]!.toUpperCase() + head.slice(1)) || /^\d+-year-old$/.test(head)) return true;
  return PERSON_NOUNS[head] !== undefined && !TITLES.has(head);
}

/** "russian" describes someone the article called "Russia's ambassador". */
function isDemonymOf(word: string, roles: Set<string>): boolean {
  const stem = word.slice(0, Math.max(4, word.length - 3));
  return [...roles].some((r) => r.endsWith("'s") && r.startsWith(stem));
}
