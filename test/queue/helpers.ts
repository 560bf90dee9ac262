/**
 * Shared by the queue tests: fresh PostgreSQL databases, a synthetic corpus on disk, a reference
 * single-process ingest, a comparable snapshot of a corpus, and waiting for a queue to drain.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { writeSyntheticCorpus } from '../../bench/synthetic.js';
import { addInputs } from '../../src/cli/add.js';
import type { Io } from '../../src/cli/io.js';
import { type Policies, POLICIES, startBoss } from '../../src/queue/boss.js';
import { enqueueInputs, type EnqueueSummary } from '../../src/queue/enqueue.js';
import { openStore } from '../../src/store/open.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Fixed moment so that both ingests record the same added_at. */
export const NOW = () => new Date('2026-06-01T00:00:00Z');

/** Short retries so that a poison page is dead-lettered in seconds, and short expiry so a killed worker's jobs come back quickly. */
export const TEST_POLICIES: Policies = {
  ...POLICIES,
  fetch: { ...POLICIES.fetch, retryLimit: 1, retryDelay: 1, expireInSeconds: 20 },
  prepare: { ...POLICIES.prepare, retryLimit: 2, retryDelay: 1, retryBackoff: false, expireInSeconds: 15 },
};

export function quietIo(): Io {
  return { stdout: new PassThrough().resume(), stderr: new PassThrough().resume(), stdin: Readable.from([]) };
}

export function syntheticDir(pages: number, seed = 7): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsprism-queue-'));
  writeSyntheticCorpus(dir, pages, seed);
  return dir;
}

export async function singleIngest(url: string, inputs: string[]): Promise<void> {
  const store = await openStore(url);
  try {
    await addInputs(store, inputs, { workers: 0, json: true, now: NOW }, quietIo());
  } finally {
    await store.close();
  }
}

export async function enqueue(url: string, inputs: string[], policies: Policies = TEST_POLICIES): Promise<EnqueueSummary> {
  const store = await openStore(url);
  const boss = await startBoss(url, () => undefined, { supervise: false });
  try {
    return await enqueueInputs(store.db, boss, inputs, { policies });
  } finally {
    await boss.stop({ graceful: false, wait: true, timeout: 5000 });
    await store.close();
  }
}

export interface Snapshot {
  counts: { pages: number; currentPages: number; articles: number; copies: number; stories: number };
  /** Per article (by key): title, role, the key of its canonical, and the keys of its story-mates. */
  articles: { key: string; title: string | null; role: string; canonical: string | null; story: string[] }[];
}

/** What must be identical between two ingests of the same pages: no IDs, no timestamps. */
export async function snapshot(url: string): Promise<Snapshot> {
  const store = await openStore(url);
  try {
    const rows = await store.db
      .selectFrom('articles as a')
      .leftJoin('articles as c', 'c.id', 'a.canonical_id')
      .select(['a.key', 'a.title', 'a.role', 'a.story_id', 'c.key as canonical'])
      .orderBy('a.key')
      .execute();
    const members = new Map<number | null, string[]>();
    for (const r of rows) members.set(r.story_id, [...(members.get(r.story_id) ?? []), r.key]);
    const count = async (query: Promise<{ n: string | number | bigint } | undefined>) => Number((await query)?.n ?? 0);
    return {
      counts: {
        pages: await count(store.db.selectFrom('pages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()),
        currentPages: await count(store.db.selectFrom('pages').select((eb) => eb.fn.countAll().as('n')).where('superseded', '=', 0).executeTakeFirst()),
        articles: rows.length,
        copies: rows.filter((r) => r.canonical !== null).length,
        stories: await count(store.db.selectFrom('stories').select((eb) => eb.fn.countAll().as('n')).where('merged_into', 'is', null).where('article_count', '>', 0).executeTakeFirst()),
      },
      articles: rows.map((r) => ({ key: r.key, title: r.title, role: r.role, canonical: r.canonical, story: r.story_id === null ? [] : members.get(r.story_id)! })),
    };
  } finally {
    await store.close();
  }
}

/** Sources stored more than once (must be none). */
export async function duplicateSources(url: string): Promise<string[]> {
  const store = await openStore(url);
  try {
    const rows = await store.db.selectFrom('pages').select(['source', (eb) => eb.fn.countAll().as('n')]).groupBy('source').having((eb) => eb.fn.countAll(), '>', 1).execute();
    return rows.map((r) => r.source);
  } finally {
    await store.close();
  }
}

/** Waits until every queued input is done or failed; throws after `timeoutMs`. Survives a server restart. */
export async function drained(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const store = await openStore(url, { migrate: false });
      try {
        const row = await store.db
          .withTables<{ queue_inputs: { state: string } }>()
          .selectFrom('queue_inputs')
          .select((eb) => [eb.fn.countAll().as('all'), eb.fn.count('state').filterWhere('state', '=', 'pending').as('pending')])
          .executeTakeFirstOrThrow();
        last = `${row.pending} of ${row.all} inputs pending`;
        if (Number(row.all) > 0 && Number(row.pending) === 0) return;
      } finally {
        await store.close();
      }
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`queue not drained after ${timeoutMs} ms: ${last}`);
}

/** A `newsprism worker` process, run from the TypeScript sources. */
export function spawnWorker(url: string, args: string[] = []): ChildProcess & { log: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/queue/cli.ts'), 'worker', '--db', url, '--concurrency', '1', '--supervise-every', '2', ...args], {
    cwd: ROOT,
    env: { ...process.env, TZ: 'UTC' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  return Object.assign(child, { log: () => log });
}

export function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
