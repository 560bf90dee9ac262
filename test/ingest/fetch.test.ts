import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl, InputError, readInputs, type FetchOptions } from '../../src/ingest/index.js';
import { collect, RUSSIAN_ARTICLE, startServer, success, type TestServer } from './helpers.js';

let server: TestServer;
const FIXED_NOW = new Date('2026-03-14T09:30:00.000Z');
const local: FetchOptions = { allowPrivate: true, now: () => FIXED_NOW };

beforeAll(async () => {
  server = await startServer();
  server.route('/ru', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' });
    res.end(iconv.encode(`<html><body><p>${RUSSIAN_ARTICLE}</p></body></html>`, 'windows-1251'));
  });
  server.route('/gone', (_req, res) => {
    res.writeHead(410);
    res.end();
  });
  for (let hop = 1; hop <= 3; hop += 1) {
    server.route(`/hop${hop}`, (_req, res) => {
      // Mixes relative and absolute Location headers, as real sites do.
      const next = hop === 3 ? '/final' : hop === 1 ? `${server.origin}/hop2` : 'hop3';
      res.writeHead(hop === 2 ? 301 : 302, { location: next });
      res.end();
    });
  }
  server.route('/final', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Arrived ✓');
  });
  server.route('/loop-a', (_req, res) => {
    res.writeHead(302, { location: '/loop-b' });
    res.end();
  });
  server.route('/loop-b', (_req, res) => {
    res.writeHead(302, { location: '/loop-a' });
    res.end();
  });
  server.route('/endless', (req, res) => {
    const n = Number(new URL(req.url ?? '', server.origin).searchParams.get('n') ?? '0');
    res.writeHead(307, { location: `/endless?n=${n + 1}` });
    res.end();
  });
  server.route('/slow', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('start of a page that never ends...');
  });
  server.route('/silent', () => undefined);
  server.route('/huge', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    for (let i = 0; i < 64; i += 1) res.write(Buffer.alloc(16 * 1024, 0x61));
    res.end();
  });
  server.route('/huge-declared', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(10 * 1024 * 1024) });
    res.write('a');
  });
  server.route('/gzip', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
    res.end(gzipSync(Buffer.from('<html><body><p>Compressed — ok</p></body></html>')));
  });
  server.route('/bomb', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
    res.end(gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x61)));
  });
  server.route('/to-ftp', (_req, res) => {
    res.writeHead(302, { location: 'ftp://example.com/file' });
    res.end();
  });
});

afterAll(async () => {
  await server.close();
});

async function fetchError(url: string, options: FetchOptions = local): Promise<InputError> {
  const error = await fetchUrl(url, options).then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${String(error)}`);
  return error;
}

describe('fetchUrl', () => {
  it('returns the bytes, content type, final URL and fetch moment', async () => {
    const result = await fetchUrl(`${server.origin}/ru`, local);
    expect(result.contentType).toBe('text/html; charset=windows-1251');
    expect(result.finalUrl).toBe(`${server.origin}/ru`);
    expect(result.fetchedAt).toBe('2026-03-14T09:30:00.000Z');
    expect(iconv.decode(Buffer.from(result.bytes), 'windows-1251')).toContain(RUSSIAN_ARTICLE);
  });

  it('reports a non-2xx status with its code', async () => {
    const error = await fetchError(`${server.origin}/gone`);
    expect(error.code).toBe('http-status');
    expect(error.message).toBe(`${server.origin}/gone: HTTP 410 Gone`);
    expect((await fetchError(`${server.origin}/nowhere`)).message).toContain('HTTP 404 Not Found');
  });

  it('follows a redirect chain within the limit', async () => {
    const result = await fetchUrl(`${server.origin}/hop1`, local);
    expect(result.finalUrl).toBe(`${server.origin}/final`);
    expect(Buffer.from(result.bytes).toString('utf8')).toBe('Arrived ✓');
  });

  it('refuses a chain longer than maxRedirects', async () => {
    const error = await fetchError(`${server.origin}/hop1`, { ...local, maxRedirects: 2 });
    expect(error.code).toBe('too-many-redirects');
    expect(error.message).toBe(`${server.origin}/hop1: more than 2 redirects`);
  });

  it('stops a redirect loop', async () => {
    const error = await fetchError(`${server.origin}/loop-a`);
    expect(error).toMatchObject({ code: 'too-many-redirects', message: `${server.origin}/loop-a: redirect loop` });
  });

  it('stops an endless chain of fresh URLs after the default five redirects', async () => {
    const before = server.hits.filter((hit) => hit.startsWith('/endless')).length;
    expect((await fetchError(`${server.origin}/endless`)).code).toBe('too-many-redirects');
    expect(server.hits.filter((hit) => hit.startsWith('/endless')).length - before).toBe(6);
  });

  it('times out a body that never finishes and a server that never answers', async () => {
    const slow = await fetchError(`${server.origin}/slow`, { ...local, timeoutMs: 150 });
    expect(slow).toMatchObject({ code: 'timeout', message: `${server.origin}/slow: no complete response within 150 ms` });
    const silent = await fetchError(`${server.origin}/silent`, { ...local, timeoutMs: 150 });
    expect(silent.code).toBe('timeout');
  });

  it('aborts a body past the size cap', async () => {
    const error = await fetchError(`${server.origin}/huge`, { ...local, maxBytes: 64 * 1024 });
    expect(error).toMatchObject({ code: 'too-large', message: `${server.origin}/huge: response larger than 64 KiB` });
  });

  it('refuses a declared Content-Length over the cap without reading', async () => {
    const error = await fetchError(`${server.origin}/huge-declared`, { ...local, maxBytes: 1024 });
    expect(error.code).toBe('too-large');
  });

  it('inflates a gzip body', async () => {
    const result = await fetchUrl(`${server.origin}/gzip`, local);
    expect(Buffer.from(result.bytes).toString('utf8')).toBe('<html><body><p>Compressed — ok</p></body></html>');
  });

  it('applies the cap to the inflated size, so a compression bomb stops early', async () => {
    const error = await fetchError(`${server.origin}/bomb`, { ...local, maxBytes: 256 * 1024 });
    expect(error.code).toBe('too-large');
  });

  it('refuses non-http schemes, also as a redirect target', async () => {
    expect((await fetchError('file:///etc/passwd')).code).toBe('unsupported-scheme');
    const redirected = await fetchError(`${server.origin}/to-ftp`);
    expect(redirected.code).toBe('unsupported-scheme');
    expect(redirected.message).toContain('redirect to ftp:');
  });

  it('refuses malformed URLs', async () => {
    expect((await fetchError('http://')).code).toBe('bad-url');
    expect((await fetchError('http://exa mple.com/')).code).toBe('bad-url');
  });

  it('reports a refused connection as a network error', async () => {
    const closed = await startServer();
    const origin = closed.origin;
    await closed.close();
    expect((await fetchError(`${origin}/`)).message).toBe(`${origin}/: connection refused`);
  });
});

describe('readInputs with URLs', () => {
  it('decodes by the header charset and stamps url and fetched', async () => {
    const url = `${server.origin}/hop1`;
    const [item] = await collect(readInputs([url], { allowPrivate: true, now: () => FIXED_NOW }));
    expect(success(item)).toEqual({
      context: { source: url, url: `${server.origin}/final`, published: null, fetched: '2026-03-14T09:30:00.000Z' },
      format: 'text',
      text: 'Arrived ✓',
      encoding: 'utf-8',
    });
  });

  it('keeps a user-given fetched moment and sniffs HTML from the Content-Type', async () => {
    const [item] = await collect(
      readInputs([`${server.origin}/ru`], { allowPrivate: true, fetched: '2026-01-01T00:00:00Z', published: '2025-12-31' }),
    );
    const page = success(item);
    expect(page.context).toMatchObject({ fetched: '2026-01-01T00:00:00Z', published: '2025-12-31' });
    expect(page).toMatchObject({ format: 'html', encoding: 'windows-1251' });
    expect(page.text).toContain(RUSSIAN_ARTICLE);
  });

  it('turns fetch failures into items and continues', async () => {
    const items = await collect(
      readInputs([`${server.origin}/gone`, `${server.origin}/gzip`], { allowPrivate: true, timeoutMs: 2000 }),
    );
    expect(items.map((item) => (item.ok ? item.page.format : item.error.code))).toEqual(['http-status', 'html']);
  });
});
