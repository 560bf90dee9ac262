/** Binary searches over offsets into the article text, shared by the quote modules. */
import type { TaggedText } from './text.js';

/** Index of the first item starting after `at` (items sorted by `at` or `start`). */
export function upperBound(list: readonly { at?: number; start?: number }[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!.at ?? list[mid]!.start!;
    if (v <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first number greater than `at` in a sorted list. */
export function upperBoundNumber(list: readonly number[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first token starting at or after `offset`. */
export function tokenAt(t: Pick<TaggedText, 'starts'>, offset: number): number {
  let lo = 0;
  let hi = t.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
