/**
 * Adding pages over HTTP on SQLite and (when a server answers) PostgreSQL: pasted text and HTML,
 * uploaded files (pages, feeds), URLs under the private-address guard, the body cap (413), the
 * media types accepted (415), bad bodies (400) and the job's counters as the web app polls them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/open.js';
import { createApp, type ServedApp } from '../../src/serve/app.js';
import type { JobStatus } from '../../src/serve/schemas.js';
import { backends } from '../store/backends.js';
import { BRIDGE, FLOOD, ORCHARD, textPage } from '../store/pages.js';
import { HOSTILE } from './fixtures.js';

const all = await backends();

function postJson(served: ServedApp, body: unknown, headers: Record<string, string> = {}) {
  return served.app.request('/api/pages', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

async function finished(served: ServedApp, res: Response): Promise<JobStatus> {
  expect(res.status).toBe(202);
  const { job } = (await res.json()) as { job: JobStatus };
  expect(res.headers.get('location')).toBe(`/api/jobs/${job.id}`);
  expect(['queued', 'running']).toContain(job.state);
  await served.jobs.idle();
  const polled = await served.app.request(`/api/jobs/${job.id}`);
  expect(polled.status).toBe(200);
  return (await polled.json()) as JobStatus;
}

const HTML_PAGE = `<!doctype html><html><head><title>Ferry strike ends in Ostmarsh</title>
<meta property="og:site_name" content="Ostmarsh Courier"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry strike ends after crews accept pay offer</h1>
<p>By Ines Morrow</p><time datetime="2026-08-14">14 August 2026</time>
<p>Ferry crews in Ostmarsh voted on Thursday to accept a 6 percent pay offer, ending a strike that had stranded island residents for nine days, the crews' union said.</p>
<p>"This is a fair settlement and our members can go back to work with their heads held high," said Corin Tallow, the union's regional organiser.</p>
<p>Sailings to the islands resume on Saturday morning, the ferry company said, with extra crossings over the weekend to clear the backlog of freight.</p>
</article><footer>© Ostmarsh Courier</footer></body></html>`;

const FEED = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Valley Desk</title><link>https://valley.example/</link>
<item><title>${ORCHARD.title}</title><link>https://valley.example/orchard</link><pubDate>Tue, 21 Apr 2026 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[${ORCHARD.paragraphs.map((p) => `<p>${p}</p>`).join('')}<p>${'Growers across the valley will meet on Friday to count the cost of the frost and to decide whether to ask for a formal inquiry into the forecast that failed to warn them. '.repeat(3)}</p>]]></content:encoded></item>
</channel></rss>`;

describe.each(all)('POST /api/pages on $name', (backend) => {
  let store: Store;
  let served: ServedApp;
  let progress: () => void = () => undefined;

  beforeAll(async () => {
    store = await openStore(await backend.fresh());
    served = createApp(store, { webRoot: '/nonexistent', maxBodyBytes: 256 * 1024, log: () => undefined, jobs: { onWrite: () => progress() } });
  });

  afterAll(async () => {
    await served?.close();
    await store?.close();
    await backend.cleanup();
  });

  it('pasted text: a job that adds the page; the same text again is unchanged', async () => {
    const job = await finished(served, await postJson(served, { text: textPage(BRIDGE.wire).text, name: 'bridge' }));
    expect(job).toMatchObject({ state: 'done', added: 1, duplicates: 0, updated: 0, unchanged: 0, failed: 0, failures: [], stories: 1, error: null });
    expect(job.finished).not.toBeNull();
    const stories = (await (await served.app.request('/api/stories')).json()) as { items: { articles: number }[] };
    expect(stories.items).toHaveLength(1);
    const again = await finished(served, await postJson(served, { text: textPage(BRIDGE.wire).text, name: 'bridge' }));
    expect(again).toMatchObject({ state: 'done', added: 0, unchanged: 1 });
    const articles = (await (await served.app.request('/api/articles')).json()) as { items: { source: string }[] };
    expect(articles.items.map((a) => a.source)).toEqual(['paste:bridge']);
  });

  it('pasted text under the same name with new content is an update; without a name the text names itself', async () => {
    const edited = textPage(BRIDGE.wire).text.replace('within six weeks', 'within eight weeks');
    expect(await finished(served, await postJson(served, { text: edited, name: 'bridge' }))).toMatchObject({ updated: 1 });
    const copy = await finished(served, await postJson(served, { text: textPage(BRIDGE.rerun).text }));
    expect(copy).toMatchObject({ state: 'done', duplicates: 1 });
    const articles = (await (await served.app.request('/api/articles')).json()) as { items: { source: string }[] };
    expect(articles.items.map((a) => a.source)).toContainEqual(expect.stringMatching(/^paste:[0-9a-f]{12}$/));
  });

  it('pasted HTML is cleaned as HTML: navigation and footer are removals, not text', async () => {
    const job = await finished(served, await postJson(served, { html: HTML_PAGE, name: 'ferry.html', published: '2026-08-14' }));
    expect(job).toMatchObject({ state: 'done', added: 1 });
    const list = (await (await served.app.request('/api/articles?outlet=ostmarsh%20courier')).json()) as { items: { id: number; source: string }[] };
    const ferry = list.items.find((a) => a.source === 'paste:ferry.html')!;
    const article = (await (await served.app.request(`/api/articles/${ferry.id}`)).json()) as { title: string; text: string; removed: { text: string; rule: string }[]; quotes: { speaker: { name: string } | null }[] };
    expect(article.title).toBe('Ferry strike ends after crews accept pay offer');
    expect(article.text).toContain('6 percent pay offer');
    expect(article.text).not.toContain('Home');
    expect(article.removed.length).toBeGreaterThan(0);
    expect(article.quotes.some((q) => q.speaker?.name === 'Corin Tallow')).toBe(true);
  });

  it('uploaded files: several pages and a feed in one multipart request', async () => {
    const form = new FormData();
    form.append('file', new File([textPage(FLOOD).text], 'flood-barriers.txt', { type: 'text/plain' }));
    form.append('file', new File([textPage(HOSTILE).text], 'hostile.txt', { type: 'text/plain' }));
    form.append('other', new File([FEED], 'valley.rss', { type: 'application/rss+xml' }));
    form.append('note', 'not a file: ignored');
    const job = await finished(served, await served.app.request('/api/pages', { method: 'POST', body: form }));
    expect(job).toMatchObject({ state: 'done', added: 3, failed: 0 });
    const articles = (await (await served.app.request('/api/articles?role=main')).json()) as { items: { source: string; title: string }[] };
    const sources = articles.items.map((a) => a.source);
    expect(sources).toEqual(expect.arrayContaining(['upload:flood-barriers.txt', 'upload:hostile.txt']));
    expect(sources.some((s) => s.startsWith('upload:valley.rss'))).toBe(true);
    const hostile = articles.items.find((a) => a.source === 'upload:hostile.txt')!;
    expect(hostile.title).toContain('<script>alert(1)</script>');
  });

  it('an upload that is not a page fails in the job, named, and the rest of the upload is kept', async () => {
    const form = new FormData();
    form.append('file', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], 'photo.png'));
    form.append('file', new File(['   \n  '], '../../etc/empty.txt'));
    const kept = textPage({
      source: 'x',
      outlet: 'Vale Gazette',
      title: 'Dunmere library reopens after roof repairs',
      date: '2026-06-02',
      paragraphs: [
        'The public library in Dunmere reopened on Monday after eight months of repairs to its leaking slate roof, the town council said.',
        'Volunteers carried about 12,000 books back onto the shelves over the weekend, and the reading room has new lighting paid for by a local trust.',
        '"People have missed the place more than we expected," said Hollis Brack, the head librarian. "The children\'s corner was full within an hour."',
      ],
    });
    form.append('file', new File([kept.text], 'library.txt'));
    const job = await finished(served, await served.app.request('/api/pages', { method: 'POST', body: form }));
    expect(job).toMatchObject({ state: 'done', failed: 2, added: 1 });
    expect(job.failures.map((f) => f.source)).toEqual(['upload:photo.png', 'upload:empty.txt']);
    expect(job.failures[0]!.reason).toMatch(/binary/);
  });

  it('a URL on a loopback or private address is refused by the guard (no request leaves the machine)', async () => {
    for (const url of ['http://127.0.0.1:9/page', 'http://10.1.2.3/feed.xml', 'http://[::1]/x', 'http://localhost:1/']) {
      const job = await finished(served, await postJson(served, { url }));
      expect(job, url).toMatchObject({ state: 'done', added: 0, failed: 1 });
      expect(job.failures[0]!.reason, url).toMatch(/private|loopback|not a public/i);
    }
  });

  it('bodies are validated: 400 for bad JSON, unknown or missing fields, non-http URLs; 415 for other media types', async () => {
    const cases: [unknown, RegExp][] = [
      [{}, /text|html|url/],
      [{ text: '' }, /text/],
      [{ text: 'x', html: '<p>x</p>' }, /./],
      [{ url: 'file:///etc/passwd' }, /url/],
      [{ url: '/etc/passwd' }, /url/],
      [{ url: 'ftp://example.org/x' }, /url/],
      [{ text: 'x', published: '2026-02-30' }, /published/],
      [{ text: 'x', name: 'a\nb' }, /name/],
      [{ text: 'x', extra: 1 }, /./],
      [[1, 2], /./],
    ];
    for (const [body, message] of cases) {
      const res = await postJson(served, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await res.json(), JSON.stringify(body)).toEqual({ error: { code: 'validation', message: expect.stringMatching(message) } });
    }
    const malformed = await served.app.request('/api/pages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": ' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'validation' } });
    const plain = await served.app.request('/api/pages', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(plain.status).toBe(415);
    expect(await plain.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    const empty = await served.app.request('/api/pages', { method: 'POST', body: new FormData() });
    expect(empty.status).toBe(400);
    const noFile = new FormData();
    noFile.append('text', 'just a field');
    const fieldOnly = await served.app.request('/api/pages', { method: 'POST', body: noFile });
    expect(fieldOnly.status).toBe(400);
    expect(await fieldOnly.json()).toMatchObject({ error: { code: 'validation', message: expect.stringMatching(/no file/) } });
  });

  it('bodies over the cap are 413, by Content-Length or while streaming, and start no job', async () => {
    const big = 'x'.repeat(300 * 1024);
    const res = await postJson(served, { text: big });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'too_large', message: expect.stringMatching(/262144 bytes/) } });
    const form = new FormData();
    form.append('file', new File([big], 'big.txt'));
    expect((await served.app.request('/api/pages', { method: 'POST', body: form })).status).toBe(413);
    // No Content-Length: counted while the body streams in.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(10_000)));
        controller.close();
      },
    });
    const streamed = await served.app.request('/api/pages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('GET /api/jobs/:id: 404 for a job that does not exist', async () => {
    const res = await served.app.request('/api/jobs/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('counters move while a job runs', async () => {
    const form = new FormData();
    for (const [i, spec] of [BRIDGE.followUp, FLOOD, ORCHARD].entries()) form.append('file', new File([textPage({ ...spec, title: `${spec.title} (${i})` }).text], `progress-${i}.txt`));
    const seen: number[] = [];
    let id = '';
    // Read the job the moment each page is stored, as a poll arriving then would.
    progress = () => {
      const status = served.jobs.get(id);
      if (status) seen.push(status.added + status.duplicates + status.updated + status.unchanged + status.failed);
    };
    try {
      const res = await served.app.request('/api/pages', { method: 'POST', body: form });
      id = ((await res.json()) as { job: JobStatus }).job.id;
      await served.jobs.idle();
    } finally {
      progress = () => undefined;
    }
    expect(seen.slice(0, 3)).toEqual([1, 2, 3]);
    const status = (await (await served.app.request(`/api/jobs/${id}`)).json()) as JobStatus;
    expect(status).toMatchObject({ state: 'done', failed: 0 });
    expect(status.added + status.duplicates).toBe(3);
  });
});
