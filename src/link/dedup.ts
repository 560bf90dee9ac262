/**
 * Copy detection. Three kinds, each a named test with a reason:
 *  - exact: the same words in the same order (case, punctuation and spacing aside);
 *  - near: a re-run with small edits (a wire story with a local intro or a trimmed end, an
 *    aggregator's re-publication) — word 5-shingle Jaccard over NEAR_COPY_JACCARD;
 *  - lead: a related-article snippet that is the opening of a full article — most of the
 *    snippet's 3-shingles appear in the article's first LEAD_WORDS words.
 * Candidates come from LSH band keys (stored with an index); the judgement is exact, on the two
 * texts, so a band collision never makes a copy on its own.
 */
import { createHash } from 'node:crypto';
import { bandKeys, containment, jaccard, minhash, shingleHashes, words } from './minhash.js';

export const DEDUP_SETTINGS = {
  bodyShingle: 5,
  /** 16 bands of 4 rows: texts with Jaccard 0.5 collide in some band with probability 0.65, at 0.7 with 0.98. */
  bodyPermutations: 64,
  bodyRows: 4,
  leadShingle: 3,
  leadWords: 80,
  /** 24 bands of 2 rows: a 30-word snippet of an 80-word lead (Jaccard ~0.35) collides with probability 0.96. */
  leadPermutations: 48,
  leadRows: 2,
  nearCopyJaccard: 0.5,
  snippetContainment: 0.75,
  /** Shorter texts carry too little to call a copy, except an exact one. */
  minSnippetWords: 12,
} as const;

export type CopyKind = 'exact' | 'near' | 'lead';

export interface CopyKeys {
  /** Hash of the normalised words: equal hashes are exact copies. */
  textHash: string;
  /** Band keys of the whole text ("b…") and of its opening ("l…"). */
  bands: string[];
}

export function copyKeys(text: string): CopyKeys {
  const tokens = words(text);
  const s = DEDUP_SETTINGS;
  const body = minhash(shingleHashes(tokens, s.bodyShingle), s.bodyPermutations);
  const lead = minhash(shingleHashes(tokens.slice(0, s.leadWords), s.leadShingle), s.leadPermutations);
  return {
    textHash: createHash('sha256').update(tokens.join(' ')).digest('hex').slice(0, 32),
    bands: [...bandKeys(body, s.bodyRows, 'b'), ...bandKeys(lead, s.leadRows, 'l')],
  };
}

export interface CopyVerdict {
  kind: CopyKind;
  /** Jaccard for exact/near, containment of the shorter text for lead. */
  score: number;
}

/** Whether `text` is a copy of `other` (or `other` of `text`), and which kind. */
export function judgeCopy(text: string, other: string): CopyVerdict | null {
  const a = words(text);
  const b = words(other);
  if (a.length === 0 || b.length === 0) return null;
  if (a.length === b.length && a.join(' ') === b.join(' ')) return { kind: 'exact', score: 1 };
  const s = DEDUP_SETTINGS;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length < s.minSnippetWords) return null;
  const near = jaccard(shingleHashes(a, s.bodyShingle), shingleHashes(b, s.bodyShingle));
  if (near >= s.nearCopyJaccard) return { kind: 'near', score: near };
  if (shorter.length <= s.leadWords) {
    const lead = containment(shingleHashes(shorter, s.leadShingle), shingleHashes(longer.slice(0, s.leadWords + shorter.length), s.leadShingle));
    if (lead >= s.snippetContainment) return { kind: 'lead', score: lead };
  }
  return null;
}
