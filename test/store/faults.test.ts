/**
 * Faults while writing: a full disk stops the page with a clear cause and keeps everything
 * committed before it; a PostgreSQL connection that drops mid-batch is retried and the batch
 * finishes with nothing lost or doubled.
 */
import { createServer, type Server, Socket } from 'node:net';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { addInputs } from '../../src/cli/add.js';
import { preparePage } from '../../src/link/prepare.js';
import { addPreparedPage } from '../../src/store/add.js';
import { describeStoreError, openStore } from '../../src/store/open.js';
import { PG_ADMIN_URL, postgresAnswers, postgresBackend, sqliteBackend } from './backends.js';
import { BRIDGE, FLOOD, ORCHARD, textPage } from './pages.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { PassThrough, Readable } from 'node:stream';

const sqlite = sqliteBackend();
afterAll(() => sqlite.cleanup());

describe('a full disk', () => {
  it('fails the page with "disk full", keeps what was committed before', async () => {
    const store = await openStore(await sqlite.fresh());
    try {
      await addPreparedPage(store, preparePage(textPage(BRIDGE.wire)), 'now');
      // The page limit is checked as pages are written to the database file, so write it directly.
      await sql`pragma journal_mode = delete`.execute(store.db);
      await sql`vacuum`.execute(store.db);
      const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(store.db);
      await sql.raw(`pragma max_page_count = ${rows[0]!.page_count}`).execute(store.db);
      // Pages still fit in the free space of existing database pages for a while; then the disk is "full".
      const stored = [BRIDGE.wire.source];
      let error: unknown = null;
      for (let i = 0; i < 50 && !error; i++) {
        const spec = { ...ORCHARD, source: `gazette/orchard-${i}.txt`, title: `${ORCHARD.title} (${i})` };
        error = await addPreparedPage(store, preparePage(textPage(spec)), 'now').then(() => (stored.push(spec.source), null), (e: unknown) => e);
      }
      expect(describeStoreError(error, 'corpus.db').message).toBe('corpus.db: disk full: nothing more can be written');
      const sources = await store.db.selectFrom('pages').select('source').orderBy('id').execute();
      expect(sources.map((s) => s.source)).toEqual(stored);
    } finally {
      await store.close();
    }
  });
});

/** A TCP relay to PostgreSQL that can cut every connection, as a server restart would. */
async function relay(target: URL): Promise<{ url: string; cut: () => void; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = new Socket();
    upstream.connect(Number(target.port || 5432), target.hostname);
    client.pipe(upstream).pipe(client);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: port.toString(),
    cut: () => {
      for (const s of sockets) s.destroy();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe.runIf(await postgresAnswers())('a PostgreSQL connection lost mid-batch', () => {
  const backend = postgresBackend();
  afterAll(() => backend.cleanup());

  it('reconnects (retrying a page whose transaction was cut): the batch finishes, every page stored once', async () => {
    const direct = new URL(await backend.fresh());
    const proxy = await relay(new URL(PG_ADMIN_URL));
    const viaProxy = new URL(direct.toString());
    viaProxy.port = proxy.url;
    const dir = mkdtempSync(join(tmpdir(), 'newsprism-pg-fault-'));
    const specs = [BRIDGE.wire, BRIDGE.followUp, FLOOD, ORCHARD, BRIDGE.rerun];
    specs.forEach((spec, i) => writeFileSync(join(dir, `${i}.txt`), textPage(spec).text));
    const store = await openStore(viaProxy.toString());
    try {
      let stored = 0;
      const stderr = new PassThrough();
      stderr.on('data', (line: Buffer) => {
        // Cut the connections right after the second page is reported.
        if (/^(added|duplicate)/.test(line.toString()) && ++stored === 2) proxy.cut();
      });
      const summary = await addInputs(store, [dir], { workers: 0, json: false }, { stdout: new PassThrough(), stderr, stdin: Readable.from([]) });
      expect(summary.failed).toBe(0);
      expect(summary.added + summary.duplicates).toBe(specs.length);
      const pages = await store.db.selectFrom('pages').select('source').execute();
      expect(pages).toHaveLength(specs.length);
    } finally {
      await store.close();
      await proxy.close();
    }
  }, 60_000);
});
