/**
 * The read endpoints of the HTTP API on SQLite and (when a server answers) PostgreSQL, through
 * `app.request()` without a socket: every endpoint, its filters and pagination, the error shape
 * and statuses, merged-story redirects, the OpenAPI document, and hostile page text coming back
 * as plain JSON strings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparePage } from '../../src/link/prepare.js';
import { addPreparedPage } from '../../src/store/add.js';
import { openStore, type Store } from '../../src/store/open.js';
import { refreshStoryViews } from '../../src/store/queries.js';
import { currentView } from '../../src/store/views.js';
import { createApp, type ServedApp } from '../../src/serve/app.js';
import { CONTENT_SECURITY_POLICY } from '../../src/serve/security.js';
import { backends } from '../store/backends.js';
import { BRIDGE, FLOOD, ORCHARD, textPage } from '../store/pages.js';
import { HOSTILE } from './fixtures.js';

const NOW = '2026-11-23T10:00:00.000Z';
const all = await backends();

interface Json {
  [key: string]: unknown;
}

describe.each(all)('HTTP API on $name', (backend) => {
  let store: Store;
  let served: ServedApp;
  const ids: Record<string, { article: number; story: number | null }> = {};

  async function get(path: string): Promise<{ status: number; body: Json; headers: Headers }> {
    const res = await served.app.request(path);
    const text = await res.text();
    return { status: res.status, body: JSON.parse(text) as Json, headers: res.headers };
  }

  beforeAll(async () => {
    store = await openStore(await backend.fresh());
    for (const [name, spec] of Object.entries({ wire: BRIDGE.wire, rerun: BRIDGE.rerun, followUp: BRIDGE.followUp, flood: FLOOD, orchard: ORCHARD, hostile: HOSTILE })) {
      const result = await addPreparedPage(store, preparePage(textPage(spec)), NOW);
      ids[name] = { article: result.articleId!, story: result.storyId };
    }
    // The tests write to the store directly, as another process would: answers must see it at once.
    served = createApp(store, { webRoot: '/nonexistent/web/dist', log: () => undefined, cache: { recheckMs: 0 } });
  });

  afterAll(async () => {
    await served?.close();
    await store?.close();
    await backend.cleanup();
  });

  it('every answer carries the security headers and JSON is application/json', async () => {
    for (const path of ['/api/stories', '/api/nope', '/api/stories/abc', '/']) {
      const res = await served.app.request(path);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
    const res = await served.app.request('/api/stories');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    const missing = await served.app.request('/api/stories/999999');
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });

  it('GET /api/stories: newest activity first, filters, pagination', async () => {
    const { status, body } = await get('/api/stories');
    expect(status).toBe(200);
    expect(body).toMatchObject({ limit: 50, offset: 0 });
    const items = body.items as { id: number; label: string; first: string; last: string; articles: number; copies: number; outlets: string[] }[];
    expect(items.map((s) => s.id)).toEqual([ids.flood!.story, ids.hostile!.story, ids.orchard!.story, ids.wire!.story]);
    expect(items.find((s) => s.id === ids.wire!.story)).toMatchObject({ first: '2026-03-10', last: '2026-03-24', articles: 2, copies: 1 });
    expect(items[0]).toEqual({ id: expect.any(Number), label: expect.any(String), first: '2026-10-06', last: '2026-10-06', articles: 1, copies: 0, outlets: ['Ostmarsh Courier'] });

    const paged = await get('/api/stories?limit=2&offset=1');
    expect(paged.body).toMatchObject({ limit: 2, offset: 1 });
    expect((paged.body.items as { id: number }[]).map((s) => s.id)).toEqual(items.slice(1, 3).map((s) => s.id));
    expect(((await get('/api/stories?offset=10')).body.items as unknown[])).toEqual([]);

    expect(((await get('/api/stories?outlet=vale%20gazette')).body.items as { id: number }[]).map((s) => s.id)).toEqual([ids.orchard!.story]);
    expect(((await get('/api/stories?since=2026-05-01')).body.items as { id: number }[]).map((s) => s.id)).toEqual([ids.flood!.story, ids.hostile!.story]);
    expect(((await get('/api/stories?entity=Quillan')).body.items as { id: number }[]).map((s) => s.id).sort()).toEqual([ids.flood!.story, ids.wire!.story].sort());
    expect(((await get('/api/stories?entity=Nobody%20Atall')).body.items as unknown[])).toEqual([]);
  });

  it('list parameters are validated: 400 with the error shape naming the parameter', async () => {
    const cases: [string, RegExp][] = [
      ['/api/stories?limit=0', /limit/],
      ['/api/stories?limit=501', /limit/],
      ['/api/stories?limit=abc', /limit/],
      ['/api/stories?limit=1e3', /limit/],
      ['/api/stories?offset=-1', /offset/],
      ['/api/stories?since=2026-13-01', /since/],
      ['/api/stories?since=yesterday', /since/],
      ['/api/stories?entity=', /entity/],
      ['/api/search', /q/],
      ['/api/search?q=%20%20', /q/],
      ['/api/search?q=bridge&until=2026-02-30', /until/],
      ['/api/timeline?story=0', /story/],
      ['/api/quotes?story=x', /story/],
      ['/api/entities?type=animal', /type/],
      ['/api/articles?role=sidebar', /role/],
      ['/api/articles?copies=maybe', /copies/],
      ['/api/stories/abc', /id/],
      ['/api/stories/0', /id/],
      ['/api/articles/-4', /id/],
      ['/api/jobs/not-a-job', /job/],
    ];
    for (const [path, message] of cases) {
      const { status, body } = await get(path);
      expect(status, path).toBe(400);
      expect(body, path).toEqual({ error: { code: 'validation', message: expect.stringMatching(message) } });
    }
  });

  it('GET /api/stories/:id: the whole story; unknown IDs are 404; a merged ID redirects', async () => {
    const { status, body } = await get(`/api/stories/${ids.wire!.story}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: ids.wire!.story, redirectedFrom: null, articles: 2, copies: 1 });
    expect((body.articleList as { id: number }[]).map((a) => a.id).sort((a, b) => a - b)).toEqual([ids.wire!.article, ids.rerun!.article, ids.followUp!.article].sort((a, b) => a - b));
    expect((body.outletCoverage as { outlet: string }[]).map((o) => o.outlet).sort()).toEqual(['Fenwick Herald', 'Kestrel Wire', 'Ostmarsh Courier']);
    expect((body.timeline as { date: string }[]).some((e) => e.date === '2026-03-10')).toBe(true);
    expect((body.quotes as { speaker: string }[]).map((q) => q.speaker)).toContain('Marta Quillan');

    const missing = await get('/api/stories/999999');
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: 'no story #999999' } } });

    // A story absorbed by another keeps its ID as a redirect.
    const merged = await store.db
      .insertInto('stories')
      .values({ label: 'absorbed', first_date: null, last_date: null, article_count: 0, copy_count: 0, profile: '{}', merged_into: ids.wire!.story, updated_at: NOW })
      .returning('id')
      .executeTakeFirstOrThrow();
    const redirected = await get(`/api/stories/${merged.id}`);
    expect(redirected.status).toBe(200);
    expect(redirected.body).toMatchObject({ id: ids.wire!.story, redirectedFrom: merged.id });
    // Filters by story follow the redirect too.
    expect(((await get(`/api/articles?story=${merged.id}`)).body.items as unknown[]).length).toBe(3);
  });

  it('a story, its timeline and its quotes are the same whether computed per request or read from the stored page', async () => {
    const story = ids.wire!.story!;
    const paths = [`/api/stories/${story}`, `/api/timeline?story=${story}`, `/api/quotes?story=${story}`, `/api/timeline?story=${story}&limit=1&offset=1`];
    // No answer cache here: every request reads the store.
    const uncached = createApp(store, { webRoot: '/nonexistent/web/dist', log: () => undefined, cache: { maxEntries: 0 } });
    const answers = () => Promise.all(paths.map(async (p) => { const res = await uncached.app.request(p); return { status: res.status, type: res.headers.get('content-type'), body: JSON.parse(await res.text()) as unknown }; }));
    try {
      await store.db.deleteFrom('story_views').execute();
      const live = await answers();
      expect(await refreshStoryViews(store)).toBeGreaterThan(0);
      expect(await currentView(store.db, story)).not.toBeNull();
      const stored = await answers();
      for (const [i, answer] of stored.entries()) {
        expect(answer.status).toBe(200);
        expect(answer.type).toMatch(/^application\/json/);
        expect(answer.body).toEqual(live[i]!.body);
      }
      // The stored page is what is served: change it, and the answer shows it.
      await store.db.updateTable('story_views').set({ timeline: '[]' }).where('story_id', '=', story).execute();
      expect(((await answers())[1]!.body as { items: unknown[] }).items).toEqual([]);
      await store.db.deleteFrom('story_views').execute();
    } finally {
      await uncached.close();
    }
  });

  it('GET /api/timeline: events by story and entity, paginated', async () => {
    const { body } = await get(`/api/timeline?story=${ids.wire!.story}`);
    const events = body.items as { id: string; date: string; outlets: string[]; mentions: { articleId: number }[] }[];
    const closure = events.find((e) => e.date === '2026-03-10');
    expect(closure?.outlets).toEqual(['Kestrel Wire', 'Ostmarsh Courier']);
    const first = await get(`/api/timeline?story=${ids.wire!.story}&limit=1`);
    expect(first.body).toMatchObject({ limit: 1, offset: 0, items: [events[0]] });
    const second = await get(`/api/timeline?story=${ids.wire!.story}&limit=1&offset=1`);
    expect((second.body.items as unknown[])).toEqual(events.length > 1 ? [events[1]] : []);
    const orchard = (await get('/api/timeline?entity=Dunmere')).body.items as { mentions: { articleId: number }[] }[];
    for (const event of orchard) expect(event.mentions.every((m) => m.articleId === ids.orchard!.article)).toBe(true);
    expect(((await get('/api/timeline?story=999999')).body.items as unknown[])).toEqual([]);
  });

  it('GET /api/quotes: by speaker and by story; one quote in two outlets is one quote', async () => {
    const { body } = await get('/api/quotes?speaker=marta%20quillan');
    const speakers = body.items as { speaker: string; quotes: { text: string; sources: { outlet: string; articleId: number; start: number; end: number }[] }[] }[];
    expect(speakers.map((s) => s.speaker)).toEqual(['Marta Quillan']);
    const repeated = speakers[0]!.quotes.find((q) => q.text.startsWith('We will not take any chances'));
    expect(repeated!.sources.map((s) => s.outlet).sort()).toEqual(['Fenwick Herald', 'Kestrel Wire', 'Ostmarsh Courier']);
    const byStory = (await get(`/api/quotes?story=${ids.orchard!.story}`)).body.items as { speaker: string }[];
    expect(byStory.map((s) => s.speaker)).toEqual(['Tobias Renwick']);
    const paged = await get('/api/quotes?limit=1&offset=1');
    expect((paged.body.items as unknown[]).length).toBe(1);
  });

  it('GET /api/search: ranked hits with [[highlights]], filters, pagination; words are data not syntax', async () => {
    const { body } = await get('/api/search?q=frost%20blossom');
    const hits = body.items as { id: number; title: string; snippet: string; story: number }[];
    expect(hits.map((h) => h.title)).toEqual([ORCHARD.title]);
    expect(hits[0]!.snippet).toMatch(/\[\[(frost|blossom)\]\]/i);
    expect(body).toMatchObject({ limit: 20, offset: 0 });
    expect(((await get('/api/search?q=frost&outlet=Kestrel%20Wire')).body.items as unknown[])).toEqual([]);
    expect(((await get('/api/search?q=girders&since=2026-03-01&until=2026-03-15')).body.items as unknown[]).length).toBe(1);
    expect(((await get(`/api/search?q=girders&story=${ids.wire!.story}`)).body.items as unknown[]).length).toBe(2);
    expect(((await get('/api/search?q=girders&entity=Brantwell%20Steel')).body.items as { id: number }[]).map((h) => h.id)).toEqual([ids.followUp!.article]);
    const two = (await get('/api/search?q=Ostmarsh&limit=1')).body.items as { id: number }[];
    const next = (await get('/api/search?q=Ostmarsh&limit=1&offset=1')).body.items as { id: number }[];
    expect(two).toHaveLength(1);
    expect(next).toHaveLength(1);
    expect(next[0]!.id).not.toBe(two[0]!.id);
    expect((await get('/api/search?q=girders%22%20OR%20body:*%20NEAR(')).status).toBe(200);
  });

  it('GET /api/entities: article counts (copies not counted), name search, type filter, pagination', async () => {
    const { body } = await get('/api/entities');
    const entities = body.items as { id: number; name: string; type: string; articles: number }[];
    const quillan = entities.find((e) => e.name === 'Marta Quillan');
    // The wire story, its follow-up and the flood story; the re-run is a copy and does not count.
    expect(quillan).toMatchObject({ type: 'person', articles: 3 });
    const counts = entities.map((e) => e.articles);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const found = (await get('/api/entities?q=QUILL')).body.items as { name: string }[];
    expect(found.map((e) => e.name)).toEqual(['Marta Quillan']);
    expect(((await get('/api/entities?q=%25')).body.items as unknown[])).toEqual([]);
    expect(((await get('/api/entities?q=_')).body.items as unknown[])).toEqual([]);
    const places = (await get('/api/entities?type=place')).body.items as { type: string }[];
    expect(places.length).toBeGreaterThan(0);
    expect(places.every((e) => e.type === 'place')).toBe(true);
    const page2 = (await get('/api/entities?limit=2&offset=2')).body.items as { id: number }[];
    expect(page2.map((e) => e.id)).toEqual(entities.slice(2, 4).map((e) => e.id));
  });

  it('GET /api/articles: newest first, by story, outlet, role and without copies', async () => {
    const { body } = await get('/api/articles');
    const articles = body.items as { id: number; published: string; canonical: number | null; source: string; role: string; story: number }[];
    expect(articles.length).toBeGreaterThanOrEqual(6);
    expect(articles[0]).toMatchObject({ id: ids.flood!.article, published: '2026-10-06', source: FLOOD.source, role: 'main', copyKind: null, words: expect.any(Number) });
    const dates = articles.filter((a) => a.role === 'main').map((a) => a.published);
    expect(dates).toEqual([...dates].sort().reverse());
    const rerun = articles.find((a) => a.id === ids.rerun!.article);
    expect(rerun).toMatchObject({ canonical: ids.wire!.article, copyKind: 'near', story: ids.wire!.story });
    const byStory = (await get(`/api/articles?story=${ids.wire!.story}&copies=exclude`)).body.items as { id: number }[];
    expect(byStory.map((a) => a.id).sort((a, b) => a - b)).toEqual([ids.wire!.article, ids.followUp!.article].sort((a, b) => a - b));
    const byOutlet = (await get('/api/articles?outlet=ostmarsh%20courier&role=main')).body.items as { id: number }[];
    expect(byOutlet.map((a) => a.id)).toEqual([ids.flood!.article, ids.followUp!.article]);
    const paged = (await get('/api/articles?limit=2&offset=1')).body.items as { id: number }[];
    expect(paged.map((a) => a.id)).toEqual(articles.slice(1, 3).map((a) => a.id));
    expect(((await get('/api/articles?story=999999')).body.items as unknown[])).toEqual([]);
  });

  it('GET /api/articles/:id: clean text, paragraphs, analysis offsets into the text, provenance, removals', async () => {
    const { status, body } = await get(`/api/articles/${ids.wire!.article}`);
    expect(status).toBe(200);
    const article = body as unknown as {
      text: string; title: string; outlet: string; authors: string[]; published: { date: string; basis: string }; genre: string; source: string;
      paragraphs: { start: number; end: number }[]; story: { id: number; label: string }; canonical: null; copies: number[];
      entities: { name: string; mentions: { text: string; start: number; end: number }[] }[];
      quotes: { text: string; start: number; end: number; speaker: { name: string } | null }[];
      dates: { text: string; start: number; end: number; sentence: { start: number; end: number } }[];
      numbers: { text: string; start: number; end: number }[];
      page: { source: string; version: number; superseded: boolean; format: string };
      removed: { text: string; reason: string; rule: string }[];
    };
    expect(article).toMatchObject({ title: BRIDGE.wire.title, outlet: 'Kestrel Wire', authors: ['Ines Morrow'], published: { date: '2026-03-10' }, genre: 'reporting', source: BRIDGE.wire.source, canonical: null });
    expect(article.page).toMatchObject({ source: BRIDGE.wire.source, version: 1, superseded: false, format: 'text' });
    expect(article.story).toEqual({ id: ids.wire!.story, label: expect.any(String) });
    expect(article.copies).toEqual([ids.rerun!.article]);
    expect(article.paragraphs).toHaveLength(BRIDGE.wire.paragraphs.length);
    for (const [i, p] of article.paragraphs.entries()) expect(article.text.slice(p.start, p.end)).toBe(BRIDGE.wire.paragraphs[i]);
    expect(article.entities.map((e) => e.name)).toContain('Marta Quillan');
    for (const e of article.entities) for (const m of e.mentions) expect(article.text.slice(m.start, m.end)).toBe(m.text);
    expect(article.quotes.length).toBeGreaterThan(0);
    for (const q of article.quotes) expect(article.text.slice(q.start, q.end)).toContain(q.text.slice(0, 10));
    expect(article.quotes.some((q) => q.speaker?.name === 'Marta Quillan')).toBe(true);
    expect(article.dates.length).toBeGreaterThan(0);
    for (const d of article.dates) {
      expect(article.text.slice(d.start, d.end)).toBe(d.text);
      expect(article.text.slice(d.sentence.start, d.sentence.end)).toContain(d.text);
    }
    expect(article.numbers.length).toBeGreaterThan(0);
    for (const n of article.numbers) expect(article.text.slice(n.start, n.end)).toBe(n.text);
    expect(Array.isArray(article.removed)).toBe(true);

    const missing = await get('/api/articles/999999');
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });

  it('an article shows what was removed from its page, with the reason and rule', async () => {
    const page = textPage({ ...ORCHARD, source: 'gazette/orchard-with-residue.txt', title: 'Growers count frost losses in the Dunmere valley' });
    page.text = page.text.replace('The co-operative said', 'Advertisement\n\nThe co-operative said');
    const result = await addPreparedPage(store, preparePage(page), NOW);
    const { body } = await get(`/api/articles/${result.articleId}`);
    const removed = body.removed as { text: string; reason: string; rule: string }[];
    expect(removed).toContainEqual({ text: 'Advertisement', reason: 'advertisement', rule: expect.any(String) });
    expect(body.text as string).not.toContain('Advertisement');
  });

  it('GET /api/queue without a shared queue says why; POST /api/queue/retry is a 409', async () => {
    const { status, body } = await get('/api/queue');
    expect(status).toBe(200);
    expect(body).toEqual({ available: false, reason: expect.stringContaining('PostgreSQL') });
    const retry = await served.app.request('/api/queue/retry', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(retry.status).toBe(409);
    expect(await retry.json()).toMatchObject({ error: { code: 'no_queue' } });
    const bad = await served.app.request('/api/queue/retry', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: ['../etc'] }) });
    expect(bad.status).toBe(400);
  });

  it('GET /api/outlets: article, copy and story counts and genre mix', async () => {
    const { body } = await get('/api/outlets');
    const outlets = body.items as { outlet: string; articles: number; copies: number; stories: number; genres: Record<string, number> }[];
    expect(outlets.find((o) => o.outlet === 'Ostmarsh Courier')).toEqual({ outlet: 'Ostmarsh Courier', articles: 2, copies: 0, stories: 2, genres: { reporting: 2 } });
    expect(outlets.find((o) => o.outlet === 'Fenwick Herald')).toEqual({ outlet: 'Fenwick Herald', articles: 0, copies: 1, stories: 1, genres: {} });
    const counts = outlets.map((o) => o.articles);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const paged = (await get('/api/outlets?limit=1&offset=1')).body.items as { outlet: string }[];
    expect(paged.map((o) => o.outlet)).toEqual([outlets[1]!.outlet]);
  });

  it('hostile page text comes back as plain JSON strings, exactly as stored', async () => {
    const res = await served.app.request(`/api/articles/${ids.hostile!.article}`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const article = (await res.json()) as { title: string; text: string };
    expect(article.title).toContain('<script>alert(1)</script>');
    expect(article.text).toContain('<script>alert(1)</script>');
    expect(article.text).toContain('<img src=x onerror=alert(2)>');
    const hits = (await get('/api/search?q=placard%20onerror')).body.items as { snippet: string }[];
    expect(hits.length).toBe(1);
    expect(hits[0]!.snippet).toContain('onerror');
    const stories = (await get('/api/stories?outlet=harbour%20gazette')).body.items as { label: string }[];
    expect(stories).toHaveLength(1);
  });

  it('unknown endpoints and methods under /api are JSON errors', async () => {
    expect(await get('/api/nope')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const res = await served.app.request('/api/stories', { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('GET /api/openapi.json describes every endpoint from the same schemas', async () => {
    const { status, body } = await get('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const paths = body.paths as Record<string, Record<string, { parameters?: { name: string }[] }>>;
    expect(Object.keys(paths).sort()).toEqual(
      ['/api/articles', '/api/articles/{id}', '/api/entities', '/api/jobs/{id}', '/api/outlets', '/api/pages', '/api/queue', '/api/queue/retry', '/api/quotes', '/api/search', '/api/stories', '/api/stories/{id}', '/api/timeline'].sort(),
    );
    expect(paths['/api/search']!.get!.parameters!.map((p) => p.name)).toEqual(['q', 'outlet', 'since', 'until', 'entity', 'story', 'limit', 'offset']);
    const schemas = (body.components as { schemas: Record<string, unknown> }).schemas;
    for (const name of ['StorySummary', 'StoryDetail', 'ArticleDetail', 'SearchHit', 'EntitySummary', 'OutletSummary', 'Job', 'Error']) expect(schemas[name], name).toBeDefined();
  });
});

describe('HTTP API when the database fails', () => {
  it('answers 503 with code "database" and the cause, never a stack', async () => {
    // A PostgreSQL store whose server cannot be reached: every query fails to connect.
    const store = await openStore('postgres://nobody@127.0.0.1:1/none', { migrate: false });
    const lines: string[] = [];
    const { app } = createApp(store, { log: (line) => lines.push(line) });
    try {
      for (const path of ['/api/stories', '/api/articles/1', '/api/entities', '/api/search?q=bridge']) {
        const res = await app.request(path);
        expect(res.status, path).toBe(503);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('database');
        expect(body.error.message).toMatch(/cannot reach PostgreSQL/);
        expect(body.error.message).not.toMatch(/\n\s+at /);
      }
      expect(lines.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('a bug is a 500 with a generic message; the stack goes to the log only', async () => {
    const store = await openStore(':memory:');
    const broken = { ...store, db: new Proxy(store.db, { get: (target, key) => (key === 'selectFrom' ? () => { throw new TypeError('boom in a handler'); } : Reflect.get(target, key)) }) } as Store;
    const lines: string[] = [];
    const { app } = createApp(broken, { log: (line) => lines.push(line) });
    try {
      const res = await app.request('/api/outlets');
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: { code: 'internal', message: 'internal error' } });
      expect(lines.join('\n')).toContain('boom in a handler');
    } finally {
      await store.close();
    }
  });
});
