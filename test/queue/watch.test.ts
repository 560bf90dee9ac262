/**
 * `watch --queue` on several machines: watchers running at once queue one poll per feed per
 * interval, so the feed is fetched once, and a worker turns its items into articles.
 */
import { createServer, type Server } from 'node:http';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchQueueCommand } from '../../src/cli/queue.js';
import { QUEUE_SCHEMA } from '../../src/queue/boss.js';
import { runWorker } from '../../src/queue/worker.js';
import { openStore } from '../../src/store/open.js';
import { ITEMS, rss } from '../cli/feed-fixture.js';
import { postgresAnswers, postgresBackend } from '../store/backends.js';
import { drained, NOW, quietIo } from './helpers.js';

const pgUp = await postgresAnswers();
const backend = postgresBackend();
let server: Server;
let feed: string;
let fetches = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    fetches++;
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(ITEMS));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  feed = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/valley.rss`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await backend.cleanup();
});

describe.skipIf(!pgUp)('watch --queue', () => {
  it('three watchers at once queue one poll of the feed; a worker fetches it once and stores its items', async () => {
    const url = await backend.fresh();
    const watch = () => watchQueueCommand([feed], { db: url, every: '1h', once: true, allowPrivate: true, timeout: 5 }, quietIo());
    expect(await Promise.all([watch(), watch(), watch()])).toEqual([0, 0, 0]);
    const store = await openStore(url);
    try {
      const polls = async () => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(`${QUEUE_SCHEMA}.job`)} where name = 'poll'`.execute(store.db)).rows[0]!.n);
      expect(await polls()).toBe(1);

      const controller = new AbortController();
      const worker = runWorker({ url, concurrency: 1, signal: controller.signal, log: () => undefined, now: NOW, idleMs: 100 });
      try {
        await drained(url, 60_000);
      } finally {
        controller.abort();
        await worker;
      }
      expect(fetches).toBe(1);
      const titles = (await store.db.selectFrom('articles').select('title').where('role', '=', 'main').execute()).map((a) => a.title).sort();
      expect(titles).toEqual(ITEMS.map((i) => i.title).sort());

      // The same interval again: nothing new is queued, however many watchers ask.
      expect(await Promise.all([watch(), watch()])).toEqual([0, 0]);
      expect(await polls()).toBe(1);
    } finally {
      await store.close();
    }
  }, 120_000);
});
