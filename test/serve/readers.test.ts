/**
 * Reader threads: on an SQLite file the heavier reads run in worker threads with their own
 * connections, and must answer exactly what the main thread would; database failures in a thread
 * still come back as 503. PostgreSQL and in-memory databases read in the main thread.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparePage } from '../../src/link/prepare.js';
import { addPreparedPage } from '../../src/store/add.js';
import { openStore, type Store } from '../../src/store/open.js';
import { createApp, type ServedApp } from '../../src/serve/app.js';
import { backends } from '../store/backends.js';
import { BRIDGE, FLOOD, ORCHARD, textPage } from '../store/pages.js';
import { HOSTILE } from './fixtures.js';

const READER = fileURLToPath(new URL('../../src/serve/read-worker.ts', import.meta.url));
const NOW = '2026-11-23T10:00:00.000Z';
const all = await backends();

describe('reader threads on SQLite', () => {
  let dir: string;
  let store: Store;
  let pooled: ServedApp;
  let inline: ServedApp;
  const ids: number[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsprism-readers-'));
    store = await openStore(join(dir, 'corpus.db'));
    for (const spec of [BRIDGE.wire, BRIDGE.rerun, BRIDGE.followUp, FLOOD, ORCHARD, HOSTILE]) ids.push((await addPreparedPage(store, preparePage(textPage(spec)), NOW)).articleId!);
    pooled = createApp(store, { webRoot: dir, readers: 2, readerFile: READER, cache: { maxEntries: 0 }, log: () => undefined });
    inline = createApp(store, { webRoot: dir, readers: 0, cache: { maxEntries: 0 }, log: () => undefined });
  });

  afterAll(async () => {
    await pooled?.close();
    await inline?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answer exactly what the main thread answers', async () => {
    expect(pooled.readers).toBe(2);
    expect(inline.readers).toBe(0);
    const stories = (await (await inline.app.request('/api/stories')).json()) as { items: { id: number }[] };
    const paths = [
      '/api/stories',
      '/api/stories?outlet=ostmarsh%20courier&since=2026-03-01',
      ...stories.items.map((s) => `/api/stories/${s.id}`),
      '/api/stories/99999',
      '/api/timeline',
      `/api/timeline?story=${stories.items.at(-1)!.id}`,
      '/api/quotes?speaker=Quillan',
      '/api/search?q=bridge%20girders&limit=5',
      '/api/articles?limit=3&offset=1',
      '/api/articles?outlet=KESTREL%20WIRE',
      ...ids.map((id) => `/api/articles/${id}`),
      '/api/outlets',
      '/api/entities?q=quill',
    ];
    // Many at once, so both threads are busy.
    const [a, b] = await Promise.all([Promise.all(paths.map((p) => pooled.app.request(p))), Promise.all(paths.map((p) => inline.app.request(p)))]);
    for (const [i, path] of paths.entries()) {
      expect(a[i]!.status, path).toBe(b[i]!.status);
      expect(await a[i]!.json(), path).toEqual(await b[i]!.json());
    }
  });

  it('a database failure inside a reader thread is still a 503 naming the cause', async () => {
    const gone = join(dir, 'gone', 'corpus.db');
    const missing = { ...store, target: gone };
    const served = createApp(missing, { readers: 1, readerFile: READER, cache: { maxEntries: 0 }, log: () => undefined });
    try {
      const res = await served.app.request('/api/stories/1');
      expect(res.status).toBe(503);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('database');
      // Named once, with the cause.
      expect(body.error.message.startsWith(`${gone}: `)).toBe(true);
      expect(body.error.message.slice(gone.length)).toMatch(/^: .*(cannot open|does not exist)/i);
    } finally {
      await served.close();
    }
  });
});

describe.each(all)('reads on $name without threads', (backend) => {
  it('PostgreSQL and in-memory databases read in the main thread', async () => {
    const target = backend.name === 'sqlite' ? ':memory:' : await backend.fresh();
    const store = await openStore(target);
    try {
      const served = createApp(store, { readers: 4, readerFile: READER });
      expect(served.readers).toBe(0);
      expect((await served.app.request('/api/stories')).status).toBe(200);
      await served.close();
    } finally {
      await store.close();
      await backend.cleanup();
    }
  });
});
