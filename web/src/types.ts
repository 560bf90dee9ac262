/** Response shapes of the JSON API, as documented in docs/api.md. */

export type DateText = string;

export interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
}

export interface StorySummary {
  id: number;
  label: string;
  first: DateText | null;
  last: DateText | null;
  articles: number;
  copies: number;
  outlets: string[];
}

export interface EventMention {
  articleId: number;
  outlet: string | null;
  published: DateText | null;
  value: string;
  text: string;
  sentence: string;
  start: number;
  end: number;
}

export interface TimelineEvent {
  id: string;
  date: string;
  summary: string;
  mentions: EventMention[];
  articles: number[];
  outlets: string[];
  conflicts: string[];
}

export interface QuoteSource {
  articleId: number;
  outlet: string | null;
  published: DateText | null;
  source: string;
  start: number;
  end: number;
}

export interface GroupedQuote {
  text: string;
  kind: string;
  sources: QuoteSource[];
}

export interface SpeakerQuotes {
  speaker: string;
  entity: number | null;
  descriptions: string[];
  quotes: GroupedQuote[];
}

export interface ArticleRef {
  id: number;
  title: string | null;
  outlet: string | null;
  published: DateText | null;
  genre: string | null;
  source: string;
  url: string | null;
  canonical: number | null;
}

export interface OutletCoverage {
  outlet: string;
  articles: number;
  genres: Record<string, number>;
  events: string[];
  quotes: number;
}

export interface StoryEntity {
  name: string;
  type: string;
  articles: number;
}

export interface StoryDetail extends StorySummary {
  redirectedFrom: number | null;
  outletCoverage: OutletCoverage[];
  entities: StoryEntity[];
  timeline: TimelineEvent[];
  quotes: SpeakerQuotes[];
  articleList: ArticleRef[];
}

export interface SearchHit {
  id: number;
  title: string | null;
  outlet: string | null;
  published: DateText | null;
  story: number | null;
  source: string;
  /** Matches between [[ and ]]. */
  snippet: string;
  rank: number;
}

export interface EntitySummary {
  id: number;
  name: string;
  type: string;
  articles: number;
}

export interface ArticleSummary {
  id: number;
  role: 'main' | 'related';
  title: string | null;
  outlet: string | null;
  published: DateText | null;
  genre: string | null;
  story: number | null;
  canonical: number | null;
  copyKind: string | null;
  source: string;
  url: string | null;
  words: number;
}

export interface Span {
  start: number;
  end: number;
}

export interface ArticleEntity {
  id: number;
  name: string;
  type: string;
  aliases: string[];
  descriptions: (Span & { text: string })[];
  mentions: (Span & { text: string })[];
}

export interface ArticleQuote extends Span {
  text: string;
  kind: string;
  speaker: { name: string; entity: number | null; description: string | null } | null;
  cue: string | null;
}

export interface ArticleDate extends Span {
  text: string;
  value: string | null;
  type: string;
  basis: string;
  sentence: Span;
}

export interface ArticleNumber extends Span {
  text: string;
  value: number;
  unit: string | null;
  qualifier: string | null;
}

export interface RemovedBlock {
  text: string;
  reason: string;
  rule: string;
}

export interface ArticleDetail {
  id: number;
  role: 'main' | 'related';
  title: string | null;
  dek: string | null;
  outlet: string | null;
  authors: string[];
  published: { date: DateText | null; text: string | null; basis: string | null };
  language: string;
  genre: string | null;
  genreSignals: { signal: string; genre: string; weight: number; evidence: string }[];
  note: string | null;
  text: string;
  paragraphs: Span[];
  source: string;
  url: string | null;
  page: { id: number; source: string; url: string | null; fetched: string | null; added: string; format: string; version: number; superseded: boolean };
  canonical: number | null;
  copyKind: string | null;
  copies: number[];
  story: { id: number; label: string } | null;
  entities: ArticleEntity[];
  quotes: ArticleQuote[];
  dates: ArticleDate[];
  numbers: ArticleNumber[];
  removed: RemovedBlock[];
}

export interface OutletSummary {
  outlet: string;
  articles: number;
  copies: number;
  stories: number;
  genres: Record<string, number>;
}

export interface Job {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  added: number;
  duplicates: number;
  updated: number;
  unchanged: number;
  failed: number;
  failures: { source: string; reason: string }[];
  stories: number;
  error: string | null;
  started: string;
  finished: string | null;
  /** Not in docs/api.md yet: the articles the job stored, when the server reports them. */
  articles?: number[];
}

export interface ApiErrorBody {
  error: { code: string; message: string };
}

export interface QueueDepth {
  name: string;
  queued: number;
  active: number;
  retry: number;
  failed: number;
  completed: number;
}

export interface DeadLetter {
  id: string;
  queue: string;
  source: string;
  reason: string;
  attempts: number;
  failedAt: DateText | null;
}

/** GET /api/queue: the shared ingest queue of a PostgreSQL corpus (`available: false` elsewhere). */
export type QueueAnswer =
  | { available: false; reason: string }
  | {
      available: true;
      queues: QueueDepth[];
      inputs: { pending: number; done: number; failed: number };
      pages: { waiting: number; prepared: number; linked: number; failed: number };
      throughput: { lastMinute: number; last5Minutes: number };
      oldestWaitingSeconds: number | null;
      deadLetters: DeadLetter[];
    };
