/**
 * Export rows for other tools, streamed page by page (keyset pagination on id), so exporting a
 * large corpus never holds it in memory. Column names are part of the export contract.
 */
import { sql } from 'kysely';
import type { Store } from './open.js';
import { timeline } from './queries.js';

export type ExportKind = 'articles' | 'quotes' | 'events' | 'entities' | 'stories';
export type Row = Record<string, string | number | null>;

const PAGE = 1000;

/** A copy's story is its canonical's; merged story IDs are followed to the live story. */
async function liveStories(store: Store): Promise<Map<number, number>> {
  const rows = await store.db.selectFrom('stories').select(['id', 'merged_into']).execute();
  const next = new Map(rows.map((r) => [r.id, r.merged_into]));
  const live = new Map<number, number>();
  for (const { id } of rows) {
    let current = id;
    for (let hop = 0; hop < 50 && next.get(current) != null; hop++) current = next.get(current)!;
    live.set(id, current);
  }
  return live;
}

/** Keyset pagination: fetches rows with id above the last one seen, PAGE at a time, and maps each. */
async function* pages<T extends { id: number }>(fetch: (after: number) => Promise<T[]>, map: (row: T) => Row | null): AsyncGenerator<Row> {
  let after = 0;
  for (;;) {
    const rows = await fetch(after);
    if (rows.length === 0) return;
    for (const row of rows) {
      const mapped = map(row);
      if (mapped) yield mapped;
    }
    after = rows.at(-1)!.id;
  }
}

async function* articles(store: Store): AsyncGenerator<Row> {
  const live = await liveStories(store);
  yield* pages(
    (after) =>
      store.db
        .selectFrom('articles')
        .innerJoin('pages', 'pages.id', 'articles.page_id')
        .select(['articles.id', 'pages.source', 'articles.story_id', 'articles.canonical_id', 'articles.copy_kind', 'articles.role', 'articles.position', 'articles.title', 'articles.outlet', 'articles.published', 'articles.genre', 'articles.language', 'articles.url', 'articles.authors', 'articles.word_count', 'articles.version'])
        .where('articles.id', '>', after)
        .orderBy('articles.id')
        .limit(PAGE)
        .execute(),
    (r) => ({
        id: r.id,
        // One row per source: a related-article snippet is named after the page that carried it.
        source: r.role === 'related' ? `${r.source}#related-${r.position}` : r.source,
        story: r.story_id === null ? null : (live.get(r.story_id) ?? r.story_id),
        canonical: r.canonical_id,
        copy_kind: r.copy_kind,
        role: r.role,
        title: r.title,
        outlet: r.outlet,
        published: r.published,
        genre: r.genre,
        language: r.language,
        url: r.url,
        authors: (JSON.parse(r.authors) as string[]).join('; '),
        words: r.word_count,
        version: r.version,
    }),
  );
}

async function* quotes(store: Store): AsyncGenerator<Row> {
  const live = await liveStories(store);
  yield* pages(
    (after) =>
      store.db
        .selectFrom('quotes')
        .innerJoin('articles', 'articles.id', 'quotes.article_id')
        .innerJoin('pages', 'pages.id', 'articles.page_id')
        .leftJoin('entities', 'entities.id', 'quotes.speaker_entity_id')
        .select(['quotes.id', 'quotes.article_id', 'articles.story_id', 'quotes.speaker_name', 'entities.name as entity_name', 'quotes.speaker_description', 'quotes.kind', 'quotes.cue', 'quotes.text', 'articles.outlet', 'articles.published', 'pages.source', 'quotes.span_start', 'quotes.span_end'])
        .where('quotes.id', '>', after)
        .orderBy('quotes.id')
        .limit(PAGE)
        .execute(),
    (r) => ({
        id: r.id,
        article: r.article_id,
        story: r.story_id === null ? null : (live.get(r.story_id) ?? r.story_id),
        speaker: r.entity_name ?? r.speaker_name,
        speaker_as_written: r.speaker_name,
        description: r.speaker_description,
        kind: r.kind,
        cue: r.cue,
        text: r.text,
        outlet: r.outlet,
        published: r.published,
        source: r.source,
        start: r.span_start,
        end: r.span_end,
      }),
  );
}

async function* entities(store: Store): AsyncGenerator<Row> {
  yield* pages(
    (after) =>
      store.db
        .selectFrom('entities')
        .leftJoin('article_entities', 'article_entities.entity_id', 'entities.id')
        .select(['entities.id', 'entities.name', 'entities.type', 'entities.key', sql<number>`count(distinct article_entities.article_id)`.as('articles'), sql<number>`coalesce(sum(article_entities.mention_count), 0)`.as('mentions')])
        .where('entities.id', '>', after)
        .groupBy(['entities.id', 'entities.name', 'entities.type', 'entities.key'])
        .orderBy('entities.id')
        .limit(PAGE)
        .execute(),
    (r) => ({ id: r.id, name: r.name, type: r.type, key: r.key, articles: Number(r.articles), mentions: Number(r.mentions) }),
  );
}

async function* stories(store: Store): AsyncGenerator<Row> {
  yield* pages(
    (after) =>
      store.db
        .selectFrom('stories')
        .select(['id', 'label', 'first_date', 'last_date', 'article_count', 'copy_count', 'merged_into'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(PAGE)
        .execute(),
    (r) => {
      if (r.merged_into === null && r.article_count === 0) return null;
      return { id: r.id, label: r.label, first: r.first_date, last: r.last_date, articles: r.article_count, copies: r.copy_count, merged_into: r.merged_into };
    },
  );
}

async function* events(store: Store): AsyncGenerator<Row> {
  for await (const story of stories(store)) {
    if (story.merged_into != null) continue;
    for (const event of await timeline(store, { story: story.id as number, limit: 5000 })) {
      yield {
        story: story.id ?? null,
        event: event.id,
        date: event.date,
        summary: event.summary,
        articles: event.articles.join('; '),
        outlets: event.outlets.join('; '),
        conflicts: event.conflicts.join('; '),
      };
    }
  }
}

export function exportRows(store: Store, what: ExportKind): AsyncGenerator<Row> {
  const sources = { articles, quotes, events, entities, stories };
  return sources[what](store);
}
