/**
 * Past or future, read from the verbs around an expression. A sentence is tagged by wink-nlp
 * (part of speech, lemma, normal form with contractions expanded); each verb group becomes a
 * *cue* — past ("said", "had met", "could have"), future ("will", "would", "is expected to") or
 * present ("begins", "is") — and an expression takes the tense of the nearest cue, where
 * crossing a clause boundary (a comma, "that", "and", "which") counts as BOUNDARY_COST tokens.
 * So in "He said on Friday that the vote in March will be close", Friday is past and March future.
 *
 * Present tense about a dated event is how news writes schedules ("the trial begins Monday"),
 * so a present cue means future — decided by tense when a future word ("next", "upcoming")
 * backs it, otherwise only inferred.
 *
 * The tags come from the analysis stage's one wink pass over the whole text when the caller
 * has it (clauseTokensFrom), else from tagging the sentence alone (clauseTokens); wink tags a
 * sentence the same either way, so the verdicts do not depend on which.
 *
 * Linear in the sentence: cues are found in one pass and the nearest cue on each side of every
 * token in two more.
 */
import { tokenAt } from '../offsets.js';
import { tag, type TaggedText } from '../text.js';
import type { Span } from '../types.js';

export type Direction = -1 | 0 | 1;

export interface TenseVerdict {
  direction: Direction;
  basis: 'tense' | 'inferred';
  /** Whether the verb nearest the expression is itself past ("closed at 9pm", not "answering emails at 11pm"). */
  pastEvent: boolean;
  /** Whether the deciding cue is a verb that looks forward ("promised … by Thanksgiving"). */
  forward: boolean;
}

type Cue = 'past' | 'future' | 'present' | null;

/**
 * How many tokens a clause boundary weighs: a verb across one boundary must lose to any verb
 * within a handful of words in the expression's own clause ("said on Friday that … will"), yet
 * still win when the own clause has none ("In January, he stepped back"). On the analysis gold
 * set (330 values) every cost from 4 to 12 scores the same and 2 loses one; 6 sits inside that
 * plateau. Re-run the gold test in test/analyze/dates.test.ts when changing it.
 */
const BOUNDARY_COST = 6;

const MODALS = new Set(['will', 'shall', 'would', 'could', 'may', 'might', 'should', 'must', 'can']);
const PAST_AUXILIARIES = new Set(['was', 'were', 'had', 'did']);
const PRESENT_BE = new Set(['is', 'are', 'am']);
const PRESENT_HAVE = new Set(['has', 'have']);
const BE_CHAIN = new Set(['be', 'been', 'being']);

/** Verb + "to"/"for" idioms that announce a scheduled or planned event. */
const FUTURE_PHRASES: readonly (readonly string[])[] = [
  ['due', 'to'], ['expected', 'to'], ['set', 'to'], ['scheduled', 'to'], ['slated', 'to'], ['plans', 'to'],
  ['plan', 'to'], ['planning', 'to'], ['intends', 'to'], ['poised', 'to'], ['about', 'to'], ['going', 'to'],
  ['is', 'to'], ['are', 'to'], ['scheduled', 'for'], ['slated', 'for'], ['upcoming'],
];

/** Adverbs that place a clause in the past on their own ("earlier, officials had…"). */
const PAST_ADVERBS = new Set(['ago', 'earlier', 'previously', 'formerly', 'recently', 'already']);

/** Time words that turn a present-tense verb into a scheduled future. */
const FUTURE_WORDS = new Set(['next', 'upcoming', 'coming', 'tomorrow', 'soon', 'later']);

/** Words that start a clause besides conjunctions and punctuation. */
const CLAUSE_WORDS = new Set(['which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'because', 'although', 'though', 'whereas', 'if', 'unless']);

/**
 * Words that look forward to the infinitive they govern: "agreed to meet on Friday", "was
 * unlikely to start on August 15" put the date after the main verb's moment.
 */
const FORWARD_CONTROLLERS = new Set([
  'agree', 'promise', 'plan', 'expect', 'hope', 'want', 'aim', 'vow', 'threaten', 'pledge', 'intend', 'likely',
  'unlikely', 'due', 'ready', 'prepare', 'decide', 'seek', 'propose', 'offer', 'schedule', 'vote',
]);

/** Past forms spelled like their base, which a lemma cannot tell apart ("they hit the city"). */
const EQUAL_PAST_FORMS = new Set(['put', 'set', 'cut', 'hit', 'let', 'hurt', 'cost', 'read', 'quit', 'shut', 'spread', 'bet', 'beat']);

const SUBJECT_POS = new Set(['NOUN', 'PROPN', 'PRON']);
/** Words before which an "-s" form is a plural noun, whatever the tagger says ("two earlier bids"). */
const NOUN_PRECEDING_POS = new Set(['NUM', 'DET', 'ADJ']);
/** What may open a coordinated clause after "and"/"but"; "long-distance and regional trains" is not one. */
const CLAUSE_OPENING_POS = new Set(['VERB', 'AUX', 'PRON']);
const CHAIN_KEEPING_POS = new Set(['ADV', 'PART']);

/** One sentence's tokens, offsets relative to the sentence; lemmas are worked out on first use. */
export interface ClauseTokens {
  starts: number[];
  ends: number[];
  normal: string[];
  lemma(i: number): string;
  pos: string[];
}

/** Where each token sits: wink keeps the input, so offsets are preceding spaces plus values. */
function locate(sentence: string, values: string[], spaces: string[]): { starts: number[]; ends: number[] } {
  const starts: number[] = new Array(values.length);
  const ends: number[] = new Array(values.length);
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i]!.length;
    const value = values[i]!;
    // A bounded search keeps this linear should wink ever normalise a character in `value`.
    const near = sentence.slice(offset, offset + value.length + 16).indexOf(value);
    starts[i] = near >= 0 ? offset + near : offset;
    ends[i] = starts[i]! + value.length;
    offset = ends[i]!;
  }
  return { starts, ends };
}

/** A sentence tagged on its own. */
export function clauseTokens(sentence: string): ClauseTokens {
  const t = tag(sentence);
  const { starts, ends } = locate(sentence, t.values, t.spaces);
  return { starts, ends, normal: t.normals, lemma: t.lemma, pos: t.pos };
}

/**
 * The tokens of text[start, end) cut from the whole text's wink pass, as tagging that slice
 * alone gives them; null where the two could differ — a token crossing either edge (a run of
 * newlines and tabs the slice starts inside, an expression ending inside a token), or a token
 * wink normalised — and the caller then tags the slice alone.
 */
export function clauseTokensFrom(t: TaggedText, start: number, end: number): ClauseTokens | null {
  const first = tokenAt(t, start);
  if (first > 0 && t.ends[first - 1]! > start) return null;
  let last = first;
  for (; last < t.starts.length && t.starts[last]! < end; last++) {
    if (!t.exact[last] || t.ends[last]! > end || t.ends[last] === t.starts[last]) return null;
  }
  const starts: number[] = new Array(last - first);
  const ends: number[] = new Array(last - first);
  for (let i = first; i < last; i++) {
    starts[i - first] = t.starts[i]! - start;
    ends[i - first] = t.ends[i]! - start;
  }
  return { starts, ends, normal: t.normals.slice(first, last), lemma: (i) => t.lemma(first + i), pos: t.pos.slice(first, last) };
}

type VerbForm = 'pastForm' | 'presentS' | 'ing' | 'base';

function verbForm(normal: string, lemma: string): VerbForm {
  if (normal === lemma) return 'base';
  if (normal.endsWith('ing')) return 'ing';
  if (normal === `${lemma}s` || normal === `${lemma}es` || normal === lemma.replace(/y$/, 'ies')) return 'presentS';
  return 'pastForm';
}

interface Chain {
  kind: 'modal' | 'past' | 'present' | 'have' | 'perfect' | 'to' | 'forwardTo';
  at: number;
}

function cueFromChain(chain: Chain, form: VerbForm): Cue {
  switch (chain.kind) {
    case 'modal':
    case 'forwardTo': return 'future';
    case 'past':
    case 'perfect': return 'past';
    case 'have': return form === 'pastForm' ? 'past' : 'present';
    // "is held", "is meeting": passive and progressive present.
    case 'present': return 'present';
    case 'to': return null;
  }
}

/** Part of speech of the nearest token before `i` that is not an adverb. */
function previousNonAdverb(t: ClauseTokens, i: number): string | undefined {
  let k = i - 1;
  while (k >= 0 && t.pos[k] === 'ADV') k--;
  return t.pos[k];
}

function cueFromForm(t: ClauseTokens, i: number, form: VerbForm): Cue {
  if (form === 'pastForm') return 'past';
  if (form === 'presentS') return NOUN_PRECEDING_POS.has(previousNonAdverb(t, i) ?? '') ? null : 'present';
  if (form !== 'base') return null;
  const previous = t.pos[i - 1];
  // "its demands, set out in June": a past-looking base form after a comma opens a participle clause.
  if (EQUAL_PAST_FORMS.has(t.normal[i]!)) return previous === 'PUNCT' && t.normal[i - 1] === ',' ? 'past' : null;
  // "the leaders meet on Friday": a bare verb after its subject is present tense.
  return previous && SUBJECT_POS.has(previous) ? 'present' : null;
}

/** "agreed to meet": a "to" whose governing word (one or two tokens back) looks forward. */
function forwardInfinitive(t: ClauseTokens, to: number): boolean {
  return [to - 1, to - 2].some((k) => k >= 0 && FORWARD_CONTROLLERS.has(t.lemma(k)));
}

/** FUTURE_PHRASES by first word, in list order: only those can start at a token. */
const FUTURE_PHRASES_BY_FIRST = new Map<string, (readonly string[])[]>();
for (const phrase of FUTURE_PHRASES) {
  const list = FUTURE_PHRASES_BY_FIRST.get(phrase[0]!) ?? [];
  list.push(phrase);
  FUTURE_PHRASES_BY_FIRST.set(phrase[0]!, list);
}

function phraseAt(t: ClauseTokens, i: number): number {
  for (const phrase of FUTURE_PHRASES_BY_FIRST.get(t.normal[i]!) ?? []) {
    if (!phrase.every((word, k) => t.normal[i + k] === word)) continue;
    const next = t.pos[i + phrase.length];
    // "due to rain" gives a cause, "due to meet" a schedule.
    if (phrase.at(-1) === 'to' && next !== 'VERB' && next !== 'AUX') continue;
    return phrase.length;
  }
  return 0;
}

interface CueScan {
  cues: Cue[];
  boundary: boolean[];
  futureWord: boolean;
}

/** Quotation marks open or close a quotation inside a clause; they do not end the clause. */
const QUOTE_MARKS = new Set(['"', '“', '”', '‘', '’', "'", '«', '»']);

/** Punctuation inside a word ("long-distance", "U.S.") joins rather than separates. */
function insideWord(t: ClauseTokens, i: number): boolean {
  return i > 0 && i + 1 < t.starts.length && t.starts[i] === t.ends[i - 1] && t.ends[i] === t.starts[i + 1];
}

function isBoundary(t: ClauseTokens, i: number): boolean {
  const pos = t.pos[i]!;
  if (pos === 'PUNCT') return !insideWord(t, i);
  if (pos === 'SCONJ') return true;
  if (pos === 'CCONJ') return CLAUSE_OPENING_POS.has(t.pos[i + 1] ?? '') || MODALS.has(t.normal[i + 1] ?? '');
  return CLAUSE_WORDS.has(t.normal[i]!);
}

/** One pass over the tokens; a verb group's tense is carried by a small state (`chain`). */
function scanCues(t: ClauseTokens, suppressed: boolean[]): CueScan {
  const n = t.normal.length;
  const cues: Cue[] = new Array(n).fill(null);
  const boundary: boolean[] = new Array(n).fill(false);
  let futureWord = false;
  let chain: Chain | null = null;
  for (let i = 0; i < n; i++) {
    const normal = t.normal[i]!;
    if (FUTURE_WORDS.has(normal)) futureWord = true;
    if (suppressed[i] || QUOTE_MARKS.has(t.normal[i]!)) continue;
    if (isBoundary(t, i)) {
      boundary[i] = true;
      chain = null;
      continue;
    }
    const phrase = phraseAt(t, i);
    if (phrase > 0) {
      for (let k = 0; k < phrase; k++) cues[i + k] = 'future';
      i += phrase - 1;
      chain = { kind: 'to', at: i };
      continue;
    }
    chain = stepChain(t, i, chain, cues);
  }
  return { cues, boundary, futureWord };
}

function stepChain(t: ClauseTokens, i: number, chain: Chain | null, cues: Cue[]): Chain | null {
  const normal = t.normal[i]!;
  const pos = t.pos[i]!;
  if (MODALS.has(normal)) {
    cues[i] = 'future';
    return { kind: 'modal', at: i };
  }
  if (normal === 'have' && chain?.kind === 'modal') {
    // "could have met": a modal perfect looks back.
    cues[i] = cues[chain.at] = 'past';
    return { kind: 'perfect', at: i };
  }
  if (PAST_AUXILIARIES.has(normal)) {
    cues[i] = 'past';
    return { kind: 'past', at: i };
  }
  if (PRESENT_HAVE.has(normal)) {
    cues[i] = 'present';
    return { kind: 'have', at: i };
  }
  if (PRESENT_BE.has(normal)) {
    cues[i] = 'present';
    return { kind: 'present', at: i };
  }
  if (BE_CHAIN.has(normal)) return stepBe(normal, i, chain, cues);
  if (pos === 'VERB' || pos === 'AUX') {
    const form = verbForm(normal, t.lemma(i));
    cues[i] = chain ? cueFromChain(chain, form) : cueFromForm(t, i, form);
    // "has risen": the perfect is past, and so is its auxiliary.
    if (chain?.kind === 'have' && cues[i] === 'past') cues[chain.at] = 'past';
    return null;
  }
  if (PAST_ADVERBS.has(normal)) cues[i] = 'past';
  if (normal === 'to') return { kind: forwardInfinitive(t, i) ? 'forwardTo' : 'to', at: i };
  return CHAIN_KEEPING_POS.has(pos) ? chain : null;
}

function stepBe(normal: string, i: number, chain: Chain | null, cues: Cue[]): Chain | null {
  if (normal === 'been' && chain?.kind === 'have') {
    cues[i] = cues[chain.at] = 'past';
    return { kind: 'perfect', at: i };
  }
  return chain;
}

/** Clause-weighted position of every token: token index plus the boundaries before it. */
function costs(boundary: boolean[]): number[] {
  const out: number[] = new Array(boundary.length);
  let crossed = 0;
  for (let i = 0; i < boundary.length; i++) {
    if (boundary[i]) crossed++;
    out[i] = i + crossed * BOUNDARY_COST;
  }
  return out;
}

interface Nearest {
  before: number[];
  after: number[];
}

/** For every token, the nearest marked token strictly before and after it (-1 when none). */
function nearestMarked(marked: (i: number) => boolean, n: number): Nearest {
  const before: number[] = new Array(n);
  const after: number[] = new Array(n);
  let last = -1;
  for (let i = 0; i < n; i++) {
    before[i] = last;
    if (marked(i)) last = i;
  }
  last = -1;
  for (let i = n - 1; i >= 0; i--) {
    after[i] = last;
    if (marked(i)) last = i;
  }
  return { before, after };
}

/** The nearer of the marked tokens around first..last, by clause-weighted distance; -1 when none. */
function nearestIndex(near: Nearest, cost: number[], first: number, last: number, prefer: (left: number, right: number) => number): number {
  const left = near.before[first]!;
  const right = near.after[last]!;
  if (left < 0 || right < 0) return Math.max(left, right);
  const dl = cost[first]! - cost[left]!;
  const dr = cost[right]! - cost[last]!;
  if (dl !== dr) return dl < dr ? left : right;
  return prefer(left, right);
}

function verdictOf(cue: Cue, futureWord: boolean, facts: { pastEvent: boolean; forward: boolean }): TenseVerdict {
  if (cue === 'past') return { direction: -1, basis: 'tense', ...facts };
  if (cue === 'future') return { direction: 1, basis: 'tense', ...facts };
  if (cue === 'present') return { direction: 1, basis: futureWord ? 'tense' : 'inferred', ...facts };
  return { direction: 0, basis: 'inferred', ...facts };
}

const strength = (cue: Cue) => (cue === 'past' || cue === 'future' ? 2 : cue ? 1 : 0);

/** On a tie a past/future cue beats a present one, then the left one wins. */
const strongerCue = (cues: Cue[]) => (left: number, right: number) => (strength(cues[right]!) > strength(cues[left]!) ? right : left);

/** Token ranges of ascending spans; null for a span that covers no token. */
function tokenRanges(t: ClauseTokens, spans: readonly Span[]): ([number, number] | null)[] {
  const out: ([number, number] | null)[] = [];
  let first = 0;
  for (const span of spans) {
    while (first < t.ends.length && t.ends[first]! <= span.start) first++;
    let last = first;
    while (last + 1 < t.starts.length && t.starts[last + 1]! < span.end) last++;
    out.push(first < t.starts.length && t.starts[first]! < span.end ? [first, last] : null);
  }
  return out;
}

/**
 * The tense verdict for each wanted span of one sentence (offsets relative to the sentence,
 * ascending). Every span's own words are masked, so "last" in "last week" is not a cue.
 */
export function clauseTenses(t: ClauseTokens, spans: readonly Span[], wanted: readonly boolean[]): (TenseVerdict | null)[] {
  const ranges = tokenRanges(t, spans);
  const suppressed: boolean[] = new Array(t.normal.length).fill(false);
  for (const range of ranges) if (range) for (let i = range[0]; i <= range[1]; i++) suppressed[i] = true;
  const scan = scanCues(t, suppressed);
  const cost = costs(scan.boundary);
  const cues = nearestMarked((i) => scan.cues[i] !== null, scan.cues.length);
  const verbs = nearestMarked((i) => !suppressed[i] && (t.pos[i] === 'VERB' || t.pos[i] === 'AUX'), t.pos.length);
  return ranges.map((range, k) => {
    if (!wanted[k] || !range) return null;
    const cue = nearestIndex(cues, cost, range[0], range[1], strongerCue(scan.cues));
    const verb = nearestIndex(verbs, cost, range[0], range[1], (left) => left);
    const facts = { pastEvent: verb >= 0 && scan.cues[verb] === 'past', forward: cue >= 0 && FORWARD_CONTROLLERS.has(t.lemma(cue)) };
    return verdictOf(cue < 0 ? null : scan.cues[cue]!, scan.futureWord, facts);
  });
}
