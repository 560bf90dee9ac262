/**
 * The queue with real worker processes: three workers equal one process on 5,000 pages; a worker
 * killed with SIGKILL mid-batch loses and duplicates nothing; a PostgreSQL restart mid-batch
 * (a private cluster, never the shared server) is survived.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { postgresAnswers, postgresBackend } from '../store/backends.js';
import { drained, duplicateSources, enqueue, exited, singleIngest, snapshot, spawnWorker, syntheticDir } from './helpers.js';

/**
 * The issue asks for 5,000 pages. Linking is serial (one lane, as in a single process), about
 * 30 ms a page on an idle server and several times that on a loaded 2-core machine, so 5,000 pages
 * take minutes per ingest; NEWSPRISM_QUEUE_PAGES lowers it for a quick local run.
 */
const IDENTICAL_PAGES = Number(process.env.NEWSPRISM_QUEUE_PAGES ?? 5000);

const pgUp = await postgresAnswers();
const backend = postgresBackend();
afterAll(() => backend.cleanup());

async function linkedCount(url: string): Promise<number> {
  const store = await openStore(url, { migrate: false });
  try {
    return Number((await store.db.selectFrom('pages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  } finally {
    await store.close();
  }
}

async function untilLinked(url: string, n: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await linkedCount(url).catch(() => 0)) < n) {
    if (Date.now() > deadline) throw new Error(`fewer than ${n} pages linked after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stopAll(workers: ReturnType<typeof spawnWorker>[]): Promise<void> {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGTERM');
  await Promise.all(workers.map(exited));
}

describe.skipIf(!pgUp)('worker processes', () => {

  it(`three workers ingest ${IDENTICAL_PAGES} pages exactly as one process does`, async () => {
    const dir = syntheticDir(IDENTICAL_PAGES, 5);
    const [reference, queued] = [await backend.fresh(), await backend.fresh()];
    await enqueue(queued, [dir]);
    const workers = [0, 1, 2].map(() => spawnWorker(queued));
    try {
      // The reference ingest runs meanwhile: both are bound by one linker each.
      await singleIngest(reference, [dir]);
      await drained(queued, 900_000);
    } finally {
      await stopAll(workers);
    }
    expect(await duplicateSources(queued)).toEqual([]);
    const [want, got] = [await snapshot(reference), await snapshot(queued)];
    expect(want.counts.currentPages).toBe(IDENTICAL_PAGES);
    expect(got.counts).toEqual(want.counts);
    expect(got.articles).toEqual(want.articles);
  }, 1_200_000);

  it('a worker killed with SIGKILL mid-batch: every page ends up ingested exactly once', async () => {
    const dir = syntheticDir(300, 9);
    const [reference, queued] = [await backend.fresh(), await backend.fresh()];
    await singleIngest(reference, [dir]);
    await enqueue(queued, [dir]);
    const workers = [0, 1, 2].map(() => spawnWorker(queued));
    try {
      await untilLinked(queued, 60, 120_000);
      // The first worker started is the likeliest lane holder: killing it also tests the lane's hand-over.
      workers[0]!.kill('SIGKILL');
      await drained(queued, 180_000);
    } finally {
      await stopAll(workers);
    }
    expect(workers[0]!.signalCode).toBe('SIGKILL');
    expect(await duplicateSources(queued)).toEqual([]);
    expect(await snapshot(queued)).toEqual(await snapshot(reference));
  }, 300_000);

  // Node 20 has no fs.globSync: the newest /usr/lib/postgresql/<version>/bin/pg_ctl.
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/pg_ctl`)) : [];
  const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1);
  const binaries = newest === undefined ? undefined : `/usr/lib/postgresql/${newest}/bin/pg_ctl`;
  const canCluster = binaries !== undefined && process.getuid?.() === 0;
  if (!canCluster && process.env.NEWSPRISM_REQUIRE_PG) throw new Error('the restart test needs PostgreSQL server binaries (/usr/lib/postgresql/*/bin) and root to run them as postgres');
  if (!canCluster) console.warn('PostgreSQL restart test skipped: no server binaries under /usr/lib/postgresql/*/bin or not root');

  it.skipIf(!canCluster)('PostgreSQL restarted mid-batch: workers reconnect and finish, nothing lost, nothing duplicated', async () => {
    const bin = join(binaries!, '..');
    const dataDir = mkdtempSync(join(tmpdir(), 'newsprism-pgdata-'));
    execFileSync('chown', ['postgres', dataDir]);
    const port = await freePort();
    const as = (cmd: string, ...args: string[]) => execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'ignore' });
    const ctl = (...args: string[]) => as('pg_ctl', '-D', dataDir, '-w', '-t', '60', ...args);
    as('initdb', '-D', dataDir, '-A', 'trust', '-U', 'postgres');
    const start = () => ctl('-o', `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', join(dataDir, 'log'), 'start');
    start();
    const workers: ReturnType<typeof spawnWorker>[] = [];
    try {
      const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
      await admin.connect();
      await admin.query('create database restart_test');
      await admin.end();
      const queued = `postgres://postgres@127.0.0.1:${port}/restart_test`;
      const reference = await backend.fresh();
      const dir = syntheticDir(300, 13);
      await singleIngest(reference, [dir]);
      await enqueue(queued, [dir]);
      workers.push(spawnWorker(queued), spawnWorker(queued));
      await untilLinked(queued, 60, 120_000);
      ctl('-m', 'fast', 'stop');
      await new Promise((resolve) => setTimeout(resolve, 2000));
      start();
      await drained(queued, 240_000);
      await stopAll(workers);
      expect(workers.map((w) => w.exitCode), workers.map((w) => w.log()).join('\n---\n')).toEqual([0, 0]);
      expect(workers.some((w) => /cannot reach PostgreSQL|terminat|ECONNREFUSED|retrying/i.test(w.log()))).toBe(true);
      expect(await duplicateSources(queued)).toEqual([]);
      expect(await snapshot(queued)).toEqual(await snapshot(reference));
    } finally {
      await stopAll(workers);
      try {
        ctl('-m', 'immediate', 'stop');
      } catch {
        // already stopped
      }
      if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
    }
  }, 400_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
