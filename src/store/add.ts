/**
 * Writing one prepared page into the corpus, in one transaction: the page (a new version when
 * its source was seen with other content), its removals, its articles with their analysis, copy
 * links and story links. Nothing is half-written: a failure rolls the whole page back.
 */
import type { Transaction } from 'kysely';
import { judgeCopy, type CopyKind } from '../link/dedup.js';
import type { PreparedArticle, PreparedPage } from '../link/prepare.js';
import { entityKey } from '../link/features.js';
import type { Database } from './schema.js';
import { readPerKey } from './lookups.js';
import { linkToStory, recordDocumentFrequencies, touchStory, unlinkFromStory } from './stories.js';
import type { Store } from './open.js';

export type AddStatus = 'added' | 'duplicate' | 'updated' | 'unchanged';

export interface AddResult {
  status: AddStatus;
  source: string;
  pageId: number | null;
  /** The main article's id and story, when the page has one. */
  articleId: number | null;
  storyId: number | null;
  articles: number;
}

type Tx = Transaction<Database>;

export async function addPreparedPage(store: Store, page: PreparedPage, now: string): Promise<AddResult> {
  return store.db.transaction().execute((tx) => addInTransaction(tx, page, now));
}

/** The same inside a caller's transaction: the queue's linking lane commits its own bookkeeping with the page. */
export async function addInTransaction(tx: Tx, page: PreparedPage, now: string): Promise<AddResult> {
  const previous = await tx
    .selectFrom('pages')
    .select(['id', 'version', 'content_hash'])
    .where('source', '=', page.source)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const same = await tx.selectFrom('pages').select('id').where('source', '=', page.source).where('content_hash', '=', page.contentHash).executeTakeFirst();
  if (same) return { status: 'unchanged', source: page.source, pageId: same.id, articleId: null, storyId: null, articles: 0 };
  if (previous) await tx.updateTable('pages').set({ superseded: 1 }).where('source', '=', page.source).execute();
  const inserted = await tx
    .insertInto('pages')
    .values({
      source: page.source,
      url: page.url,
      fetched: page.fetched,
      added_at: now,
      content_hash: page.contentHash,
      format: page.format,
      encoding: page.encoding,
      raw: page.raw,
      version: (previous?.version ?? 0) + 1,
      superseded: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const pageId = inserted.id;
  if (page.removed.length > 0) {
    await tx
      .insertInto('removals')
      .values(page.removed.map((r, position) => ({ page_id: pageId, position, text: r.text, reason: r.reason, rule: r.rule })))
      .execute();
  }
  let status: AddStatus = previous ? 'updated' : 'added';
  let main: { id: number; story: number | null } | null = null;
  for (const [position, prepared] of page.articles.entries()) {
    const stored = await storeArticle(tx, page, pageId, position, prepared, now);
    if (prepared.article.role === 'main') {
      main = { id: stored.id, story: stored.story };
      if (stored.copyOf !== null && !previous) status = 'duplicate';
    }
  }
  return { status, source: page.source, pageId, articleId: main?.id ?? null, storyId: main?.story ?? null, articles: page.articles.length };
}

function articleKey(page: PreparedPage, prepared: PreparedArticle, position: number): string {
  if (prepared.article.role === 'main') return page.source;
  const title = (prepared.article.title ?? '').toLowerCase().replace(/\W+/g, ' ').trim();
  return `${page.source}#related:${title || position}`;
}

interface StoredArticle {
  id: number;
  story: number | null;
  copyOf: number | null;
}

async function storeArticle(tx: Tx, page: PreparedPage, pageId: number, position: number, prepared: PreparedArticle, now: string): Promise<StoredArticle> {
  const { article, features, copy } = prepared;
  const key = articleKey(page, prepared, position);
  const existing = await tx.selectFrom('articles').select(['id', 'version', 'story_id', 'canonical_id']).where('key', '=', key).executeTakeFirst();
  const row = {
    key,
    page_id: pageId,
    role: article.role,
    position,
    title: article.title,
    dek: article.dek,
    outlet: article.outlet,
    authors: JSON.stringify(article.authors),
    url: article.url,
    language: article.language,
    published: article.published.date,
    published_basis: article.published.basis,
    published_text: article.published.text,
    genre: article.genre ?? null,
    genre_signals: JSON.stringify(article.genreSignals ?? []),
    note: article.note ?? null,
    body: article.text,
    paragraphs: JSON.stringify(article.paragraphs),
    text_hash: copy.textHash,
    word_count: article.text.split(/\s+/).filter(Boolean).length,
    event_date: features.date,
    features: JSON.stringify(features),
    added_at: now,
  };
  let id: number;
  if (existing) {
    id = existing.id;
    if (existing.story_id !== null) await unlinkFromStory(tx, id, existing.story_id, existing.canonical_id !== null);
    await clearAnalysis(tx, id);
    await tx
      .updateTable('articles')
      .set({ ...row, version: existing.version + 1, canonical_id: null, copy_kind: null, story_id: null })
      .where('id', '=', id)
      .execute();
  } else {
    id = (await tx.insertInto('articles').values({ ...row, version: 1, canonical_id: null, copy_kind: null, story_id: null }).returning('id').executeTakeFirstOrThrow()).id;
  }
  await storeAnalysis(tx, id, prepared);
  const copyOf = await findCopy(tx, id, pageId, prepared);
  await tx.insertInto('copy_bands').values(copy.bands.map((band) => ({ band, article_id: id }))).onConflict((c) => c.doNothing()).execute();
  if (copyOf) await tx.updateTable('articles').set({ canonical_id: copyOf.id, copy_kind: copyOf.kind }).where('id', '=', id).execute();
  let story: number | null = null;
  if (article.role === 'main') {
    if (!copyOf) {
      await adoptSnippets(tx, id, pageId, prepared);
      await recordDocumentFrequencies(tx, features);
    }
    story = await linkToStory(tx, id, features, copyOf?.id ?? null, article.outlet, now);
  } else if (copyOf) {
    story = (await tx.selectFrom('articles').select('story_id').where('id', '=', copyOf.id).executeTakeFirst())?.story_id ?? null;
    if (story !== null) {
      await tx.updateTable('articles').set({ story_id: story }).where('id', '=', id).execute();
      await touchStory(tx, story);
    }
  }
  return { id, story, copyOf: copyOf?.id ?? null };
}

async function clearAnalysis(tx: Tx, id: number): Promise<void> {
  for (const table of ['article_entities', 'quotes', 'dates', 'numbers', 'copy_bands'] as const) {
    await tx.deleteFrom(table).where('article_id', '=', id).execute();
  }
}

async function entityIds(tx: Tx, prepared: PreparedArticle): Promise<number[]> {
  const entities = prepared.article.entities ?? [];
  if (entities.length === 0) return [];
  const keys = entities.map((e) => entityKey(e.name, e.type));
  await tx
    .insertInto('entities')
    .values(entities.map((e, i) => ({ key: keys[i]!, name: e.name, type: e.type })))
    .onConflict((c) => c.column('key').doNothing())
    .execute();
  const rows = await tx.selectFrom('entities').select(['id', 'key']).where('key', 'in', [...new Set(keys)]).execute();
  const byKey = new Map(rows.map((r) => [r.key, r.id]));
  return keys.map((k) => byKey.get(k)!);
}

async function storeAnalysis(tx: Tx, id: number, prepared: PreparedArticle): Promise<void> {
  const { article } = prepared;
  const ids = await entityIds(tx, prepared);
  const entities = article.entities ?? [];
  if (entities.length > 0) {
    await tx
      .insertInto('article_entities')
      .values(
        entities.map((e, position) => ({
          article_id: id,
          position,
          entity_id: ids[position]!,
          name: e.name,
          type: e.type,
          aliases: JSON.stringify(e.aliases),
          descriptions: JSON.stringify(e.descriptions),
          mentions: JSON.stringify(e.mentions),
          mention_count: e.mentions.length,
        })),
      )
      .execute();
  }
  const quotes = article.quotes ?? [];
  if (quotes.length > 0) {
    await tx
      .insertInto('quotes')
      .values(
        quotes.map((q, position) => ({
          article_id: id,
          position,
          text: q.text,
          span_start: q.start,
          span_end: q.end,
          kind: q.kind,
          speaker_name: q.speaker?.name ?? null,
          speaker_entity_id: q.speaker?.entity != null ? (ids[q.speaker.entity] ?? null) : null,
          speaker_description: q.speaker?.description ?? null,
          cue: q.cue,
          text_key: prepared.quoteKeys[position] ?? '',
        })),
      )
      .execute();
  }
  const dates = article.dates ?? [];
  if (dates.length > 0) {
    await tx
      .insertInto('dates')
      .values(
        dates.map((d, position) => ({
          article_id: id,
          position,
          text: d.text,
          span_start: d.start,
          span_end: d.end,
          value: d.value,
          type: d.type,
          basis: d.basis,
          sentence_start: prepared.dateSentences[position]?.start ?? d.start,
          sentence_end: prepared.dateSentences[position]?.end ?? d.end,
        })),
      )
      .execute();
  }
  const numbers = article.numbers ?? [];
  if (numbers.length > 0) {
    await tx
      .insertInto('numbers')
      .values(numbers.map((n, position) => ({ article_id: id, position, text: n.text, span_start: n.start, span_end: n.end, value: n.value, unit: n.unit, qualifier: n.qualifier })))
      .execute();
  }
}

const KIND_RANK: Record<CopyKind, number> = { exact: 3, near: 2, lead: 1 };
/** Candidates judged per article, those sharing the most band keys first. */
const MAX_COPY_CANDIDATES = 10;
const ARTICLES_PER_BAND = 20;

/**
 * Articles sharing band keys with this one. Whole-text bands ("b…") find near copies among full
 * articles; opening bands ("l…") pair snippets with the articles they open. Only the bands that
 * can matter for the role on each side are looked up, and bodies are read for the best few only.
 */
async function copyCandidates(tx: Tx, id: number, pageId: number, bands: string[], candidateRole: 'main' | 'related') {
  // Each band is read through its index, newest articles first and a bounded number of them, so
  // a band that many articles share (boilerplate) costs no more in a large corpus than in a small one.
  const shared = new Map<number, number>();
  const hits = await readPerKey(tx, bands, (band) => tx.selectFrom('copy_bands').select('article_id').where('band', '=', band).orderBy('article_id', 'desc').limit(ARTICLES_PER_BAND));
  for (const { article_id } of hits) if (article_id !== id) shared.set(article_id, (shared.get(article_id) ?? 0) + 1);
  if (shared.size === 0) return [];
  const ranked = [...shared].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_COPY_CANDIDATES * 3).map(([articleId]) => articleId);
  const rows = await tx
    .selectFrom('articles')
    .select(['id', 'body', 'role', 'canonical_id', 'page_id'])
    .where('id', 'in', ranked)
    .where('role', '=', candidateRole)
    .where('page_id', '!=', pageId)
    .execute();
  const order = new Map(ranked.map((articleId, i) => [articleId, i]));
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!).slice(0, MAX_COPY_CANDIDATES);
}

const bodyBands = (bands: string[]) => bands.filter((b) => b.startsWith('b'));
const leadBands = (bands: string[]) => bands.filter((b) => b.startsWith('l'));

/** The earliest article this one copies (following copies to their canonical), or null. */
async function findCopy(tx: Tx, id: number, pageId: number, prepared: PreparedArticle): Promise<{ id: number; kind: CopyKind } | null> {
  const role = prepared.article.role;
  // A main article copies main articles (whole-text bands); a snippet copies the opening of one.
  // A full article is never a copy of a snippet: the snippet is adopted instead (adoptSnippets).
  const bands = role === 'main' ? bodyBands(prepared.copy.bands) : prepared.copy.bands;
  let best: { id: number; kind: CopyKind; score: number } | null = null;
  for (const candidate of await copyCandidates(tx, id, pageId, bands, 'main')) {
    const verdict = judgeCopy(prepared.article.text, candidate.body);
    if (!verdict) continue;
    if (verdict.kind === 'lead' && role !== 'related') continue;
    const target = candidate.canonical_id ?? candidate.id;
    const better = !best || KIND_RANK[verdict.kind] > KIND_RANK[best.kind] || (KIND_RANK[verdict.kind] === KIND_RANK[best.kind] && verdict.score > best.score);
    if (better) best = { id: target, kind: verdict.kind, score: verdict.score };
  }
  return best && { id: best.id, kind: best.kind };
}

/** Snippets added earlier that turn out to be this article's opening now point to it. */
async function adoptSnippets(tx: Tx, id: number, pageId: number, prepared: PreparedArticle): Promise<void> {
  for (const candidate of await copyCandidates(tx, id, pageId, leadBands(prepared.copy.bands), 'related')) {
    if (candidate.canonical_id !== null) continue;
    if (!judgeCopy(candidate.body, prepared.article.text)) continue;
    await tx.updateTable('articles').set({ canonical_id: id, copy_kind: 'lead' }).where('id', '=', candidate.id).execute();
  }
}

