/**
 * `isCommonWord` (two Hunspell dictionaries) remembered per word: names repeat within and across
 * articles, and the recogniser asks about the same sentence-initial and last words again and
 * again. The memory is bounded, so a long batch cannot grow it without limit.
 */
import { isCommonWord } from '../../clean/lexicon.js';

const MAX_REMEMBERED = 20_000;
const remembered = new Map<string, boolean>();

export function commonWord(lower: string): boolean {
  let known = remembered.get(lower);
  if (known === undefined) {
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    known = isCommonWord(lower);
    remembered.set(lower, known);
  }
  return known;
}
