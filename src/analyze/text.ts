/**
 * Tokens, part-of-speech tags and sentences from wink-nlp's packaged English model, as
 * parallel arrays of character offsets into the original text (no per-token objects on the
 * hot path). wink reproduces its input exactly, so offsets are the running sum of each
 * token's preceding spaces and value.
 *
 * This is the analysis stage's one wink pass (`tokenize`): entities and quotes read tokens and
 * sentences, the temporal stage reads each sentence's tags, normal forms and lemmas
 * (dates/tense.ts), and numbers read tags and lemmas (numbers.ts). Each of those stages still
 * runs standalone when no pass is handed to it, tagging what it needs itself with `tag`, the
 * same pass without sentence boundaries (wink tags a word the same with or without them).
 */
import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** A text tagged by wink-nlp. */
export interface TaggedText {
  text: string;
  /** Per token: start and end offsets, surface form, coarse part of speech (PROPN, VERB, ...). */
  starts: number[];
  ends: number[];
  values: string[];
  pos: string[];
  /** Per token: the whitespace wink saw before it and its normal form (lower case, contractions expanded: "n't" → "not"). */
  spaces: string[];
  normals: string[];
  /** wink's lemma of token `i` ("routes" → "route"), worked out on first use: few tokens need one. */
  lemma(i: number): string;
  /**
   * Per token: false where wink's value was not found at the running offset (wink normalised a
   * character), so its start came from a search; consumers that slice the token stream check it.
   */
  exact: boolean[];
}

/** A text tagged by wink-nlp, with its sentences. */
export interface TokenizedText extends TaggedText {
  /** Per sentence: first and last token index (inclusive). */
  sentenceFirst: number[];
  sentenceLast: number[];
}

/**
 * wink-nlp's tokenizer takes time quadratic in the length of a run without spaces (a 16,000-character
 * run takes about a second), so longer runs are blanked before tagging. No English word comes near this
 * length; such runs (URLs, base64) simply go untagged and hold no token.
 */
const MAX_TAGGED_RUN = 64;
// Tried only where a run starts (the lookbehind), not again at each of its characters.
const LONG_RUN = new RegExp(`(?<!\\S)\\S{${MAX_TAGGED_RUN + 1},}`, 'g');

/** `text` with every run of more than MAX_TAGGED_RUN non-space characters blanked to spaces (same length, same offsets). */
function blankLongRuns(text: string): string {
  return text.replace(LONG_RUN, (run) => ' '.repeat(run.length));
}

type Nlp = ReturnType<typeof winkNLP>;
type WinkDoc = ReturnType<Nlp['readDoc']>;

// Sentence boundaries and part of speech are all the analysis reads; named-entity and sentiment passes
// cost time, and so do sentence boundaries where nothing reads them. Each engine loads on first use.
let withSentences: Nlp | null = null;
let withoutSentences: Nlp | null = null;

function read(wink: Nlp, text: string): { doc: WinkDoc; tagged: TaggedText } {
  const its = wink.its;
  const blanked = blankLongRuns(text);
  const doc = wink.readDoc(blanked);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const pos = tokens.out(its.pos) as string[];
  const normals = tokens.out(its.normal) as string[];
  const n = values.length;
  const lemmas: (string | undefined)[] = new Array(n);
  // wink's typings give `its.lemma` the addons parameter wink itself supplies, which `out` does not accept.
  const lemmaOf = its.lemma as unknown as ItsFunction<string>;
  const lemma = (i: number): string => (lemmas[i] ??= (tokens.itemAt(i).out(lemmaOf) as string | undefined) ?? '');
  const starts: number[] = new Array(n);
  const ends: number[] = new Array(n);
  const exact: boolean[] = new Array(n);
  let offset = 0;
  for (let i = 0; i < n; i++) {
    offset += spaces[i]!.length;
    const value = values[i]!;
    // wink normalises some characters in `value`; locate the token in the text to stay exact.
    exact[i] = blanked.startsWith(value, offset);
    const found = exact[i] ? offset : blanked.indexOf(value, offset);
    const start = found >= 0 ? found : offset;
    starts[i] = start;
    ends[i] = start + value.length;
    offset = start + value.length;
  }
  return { doc, tagged: { text, starts, ends, values, pos, spaces, normals, lemma, exact } };
}

/** The analysis stage's pass: tokens, tags and sentences. */
export function tokenize(text: string): TokenizedText {
  withSentences ??= winkNLP(model, ['sbd', 'pos']);
  const { doc, tagged } = read(withSentences, text);
  const its = withSentences.its;
  const sentenceFirst: number[] = [];
  const sentenceLast: number[] = [];
  doc.sentences().each((sentence: { out: (f: unknown) => unknown }) => {
    const [first, last] = sentence.out(its.span) as unknown as [number, number];
    sentenceFirst.push(first);
    sentenceLast.push(last);
  });
  return { ...tagged, sentenceFirst, sentenceLast };
}

/** Tokens and tags without sentence boundaries: for a stage run on its own, or a sentence tagged alone. */
export function tag(text: string): TaggedText {
  withoutSentences ??= winkNLP(model, ['pos']);
  return read(withoutSentences, text).tagged;
}

/** Character span of sentence `s`. */
export function sentenceSpan(t: TokenizedText, s: number): { start: number; end: number } {
  let start = t.starts[t.sentenceFirst[s]!] ?? 0;
  const end = t.ends[t.sentenceLast[s]!] ?? t.text.length;
  while (start < end && /\s/.test(t.text[start]!)) start++;
  return { start, end };
}

/** Index of the sentence holding character `offset` (binary search). */
export function sentenceAt(t: TokenizedText, offset: number): number {
  let lo = 0;
  let hi = t.sentenceFirst.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((t.starts[t.sentenceFirst[mid]!] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}
