/**
 * What relative expressions count from besides the publication date:
 * - the *event index*: every word of a sentence that gave a date remembers the date nearest to
 *   it, so "one day before the talks" finds the last date the text gave near "talks";
 * - the *narrative* date: the last date resolved before an expression ("a year earlier").
 * Sentences are indexed once, after all their expressions are resolved, so the index is linear
 * in the text.
 */
import type { Point } from './calendar.js';

export interface DatedSpan {
  start: number;
  end: number;
  point: Point;
}

export type EventIndex = Map<string, Point>;

const WORD = /\p{L}[\p{L}'’-]*/gu;

/** The dated span nearest to `at`, advancing `cursor` monotonically over spans sorted by start. */
function nearest(spans: readonly DatedSpan[], at: number, cursor: { i: number }): DatedSpan {
  while (cursor.i + 1 < spans.length && spans[cursor.i + 1]!.start <= at) cursor.i++;
  const here = spans[cursor.i]!;
  const next = spans[cursor.i + 1];
  if (!next) return here;
  const toHere = Math.abs(at - here.end);
  const toNext = Math.abs(next.start - at);
  return toNext < toHere ? next : here;
}

/** Remember, for each word of one sentence, the date nearest to it; later sentences overwrite. */
export function indexSentence(index: EventIndex, text: string, start: number, end: number, dated: readonly DatedSpan[]): void {
  if (dated.length === 0) return;
  const cursor = { i: 0 };
  const sentence = text.slice(start, end);
  for (const match of sentence.matchAll(WORD)) {
    const at = start + match.index;
    const span = nearest(dated, at, cursor);
    if (at >= span.start && at < span.end) continue;
    index.set(withoutPossessive(match[0].toLowerCase()), span.point);
  }
}

const isApostrophe = (c: string | undefined) => c === "'" || c === '’';

/** "talks'" → "talks", "minister's" → "minister" (the ending /['’]s?$/ removed). */
function withoutPossessive(word: string): string {
  if (word.endsWith('s') && isApostrophe(word[word.length - 2])) return word.slice(0, -2);
  return isApostrophe(word[word.length - 1]) ? word.slice(0, -1) : word;
}
