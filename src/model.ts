/**
 * The typed document that flows through the newsprism pipeline.
 *
 * Field names in `PageResult` and `Article` are the public output contract
 * (`newsprism extract --json`); other tools depend on them, so rename nothing.
 */
import type { Analysis } from './analyze/types.js';

/** Where a page came from and the moments that give its relative stamps meaning. */
export interface PageContext {
  /** Path, URL or "-" exactly as the user named the input. */
  source: string;
  /** Final URL after redirects, or a URL the page declares about itself. */
  url: string | null;
  /** Publication date given by the user (`--published`), YYYY-MM-DD. */
  published: string | null;
  /** Capture moment (`--fetched`) as an ISO 8601 date-time; relative stamps resolve against it. */
  fetched: string | null;
}

export type PageFormat = 'text' | 'html';

/** A page after ingest: decoded to a JS string, format decided. */
export interface DecodedPage {
  context: PageContext;
  format: PageFormat;
  text: string;
  /** Character set the bytes were decoded from (for diagnostics). */
  encoding: string;
}

export type RemovalReason =
  | 'advertisement'
  | 'promo'
  | 'navigation'
  | 'caption'
  | 'credit'
  | 'bio'
  | 'disclaimer'
  | 'comments'
  | 'duplicate'
  | 'widget'
  | 'other';

export interface Removal {
  text: string;
  reason: RemovalReason;
  /** Name of the rule that removed it, so any removal can be traced to one rule. */
  rule: string;
}

export type PublishedBasis = 'metadata' | 'stamp' | 'relative' | 'given' | 'content';

export interface Published {
  /** The stamp exactly as the page wrote it, e.g. "2 days ago". */
  text: string | null;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string | null;
  basis: PublishedBasis | null;
}

export interface Span {
  start: number;
  end: number;
}

export type ArticleRole = 'main' | 'related';

/** The analysis stage adds its fields (entities, quotes, dates, numbers, genre) to each article. */
export interface Article extends Partial<Analysis> {
  /** Stable content hash of the article's title and text. */
  id: string;
  role: ArticleRole;
  title: string | null;
  dek: string | null;
  outlet: string | null;
  authors: string[];
  url: string | null;
  language: string;
  published: Published;
  /** Body paragraphs joined by a blank line. */
  text: string;
  /** Offsets into `text`, one per paragraph. */
  paragraphs: Span[];
}

export interface PageResult {
  source: string;
  format: PageFormat;
  articles: Article[];
  removed: Removal[];
}

/** Options every stage may read. Nothing reads the clock: the moments come in here. */
export interface CleanOptions {
  published?: string | null;
  fetched?: string | null;
}
