/**
 * The reads the API can hand to a reader thread, by name, with plain-data arguments and answers
 * (they cross a thread boundary by structured clone).
 */
import { articleDetail, entitySummaries, listArticles, listOutlets, type ArticleFilters, type Page } from '../store/browse.js';
import type { Store } from '../store/open.js';
import { listStories, quotesBySpeaker, storyDetailJson, timeline, type QuoteFilters, type StoryFilters, type TimelineFilters } from '../store/queries.js';
import { search, type SearchFilters } from '../store/search.js';

export interface Paged {
  limit: number;
  offset: number;
}

export function page<T>(items: T[], limit: number, offset: number) {
  return { items, limit, offset };
}

/** Lists computed whole (timeline events, speakers) are paged after the fact. */
export function slice<T>(items: T[], limit: number, offset: number) {
  return page(items.slice(offset, offset + limit), limit, offset);
}

/**
 * Most answers leave the reader as JSON text: serialising there keeps it off the main thread,
 * which parses HTTP for every request, and a string crosses the thread boundary in one copy.
 */
const READS = {
  stories: async (store: Store, q: StoryFilters & Paged) => JSON.stringify(page(await listStories(store, q), q.limit, q.offset)),
  /** A stored story page is sent as it is kept. */
  story: (store: Store, id: number) => storyDetailJson(store, id),
  timeline: async (store: Store, q: TimelineFilters & Paged) => JSON.stringify(slice(await timeline(store, { story: q.story ?? null, entity: q.entity ?? null }), q.limit, q.offset)),
  quotes: async (store: Store, q: QuoteFilters & Paged) => JSON.stringify(slice(await quotesBySpeaker(store, { speaker: q.speaker ?? null, story: q.story ?? null }), q.limit, q.offset)),
  search: async (store: Store, query: { q: string; filters: SearchFilters & Paged }) => JSON.stringify(page(await search(store, query.q, query.filters), query.filters.limit, query.filters.offset)),
  articles: async (store: Store, filters: ArticleFilters & Paged) => JSON.stringify(page(await listArticles(store, filters), filters.limit, filters.offset)),
  article: async (store: Store, id: number) => {
    const article = await articleDetail(store, id);
    return article && JSON.stringify(article);
  },
  /** Values, not text: the caller keeps them per corpus state and pages them itself. */
  outlets: (store: Store, paging: Page) => listOutlets(store, paging),
  /** Every entity with its count: one grouped pass over all mentions. */
  entities: (store: Store) => entitySummaries(store),
};

export type ReadOp = keyof typeof READS;
export type ReadRequest<K extends ReadOp> = { op: K; args: Parameters<(typeof READS)[K]>[1] };
export type ReadResult<K extends ReadOp> = Awaited<ReturnType<(typeof READS)[K]>>;

export function runRead<K extends ReadOp>(store: Store, request: ReadRequest<K>): Promise<ReadResult<K>> {
  const read = READS[request.op] as (store: Store, args: ReadRequest<K>['args']) => Promise<ReadResult<K>>;
  return read(store, request.args);
}
