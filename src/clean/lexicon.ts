/**
 * An English lexicon read from the Hunspell dictionaries in `dictionary-en` and `dictionary-en-gb`: its stems are
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

/**
 * Function words the Hunspell list leaves out or lists only capitalised ("As" the element),
 * which would otherwise read as proper nouns.
 */
const FUNCTION_WORDS = [
  'a', 'an', 'as', 'at', 'be', 'by', 'do', 'go', 'he', 'if', 'in', 'is', 'it', 'me', 'my', 'no', 'of', 'oh', 'on', 'or', 'so', 'to',
  'up', 'us', 'we', 'am', 'are', 'was', 'were', 'the', 'and', 'but', 'for', 'nor', 'yet', 'its', 'his', 'her', 'our', 'who', 'how',
  'not', 'has', 'had', 'per', 'via', 'than', 'then', 'that', 'this', 'they', 'them', 'their', 'with', 'from', 'into', 'onto',
  'upon', 'over', 'under', 'also', 'very', 'just', 'said', 'says', 'will', 'would', 'could', 'should', 'may', 'might', 'must',
];

let lexicon: Lexicon | null = null;

function load(): Lexicon {
  const require = createRequire(import.meta.url);
  // American and British spellings both occur in English-language news ("defense", "defence").
  const lines = ['dictionary-en', 'dictionary-en-gb'].flatMap((pkg) =>
    readFileSync(join(dirname(require.resolve(pkg)), 'index.dic'), 'utf8').split('\n').slice(1),
  );
  const common = new Set<string>();
  const capitalised = new Map<string, string>();
  for (const line of lines) {
    const stem = line.split('/')[0]!.trim();
    if (!stem) continue;
    const lower = stem.toLowerCase();
    if (stem === lower) common.add(lower);
    else if (!capitalised.has(lower)) capitalised.set(lower, stem);
  }
  for (const word of FUNCTION_WORDS) common.add(word);
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

/** British ↔ American spellings, for words one dictionary lacks ("defence", "organise", "centre"). */
const SPELLING_SWAPS: [RegExp, string][] = [
  [/ence$/, 'ense'], [/our/, 'or'], [/is(e|ed|es|ing|ation)$/, 'iz$1'], [/tre$/, 'ter'], [/ll(ed|ing|er)$/, 'l$1'], [/ogue$/, 'og'],
];

function spellingVariants(word: string): string[] {
  return SPELLING_SWAPS.filter(([re]) => re.test(word)).map(([re, to]) => word.replace(re, to));
}

/** True when the word (any inflection or spelling) is an ordinary lower-case English word. */
export function isCommonWord(lower: string): boolean {
  const { common } = get();
  return [lower, ...spellingVariants(lower)].some((w) => stems(w).some((s) => common.has(s)));
}

/** The capitalised form of a word that English only writes capitalised, else null. */
export function properForm(lower: string): string | null {
  const { proper, common } = get();
  // "states", "allies": an inflection of a common word stays common even if a proper noun shares it.
  if (isCommonWord(lower)) return null;
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
