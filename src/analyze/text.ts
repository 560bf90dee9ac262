/**
 * Tokens, part-of-speech tags and sentences from wink-nlp's packaged English model, as
 * parallel arrays of character offsets into the original text (no per-token objects on the
 * hot path). wink reproduces its input exactly, so offsets are the running sum of each
 * token's preceding spaces and value.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface TokenizedText {
  text: string;
  /** Per token: start and end offsets, surface form, coarse part of speech (PROPN, VERB, ...). */
  starts: number[];
  ends: number[];
  values: string[];
  pos: string[];
  /** Per sentence: first and last token index (inclusive). */
  sentenceFirst: number[];
  sentenceLast: number[];
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

function engine(): Nlp {
  // Sentence boundaries and part of speech are all the analysis reads; named-entity and sentiment passes cost time.
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

export function tokenize(text: string): TokenizedText {
  const wink = engine();
  const its = wink.its;
  const doc = wink.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const starts: number[] = new Array(values.length);
  const ends: number[] = new Array(values.length);
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i]!.length;
    // wink normalises some characters in `value`; locate the token in the text to stay exact.
    const found = text.startsWith(values[i]!, offset) ? offset : text.indexOf(values[i]!, offset);
    starts[i] = found >= 0 ? found : offset;
    ends[i] = starts[i]! + values[i]!.length;
    offset = ends[i]!;
  }
  const sentenceFirst: number[] = [];
  const sentenceLast: number[] = [];
  doc.sentences().each((sentence: { out: (f: unknown) => unknown }) => {
    const [first, last] = sentence.out(its.span) as unknown as [number, number];
    sentenceFirst.push(first);
    sentenceLast.push(last);
  });
  return { text, starts, ends, values, pos, sentenceFirst, sentenceLast };
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
