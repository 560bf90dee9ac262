/**
 * Feeds through readInputs: files and URLs that are feeds expand into their items, item links
 * are fetched under the same guard and limits as any URL, and a bad item is one error among
 * pages. Also the conditional GET and pollFeed that `watch` loops. Only loopback is contacted:
 * every *.test name resolves to the local server, and only news.test is trusted.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  emptyFeedState,
  feedItemPages,
  fetchUrl,
  InputError,
  MAX_SEEN_IDS,
  pollFeed,
  readInputs,
  type FeedState,
  type IngestOptions,
} from '../../src/ingest/index.js';
import { collect, failure, startServer, success, tempTree, type TempTree, type TestServer } from './helpers.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const FIXED_NOW = new Date('2026-03-14T09:30:00.000Z');

const resolveHost = async (hostname: string): Promise<string[]> => {
  if (hostname.endsWith('.test')) return ['127.0.0.1'];
  throw Object.assign(new Error(`no test record for ${hostname}`), { code: 'ENOTFOUND' });
};

let server: TestServer;
let site: string;
let options: IngestOptions;

const FERRY_FARES_PAGE = `<!doctype html><html><head><title>Ferry fares frozen for another year | Harbour Ledger</title></head>
<body><article><h1>Ferry fares frozen for another year</h1>
<p>The island ferry cooperative will keep its fares unchanged until next spring, its board said on Friday.</p>
<p>Members voted to draw on the repair reserve rather than pass higher fuel costs on to passengers.</p></article></body></html>`;

const LINKS_FEED = (extra = '') => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Ledger: links</title><link>https://harbour-ledger.test/</link>
<item><title>Ferry fares frozen for another year</title><link>/stories/ferry-fares</link><guid>fares</guid></item>
<item><title>A story that was taken down</title><link>/stories/withdrawn</link><guid>withdrawn</guid></item>
<item><title>An item pointing inside the network</title><link>http://127.0.0.1:${server.port}/secret</link><guid>inside</guid></item>
<item><title>Ferry fares (again)</title><link>/stories/ferry-fares</link><guid>fares-again</guid></item>
${extra}</channel></rss>`;

let watchVersion = 1;
let watchRequests: { ifNoneMatch?: string; ifModifiedSince?: string; accept?: string }[] = [];

function watchFeed(version: number): string {
  const items = Array.from({ length: version }, (_, i) => i + 1)
    .reverse()
    .map((n) => `<item><title>Tide table update ${n}</title><link>/tides/${n}</link><guid>tide-${n}</guid></item>`)
    .join('');
  return `<rss version="2.0"><channel><title>Tide Watch</title>${items}</channel></rss>`;
}

beforeAll(async () => {
  server = await startServer();
  site = `http://news.test:${server.port}`;
  options = { allowHosts: ['news.test'], resolveHost, timeoutMs: 2000, now: () => FIXED_NOW };
  server.route('/feeds/links.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(LINKS_FEED());
  });
  server.route('/feeds/full.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(fixture('rss-full.xml'));
  });
  server.route('/stories/ferry-fares', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(FERRY_FARES_PAGE);
  });
  server.route('/secret', (_req, res) => {
    res.end('internal admin page');
  });
  server.route('/not-a-feed', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><body><p>Just a page</p></body></html>');
  });
  server.route('/watch.xml', (req, res) => {
    watchRequests.push({
      ifNoneMatch: req.headers['if-none-match'],
      ifModifiedSince: req.headers['if-modified-since'],
      accept: req.headers.accept,
    });
    const etag = `"tides-v${watchVersion}"`;
    const lastModified = new Date(Date.UTC(2026, 2, watchVersion)).toUTCString();
    if (req.headers['if-none-match'] === etag) {
      // Some servers send the validators again on a 304, some do not; this one does not.
      res.writeHead(304);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': lastModified });
    res.end(watchFeed(watchVersion));
  });
  server.route('/dated.xml', (req, res) => {
    if (req.headers['if-modified-since'] === 'Sun, 01 Mar 2026 00:00:00 GMT') {
      res.writeHead(304, { 'last-modified': 'Sun, 01 Mar 2026 00:00:00 GMT' });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'last-modified': 'Sun, 01 Mar 2026 00:00:00 GMT' });
    res.end(watchFeed(2));
  });
  server.route('/plain-304', (_req, res) => {
    res.writeHead(304);
    res.end();
  });
});

afterAll(async () => {
  await server.close();
});

let tree: TempTree;
beforeEach(async () => {
  tree = await tempTree();
  watchVersion = 1;
  watchRequests = [];
});
afterEach(async () => {
  await tree.remove();
});

describe('readInputs: feed files', () => {
  it('turns a full-text item into an article page and a link-only item into a fetch', async () => {
    const path = await tree.write('ledger.xml', fixture('rss-full.xml'));
    const items = await collect(readInputs([path], { ...options, allowHosts: [] }));
    expect(items).toHaveLength(2);
    const page = success(items[0]);
    expect(page.context).toEqual({
      source: `${path}#https://harbour-ledger.test/news/dawn-ferry`,
      url: 'https://harbour-ledger.test/news/dawn-ferry',
      published: null,
      fetched: null,
    });
    expect(page.format).toBe('html');
    expect(page.encoding).toBe('utf-8');
    expect(page.text).toContain('<title>Kestrel Bay ferry adds a dawn sailing for market traders</title>');
    expect(page.text).toContain('<meta property="og:site_name" content="The Harbour Ledger">');
    expect(page.text).toContain('<meta property="article:published_time" content="2026-03-03T06:15:00.000Z">');
    expect(page.text).toContain('<p class="byline">By Morwenna Tallack</p>');
    expect(page.text).toContain('<html lang="en-gb">');
    // The link-only item resolved against the channel link; that host is not local, so its fetch
    // is refused, and the refusal names the item.
    const error = failure(items[1]);
    expect(error.source).toBe(`${path}#https://harbour-ledger.test/news/harbour-wall-survey`);
    expect(error.code).toBe('private-address');
    expect(error.message).toBe(
      `${path}#https://harbour-ledger.test/news/harbour-wall-survey: refusing non-public address harbour-ledger.test (127.0.0.1) (private networks must be allowed explicitly)`,
    );
  });

  it('reads Atom, RSS 1.0 and JSON Feed files, with the user context on every page', async () => {
    const atom = await tree.write('courier.atom', fixture('atom.xml'));
    const json = await tree.write('weekly.json', fixture('feed.json'));
    const items = await collect(
      readInputs([atom, json], { resolveHost, timeoutMs: 2000, published: '2026-03-01', fetched: '2026-03-02T08:00:00Z' }),
    );
    const summary = items.map((item) => (item.ok ? `page ${item.page.context.source}` : `${item.error.code} ${item.error.source}`));
    expect(summary).toEqual([
      `page ${atom}#https://lowmoor-courier.test/stories/library-reopens`,
      `private-address ${atom}#https://lowmoor-courier.test/stories/bus-shelter-vote`,
      `page ${json}#https://skerry-weekly.test/2026/eelgrass-survey`,
      `private-address ${json}#https://skerry-weekly.test/2026/quay-lights`,
      `malformed ${json}#no-link`,
    ]);
    expect(success(items[0]).context).toMatchObject({ published: '2026-03-01', fetched: '2026-03-02T08:00:00Z' });
    expect(failure(items[4]).message).toBe(`${json}#no-link: feed item has neither its full text nor a link`);
  });

  it('decodes a feed by its XML declaration and reports that charset on the built pages', async () => {
    const legacy = fixture('rss-full.xml')
      .replace('encoding="UTF-8"', 'encoding="windows-1252"')
      .replace('Kestrel Bay ferry adds', 'Kestrel Bay café ferry adds');
    const path = await tree.write('legacy.xml', iconv.encode(legacy, 'windows-1252'));
    const [first] = await collect(readInputs([path], { resolveHost }));
    expect(success(first).encoding).toBe('windows-1252');
    expect(success(first).text).toContain('<title>Kestrel Bay café ferry adds a dawn sailing for market traders</title>');
  });

  it('reports a malformed feed as one error and goes on to the next input', async () => {
    const broken = await tree.write('broken.xml', fixture('rss-full.xml').slice(0, 900));
    const good = await tree.write('story.txt', 'A plain story.');
    const items = await collect(readInputs([broken, good]));
    expect(failure(items[0])).toMatchObject({ code: 'malformed', source: broken });
    expect(success(items[1]).text).toBe('A plain story.');
  });

  it('keeps an entity bomb harmless', async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const bomb = await tree.write(
      'bomb.rss',
      `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">${levels}]><rss version="2.0"><channel><title>&l9;</title>
       <item><title>&l9;</title><content:encoded>&l9; &l9; &l9;</content:encoded></item></channel></rss>`,
    );
    const [item, ...rest] = await collect(readInputs([bomb]));
    expect(rest).toEqual([]);
    expect(failure(item).code).toBe('malformed');
    expect(failure(item).message).toMatch(/^.*bomb\.rss#sha256:[0-9a-f]{24}: feed item has neither its full text nor a link$/);
  });

  it('picks up .rss and .atom files when walking a folder, but not other XML', async () => {
    await tree.write('d/ledger.rss', fixture('rss-full.xml'));
    await tree.write('d/courier.atom', fixture('atom.xml'));
    await tree.write('d/sitemap.xml', '<urlset></urlset>');
    const items = await collect(readInputs([`${tree.root}/d`], { resolveHost, timeoutMs: 2000 }));
    expect(items.filter((item) => item.ok).map((item) => success(item).context.url)).toEqual([
      'https://lowmoor-courier.test/stories/library-reopens',
      'https://harbour-ledger.test/news/dawn-ferry',
    ]);
  });

  it('reads a feed from stdin', async () => {
    const stdin = Readable.from([Buffer.from(fixture('feed.json'))]);
    const [first] = await collect(readInputs(['-'], { stdin, resolveHost }));
    expect(success(first).context.source).toBe('-#https://skerry-weekly.test/2026/eelgrass-survey');
  });
});

describe('readInputs: feed URLs', () => {
  it('fetches item links relative to the feed URL, guarded, one error per bad item', async () => {
    const feedUrl = `${site}/feeds/links.xml`;
    const before = server.hits.length;
    const items = await collect(readInputs([feedUrl], options));
    expect(items).toHaveLength(3);
    const page = success(items[0]);
    expect(page.context).toEqual({
      source: `${feedUrl}#${site}/stories/ferry-fares`,
      url: `${site}/stories/ferry-fares`,
      published: null,
      fetched: '2026-03-14T09:30:00.000Z',
    });
    expect(page.format).toBe('html');
    expect(page.text).toContain('Members voted to draw on the repair reserve');
    expect(failure(items[1]).message).toBe(`${feedUrl}#${site}/stories/withdrawn: HTTP 404 Not Found`);
    const inside = failure(items[2]);
    expect(inside.code).toBe('private-address');
    expect(inside.source).toBe(`${feedUrl}#http://127.0.0.1:${server.port}/secret`);
    // The feed, the page and the 404: the duplicate link was fetched once, the private one never.
    expect(server.hits.slice(before)).toEqual(['/feeds/links.xml', '/stories/ferry-fares', '/stories/withdrawn']);
  });

  it('stamps pages built from a fetched feed with the fetch moment of the feed', async () => {
    const feedUrl = `${site}/feeds/full.xml`;
    const [first] = await collect(readInputs([feedUrl], options));
    expect(success(first).context).toMatchObject({
      source: `${feedUrl}#https://harbour-ledger.test/news/dawn-ferry`,
      fetched: '2026-03-14T09:30:00.000Z',
    });
  });
});

describe('fetchUrl: conditional GET', () => {
  it('returns the validators, and sends them back as If-None-Match / If-Modified-Since', async () => {
    const first = await fetchUrl(`${site}/watch.xml`, options);
    expect(first).toMatchObject({ notModified: false, etag: '"tides-v1"', lastModified: 'Sun, 01 Mar 2026 00:00:00 GMT' });
    const second = await fetchUrl(`${site}/watch.xml`, { ...options, etag: first.etag, lastModified: first.lastModified });
    expect(second).toMatchObject({ notModified: true, etag: null, lastModified: null, finalUrl: `${site}/watch.xml` });
    expect(second.bytes).toHaveLength(0);
    expect(watchRequests[0]).toMatchObject({ ifNoneMatch: undefined, ifModifiedSince: undefined });
    expect(watchRequests[1]).toMatchObject({ ifNoneMatch: '"tides-v1"', ifModifiedSince: 'Sun, 01 Mar 2026 00:00:00 GMT' });
  });

  it('treats an unasked-for 304 as the error it always was', async () => {
    const error = await fetchUrl(`${site}/plain-304`, options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`${site}/plain-304: HTTP 304 Not Modified`);
  });
});

describe('pollFeed', () => {
  it('returns every item first, nothing while unchanged, then only what is new', async () => {
    const url = `${site}/watch.xml`;
    const first = await pollFeed(url, null, options);
    expect(first.items.map((item) => item.id)).toEqual(['tide-1']);
    expect(first.state).toEqual({ etag: '"tides-v1"', lastModified: 'Sun, 01 Mar 2026 00:00:00 GMT', seen: ['tide-1'] });
    expect(first).toMatchObject({ notModified: false, finalUrl: url, fetchedAt: '2026-03-14T09:30:00.000Z', encoding: 'utf-8' });
    expect(first.feed?.title).toBe('Tide Watch');
    expect(watchRequests[0]?.accept).toMatch(/^application\/rss\+xml,application\/atom\+xml/);

    const unchanged = await pollFeed(url, first.state, options);
    expect(unchanged).toMatchObject({ notModified: true, items: [], feed: null });
    // The 304 carried no validators, so the old ones are kept.
    expect(unchanged.state).toEqual(first.state);

    watchVersion = 3;
    const updated = await pollFeed(url, unchanged.state, options);
    expect(updated.items.map((item) => item.link)).toEqual([`${site}/tides/3`, `${site}/tides/2`]);
    expect(updated.state).toEqual({
      etag: '"tides-v3"',
      lastModified: 'Tue, 03 Mar 2026 00:00:00 GMT',
      seen: ['tide-3', 'tide-2', 'tide-1'],
    });
    expect(watchRequests.map((request) => request.ifNoneMatch)).toEqual([undefined, '"tides-v1"', '"tides-v1"']);
  });

  it('works from Last-Modified alone', async () => {
    const url = `${site}/dated.xml`;
    const first = await pollFeed(url, emptyFeedState(), options);
    expect(first.state.lastModified).toBe('Sun, 01 Mar 2026 00:00:00 GMT');
    const again = await pollFeed(url, first.state, options);
    expect(again.notModified).toBe(true);
  });

  it('does not repeat items it saw, even without validators, and keeps the seen list bounded', async () => {
    const url = `${site}/dated.xml`;
    const old = Array.from({ length: MAX_SEEN_IDS + 10 }, (_, i) => `old-${i}`);
    const state: FeedState = { etag: null, lastModified: null, seen: ['tide-1', ...old] };
    const result = await pollFeed(url, state, options);
    expect(result.items.map((item) => item.id)).toEqual(['tide-2']);
    expect(result.state.seen).toHaveLength(MAX_SEEN_IDS);
    expect(result.state.seen.slice(0, 3)).toEqual(['tide-2', 'tide-1', 'old-0']);
    expect(state.seen).toHaveLength(MAX_SEEN_IDS + 11);
  });

  it('hands its items to feedItemPages for the pages', async () => {
    const url = `${site}/feeds/links.xml`;
    const result = await pollFeed(url, null, options);
    const items = await collect(feedItemPages(result.items.slice(0, 1), url, { ...options, feedFetchedAt: result.fetchedAt }));
    expect(success(items[0]).context.source).toBe(`${url}#${site}/stories/ferry-fares`);
  });

  it('throws InputError for a page that is not a feed and for a failed fetch', async () => {
    await expect(pollFeed(`${site}/not-a-feed`, null, options)).rejects.toMatchObject({ code: 'malformed' });
    await expect(pollFeed(`${site}/nowhere.xml`, null, options)).rejects.toMatchObject({ code: 'http-status' });
    await expect(pollFeed(`http://127.0.0.1:${server.port}/watch.xml`, null, options)).rejects.toMatchObject({
      code: 'private-address',
    });
  });
});
