/**
 * The shared store suite: the same cases against SQLite and (when a server answers) PostgreSQL,
 * which must give identical results.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { preparePage } from '../../src/link/prepare.js';
import { addPreparedPage } from '../../src/store/add.js';
import { checkStore } from '../../src/store/doctor.js';
import { exportRows } from '../../src/store/export.js';
import { openStore, type Store } from '../../src/store/open.js';
import { listStories, quotesBySpeaker, refreshStoryViews, storyDetail, timeline } from '../../src/store/queries.js';
import { currentView, saveView } from '../../src/store/views.js';
import { search } from '../../src/store/search.js';
import { resolveStoryId } from '../../src/store/stories.js';
import { backends } from './backends.js';
import { BRIDGE, FLOOD, ORCHARD, type PageSpec, textPage } from './pages.js';

const NOW = '2026-11-23T10:00:00.000Z';
const all = await backends();

async function add(store: Store, spec: PageSpec, edit?: (text: string) => string) {
  const page = textPage(spec);
  if (edit) page.text = edit(page.text);
  return addPreparedPage(store, preparePage(page), NOW);
}

async function rows<T>(generator: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of generator) out.push(row);
  return out;
}

/** Everything a user can see, for comparing two corpora. */
async function snapshot(store: Store) {
  return {
    articles: await rows(exportRows(store, 'articles')),
    stories: await rows(exportRows(store, 'stories')),
    quotes: (await rows(exportRows(store, 'quotes'))).map(({ id: _id, ...rest }) => rest),
    events: await rows(exportRows(store, 'events')),
  };
}

const snapshots = new Map<string, unknown>();

describe.each(all)('corpus on $name', (backend) => {
  afterAll(() => backend.cleanup());

  async function withFresh<T>(work: (store: Store) => Promise<T>): Promise<T> {
    const store = await openStore(await backend.fresh());
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  }

  it('adds a page once: the same input again changes nothing', async () => {
    await withFresh(async (store) => {
      expect((await add(store, BRIDGE.wire)).status).toBe('added');
      const before = await snapshot(store);
      expect((await add(store, BRIDGE.wire)).status).toBe('unchanged');
      expect(await snapshot(store)).toEqual(before);
      const pages = await store.db.selectFrom('pages').select('id').execute();
      expect(pages).toHaveLength(1);
    });
  });

  it('keeps provenance: page source, hash, compressed raw text and every mention offset point into the stored text', async () => {
    await withFresh(async (store) => {
      const result = await add(store, BRIDGE.wire);
      const page = await store.db.selectFrom('pages').selectAll().where('id', '=', result.pageId!).executeTakeFirstOrThrow();
      expect(page.source).toBe(BRIDGE.wire.source);
      expect(page.content_hash).toMatch(/^[0-9a-f]{64}$/);
      const { gunzipSync } = await import('node:zlib');
      expect(gunzipSync(Buffer.from(page.raw)).toString('utf8')).toBe(textPage(BRIDGE.wire).text);
      const article = await store.db.selectFrom('articles').select(['id', 'body']).where('id', '=', result.articleId!).executeTakeFirstOrThrow();
      const quotes = await store.db.selectFrom('quotes').selectAll().where('article_id', '=', article.id).execute();
      expect(quotes.length).toBeGreaterThan(0);
      for (const q of quotes) expect(article.body.slice(q.span_start, q.span_end)).toContain(q.text.slice(0, 10));
      const dates = await store.db.selectFrom('dates').selectAll().where('article_id', '=', article.id).execute();
      for (const d of dates) {
        expect(article.body.slice(d.span_start, d.span_end)).toBe(d.text);
        expect(article.body.slice(d.sentence_start, d.sentence_end)).toContain(d.text);
      }
    });
  });

  it('a changed page is a new version of the same article, not a new article', async () => {
    await withFresh(async (store) => {
      const first = await add(store, BRIDGE.wire);
      const second = await add(store, BRIDGE.wire, (t) => t.replace('within six weeks', 'within eight weeks'));
      expect(second.status).toBe('updated');
      expect(second.articleId).toBe(first.articleId);
      const articles = await store.db.selectFrom('articles').select(['id', 'version', 'body']).execute();
      expect(articles).toHaveLength(1);
      expect(articles[0]!.version).toBe(2);
      expect(articles[0]!.body).toContain('eight weeks');
      const pages = await store.db.selectFrom('pages').select(['version', 'superseded']).orderBy('version').execute();
      expect(pages).toEqual([{ version: 1, superseded: 1 }, { version: 2, superseded: 0 }]);
      const [story] = await listStories(store);
      expect(story!.articles).toBe(1);
    });
  });

  it('an exact copy from another source is a duplicate: linked to its canonical, counted once', async () => {
    await withFresh(async (store) => {
      const original = await add(store, BRIDGE.wire);
      const copy = await add(store, { ...BRIDGE.wire, source: 'mirror/bridge.txt' });
      expect(copy.status).toBe('duplicate');
      expect(copy.storyId).toBe(original.storyId);
      const row = await store.db.selectFrom('articles').select(['canonical_id', 'copy_kind']).where('id', '=', copy.articleId!).executeTakeFirstOrThrow();
      expect(row).toEqual({ canonical_id: original.articleId, copy_kind: 'exact' });
      const [story] = await listStories(store);
      expect(story).toMatchObject({ articles: 1, copies: 1 });
    });
  });

  it('a wire story re-run with a local intro and a trimmed end is a near copy', async () => {
    await withFresh(async (store) => {
      const original = await add(store, BRIDGE.wire);
      const rerun = await add(store, BRIDGE.rerun);
      expect(rerun.status).toBe('duplicate');
      const row = await store.db.selectFrom('articles').select(['canonical_id', 'copy_kind']).where('id', '=', rerun.articleId!).executeTakeFirstOrThrow();
      expect(row).toEqual({ canonical_id: original.articleId, copy_kind: 'near' });
    });
  });

  it('a follow-up in the same weeks joins the story; the same people months later start another; an unrelated event is apart', async () => {
    await withFresh(async (store) => {
      const wire = await add(store, BRIDGE.wire);
      const follow = await add(store, BRIDGE.followUp);
      const flood = await add(store, FLOOD);
      const orchard = await add(store, ORCHARD);
      expect(follow.storyId).toBe(wire.storyId);
      expect(flood.storyId).not.toBe(wire.storyId);
      expect(orchard.storyId).not.toBe(wire.storyId);
      expect(orchard.storyId).not.toBe(flood.storyId);
      const stories = await listStories(store);
      expect(stories.map((s) => s.id)).toEqual([flood.storyId, orchard.storyId, wire.storyId]);
      expect(stories.find((s) => s.id === wire.storyId)).toMatchObject({ first: '2026-03-10', last: '2026-03-24', articles: 2, outlets: ['Kestrel Wire', 'Ostmarsh Courier'] });
      expect(await listStories(store, { outlet: 'vale gazette' })).toHaveLength(1);
      expect((await listStories(store, { entity: 'Quillan' })).map((s) => s.id).sort()).toEqual([flood.storyId, wire.storyId].sort());
      expect(await listStories(store, { since: '2026-05-01' })).toHaveLength(1);
    });
  });

  it('story: outlets with their genre mix, key entities, timeline and who said what; the same quote in two outlets is one quote', async () => {
    await withFresh(async (store) => {
      const wire = await add(store, BRIDGE.wire);
      await add(store, BRIDGE.followUp);
      const story = await storyDetail(store, wire.storyId!);
      expect(story).not.toBeNull();
      expect(story!.outletCoverage.map((o) => o.outlet).sort()).toEqual(['Kestrel Wire', 'Ostmarsh Courier']);
      expect(story!.outletCoverage[0]!.genres).toEqual({ reporting: 1 });
      expect(story!.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Marta Quillan']));
      const quillan = story!.quotes.find((s) => s.speaker.includes('Quillan'));
      expect(quillan).toBeDefined();
      const repeated = quillan!.quotes.find((q) => q.text.startsWith('We will not take any chances'));
      expect(repeated!.sources.map((s) => s.outlet).sort()).toEqual(['Kestrel Wire', 'Ostmarsh Courier']);
      // The closure on March 10 is reported by both articles (Tuesday in one, the date in the other).
      const closure = story!.timeline.find((e) => e.date === '2026-03-10');
      expect(closure).toBeDefined();
      expect(closure!.outlets).toEqual(['Kestrel Wire', 'Ostmarsh Courier']);
      const bySpeaker = await quotesBySpeaker(store, { speaker: 'marta quillan' });
      expect(bySpeaker).toHaveLength(1);
    });
  });

  it('timeline by entity; conflicting dates for one event are flagged', async () => {
    await withFresh(async (store) => {
      await add(store, BRIDGE.wire);
      await add(store, {
        ...BRIDGE.followUp,
        source: 'courier/bridge-wrong-day.txt',
        title: 'Ostmarsh bridge closure: hauliers count the cost',
        paragraphs: [
          'Engineers closed the Ostmarsh river bridge to heavy lorries on March 9 after an inspection found cracks in two of its steel girders.',
          'Hauliers said the diversion through Fenwick had cost them thousands of pounds in fuel and drivers\' hours since then.',
        ],
      });
      const events = await timeline(store, {});
      const ninth = events.find((e) => e.date === '2026-03-09');
      const tenth = events.find((e) => e.date === '2026-03-10' && e.summary.includes('closed'));
      expect(ninth?.conflicts).toContain(tenth?.id);
      expect(tenth?.conflicts).toContain(ninth?.id);
    });
  });

  it('search ranks matches with highlighted snippets and honours filters', async () => {
    await withFresh(async (store) => {
      await add(store, BRIDGE.wire);
      await add(store, ORCHARD);
      const hits = await search(store, 'frost blossom');
      expect(hits.map((h) => h.title)).toEqual([ORCHARD.title]);
      expect(hits[0]!.snippet).toMatch(/\[\[(frost|blossom)\]\]/i);
      expect(await search(store, 'frost', { outlet: 'Kestrel Wire' })).toEqual([]);
      expect(await search(store, 'girders', { since: '2026-03-01', until: '2026-03-31' })).toHaveLength(1);
      // Query syntax in user input is data, not syntax.
      expect(await search(store, '"girders*')).toHaveLength(1);
      expect(await search(store, 'girders" OR body:* NEAR(')).toEqual([]);
      expect(await search(store, '*** "')).toEqual([]);
    });
  });

  it('exports articles with id, source, story, canonical, title, outlet, published', async () => {
    await withFresh(async (store) => {
      const original = await add(store, BRIDGE.wire);
      await add(store, BRIDGE.rerun);
      const articles = await rows(exportRows(store, 'articles'));
      expect(articles).toHaveLength(2);
      expect(articles[1]).toMatchObject({ source: BRIDGE.rerun.source, story: original.storyId, canonical: original.articleId, outlet: 'Fenwick Herald', published: '2026-03-10' });
      for (const kind of ['quotes', 'events', 'entities', 'stories'] as const) expect((await rows(exportRows(store, kind))).length).toBeGreaterThan(0);
    });
  });

  it('a related-article snippet is its own article; once the full article arrives, the snippet points to it', async () => {
    await withFresh(async (store) => {
      const carrier = await add(store, BRIDGE.followUp, (text) => `${text}\n\nLatest\n${ORCHARD.title}\n${ORCHARD.title}\nVale Gazette\ntime2 hours ago\n${ORCHARD.paragraphs[0]}`);
      expect(carrier.articles).toBe(2);
      const full = await add(store, ORCHARD);
      expect(full.status).toBe('added');
      const articles = await rows(exportRows(store, 'articles'));
      const snippet = articles.find((a) => a.role === 'related')!;
      expect(snippet).toMatchObject({ source: `${BRIDGE.followUp.source}#related-1`, title: ORCHARD.title, canonical: full.articleId, copy_kind: 'lead' });
      // The snippet does not count as an article of either story.
      const orchard = (await listStories(store)).find((s) => s.id === full.storyId)!;
      expect(orchard.articles).toBe(1);
    });
  });

  it('a page that fails mid-write leaves nothing behind', async () => {
    await withFresh(async (store) => {
      const prepared = preparePage(textPage(BRIDGE.wire));
      // A quote without text violates NOT NULL after the page and article rows were written.
      prepared.articles[0]!.article.quotes![0]!.text = null as unknown as string;
      await expect(addPreparedPage(store, prepared, NOW)).rejects.toThrow();
      for (const table of ['pages', 'articles', 'quotes', 'stories', 'copy_bands'] as const) {
        expect(await store.db.selectFrom(table).selectAll().execute()).toEqual([]);
      }
      expect((await add(store, BRIDGE.wire)).status).toBe('added');
    });
  });

  it('merged story IDs redirect', async () => {
    await withFresh(async (store) => {
      const a = await add(store, BRIDGE.wire);
      const b = await add(store, ORCHARD);
      await store.db.updateTable('stories').set({ merged_into: a.storyId }).where('id', '=', b.storyId!).execute();
      expect(await resolveStoryId(store.db, b.storyId!)).toBe(a.storyId);
      expect((await storyDetail(store, b.storyId!))?.redirectedFrom).toBe(b.storyId);
    });
  });

  it('doctor reports a healthy database', async () => {
    await withFresh(async (store) => {
      await add(store, BRIDGE.wire);
      const report = await checkStore(store);
      expect(report.ok).toBe(true);
      expect(report.schemaCurrent).toBe(true);
      expect(report.counts).toMatchObject({ pages: 1, articles: 1, stories: 1 });
    });
  });

  it('story pages are kept per revision: current after a refresh, never served stale, equal to a live computation', async () => {
    await withFresh(async (store) => {
      const wire = await add(store, BRIDGE.wire);
      const story = wire.storyId!;
      const live = await storyDetail(store, story);
      expect(await currentView(store.db, story)).toBeNull();
      expect(await refreshStoryViews(store)).toBe(1);
      expect(await refreshStoryViews(store)).toBe(0);
      expect(await currentView(store.db, story)).not.toBeNull();
      expect(await storyDetail(store, story)).toEqual(live);
      expect(await timeline(store, { story })).toEqual(live!.timeline);
      expect(await quotesBySpeaker(store, { story })).toEqual(live!.quotes);

      // A follow-up joins: the kept page is stale at once, and what is served is the new story.
      await add(store, BRIDGE.followUp);
      expect(await currentView(store.db, story)).toBeNull();
      const grown = await storyDetail(store, story);
      expect(grown!.articleList).toHaveLength(2);
      expect(await refreshStoryViews(store)).toBe(1);
      expect(await storyDetail(store, story)).toEqual(grown);

      // A page computed before a write is not kept.
      const revision = (await store.db.selectFrom('stories').select('revision').where('id', '=', story).executeTakeFirstOrThrow()).revision;
      await store.db.updateTable('stories').set({ revision: revision + 1 }).where('id', '=', story).execute();
      expect(await saveView(store.db, story, revision, { detail: '{}', timeline: '[]', quotes: '[]' })).toBe(false);
      expect(await currentView(store.db, story)).toBeNull();
    });
  });

  it('gives the same corpus as the other backend', async () => {
    const snap = await withFresh(async (store) => {
      for (const spec of [BRIDGE.wire, BRIDGE.rerun, BRIDGE.followUp, FLOOD, ORCHARD]) await add(store, spec);
      return snapshot(store);
    });
    const other = [...snapshots.values()][0];
    if (other) expect(snap).toEqual(other);
    snapshots.set(backend.name, snap);
  });
});
