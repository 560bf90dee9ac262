/**
 * An English lexicon read from the Hunspell dictionary in `dictionary-en`: its stems are
 * lower-case for common words and capitalised for proper nouns ("London", "NATO"), which is
 * exactly what casing repair and name spotting need to know. Loaded once, on first use.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface Lexicon {
  common: Set<string>;
  /** lower-case form → the dictionary's capitalised form, for words that only exist capitalised. */
  proper: Map<string, string>;
}

let lexicon: Lexicon | null = null;

function load(): Lexicon {
  const require = createRequire(import.meta.url);
  const dicPath = join(dirname(require.resolve('dictionary-en')), 'index.dic');
  const lines = readFileSync(dicPath, 'utf8').split('\n');
  const common = new Set<string>();
  const capitalised = new Map<string, string>();
  for (let i = 1; i < lines.length; i++) {
    const stem = lines[i]!.split('/')[0]!.trim();
    if (!stem) continue;
    const lower = stem.toLowerCase();
    if (stem === lower) common.add(lower);
    else if (!capitalised.has(lower)) capitalised.set(lower, stem);
  }
  const proper = new Map<string, string>();
  for (const [lower, form] of capitalised) if (!common.has(lower)) proper.set(lower, form);
  return { common, proper };
}

function get(): Lexicon {
  lexicon ??= load();
  return lexicon;
}

/** Inflected forms a Hunspell stem stands for; enough to look up "talks", "voted", "Iranians". */
function stems(word: string): string[] {
  const out = [word];
  const strip = (suffix: string, add = '') => {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) out.push(word.slice(0, -suffix.length) + add);
  };
  strip("'s"); strip('’s'); strip('s'); strip('es'); strip('ies', 'y'); strip('ed'); strip('ed', 'e'); strip('d');
  strip('ied', 'y'); strip('ing'); strip('ing', 'e'); strip('ly'); strip('er'); strip('est'); strip('r');
  return out;
}

/** True when the word (any inflection) is an ordinary lower-case English word. */
export function isCommonWord(lower: string): boolean {
  const { common } = get();
  return stems(lower).some((s) => common.has(s));
}

/** The capitalised form of a word that English only writes capitalised, else null. */
export function properForm(lower: string): string | null {
  const { proper, common } = get();
  const direct = proper.get(lower);
  if (direct) return direct;
  for (const stem of stems(lower).slice(1)) {
    const form = proper.get(stem);
    if (form && !common.has(stem)) return form + lower.slice(stem.length);
  }
  return null;
}

/** True when the dictionary knows the word in any casing. */
export function isKnownWord(lower: string): boolean {
  return isCommonWord(lower) || properForm(lower) !== null;
}
