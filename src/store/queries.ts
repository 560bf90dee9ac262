/**
 * What a user asks of the corpus: stories, one story, the timeline, who said what, search and
 * export rows. Every query is bounded (limits, indexed filters) so it stays fast on a large corpus.
 */
import { type Kysely, sql } from 'kysely';
import { variantKey } from '../analyze/entities.js';
import { buildTimeline, type EventMention, type TimelineEvent } from '../link/events.js';
import { words } from '../link/minhash.js';
import type { Store } from './open.js';
import type { Database } from './schema.js';
import { resolveStoryId } from './stories.js';
import { currentView, saveView, staleStories, storyRevision, type StoryViewText } from './views.js';

type Db = Kysely<Database>;

export interface StorySummary {
  id: number;
  label: string;
  first: string | null;
  last: string | null;
  articles: number;
  copies: number;
  outlets: string[];
}

export interface StoryFilters {
  since?: string | null;
  entity?: string | null;
  outlet?: string | null;
  limit?: number;
  offset?: number;
}

/** Corpus entity IDs a user's name refers to: any type, spelling variants and surnames included. */
export async function entityIdsFor(db: Db, name: string): Promise<number[]> {
  const key = variantKey(name).trim();
  const surname = key.split(/\s+/).at(-1) ?? key;
  const keys = [`p:${surname}`, `p:${key}`, `o:${key}`, `l:${key}`, `g:${key}`];
  const rows = await db.selectFrom('entities').select('id').where('key', 'in', keys).execute();
  return rows.map((r) => r.id);
}

async function outletsOf(db: Db, storyIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (storyIds.length === 0) return out;
  const rows = await db
    .selectFrom('articles')
    .select(['story_id', 'outlet'])
    .where('story_id', 'in', storyIds)
    .where('outlet', 'is not', null)
    .groupBy(['story_id', 'outlet'])
    .orderBy('outlet')
    .execute();
  for (const row of rows) out.set(row.story_id!, [...(out.get(row.story_id!) ?? []), row.outlet!]);
  return out;
}

export async function listStories(store: Store, filters: StoryFilters = {}): Promise<StorySummary[]> {
  const { db } = store;
  let query = db.selectFrom('stories').select(['id', 'label', 'first_date', 'last_date', 'article_count', 'copy_count']).where('merged_into', 'is', null).where('article_count', '>', 0);
  if (filters.since) query = query.where('last_date', '>=', filters.since);
  if (filters.outlet) {
    const outlet = filters.outlet.toLowerCase();
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('articles').select('articles.id').whereRef('articles.story_id', '=', 'stories.id').where(sql`lower(articles.outlet)`, '=', outlet)),
    );
  }
  if (filters.entity) {
    const ids = await entityIdsFor(db, filters.entity);
    if (ids.length === 0) return [];
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_entities')
          .innerJoin('articles', 'articles.id', 'article_entities.article_id')
          .select('articles.id')
          .whereRef('articles.story_id', '=', 'stories.id')
          .where('article_entities.entity_id', 'in', ids),
      ),
    );
  }
  const rows = await query
    .orderBy('last_date', (o) => o.desc().nullsLast())
    .orderBy('id', 'desc')
    .limit(filters.limit ?? 50)
    .offset(filters.offset ?? 0)
    .execute();
  const outlets = await outletsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ id: r.id, label: r.label, first: r.first_date, last: r.last_date, articles: r.article_count, copies: r.copy_count, outlets: outlets.get(r.id) ?? [] }));
}

export interface ArticleRef {
  id: number;
  title: string | null;
  outlet: string | null;
  published: string | null;
  genre: string | null;
  source: string;
  url: string | null;
  canonical: number | null;
}

/** Articles of one story read for its page (the largest stories are cut there). */
const STORY_ARTICLES = 5000;

async function storyArticles(db: Db, story: number): Promise<ArticleRef[]> {
  const rows = await db
    .selectFrom('articles')
    .innerJoin('pages', 'pages.id', 'articles.page_id')
    .select(['articles.id', 'articles.title', 'articles.outlet', 'articles.published', 'articles.genre', 'pages.source', 'articles.url', 'articles.canonical_id', 'articles.event_date'])
    .where('articles.story_id', '=', story)
    .orderBy('articles.event_date')
    .orderBy('articles.id')
    .limit(STORY_ARTICLES)
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, outlet: r.outlet, published: r.published, genre: r.genre, source: r.source, url: r.url, canonical: r.canonical_id }));
}

async function dateMentions(db: Db, articleIds: number[]): Promise<EventMention[]> {
  const mentions: EventMention[] = [];
  for (let i = 0; i < articleIds.length; i += 500) {
    const rows = await db
      .selectFrom('dates')
      .innerJoin('articles', 'articles.id', 'dates.article_id')
      .select(['dates.article_id', 'articles.outlet', 'articles.published', 'dates.value', 'dates.text', 'dates.span_start', 'dates.span_end', 'dates.sentence_start', 'dates.sentence_end', 'articles.body'])
      .where('dates.article_id', 'in', articleIds.slice(i, i + 500))
      .where('dates.type', '=', 'date')
      .where('dates.value', 'is not', null)
      .where('dates.basis', '!=', 'inferred')
      .execute();
    for (const r of rows) {
      if (!/^\d{4}-\d{2}(-\d{2})?$/.test(r.value!)) continue;
      mentions.push({
        articleId: r.article_id,
        outlet: r.outlet,
        published: r.published,
        value: r.value!,
        text: r.text,
        sentence: r.body.slice(r.sentence_start, r.sentence_end).trim(),
        start: r.span_start,
        end: r.span_end,
      });
    }
  }
  return mentions;
}

export interface TimelineFilters {
  story?: number | null;
  entity?: string | null;
  limit?: number;
}

/** Canonical articles only: a copy repeats its original's dates and would double every event. */
async function timelineArticles(db: Db, filters: TimelineFilters): Promise<number[]> {
  let query = db.selectFrom('articles').select('articles.id').where('articles.canonical_id', 'is', null).where('articles.role', '=', 'main');
  if (filters.story != null) {
    const story = await resolveStoryId(db, filters.story);
    if (story === null) return [];
    query = query.where('articles.story_id', '=', story);
  }
  if (filters.entity) {
    const ids = await entityIdsFor(db, filters.entity);
    if (ids.length === 0) return [];
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('article_entities').select('article_entities.article_id').whereRef('article_entities.article_id', '=', 'articles.id').where('article_entities.entity_id', 'in', ids)),
    );
  }
  const rows = await query.orderBy('articles.event_date', 'desc').orderBy('articles.id', 'desc').limit(filters.limit ?? (filters.story != null ? STORY_ARTICLES : 500)).execute();
  return rows.map((r) => r.id);
}

/** A story's stored page when the filters ask for nothing else than the story. */
async function storyOnlyView(db: Db, filters: { story?: number | null; limit?: number }, others: unknown[]): Promise<StoryViewText | null> {
  if (filters.story == null || filters.limit !== undefined || others.some((o) => o != null && o !== '')) return null;
  const story = await resolveStoryId(db, filters.story);
  return story === null ? null : currentView(db, story);
}

export async function timeline(store: Store, filters: TimelineFilters = {}): Promise<TimelineEvent[]> {
  const view = await storyOnlyView(store.db, filters, [filters.entity]);
  if (view) return JSON.parse(view.timeline) as TimelineEvent[];
  const articles = await timelineArticles(store.db, filters);
  return buildTimeline(await dateMentions(store.db, articles));
}

export interface QuoteSource {
  articleId: number;
  outlet: string | null;
  published: string | null;
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

/** Quote rows read for one answer (a story's page included). */
const QUOTE_ROWS = 2000;

export interface QuoteFilters {
  speaker?: string | null;
  story?: number | null;
  limit?: number;
}

/** Who said what: quotes grouped by corpus speaker, one entry per quote however many outlets carried it. */
export async function quotesBySpeaker(store: Store, filters: QuoteFilters = {}): Promise<SpeakerQuotes[]> {
  const { db } = store;
  const view = await storyOnlyView(db, filters, [filters.speaker]);
  if (view) return JSON.parse(view.quotes) as SpeakerQuotes[];
  let query = db
    .selectFrom('quotes')
    .innerJoin('articles', 'articles.id', 'quotes.article_id')
    .innerJoin('pages', 'pages.id', 'articles.page_id')
    .leftJoin('entities', 'entities.id', 'quotes.speaker_entity_id')
    .select([
      'quotes.text', 'quotes.kind', 'quotes.text_key', 'quotes.speaker_name', 'quotes.speaker_entity_id', 'quotes.speaker_description',
      'quotes.span_start', 'quotes.span_end', 'articles.id as article_id', 'articles.outlet', 'articles.published', 'pages.source', 'entities.name as entity_name',
    ])
    .where('quotes.kind', '!=', 'scare')
    .where('quotes.speaker_name', 'is not', null);
  if (filters.story != null) {
    const story = await resolveStoryId(db, filters.story);
    if (story === null) return [];
    query = query.where('articles.story_id', '=', story);
  }
  if (filters.speaker) {
    const ids = await entityIdsFor(db, filters.speaker);
    const key = variantKey(filters.speaker);
    query = query.where((eb) => eb.or([eb('quotes.speaker_entity_id', 'in', ids.length ? ids : [-1]), eb(sql`lower(quotes.speaker_name)`, '=', filters.speaker!.toLowerCase()), eb(sql`lower(quotes.speaker_name)`, '=', key)]));
  }
  const rows = await query.orderBy('articles.published').orderBy('quotes.article_id').orderBy('quotes.position').limit(filters.limit ?? QUOTE_ROWS).execute();
  const speakers = new Map<string, SpeakerQuotes & { byText: Map<string, GroupedQuote> }>();
  for (const row of rows) {
    const key = row.speaker_entity_id !== null ? `e${row.speaker_entity_id}` : `n:${variantKey(row.speaker_name!)}`;
    let speaker = speakers.get(key);
    if (!speaker) {
      speaker = { speaker: row.entity_name ?? row.speaker_name!, entity: row.speaker_entity_id, descriptions: [], quotes: [], byText: new Map() };
      speakers.set(key, speaker);
    }
    if (row.speaker_description && !speaker.descriptions.includes(row.speaker_description)) speaker.descriptions.push(row.speaker_description);
    const textKey = row.text_key || words(row.text).join(' ');
    let quote = speaker.byText.get(textKey);
    if (!quote) {
      quote = { text: row.text, kind: row.kind, sources: [] };
      speaker.byText.set(textKey, quote);
      speaker.quotes.push(quote);
    }
    quote.sources.push({ articleId: row.article_id, outlet: row.outlet, published: row.published, source: row.source, start: row.span_start, end: row.span_end });
  }
  return [...speakers.values()]
    .map(({ byText: _byText, ...rest }) => rest)
    .sort((a, b) => b.quotes.length - a.quotes.length || (a.speaker < b.speaker ? -1 : 1));
}

export interface StoryDetail extends StorySummary {
  /** Set when the ID asked for was merged into this story. */
  redirectedFrom: number | null;
  outletCoverage: { outlet: string; articles: number; genres: Record<string, number>; events: string[]; quotes: number }[];
  entities: { name: string; type: string; articles: number }[];
  timeline: TimelineEvent[];
  quotes: SpeakerQuotes[];
  articleList: ArticleRef[];
}

async function storyEntities(db: Db, story: number) {
  const rows = await db
    .selectFrom('article_entities')
    .innerJoin('articles', 'articles.id', 'article_entities.article_id')
    .innerJoin('entities', 'entities.id', 'article_entities.entity_id')
    .select(['entities.name', 'entities.type', sql<number>`count(distinct articles.id)`.as('articles')])
    .where('articles.story_id', '=', story)
    .where('articles.canonical_id', 'is', null)
    .groupBy(['entities.id', 'entities.name', 'entities.type'])
    .orderBy(sql`count(distinct articles.id)`, 'desc')
    .orderBy('entities.name')
    .limit(15)
    .execute();
  return rows.map((r) => ({ name: r.name, type: r.type, articles: Number(r.articles) }));
}

/** A story's page computed from its articles now (`redirectedFrom` left null). */
async function computeStoryDetail(store: Store, id: number): Promise<StoryDetail | null> {
  const { db } = store;
  const [summary] = await db
    .selectFrom('stories')
    .select(['id', 'label', 'first_date', 'last_date', 'article_count', 'copy_count'])
    .where('id', '=', id)
    .execute();
  if (!summary) return null;
  const articleList = await storyArticles(db, id);
  const events = await timeline(store, { story: id, limit: STORY_ARTICLES });
  const quotes = await quotesBySpeaker(store, { story: id, limit: QUOTE_ROWS });
  const coverage = new Map<string, StoryDetail['outletCoverage'][number]>();
  for (const article of articleList) {
    const outlet = article.outlet ?? '(unknown outlet)';
    const entry = coverage.get(outlet) ?? { outlet, articles: 0, genres: {}, events: [], quotes: 0 };
    entry.articles++;
    const genre = article.genre ?? 'unknown';
    entry.genres[genre] = (entry.genres[genre] ?? 0) + 1;
    coverage.set(outlet, entry);
  }
  for (const event of events) for (const outlet of event.outlets) coverage.get(outlet)?.events.push(event.id);
  for (const speaker of quotes) for (const quote of speaker.quotes) for (const outlet of new Set(quote.sources.map((s) => s.outlet ?? '(unknown outlet)'))) { const entry = coverage.get(outlet); if (entry) entry.quotes++; }
  return {
    id,
    label: summary.label,
    first: summary.first_date,
    last: summary.last_date,
    articles: summary.article_count,
    copies: summary.copy_count,
    outlets: [...coverage.keys()].sort(),
    redirectedFrom: null,
    outletCoverage: [...coverage.values()].sort((a, b) => b.articles - a.articles || (a.outlet < b.outlet ? -1 : 1)),
    entities: await storyEntities(db, id),
    timeline: events,
    quotes,
    articleList,
  };
}

function viewText(detail: StoryDetail): StoryViewText {
  const { timeline: events, quotes, ...rest } = detail;
  return { detail: JSON.stringify(rest), timeline: JSON.stringify(events), quotes: JSON.stringify(quotes) };
}

/**
 * A story as JSON text: its stored page when current, else computed now. `redirectedFrom` names
 * the ID asked for when it was merged into this story.
 */
export async function storyDetailJson(store: Store, requested: number): Promise<string | null> {
  const id = await resolveStoryId(store.db, requested);
  if (id === null) return null;
  let view = await currentView(store.db, id);
  if (!view) {
    const live = await computeStoryDetail(store, id);
    if (!live) return null;
    view = viewText(live);
  }
  const detail = id === requested ? view.detail : JSON.stringify({ ...(JSON.parse(view.detail) as object), redirectedFrom: requested });
  // The parts are JSON objects and arrays written by viewText: joined as text, not parsed again.
  return `${detail.slice(0, -1)},"timeline":${view.timeline},"quotes":${view.quotes}}`;
}

export async function storyDetail(store: Store, requested: number): Promise<StoryDetail | null> {
  const text = await storyDetailJson(store, requested);
  return text === null ? null : (JSON.parse(text) as StoryDetail);
}

export interface RefreshOptions {
  signal?: AbortSignal;
  /** Called after each batch with the number of pages computed so far. */
  progress?: (done: number) => void;
}

/**
 * Computes the stored page of every story whose page is missing or stale (see views.ts). Run
 * after writes (an ingest batch, a feed poll, a served job); a story that changes while its page
 * is computed is left stale for the next run rather than stored out of date.
 */
export async function refreshStoryViews(store: Store, options: RefreshOptions = {}): Promise<number> {
  let done = 0;
  let after = 0;
  for (;;) {
    const batch = await staleStories(store.db, after, 200);
    if (batch.length === 0) return done;
    for (const { id } of batch) {
      if (options.signal?.aborted) return done;
      const revision = await storyRevision(store.db, id);
      if (revision === null) continue;
      const live = await computeStoryDetail(store, id);
      if (live && (await saveView(store.db, id, revision, viewText(live)))) done++;
      // SQLite answers synchronously, so without a turn of the event loop here a server
      // refreshing thousands of pages at start-up would answer no request until it finished.
      await new Promise((resolve) => setImmediate(resolve));
    }
    after = batch.at(-1)!.id;
    options.progress?.(done);
  }
}
