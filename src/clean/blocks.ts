import type { RemovalReason } from '../model.js';

/** What the cleaner decided a block is. `body` blocks become paragraphs. */
export type BlockKind =
  | 'unknown'
  | 'body'
  | 'title'
  | 'dek'
  | 'byline'
  | 'stamp'
  | 'outlet'
  | 'section'
  | 'removed';

export interface Stamp {
  /** The stamp exactly as written, without a glued outlet name. */
  text: string;
  /** Outlet name glued in front of a relative stamp ("The Daily Ledger3 hours ago"). */
  outlet: string | null;
  /** Resolved YYYY-MM-DD / YYYY-MM / YYYY, or null when it cannot be resolved. */
  date: string | null;
  basis: 'stamp' | 'relative' | null;
}

/** One line of a flattened page, or one block element of an HTML page. */
export interface Block {
  text: string;
  /** HTML element the block came from (h1, p, li, figcaption, ...), when known. */
  tag: string | null;
  kind: BlockKind;
  removal: { reason: RemovalReason; rule: string } | null;
  stamp: Stamp | null;
  authors: string[] | null;
  /** For `section` blocks: what kind of page section the heading opens. */
  section: SectionKind | null;
}

export type SectionKind = 'related' | 'list' | 'comments' | 'tags' | 'author';

export function makeBlock(text: string, tag: string | null = null): Block {
  return { text, tag, kind: 'unknown', removal: null, stamp: null, authors: null, section: null };
}

export function removeBlock(block: Block, reason: RemovalReason, rule: string): void {
  block.kind = 'removed';
  block.removal = { reason, rule };
}

export function isOpen(block: Block): boolean {
  return block.kind === 'unknown' || block.kind === 'body';
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Segmentation asks the same questions of the same block text many times; answers are
 * memoised per string (the last few thousand), which keeps cleaning linear in page size.
 */
const MEMO_LIMIT = 4096;
const wordCounts = new Map<string, number>();
const repeatKeys = new Map<string, string>();

function memo<T>(cache: Map<string, T>, text: string, compute: (t: string) => T): T {
  let value = cache.get(text);
  if (value === undefined) {
    value = compute(text);
    if (cache.size >= MEMO_LIMIT) cache.clear();
    cache.set(text, value);
  }
  return value;
}

export function wordCount(text: string): number {
  return memo(wordCounts, text, (t) => t.match(WORD)?.length ?? 0);
}

/** Paragraph-sized: 30 words, or 15 that end like a sentence. News paragraphs run 15–60 words. */
const PROSE_MIN_WORDS = 15;
const PROSE_ANY_WORDS = 30;

export function isProse(block: Block): boolean {
  if (!isOpen(block)) return false;
  const words = wordCount(block.text);
  return words >= PROSE_ANY_WORDS || (words >= PROSE_MIN_WORDS && /[.!?"”’)]$/.test(block.text));
}

/** Key for spotting repeats: case, punctuation and spacing do not make a block new. */
export function repeatKey(text: string): string {
  return memo(repeatKeys, text, (t) => t.toLowerCase().replace(NOT_WORD, ' ').trim());
}
