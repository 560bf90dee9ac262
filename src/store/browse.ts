/**
 * Browsing the corpus: its entities with article counts, its articles (a list, and one article
 * with everything stored about it: clean text, analysis offsets into that text, the page's
 * removals), and its outlets with their counts and genre mix. Used by the HTTP API; every list
 * is bounded by a limit. Copies (articles with a canonical) are never counted as articles.
 */
import { type Kysely, sql } from 'kysely';
import type { Store } from './open.js';
import type { Database } from './schema.js';
import { resolveStoryId } from './stories.js';

type Db = Kysely<Database>;

export interface Page {
  limit?: number;
  offset?: number;
}

/**
 * Remembers a derived value while the corpus does not change (the server keys it by corpus
 * state); without one every call computes afresh.
 */
export type Memo = <T>(key: string, compute: () => Promise<T>) => Promise<T>;

export const noMemo: Memo = (_key, compute) => compute();

export interface EntitySummary {
  id: number;
  name: string;
  type: string;
  /** Distinct articles mentioning it, copies excluded. */
  articles: number;
}

export interface EntityFilters extends Page {
  /** Part of the name, any case. */
  q?: string | null;
  type?: string | null;
}

/**
 * Every entity mentioned by at least one article that is not a copy, most articles first, then by
 * name and ID. One grouped pass over the mentions; the listing filters it, so a name search costs
 * a scan of names rather than a count per matching entity.
 */
export async function entitySummaries(store: Store): Promise<EntitySummary[]> {
  const counts = await store.db
    .selectFrom('article_entities')
    .innerJoin('articles', 'articles.id', 'article_entities.article_id')
    .select(['article_entities.entity_id', sql<number>`count(distinct article_entities.article_id)`.as('n')])
    .where('articles.canonical_id', 'is', null)
    .groupBy('article_entities.entity_id')
    .execute();
  const byId = new Map(counts.map((c) => [c.entity_id, Number(c.n)]));
  const entities = await store.db.selectFrom('entities').select(['id', 'name', 'type']).execute();
  return entities
    .filter((e) => byId.has(e.id))
    .map((e) => ({ id: e.id, name: e.name, type: e.type, articles: byId.get(e.id)! }))
    .sort((a, b) => b.articles - a.articles || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
}

/** One page of `all` (as entitySummaries orders them) matching the filters. */
export function filterEntities(all: EntitySummary[], filters: EntityFilters = {}): EntitySummary[] {
  const q = filters.q?.toLowerCase() ?? null;
  const offset = filters.offset ?? 0;
  const limit = filters.limit ?? 50;
  const out: EntitySummary[] = [];
  let skipped = 0;
  for (const entity of all) {
    if (filters.type && entity.type !== filters.type) continue;
    if (q && !entity.name.toLowerCase().includes(q)) continue;
    if (skipped++ < offset) continue;
    out.push(entity);
    if (out.length >= limit) break;
  }
  return out;
}

/** The outlet names as stored that match `name` in any case (an index scan of distinct names). */
export async function outletNamed(store: Store, name: string, memo: Memo = noMemo): Promise<string[]> {
  const names = await memo('outlet-names', async () =>
    (await store.db.selectFrom('articles').select('outlet').where('outlet', 'is not', null).groupBy('outlet').execute()).map((r) => r.outlet!),
  );
  const wanted = name.toLowerCase();
  return names.filter((n) => n.toLowerCase() === wanted);
}

export interface ArticleSummary {
  id: number;
  role: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  genre: string | null;
  story: number | null;
  canonical: number | null;
  copyKind: string | null;
  source: string;
  url: string | null;
  words: number;
}

export interface ArticleFilters extends Page {
  story?: number | null;
  /** An outlet name in any case. */
  outlet?: string | null;
  /** Outlet names exactly as stored (already resolved from `outlet`); takes its place. */
  outlets?: string[] | null;
  role?: 'main' | 'related' | null;
  /** `exclude` leaves out copies of other articles. */
  copies?: 'include' | 'exclude';
}

/** Articles, newest first (by the day the linker placed them on, undated last, then by ID). */
export async function listArticles(store: Store, filters: ArticleFilters = {}, memo: Memo = noMemo): Promise<ArticleSummary[]> {
  const { db } = store;
  let query = db
    .selectFrom('articles')
    .innerJoin('pages', 'pages.id', 'articles.page_id')
    .select([
      'articles.id', 'articles.role', 'articles.title', 'articles.outlet', 'articles.published', 'articles.genre', 'articles.story_id',
      'articles.canonical_id', 'articles.copy_kind', 'pages.source', 'articles.url', 'articles.word_count',
    ]);
  if (filters.story != null) {
    const story = await resolveStoryId(db, filters.story);
    if (story === null) return [];
    query = query.where('articles.story_id', '=', story);
  }
  if (filters.outlets || filters.outlet) {
    // Matched in any case through the outlet index: the stored spellings first, then `in`.
    const outlets = filters.outlets ?? (await outletNamed(store, filters.outlet!, memo));
    if (outlets.length === 0) return [];
    query = query.where('articles.outlet', 'in', outlets);
  }
  if (filters.role) query = query.where('articles.role', '=', filters.role);
  // Not `canonical_id is null`: that would tempt SQLite to read the canonical index and sort the
  // whole corpus, where walking the date index and skipping copies reads one page of rows.
  if (filters.copies === 'exclude') query = query.where(sql<boolean>`coalesce(articles.canonical_id, 0) = 0`);
  const rows = await query
    // The date index walked backwards; NULLS LAST makes PostgreSQL agree with SQLite on undated articles.
    .orderBy('articles.event_date', (o) => o.desc().nullsLast())
    .orderBy('articles.id', 'desc')
    .limit(filters.limit ?? 50)
    .offset(filters.offset ?? 0)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    title: r.title,
    outlet: r.outlet,
    published: r.published,
    genre: r.genre,
    story: r.story_id,
    canonical: r.canonical_id,
    copyKind: r.copy_kind,
    source: r.source,
    url: r.url,
    words: r.word_count,
  }));
}

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

export interface ArticleDetail {
  id: number;
  role: string;
  title: string | null;
  dek: string | null;
  outlet: string | null;
  authors: string[];
  published: { date: string | null; text: string | null; basis: string | null };
  language: string;
  genre: string | null;
  genreSignals: { signal: string; genre: string; weight: number; evidence: string | null }[];
  note: string | null;
  /** The clean body; every offset below points into it. */
  text: string;
  paragraphs: Span[];
  source: string;
  url: string | null;
  page: { id: number; source: string; url: string | null; fetched: string | null; added: string; format: string; version: number; superseded: boolean };
  canonical: number | null;
  copyKind: string | null;
  copies: number[];
  story: { id: number; label: string } | null;
  entities: { id: number; name: string; type: string; aliases: string[]; descriptions: TextSpan[]; mentions: TextSpan[] }[];
  quotes: (TextSpan & { kind: string; speaker: { name: string; entity: number | null; description: string | null } | null; cue: string | null })[];
  dates: (TextSpan & { value: string | null; type: string; basis: string; sentence: Span })[];
  numbers: (TextSpan & { value: number; unit: string | null; qualifier: string | null })[];
  /** What the cleaner removed from the article's page, in page order. */
  removed: { text: string; reason: string; rule: string }[];
}

function parsed<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const spans = (value: unknown): TextSpan[] =>
  Array.isArray(value) ? value.map((m: TextSpan) => ({ text: String(m.text ?? ''), start: Number(m.start), end: Number(m.end) })) : [];

/** How many copies of one article are listed (a wire story can be re-run hundreds of times). */
const MAX_COPIES_LISTED = 200;

export async function articleDetail(store: Store, id: number): Promise<ArticleDetail | null> {
  const { db } = store;
  const row = await db
    .selectFrom('articles')
    .innerJoin('pages', 'pages.id', 'articles.page_id')
    .leftJoin('stories', 'stories.id', 'articles.story_id')
    .select([
      'articles.id', 'articles.role', 'articles.title', 'articles.dek', 'articles.outlet', 'articles.authors', 'articles.published',
      'articles.published_text', 'articles.published_basis', 'articles.language', 'articles.genre', 'articles.genre_signals', 'articles.note',
      'articles.body', 'articles.paragraphs', 'articles.url', 'articles.canonical_id', 'articles.copy_kind', 'articles.story_id',
      'stories.label as story_label', 'pages.id as page_id', 'pages.source', 'pages.url as page_url', 'pages.fetched', 'pages.added_at',
      'pages.format', 'pages.version as page_version', 'pages.superseded',
    ])
    .where('articles.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  // One after another: SQLite has one connection, and on PostgreSQL each is a short indexed read.
  const copies = await db.selectFrom('articles').select('id').where('canonical_id', '=', id).orderBy('id').limit(MAX_COPIES_LISTED).execute();
  const entities = await db.selectFrom('article_entities').select(['entity_id', 'name', 'type', 'aliases', 'descriptions', 'mentions']).where('article_id', '=', id).orderBy('position').execute();
  const quotes = await db
    .selectFrom('quotes')
    .select(['text', 'span_start', 'span_end', 'kind', 'speaker_name', 'speaker_entity_id', 'speaker_description', 'cue'])
    .where('article_id', '=', id)
    .orderBy('position')
    .execute();
  const dates = await db.selectFrom('dates').select(['text', 'span_start', 'span_end', 'value', 'type', 'basis', 'sentence_start', 'sentence_end']).where('article_id', '=', id).orderBy('position').execute();
  const numbers = await db.selectFrom('numbers').select(['text', 'span_start', 'span_end', 'value', 'unit', 'qualifier']).where('article_id', '=', id).orderBy('position').execute();
  const removed = await db.selectFrom('removals').select(['text', 'reason', 'rule']).where('page_id', '=', row.page_id).orderBy('position').execute();
  return {
    id: row.id,
    role: row.role,
    title: row.title,
    dek: row.dek,
    outlet: row.outlet,
    authors: parsed<string[]>(row.authors, []),
    published: { date: row.published, text: row.published_text, basis: row.published_basis },
    language: row.language,
    genre: row.genre,
    genreSignals: parsed<ArticleDetail['genreSignals']>(row.genre_signals, []).map((s) => ({ signal: s.signal, genre: s.genre, weight: s.weight, evidence: s.evidence ?? null })),
    note: row.note,
    text: row.body,
    paragraphs: parsed<Span[]>(row.paragraphs, []).map((p) => ({ start: p.start, end: p.end })),
    source: row.source,
    url: row.url,
    page: {
      id: row.page_id,
      source: row.source,
      url: row.page_url,
      fetched: row.fetched,
      added: row.added_at,
      format: row.format,
      version: row.page_version,
      superseded: Boolean(row.superseded),
    },
    canonical: row.canonical_id,
    copyKind: row.copy_kind,
    copies: copies.map((c) => c.id),
    story: row.story_id !== null ? { id: row.story_id, label: row.story_label ?? '' } : null,
    entities: entities.map((e) => ({
      id: e.entity_id,
      name: e.name,
      type: e.type,
      aliases: parsed<string[]>(e.aliases, []),
      descriptions: spans(parsed(e.descriptions, [])),
      mentions: spans(parsed(e.mentions, [])),
    })),
    quotes: quotes.map((q) => ({
      text: q.text,
      start: q.span_start,
      end: q.span_end,
      kind: q.kind,
      speaker: q.speaker_name !== null ? { name: q.speaker_name, entity: q.speaker_entity_id, description: q.speaker_description } : null,
      cue: q.cue,
    })),
    dates: dates.map((d) => ({
      text: d.text,
      start: d.span_start,
      end: d.span_end,
      value: d.value,
      type: d.type,
      basis: d.basis,
      sentence: { start: d.sentence_start, end: d.sentence_end },
    })),
    numbers: numbers.map((n) => ({ text: n.text, start: n.span_start, end: n.span_end, value: Number(n.value), unit: n.unit, qualifier: n.qualifier })),
    removed,
  };
}

export interface OutletSummary {
  outlet: string;
  /** Articles of its own, copies excluded. */
  articles: number;
  /** Copies of other articles it carried (wire re-runs). */
  copies: number;
  stories: number;
  /** Genre of its own articles: reporting, opinion, analysis (or unknown). */
  genres: Record<string, number>;
}

export async function listOutlets(store: Store, page: Page = {}): Promise<OutletSummary[]> {
  const { db } = store;
  const own = sql<number>`sum(case when articles.canonical_id is null then 1 else 0 end)`;
  const rows = await db
    .selectFrom('articles')
    .select([
      'articles.outlet',
      own.as('articles'),
      sql<number>`sum(case when articles.canonical_id is null then 0 else 1 end)`.as('copies'),
      sql<number>`count(distinct articles.story_id)`.as('stories'),
    ])
    .where('articles.outlet', 'is not', null)
    .groupBy('articles.outlet')
    .orderBy(own, 'desc')
    .orderBy('articles.outlet')
    .limit(page.limit ?? 50)
    .offset(page.offset ?? 0)
    .execute();
  if (rows.length === 0) return [];
  const genres = await genreMix(db, rows.map((r) => r.outlet!));
  return rows.map((r) => ({
    outlet: r.outlet!,
    articles: Number(r.articles),
    copies: Number(r.copies),
    stories: Number(r.stories),
    genres: genres.get(r.outlet!) ?? {},
  }));
}

async function genreMix(db: Db, outlets: string[]): Promise<Map<string, Record<string, number>>> {
  const rows = await db
    .selectFrom('articles')
    .select(['outlet', 'genre', sql<number>`count(*)`.as('n')])
    .where('outlet', 'in', outlets)
    .where('canonical_id', 'is', null)
    .groupBy(['outlet', 'genre'])
    .orderBy('outlet')
    .orderBy('genre')
    .execute();
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const mix = out.get(r.outlet!) ?? {};
    mix[r.genre ?? 'unknown'] = Number(r.n);
    out.set(r.outlet!, mix);
  }
  return out;
}
