/**
 * The corpus schema as TypeScript types, for the query builder. One schema for both backends;
 * the tables are created by `migrations.ts`. JSON columns hold arrays/objects as text.
 * Offsets (span_start, span_end) are character offsets into the article's `body`.
 */
import type { Generated } from 'kysely';

export interface PageTable {
  id: Generated<number>;
  /** Path, URL or feed/WARC item exactly as added. */
  source: string;
  url: string | null;
  fetched: string | null;
  added_at: string;
  /** sha256 of the decoded text: the same source with the same hash is already in. */
  content_hash: string;
  format: string;
  encoding: string;
  /** The decoded page, gzip-compressed, so anything shown can be traced back to its page. */
  raw: Uint8Array;
  version: number;
  /** Whether a later version of the same source replaced this one. */
  superseded: number;
}

export interface ArticleTable {
  id: Generated<number>;
  /** Identity across versions: the page source, plus the related item's title for snippets. */
  key: string;
  page_id: number;
  version: number;
  role: string;
  position: number;
  title: string | null;
  dek: string | null;
  outlet: string | null;
  authors: string;
  url: string | null;
  language: string;
  published: string | null;
  published_basis: string | null;
  published_text: string | null;
  genre: string | null;
  genre_signals: string;
  note: string | null;
  body: string;
  paragraphs: string;
  text_hash: string;
  canonical_id: number | null;
  copy_kind: string | null;
  story_id: number | null;
  word_count: number;
  /** The day the linker placed the article on (publication, else its own latest date). */
  event_date: string | null;
  features: string;
  added_at: string;
}

export interface EntityTable {
  id: Generated<number>;
  /** Type-prefixed variant key: spelling variants share it ("p:zelenski"). */
  key: string;
  name: string;
  type: string;
}

export interface ArticleEntityTable {
  article_id: number;
  position: number;
  entity_id: number;
  name: string;
  type: string;
  aliases: string;
  descriptions: string;
  mentions: string;
  mention_count: number;
}

export interface QuoteTable {
  id: Generated<number>;
  article_id: number;
  position: number;
  text: string;
  span_start: number;
  span_end: number;
  kind: string;
  speaker_name: string | null;
  speaker_entity_id: number | null;
  speaker_description: string | null;
  cue: string | null;
  /** Normalised words of the quote: the same quote carried by several outlets shares it. */
  text_key: string;
}

export interface DateTable {
  id: Generated<number>;
  article_id: number;
  position: number;
  text: string;
  span_start: number;
  span_end: number;
  value: string | null;
  type: string;
  basis: string;
  /** The sentence that dates the event, as offsets into the body. */
  sentence_start: number;
  sentence_end: number;
}

export interface NumberTable {
  article_id: number;
  position: number;
  text: string;
  span_start: number;
  span_end: number;
  value: number;
  unit: string | null;
  qualifier: string | null;
}

export interface RemovalTable {
  page_id: number;
  position: number;
  text: string;
  reason: string;
  rule: string;
}

export interface StoryTable {
  id: Generated<number>;
  label: string;
  first_date: string | null;
  last_date: string | null;
  /** Distinct articles, copies not counted. */
  article_count: number;
  copy_count: number;
  profile: string;
  /** Set when the story was merged into another: its ID redirects there. */
  merged_into: number | null;
  updated_at: string;
  /** Bumped by every write that changes what the story's page shows (see story_views). */
  revision: Generated<number>;
}

/** A story's page as served, computed at one revision of the story; JSON text. */
export interface StoryViewTable {
  story_id: number;
  revision: number;
  /** The story without its timeline and quotes. */
  detail: string;
  timeline: string;
  quotes: string;
}

export interface StoryKeyTable {
  key: string;
  story_id: number;
  /** Day number of the story's last date, so idle stories drop out of candidate lookups. */
  last_day: number;
}

export interface CopyBandTable {
  band: string;
  article_id: number;
}

export interface TermDfTable {
  term: string;
  df: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** SQLite only: the FTS5 index over articles (PostgreSQL uses the `search` column instead). */
export interface ArticleFtsTable {
  rowid: number;
  title: string;
  body: string;
}

export interface Database {
  articles_fts: ArticleFtsTable;
  pages: PageTable;
  articles: ArticleTable;
  entities: EntityTable;
  article_entities: ArticleEntityTable;
  quotes: QuoteTable;
  dates: DateTable;
  numbers: NumberTable;
  removals: RemovalTable;
  stories: StoryTable;
  story_keys: StoryKeyTable;
  story_views: StoryViewTable;
  copy_bands: CopyBandTable;
  term_df: TermDfTable;
  meta: MetaTable;
}
