/**
 * An English lexicon: the Hunspell dictionaries of `dictionary-en` (American) and
 * `dictionary-en-gb` (British), read by `nspell`, which applies their affix rules ("reporters",
 * "unrealistic") and their casing rules: a word the dictionary only knows capitalised
 * ("London", "NATO", "Iranians") is not accepted in lower case. That is exactly what casing
 * repair and name spotting need. Loaded on first use (about 250 ms), never on pages that need none.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nspell from 'nspell';

interface Speller {
  correct(word: string): boolean;
}

/** Function words some Hunspell lists lack, which must never read as names. */
const FUNCTION_WORDS = new Set(['a', 'an', 'as', 'i', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'us']);

let spellers: Speller[] | null = null;

function load(): Speller[] {
  const require = createRequire(import.meta.url);
  return ['dictionary-en', 'dictionary-en-gb'].map((pkg) => {
    const folder = dirname(require.resolve(pkg));
    return nspell({ aff: readFileSync(join(folder, 'index.aff')), dic: readFileSync(join(folder, 'index.dic')) }) as Speller;
  });
}

function accepts(word: string): boolean {
  spellers ??= load();
  return spellers.some((s) => s.correct(word));
}

/** True when the word, written in lower case, is an ordinary English word. */
export function isCommonWord(lower: string): boolean {
  return FUNCTION_WORDS.has(lower) || accepts(lower);
}

/** The form English writes a word in when it is only ever capitalised ("london" → "London", "nato" → "NATO"), else null. */
export function properForm(lower: string): string | null {
  if (!/^\p{Ll}/u.test(lower) || isCommonWord(lower)) return null;
  const capitalised = lower.charAt(0).toUpperCase() + lower.slice(1);
  if (accepts(capitalised)) return capitalised;
  const upper = lower.toUpperCase();
  return accepts(upper) ? upper : null;
}
