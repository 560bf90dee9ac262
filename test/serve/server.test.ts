/**
 * The server around the API: the web app's files (and nothing outside its folder, however the
 * path is spelled), the SPA fallback, the page shown before a build, security headers, the token
 * rules (loopback without a token, a non-loopback address refused without one, 401 without it
 * once set, the browser's ?token= → cookie flow), Host and Origin checks, and one real listen on
 * 127.0.0.1 for the binding, the printed address and shutdown.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparePage } from '../../src/link/prepare.js';
import { addPreparedPage } from '../../src/store/add.js';
import { openStore, type Store } from '../../src/store/open.js';
import { createApp } from '../../src/serve/app.js';
import { CONTENT_SECURITY_POLICY, isLoopback } from '../../src/serve/security.js';
import { accessProblem, serveCommand, startServer } from '../../src/serve/serve.js';
import { NOT_BUILT_PAGE, safeSegments } from '../../src/serve/static.js';
import { run } from '../cli/run.js';
import { BRIDGE, ORCHARD, textPage } from '../store/pages.js';

const TOKEN = 'correct-horse-battery-staple';
let dir: string;
let web: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsprism-serve-'));
  web = join(dir, 'web', 'dist');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>newsprism app</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(web, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(web, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(web, '.env'), 'SECRET=1');
  writeFileSync(join(dir, 'web', 'secret.txt'), 'outside the web root');
  writeFileSync(join(dir, 'package.json'), '{"name":"outside"}');
  symlinkSync(join(dir, 'web', 'secret.txt'), join(web, 'linked.txt'));
  store = await openStore(join(dir, 'corpus.db'));
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the web app', () => {
  it('serves files with their types, index.html at / and for any page path (SPA fallback)', async () => {
    const { app } = createApp(store, { webRoot: web });
    const index = await app.request('/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('newsprism app');
    const js = await app.request('/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(await js.text()).toBe('console.log("app");');
    expect((await app.request('/assets/app.css')).headers.get('content-type')).toMatch(/^text\/css/);
    for (const path of ['/stories/12', '/search?q=bridge', '/entities/Marta%20Quillan', '/a/b/c']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain('newsprism app');
    }
    const head = await app.request('/assets/app.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await app.request('/', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })).status).toBe(405);
  });

  it('never reads outside its folder, however the path is spelled', async () => {
    const { app } = createApp(store, { webRoot: web });
    const attempts = [
      '/../package.json',
      '/../../package.json',
      '/assets/../../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/%2E%2E/package.json',
      '/..%2fpackage.json',
      '/..%2F..%2Fpackage.json',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5cpackage.json',
      '/%2e%2e%5c%2e%2e%5cpackage.json',
      '/assets%2f..%2f..%2fsecret.txt',
      '/.env',
      '/%2eenv',
      '/linked.txt',
      '/assets/app.js%00.html',
      '/%c0%ae%c0%ae/package.json',
      '//etc/passwd',
      '/C:%5cWindows%5cwin.ini',
    ];
    for (const path of attempts) {
      const res = await app.request(path);
      const text = await res.text();
      expect(text, path).not.toContain('outside');
      expect(text, path).not.toContain('SECRET');
      expect(text, path).not.toContain('root:');
      expect([200, 404], path).toContain(res.status);
      if (res.status === 200) expect(text, path).toContain('newsprism app');
    }
    // The same through a real socket, where the path reaches the server exactly as sent.
    const server = await startServer(store, { host: '127.0.0.1', port: 0, webRoot: web });
    try {
      for (const path of ['/../package.json', '/..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/../../secret.txt', '/..\\package.json']) {
        const { status, body } = await rawGet(server.port, path);
        expect(body, path).not.toContain('outside');
        expect([200, 400, 404], path).toContain(status);
      }
    } finally {
      await server.close();
    }
  });

  it('path segments are checked one by one', () => {
    expect(safeSegments('/assets/app.js')).toEqual(['assets', 'app.js']);
    expect(safeSegments('/entities/Marta%20Quillan')).toEqual(['entities', 'Marta Quillan']);
    for (const bad of ['/..', '/a/../b', '/%2e%2e', '/a%2fb', '/a%5cb', '/.git/config', '/a%00', '/%E0%A4%A']) expect(safeSegments(bad), bad).toBeNull();
  });

  it('without a build, pages say how to build it; the API still works', async () => {
    const { app } = createApp(store, { webRoot: join(dir, 'no-such-dist') });
    for (const path of ['/', '/stories/3']) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(NOT_BUILT_PAGE);
    }
    expect(NOT_BUILT_PAGE).toContain('npm run build');
    expect(NOT_BUILT_PAGE).not.toMatch(/<script|style=/);
    expect((await app.request('/api/stories')).status).toBe(200);
  });

  it('every answer carries the CSP, nosniff and no-referrer', async () => {
    const { app } = createApp(store, { webRoot: web });
    for (const path of ['/', '/assets/app.js', '/../package.json', '/api/stories', '/api/nope']) {
      const res = await app.request(path);
      expect(res.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });
});

describe('access', () => {
  it('loopback without a token: open, but only to requests addressed to a loopback host (no DNS rebinding)', async () => {
    const { app } = createApp(store, { webRoot: web });
    expect((await app.request('/api/stories')).status).toBe(200);
    for (const host of ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080', 'localhost']) expect((await app.request('/api/stories', { headers: { host } })).status, host).toBe(200);
    const rebound = await app.request('/api/stories', { headers: { host: 'attacker.example:8080' } });
    expect(rebound.status).toBe(403);
    expect(await rebound.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('cross-site writes are refused', async () => {
    const { app } = createApp(store, { webRoot: web });
    const body = JSON.stringify({ text: 'x' });
    const foreign = await app.request('/api/pages', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://attacker.example' }, body });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: 'forbidden' } });
    const site = await app.request('/api/pages', { method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, body });
    expect(site.status).toBe(403);
  });

  it('with a token: 401 without it (API and pages), 200 with the bearer header or the cookie', async () => {
    const { app } = createApp(store, { webRoot: web, token: TOKEN });
    for (const path of ['/api/stories', '/', '/assets/app.js', '/api/openapi.json']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
    expect((await app.request('/api/stories', { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
    expect((await app.request('/api/stories', { headers: { authorization: `Basic ${TOKEN}` } })).status).toBe(401);
    expect((await app.request('/api/stories', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await app.request('/api/stories', { headers: { cookie: `newsprism_token=${TOKEN}` } })).status).toBe(200);
    expect((await app.request('/api/stories', { headers: { cookie: 'newsprism_token=nope' } })).status).toBe(401);
    // A token makes any Host acceptable: it is what guards the server.
    expect((await app.request('/api/stories', { headers: { host: 'newsroom.lan:8080', authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('the browser opens /?token= once: a cookie is set and the token leaves the address', async () => {
    const { app } = createApp(store, { webRoot: web, token: TOKEN });
    const res = await app.request(`/stories/4?token=${TOKEN}&view=list`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/stories/4?view=list');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^newsprism_token=${TOKEN};`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const api = await app.request(`/api/stories?token=${TOKEN}`);
    expect(api.status).toBe(200);
    expect((await app.request('/?token=wrong')).status).toBe(401);
  });

  it('a non-loopback address needs a token; tokens must be long enough', () => {
    expect(accessProblem('127.0.0.1', null)).toBeNull();
    expect(accessProblem('localhost', null)).toBeNull();
    expect(accessProblem('::1', null)).toBeNull();
    expect(accessProblem('0.0.0.0', null)).toMatch(/token/);
    expect(accessProblem('192.168.1.20', null)).toMatch(/token/);
    expect(accessProblem('::', null)).toMatch(/token/);
    expect(accessProblem('0.0.0.0', TOKEN)).toBeNull();
    expect(accessProblem('127.0.0.1', 'short')).toMatch(/at least 16/);
    expect(isLoopback('127.1.2.3')).toBe(true);
    expect(isLoopback('[::1]')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('10.0.0.1')).toBe(false);
    expect(isLoopback('localhost.attacker.example')).toBe(false);
  });

  it('`newsprism serve --host 0.0.0.0` without a token refuses to start (exit 2), before binding anything', async () => {
    const previous = process.env.NEWSPRISM_TOKEN;
    delete process.env.NEWSPRISM_TOKEN;
    try {
      const { code, err } = await run(['serve', '--db', join(dir, 'corpus.db'), '--host', '0.0.0.0', '--port', '0']);
      expect(code).toBe(2);
      expect(err).toMatch(/--token or NEWSPRISM_TOKEN/);
      expect((await run(['serve', '--db', join(dir, 'corpus.db'), '--port', '70000'])).code).toBe(2);
      expect((await run(['serve', '--db', join(dir, 'corpus.db'), '--token', 'short', '--port', '0'])).code).toBe(2);
    } finally {
      if (previous !== undefined) process.env.NEWSPRISM_TOKEN = previous;
    }
  });
});

function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a real listen on 127.0.0.1', () => {
  it('serve prints its address, answers on it, and stops cleanly', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    stderr.resume();
    const stop = new AbortController();
    const running = serveCommand({ db: join(dir, 'corpus.db'), host: '127.0.0.1', port: 0, workers: 0, maxUpload: 1024 }, { stdout, stderr, stdin: Readable.from([]) }, stop.signal);
    for (let i = 0; i < 200 && !/http:\/\//.test(out); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    const url = /(http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(out);
    expect(url).not.toBeNull();
    const port = Number(url![2]);
    const res = await fetch(`${url![1]}api/stories`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.json()).toEqual({ items: [], limit: 50, offset: 0 });
    const big = await fetch(`${url![1]}api/pages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x'.repeat(4096) }) });
    expect(big.status).toBe(413);
    stop.abort();
    expect(await running).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/api/stories`)).rejects.toThrow();
  });

  it('with a token: 401 without it, 200 with it, over the socket', async () => {
    const server = await startServer(store, { host: '127.0.0.1', port: 0, token: TOKEN, webRoot: web });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect((await fetch(`${server.url}api/stories`)).status).toBe(401);
      expect((await fetch(server.url)).status).toBe(401);
      expect((await fetch(`${server.url}api/stories`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
      const first = await fetch(`${server.url}?token=${TOKEN}`, { redirect: 'manual' });
      expect(first.status).toBe(302);
      const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
      const page = await fetch(server.url, { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('newsprism app');
    } finally {
      await server.close();
    }
  });

  it('a non-loopback host without a token is refused before listening; a busy port is an error', async () => {
    await expect(startServer(store, { host: '0.0.0.0', port: 0 })).rejects.toThrow(/token/);
    const server = await startServer(store, { host: '127.0.0.1', port: 0 });
    try {
      const stderr = new PassThrough();
      let err = '';
      stderr.on('data', (d: Buffer) => (err += d.toString()));
      const code = await serveCommand({ db: join(dir, 'corpus.db'), host: '127.0.0.1', port: server.port, workers: 0, maxUpload: 1024 }, { stdout: new PassThrough(), stderr, stdin: Readable.from([]) });
      expect(code).toBe(1);
      expect(err).toMatch(/cannot listen on 127\.0\.0\.1:\d+: the address is in use/);
    } finally {
      await server.close();
    }
  });
});

describe('answers kept until the corpus changes', () => {
  it('an unchanged corpus answers 304 to a revalidation; a write by another process is seen after the recheck', async () => {
    const path = join(dir, 'cached.db');
    const mine = await openStore(path);
    const other = await openStore(path);
    try {
      const { app } = createApp(mine, { webRoot: web, cache: { recheckMs: 50 } });
      const first = await app.request('/api/articles');
      const etag = first.headers.get('etag')!;
      expect(((await first.json()) as { items: unknown[] }).items).toEqual([]);
      const again = await app.request('/api/articles', { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      await addPreparedPage(other, preparePage(textPage(ORCHARD)), '2026-11-23T10:00:00.000Z');
      await new Promise((resolve) => setTimeout(resolve, 60));
      const after = await app.request('/api/articles', { headers: { 'if-none-match': etag } });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(etag);
      expect(((await after.json()) as { items: unknown[] }).items).toHaveLength(1);
    } finally {
      await other.close();
      await mine.close();
    }
  });

  it("the server's own jobs are seen at once, however long the recheck interval", async () => {
    const path = join(dir, 'cached-jobs.db');
    const mine = await openStore(path);
    try {
      const served = createApp(mine, { webRoot: web, cache: { recheckMs: 3_600_000 } });
      expect(((await (await served.app.request('/api/stories')).json()) as { items: unknown[] }).items).toEqual([]);
      const res = await served.app.request('/api/pages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: textPage(BRIDGE.wire).text }) });
      expect(res.status).toBe(202);
      await served.jobs.idle();
      expect(((await (await served.app.request('/api/stories')).json()) as { items: unknown[] }).items).toHaveLength(1);
      await served.close();
    } finally {
      await mine.close();
    }
  });

  it('can be turned off', async () => {
    const { app } = createApp(store, { webRoot: web, cache: { maxEntries: 0 } });
    const res = await app.request('/api/stories');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('etag')).toBeNull();
  });
});
