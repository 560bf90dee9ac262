/**
 * Ranked full-text search with highlighted snippets: SQLite FTS5 (bm25, snippet) or PostgreSQL
 * (ts_rank, ts_headline). Filters narrow by outlet, date, entity and story. The user's words are
 * passed as data, never as query syntax: FTS5 gets each word quoted, Postgres plainto_tsquery.
 */
import { sql } from 'kysely';
import { entityIdsFor } from './queries.js';
import type { Store } from './open.js';
import { resolveStoryId } from './stories.js';

export interface SearchFilters {
  outlet?: string | null;
  since?: string | null;
  until?: string | null;
  entity?: string | null;
  story?: number | null;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: number;
  title: string | null;
  outlet: string | null;
  published: string | null;
  story: number | null;
  source: string;
  /** A passage with the matched words between [[ and ]]. */
  snippet: string;
  rank: number;
}

export const HIGHLIGHT_OPEN = '[[';
export const HIGHLIGHT_CLOSE = ']]';

function ftsQuery(text: string): string {
  const terms = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return terms.map((t) => `"${t}"`).join(' ');
}

export async function search(store: Store, text: string, filters: SearchFilters = {}): Promise<SearchHit[]> {
  const { db } = store;
  const match = ftsQuery(text);
  if (!match) return [];
  const story = filters.story != null ? await resolveStoryId(db, filters.story) : null;
  if (filters.story != null && story === null) return [];
  const entityIds = filters.entity ? await entityIdsFor(db, filters.entity) : null;
  if (entityIds && entityIds.length === 0) return [];
  const postgres = store.backend === 'postgres';
  const tsquery = sql`plainto_tsquery('english', ${text})`;
  const rank = postgres ? sql<number>`ts_rank(articles.search, ${tsquery})` : sql<number>`-bm25(articles_fts, 4.0, 1.0)`;
  // SQLite's sorter would compute a snippet for every match before the LIMIT; snippets for the
  // page of results are read afterwards instead (sqliteSnippets).
  const snippet = postgres
    ? sql<string>`ts_headline('english', articles.body, ${tsquery}, ${`StartSel=${HIGHLIGHT_OPEN}, StopSel=${HIGHLIGHT_CLOSE}, MaxWords=24, MinWords=8, MaxFragments=1`})`
    : sql<string>`''`;
  const matches = postgres ? sql<boolean>`articles.search @@ ${tsquery}` : sql<boolean>`articles_fts match ${match}`;
  let query = db
    .selectFrom('articles')
    .innerJoin('pages', 'pages.id', 'articles.page_id')
    // bm25() and snippet() need the FTS5 table itself in the FROM clause.
    .$if(!postgres, (qb) => qb.innerJoin('articles_fts', 'articles_fts.rowid', 'articles.id'))
    .select(['articles.id', 'articles.title', 'articles.outlet', 'articles.published', 'articles.story_id', 'pages.source', rank.as('rank'), snippet.as('snippet')])
    .where('articles.canonical_id', 'is', null)
    .where(matches);
  if (filters.outlet) query = query.where(sql`lower(articles.outlet)`, '=', filters.outlet.toLowerCase());
  if (filters.since) query = query.where('articles.published', '>=', filters.since);
  if (filters.until) query = query.where('articles.published', '<=', filters.until);
  if (story !== null) query = query.where('articles.story_id', '=', story);
  if (entityIds) {
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('article_entities').select('article_entities.article_id').whereRef('article_entities.article_id', '=', 'articles.id').where('article_entities.entity_id', 'in', entityIds)),
    );
  }
  const rows = await query
    .orderBy('rank', 'desc')
    .orderBy('articles.id')
    .limit(filters.limit ?? 20)
    .offset(filters.offset ?? 0)
    .execute();
  const snippets = postgres ? null : await sqliteSnippets(store, match, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    outlet: r.outlet,
    published: r.published,
    story: r.story_id,
    source: r.source,
    snippet: snippets ? (snippets.get(r.id) ?? '') : r.snippet,
    rank: Math.round(Number(r.rank) * 1e4) / 1e4,
  }));
}

async function sqliteSnippets(store: Store, match: string, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ rowid: number; snippet: string }>`select rowid, snippet(articles_fts, 1, ${HIGHLIGHT_OPEN}, ${HIGHLIGHT_CLOSE}, '…', 24) as snippet
    from articles_fts where articles_fts match ${match} and rowid in (${sql.join(ids)})`.execute(store.db);
  return new Map(rows.map((r) => [Number(r.rowid), r.snippet]));
}
