/**
 * Feeds into the corpus: `add` reads a feed file, and `watch --once` polls a loopback feed,
 * adds its new items, and on the next poll sends the validators and gets 304 Not Modified.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInterval } from '../../src/cli/watch.js';
import { BRIDGE, ORCHARD } from '../store/pages.js';
import { ITEMS, rss } from './feed-fixture.js';
import { run } from './run.js';

let dir: string;
let server: Server;
let base: string;
const conditional: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsprism-watch-'));
  server = createServer((req, res) => {
    if (req.headers['if-none-match'] === '"v1"') {
      conditional.push('304');
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(rss(ITEMS));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('feeds into the corpus', () => {
  it('add reads a feed file: each full-text item is an article', async () => {
    const feed = join(dir, 'valley.rss');
    writeFileSync(feed, rss(ITEMS));
    const db = join(dir, 'feed.db');
    const { code, err } = await run(['add', '--db', db, feed]);
    expect(err).toMatch(/2 added, 0 duplicates/);
    expect(code).toBe(0);
    const articles = (await run(['export', '--db', db])).out.trim().split('\n').map((l) => JSON.parse(l) as { title: string; outlet: string; source: string });
    expect(articles.map((a) => a.title)).toEqual([BRIDGE.wire.title, ORCHARD.title]);
    expect(articles[0]!.source).toBe(`${feed}#https://valley.example/bridge`);
  });

  it('watch --once adds new items, then a second poll is a conditional GET answered 304', async () => {
    const db = join(dir, 'watch.db');
    const first = await run(['watch', `${base}/feed`, '--db', db, '--once', '--allow-private']);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/2 added/);
    const second = await run(['watch', `${base}/feed`, '--db', db, '--once', '--allow-private']);
    expect(second.code).toBe(0);
    expect(second.err).toMatch(/not modified/);
    expect(conditional).toEqual(['304']);
  });

  it('watch refuses a loopback feed without --allow-private, and a bad interval', async () => {
    const db = join(dir, 'refused.db');
    const refused = await run(['watch', `${base}/feed`, '--db', db, '--once']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/private|loopback/i);
    expect((await run(['watch', `${base}/feed`, '--db', db, '--every', 'soon'])).code).toBe(2);
  });

  it('intervals: seconds, minutes, hours; nothing under a second', () => {
    expect(parseInterval('30s')).toBe(30_000);
    expect(parseInterval('15m')).toBe(900_000);
    expect(parseInterval('1h')).toBe(3_600_000);
    expect(parseInterval('0.5s')).toBeNull();
    expect(parseInterval('15')).toBeNull();
  });
});
