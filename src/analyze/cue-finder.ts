/**
 * Finding attribution cues in running text: the speech verbs of a stretch of a sentence, the
 * speaker phrase each verb has (before it, after it when inverted, or the sentence's subject when
 * the verb is a participle or coordinated), and the cue beside a quote. Nothing here resolves a
 * phrase to an entity (speakers.ts does that); everything works on one sentence at a time, so
 * cost stays linear in the text.
 */
import { NAME, type Phrase, parseInverted, parseSubject } from './speaker-phrases.js';
import { FILLER, PHRASAL_CUES, VERB_FORMS, type VerbForm } from './speech-cues.js';
import { tokenAt, upperBound, upperBoundNumber } from './offsets.js';
import { type TokenizedText, sentenceAt, sentenceSpan } from './text.js';
import type { Span } from './types.js';

export interface VerbHit {
  start: number;
  end: number;
  text: string;
  form: VerbForm;
}

/** The ways a cue is found beside a quote or before a reported clause; each cue records which. */
export const CUE_RULES = [
  { name: 'after', reason: '\'"…," Koval said\', \'"…," union leader Claus Wendland told …\': the speaker, then the verb, right after the quote' },
  { name: 'inverted', reason: '\'"…," said Henrik Aas, a transport analyst\': the verb, then the speaker, right after the quote' },
  { name: 'before', reason: '\'Marsh added: "…"\', \'Koval said Russia should …\': the speaker, then the verb, before the words' },
  { name: 'participle', reason: '\'…, adding: "…"\', \'…, claiming that "…"\': an -ing verb hangs on the subject of its sentence' },
  { name: 'coordinated', reason: '\'He will meet them on Friday, and said he hoped …\': a verb after "and"/"but" shares its sentence\'s subject' },
  { name: 'relative-who', reason: '\'Kipiani, director of the port, who said …\': "who" is the name just before it' },
  { name: 'colon-subject', reason: '\'she was blunt: "…"\': no speech verb, but the subject of the clause that introduces the quote' },
  { name: 'according-to', reason: '"according to X": X is the source of the clause it is attached to' },
] as const;

export type CueRule = (typeof CUE_RULES)[number]['name'];

export interface Cue {
  phrase: Phrase | null;
  verb: string;
  verbStart: number;
  verbEnd: number;
  rule: CueRule;
}

/** A speaker phrase and how it was found. */
interface Subject {
  phrase: Phrase | null;
  rule: CueRule;
}

/** A speaker stands at most this far before its verb; longer runs are not one subject. */
const SUBJECT_WINDOW = 240;
/** A sentence's subject is found in its first characters. */
const MAIN_SUBJECT_WINDOW = 240;
const MAIN_SUBJECT_TOKENS = 60;

/** First words of the phrasal cues, so that only they pay for the phrasal patterns. */
const PHRASAL_HEADS = new Set(PHRASAL_CUES.flatMap((p) => p.first));
// A letter-aware boundary: \b would split "Mendonça a" after the ç.
const DETERMINER_BEFORE = /(?<![\p{L}\p{N}'’])(?:a|an|the|its|his|her|their|our|this|that)\s+$/iu;
const COORDINATED = new RegExp(`(?:^|[\\s,])(?:and|but|then|or|before|after)\\s+(?:(?:${FILLER})\\s+)*$`, 'u');
const RELATIVE_WHO = new RegExp(`(?:^|,)\\s*who\\s+(?:(?:${FILLER})\\s+)*$`, 'u');
const NAME_BEFORE_WHO = new RegExp(`(${NAME})(?:,\\s+[^,]{1,120})?,\\s*$`, 'u');
/** Where a speaker phrase may begin inside a sentence: after a comma, a conjunction, a closing quote. */
const CLAUSE_OPENERS = /(?<=(?:[,;:.!?—–]|["”’»]|\s-)\s+|(?:^|\s)(?:and|but|as|while|when|because|though|although|after|before|since|if|where|whereas|which|that|so|yet|what)\s+)(?=\S)/giu;
/** A main clause starts a sentence or follows a comma or a dash (after a fronted phrase or a dateline: "In a statement, the ministry …", "WASHINGTON — The White House …"). */
const MAIN_CLAUSE_OPENERS = /(?<=(?:[,;—–]|\s-)\s+)(?=\S)/gu;
const QUOTE_MARK = /["“”‘’«»„]/;
/** "a girl named Maya": a participle that introduces a name, not a predicate. */
const NAMING_PARTICIPLE = /^(?:named|called|nicknamed|known)$/;

/** The text's quotes, and per sentence the speaker phrases already read (so each is read once). */
export class CueContext {
  readonly paragraphStarts: number[] = [0];
  private readonly mainSubjects = new Map<number, Phrase | null>();
  /** Speaker phrases per verb offset: quotes and reported speech ask about the same verbs. */
  private readonly verbSubjects = new Map<number, Subject>();
  /** Quotes found to flag a term, not speech: a reported clause may contain them. */
  private readonly scare = new Set<Span>();
  private allVerbs: VerbHit[] | null = null;

  constructor(
    readonly t: TokenizedText,
    /** Quote spans (marks included), sorted. */
    readonly quotes: Span[],
  ) {
    for (let i = t.text.indexOf('\n\n'); i >= 0; i = t.text.indexOf('\n\n', i + 2)) this.paragraphStarts.push(i + 2);
  }

  markScare(q: Span): void {
    this.scare.add(q);
  }

  /** A quoted stretch found later (an unmarked block quote), kept in order. */
  addQuoted(span: Span): void {
    this.quotes.splice(upperBound(this.quotes, span.start), 0, span);
  }

  get text(): string {
    return this.t.text;
  }

  isQuoted(at: number): boolean {
    return this.quoteAt(at) !== null;
  }

  /** The quote holding offset `at`, marks included. */
  quoteAt(at: number): Span | null {
    const i = upperBound(this.quotes, at) - 1;
    return i >= 0 && at < this.quotes[i]!.end ? this.quotes[i]! : null;
  }

  /** Whether a quote opens in [start, end). */
  quoteOpensIn(start: number, end: number, skipScare: boolean): boolean {
    for (let i = upperBound(this.quotes, start - 1); i < this.quotes.length && this.quotes[i]!.start < end; i++) {
      if (!skipScare || !this.scare.has(this.quotes[i]!)) return true;
    }
    return false;
  }

  /** The paragraph holding offset `at` (paragraphs are separated by a blank line). */
  paragraphAround(at: number): { start: number; end: number } {
    const i = upperBoundNumber(this.paragraphStarts, at) - 1;
    const start = this.paragraphStarts[Math.max(0, i)]!;
    const next = this.paragraphStarts[i + 1];
    return { start, end: next === undefined ? this.text.length : next - 2 };
  }

  /** Speech verbs in [from, to), outside quotes, in order. Lower case only: "Said" opens no cue. */
  verbsIn(from: number, to: number): VerbHit[] {
    this.allVerbs ??= this.scanVerbs();
    const hits: VerbHit[] = [];
    for (let i = upperBound(this.allVerbs, from - 1); i < this.allVerbs.length && this.allVerbs[i]!.start < to; i++) {
      const v = this.allVerbs[i]!;
      if (v.end <= to && !this.isQuoted(v.start)) hits.push(v);
    }
    return hits;
  }

  /** Every speech verb of the text, read once from the tokens. */
  private scanVerbs(): VerbHit[] {
    const { text, t } = this;
    const hits: VerbHit[] = [];
    for (let i = 0; i < t.values.length; i++) {
      const word = t.values[i]!;
      const at = t.starts[i]!;
      const form = VERB_FORMS.get(word);
      const phrasal = PHRASAL_HEADS.has(word) ? phrasalAt(text, at) : null;
      if (!form && !phrasal) continue;
      // "so-called", "well-known": part of a hyphenated word is no verb.
      if (text[at - 1] === '-' || text[at + word.length] === '-') continue;
      if (phrasal) hits.push({ start: at, end: at + phrasal.length, text: phrasal.text, form: phrasal.form });
      else if (form && this.isVerbUse(i, word, form, text.slice(Math.max(0, at - 12), at))) hits.push({ start: at, end: at + word.length, text: word, form });
    }
    return hits;
  }

  /**
   * A speech word used as a verb: not after a determiner ("a warning strike", "his claim", "the
   * report"), and a form that is also a noun ("state", "claims") only where the tagger reads a verb.
   */
  private isVerbUse(i: number, word: string, form: VerbForm, before: string): boolean {
    if (DETERMINER_BEFORE.test(before)) return false;
    if (form.participle || /(?:ed|id|ld|ote|ound)$/.test(word)) return true;
    // "estimates that", "reply that": a clause after the word makes it the verb whatever the tag.
    return this.t.pos[i] === 'VERB' || this.t.pos[i] === 'AUX' || this.t.values[i + 1] === 'that';
  }

  /**
   * The speaker phrase of a verb: the noun phrase right before it ("Koval said"), the name
   * before "who" ("Kipiani, director of …, who said"), or the sentence's subject when the verb
   * is a participle ("…, adding:") or shares a subject ("… and said").
   */
  subjectOf(verb: VerbHit, sentenceStart: number): Subject {
    if (!this.verbSubjects.has(verb.start)) this.verbSubjects.set(verb.start, this.readSubjectOf(verb, sentenceStart));
    return this.verbSubjects.get(verb.start)!;
  }

  private readSubjectOf(verb: VerbHit, sentenceStart: number): Subject {
    const from = Math.max(sentenceStart, verb.start - SUBJECT_WINDOW);
    const pre = this.text.slice(from, verb.start);
    if (verb.form.participle) return { phrase: this.mainSubject(sentenceStart, verb.start), rule: 'participle' };
    if (COORDINATED.test(pre)) return { phrase: this.mainSubject(sentenceStart, verb.start), rule: 'coordinated' };
    if (RELATIVE_WHO.test(pre)) {
      const m = NAME_BEFORE_WHO.exec(pre.replace(RELATIVE_WHO, '') + ',');
      return { phrase: m ? readSubject(this.t, m[1]!, from + m.index) : null, rule: 'relative-who' };
    }
    return { phrase: subjectEndingAt(this.t, pre, from, from === sentenceStart), rule: 'before' };
  }

  /** The subject of a sentence's main clause (memoised: the same phrase object for every cue that needs it). */
  mainSubject(sentenceStart: number, limit: number): Phrase | null {
    if (!this.mainSubjects.has(sentenceStart)) this.mainSubjects.set(sentenceStart, this.readMainSubject(sentenceStart));
    const found = this.mainSubjects.get(sentenceStart) ?? null;
    return found && found.start < limit ? found : null;
  }

  private readMainSubject(sentenceStart: number): Phrase | null {
    const { t, text } = this;
    const limit = sentenceSpan(t, sentenceAt(t, sentenceStart)).end;
    // A sentence opening with (or inside) a quote has its speaker after the quote: '"…," said Koval, adding …'.
    const opening = this.quoteAt(sentenceStart);
    if (opening) return opening.end < limit ? (this.cueAfter(opening.end, limit)?.phrase ?? null) : null;
    const end = Math.min(limit, sentenceStart + MAIN_SUBJECT_WINDOW);
    for (const c of clauseStarts(text, sentenceStart, end, MAIN_CLAUSE_OPENERS)) {
      const verbAt = firstPredicate(t, c, end);
      if (verbAt === null) continue;
      const phrase = readSubject(t, text.slice(c, verbAt), c);
      if (phrase) return phrase;
    }
    return null;
  }

  /**
   * The cue right after a quote: '…," she said', '…," said Henrik Aas, an analyst', '…," union
   * leader Claus Wendland told the Courier'. `end` is where the quote's sentence ends.
   */
  cueAfter(from: number, end: number): Cue | null {
    const after = this.text.slice(from, Math.min(end, from + SUBJECT_WINDOW));
    const lead = /^[\s,–—-]*/.exec(after)![0].length;
    const verbs = this.verbsIn(from + lead, from + after.length);
    const first = verbs[0];
    if (!first || first.form.participle) return null;
    if (first.start === from + lead) {
      const phrase = parseInverted(this.text.slice(first.end, from + after.length), first.end);
      return phrase ? cue(phrase, first, 'inverted') : null;
    }
    const phrase = readSubject(this.t, this.text.slice(from + lead, first.start), from + lead);
    return phrase ? cue(phrase, first, 'after') : null;
  }

  /**
   * The cue before a quote: the latest speech verb between `from` and the quote whose speaker
   * can be read. For whole quoted sentences the verb must stand close to the quote ('Marsh
   * added: "…"', 'told reporters in Tehran, "…"'); a partial quote may sit further along its
   * sentence ('Cristea called the payment "…"').
   */
  cueBefore(from: number, quoteStart: number, sentenceStart: number, partial: boolean): Cue | null {
    const verbs = this.verbsIn(from, quoteStart);
    for (let i = verbs.length - 1; i >= 0; i--) {
      const verb = verbs[i]!;
      const tail = this.text.slice(verb.end, quoteStart);
      if (!partial && !closeToQuote(tail)) continue;
      if (partial && !partialTail(tail)) continue;
      const subject = this.subjectOf(verb, sentenceStart);
      // "…, adding:" with no readable subject still marks the words as said.
      if (subject.phrase || !partial) return cue(subject.phrase, verb, subject.rule);
    }
    return null;
  }

  /** 'she was blunt: "…"': no speech verb, but a subject introducing the quote with a colon. */
  cueBeforeColon(from: number, quoteStart: number): Cue | null {
    const { t, text } = this;
    const colon = text.lastIndexOf(':', quoteStart);
    if (colon < from) return null;
    for (const c of clauseStarts(text, from, colon)) {
      const verbAt = firstPredicate(t, c, colon);
      if (verbAt === null) continue;
      const phrase = readSubject(t, text.slice(c, verbAt), c);
      if (phrase && phrase.kind !== 'unnamed') return { phrase, verb: text.slice(verbAt, colon).trim(), verbStart: verbAt, verbEnd: colon, rule: 'colon-subject' };
      if (phrase) return null;
    }
    return null;
  }
}

/**
 * A subject phrase with a verb used as a verb inside it ("The boat overturned at …") is a
 * clause, not a noun phrase. A participle before a noun ("defending champion") and a relative
 * clause ("a bakery owner who asked not to be named") are fine.
 */
function isNounPhrase(t: TokenizedText, phrase: Phrase): boolean {
  const core = phrase.text.split(/\s(?:who|which|that|whose|whom)\s/)[0]!;
  const end = phrase.start + core.length;
  // From the start of the whole phrase: "passengers rushed to one side, the Harbour Authority" is a clause and a name.
  const first = tokenAt(t, phrase.from);
  for (let i = first; i < t.values.length && t.starts[i]! < end; i++) {
    if (t.pos[i] !== 'VERB' && t.pos[i] !== 'AUX') continue;
    if (!/^\p{Ll}/u.test(t.values[i]!) || t.text[t.starts[i]! - 1] === '-' || NAMING_PARTICIPLE.test(t.values[i]!)) continue;
    const next = t.pos[i + 1];
    const prev = i > first ? t.pos[i - 1] : null;
    // After a noun ("a vaccine cut severe cases") a verb is a predicate even before an adjective.
    if (prev === 'NOUN' || prev === 'PROPN' || prev === 'PRON') return false;
    if (t.starts[i + 1] === undefined || t.starts[i + 1]! >= end || !(next === 'NOUN' || next === 'PROPN' || next === 'ADJ')) return false;
  }
  return true;
}

/** parseSubject, keeping only readings that are noun phrases by their parts of speech. */
function readSubject(t: TokenizedText, text: string, base: number): Phrase | null {
  const phrase = parseSubject(text, base);
  return phrase && isNounPhrase(t, phrase) ? phrase : null;
}

export function cue(phrase: Phrase | null, verb: VerbHit, rule: CueRule): Cue {
  return { phrase, verb: verb.text, verbStart: verb.start, verbEnd: verb.end, rule };
}

function phrasalAt(slice: string, index: number): { text: string; length: number; form: VerbForm } | null {
  for (const p of PHRASAL_CUES) {
    p.pattern.lastIndex = index;
    const m = p.pattern.exec(slice);
    if (m) return { text: m[0], length: m[0].length, form: { use: p.use, lemma: m[0], participle: /ing\b/.test(m[0]) } };
  }
  return null;
}

/** Between a verb and a whole quoted sentence: a few words (listener, setting), then "," or ":" or nothing. */
function closeToQuote(tail: string): boolean {
  return /^(?:\s+[^\s.!?;"“”]+){0,8}?(?:\s+that)?\s*[,:]?\s*$/u.test(tail) && !/[.!?;]/.test(tail);
}

/** Between a verb and a partial quote: the rest of one clause, no full stop and no other quote. */
function partialTail(tail: string): boolean {
  return tail.length < 200 && !/[.!?;]\s/.test(tail) && !QUOTE_MARK.test(tail.replace(/\p{L}['’]\p{L}/gu, ''));
}

/** Candidate starts of a subject in [from, to): the start, then after each comma, conjunction or quote. */
function clauseStarts(text: string, from: number, to: number, openers = CLAUSE_OPENERS): number[] {
  const starts = [from];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(openers)) starts.push(from + m.index + m[0].length);
  return starts;
}

/** The subject ending where the verb starts: the longest readable phrase from a clause start. */
function subjectEndingAt(t: TokenizedText, pre: string, base: number, atSentenceStart: boolean): Phrase | null {
  const starts = clauseStarts(pre, 0, pre.length).filter((c) => c > 0 || atSentenceStart);
  for (const c of starts) {
    const phrase = readSubject(t, pre.slice(c), base + c);
    if (phrase) return phrase;
  }
  return null;
}

/**
 * Where the predicate of the clause starting at `from` begins: its first lower-case verb or
 * auxiliary, skipping an apposition set in commas ("Ayşe, a teacher who has …, was angrier").
 */
function firstPredicate(t: TokenizedText, from: number, to: number): number | null {
  let i = tokenAt(t, from);
  let commas = 0;
  for (let n = 0; i < t.values.length && t.starts[i]! < to && n < MAIN_SUBJECT_TOKENS; i++, n++) {
    const v = t.values[i]!;
    if (v === ',') commas++;
    else if ((t.pos[i] === 'VERB' || t.pos[i] === 'AUX') && /^\p{Ll}/u.test(v) && commas !== 1) return t.starts[i]! > from ? t.starts[i]! : null;
  }
  return null;
}
