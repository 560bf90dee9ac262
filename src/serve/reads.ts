/**
 * The reads the API can hand to a reader thread, by name, with plain-data arguments and answers
 * (they cross a thread boundary by structured clone).
 */
import { articleDetail, entitySummaries, listArticles, listOutlets, type ArticleFilters, type Page } from '../store/browse.js';
import type { Store } from '../store/open.js';
import { listStories, quotesBySpeaker, storyDetailJson, timeline, type QuoteFilters, type StoryFilters, type TimelineFilters } from '../store/queries.js';
import { search, type SearchFilters } from '../store/search.js';

const READS = {
  stories: (store: Store, filters: StoryFilters) => listStories(store, filters),
  /** JSON text: a stored story page is sent as it is kept. */
  story: (store: Store, id: number) => storyDetailJson(store, id),
  timeline: (store: Store, filters: TimelineFilters) => timeline(store, filters),
  quotes: (store: Store, filters: QuoteFilters) => quotesBySpeaker(store, filters),
  search: (store: Store, query: { q: string; filters: SearchFilters }) => search(store, query.q, query.filters),
  articles: (store: Store, filters: ArticleFilters) => listArticles(store, filters),
  /** JSON text, written in the reader thread: the main thread only sends it. */
  article: async (store: Store, id: number) => {
    const article = await articleDetail(store, id);
    return article && JSON.stringify(article);
  },
  outlets: (store: Store, page: Page) => listOutlets(store, page),
  /** Every entity with its count: one grouped pass over all mentions, remembered per corpus state by the caller. */
  entities: (store: Store) => entitySummaries(store),
};

export type ReadOp = keyof typeof READS;
export type ReadRequest<K extends ReadOp> = { op: K; args: Parameters<(typeof READS)[K]>[1] };
export type ReadResult<K extends ReadOp> = Awaited<ReturnType<(typeof READS)[K]>>;

export function runRead<K extends ReadOp>(store: Store, request: ReadRequest<K>): Promise<ReadResult<K>> {
  const read = READS[request.op] as (store: Store, args: ReadRequest<K>['args']) => Promise<ReadResult<K>>;
  return read(store, request.args);
}
