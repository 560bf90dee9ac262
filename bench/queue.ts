/**
 * Scaling out (README "Scaling out"): a synthetic corpus queued once, then drained by 1 and by 2
 * `newsprism worker` processes on this machine. Reports pages/s and the ratio, queue latency
 * (enqueued → linked, p50/p95; in a backlog this is mostly waiting in line), the lane's lag
 * (prepared → linked) and the load on PostgreSQL: transactions and block reads per second from
 * pg_stat_database, and CPU cores used by postgres processes (from /proc).
 * NEWSPRISM_BENCH_PG (default postgres://postgres@127.0.0.1:5432/postgres) must answer.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { writeSyntheticCorpus } from './synthetic.js';
import { startBoss } from '../src/queue/boss.js';
import { enqueueInputs } from '../src/queue/enqueue.js';
import { openStore } from '../src/store/open.js';

const ADMIN = process.env.NEWSPRISM_BENCH_PG ?? process.env.NEWSPRISM_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PAGES = Number(process.env.NEWSPRISM_BENCH_QUEUE_PAGES ?? 1000);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLOCK_TICKS = 100;

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/** CPU seconds used so far by every postgres process on this machine. */
function postgresCpuSeconds(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!name.startsWith('postgres')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / CLOCK_TICKS;
}

async function dbStats(url: string): Promise<{ xacts: number; blocks: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ x: string; b: string }>('select xact_commit + xact_rollback as x, blks_read + blks_hit as b from pg_stat_database where datname = current_database()');
    return { xacts: Number(rows[0]!.x), blocks: Number(rows[0]!.b) };
  } finally {
    await client.end();
  }
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

async function run(workers: number, dir: string) {
  const name = `newsprism_bench_queue_${process.pid}_${workers}`;
  await admin(`drop database if exists ${name}`);
  await admin(`create database ${name}`);
  const url = Object.assign(new URL(ADMIN), { pathname: `/${name}` }).toString();
  const store = await openStore(url);
  const boss = await startBoss(url, () => undefined, { supervise: false });
  await enqueueInputs(store.db, boss, [dir]);
  await boss.stop({ graceful: false, wait: true, timeout: 5000 });
  const before = { ...(await dbStats(url)), cpu: postgresCpuSeconds(), at: performance.now() };
  const children = Array.from({ length: workers }, () =>
    spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/queue-worker.ts'), 'worker', '--db', url, '--concurrency', '1'], { cwd: ROOT, stdio: 'ignore' }),
  );
  const db = store.db.withTables<{ queue_inputs: { state: string; seq: string; enqueued_at: Date }; queue_items: { seq: string; state: string; linked_at: Date | null; prepared_at: Date | null } }>();
  for (;;) {
    const row = await db.selectFrom('queue_inputs').select((eb) => eb.fn.countAll().as('n')).where('state', '=', 'pending').executeTakeFirstOrThrow();
    if (Number(row.n) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const seconds = (performance.now() - before.at) / 1000;
  const after = { ...(await dbStats(url)), cpu: postgresCpuSeconds() };
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((resolve) => c.once('exit', resolve))));
  const rows = await db.selectFrom('queue_items as i').innerJoin('queue_inputs as q', 'q.seq', 'i.seq').select(['q.enqueued_at', 'i.linked_at', 'i.prepared_at']).where('i.state', '=', 'linked').execute();
  const latency = rows.map((r) => (r.linked_at!.getTime() - r.enqueued_at.getTime()) / 1000);
  const lag = rows.map((r) => (r.linked_at!.getTime() - r.prepared_at!.getTime()) / 1000);
  await store.close();
  await admin(`drop database if exists ${name} with (force)`);
  return {
    workers,
    pagesPerSecond: rows.length / seconds,
    latencyP50: quantile(latency, 0.5),
    latencyP95: quantile(latency, 0.95),
    lagP50: quantile(lag, 0.5),
    xactsPerSecond: (after.xacts - before.xacts) / seconds,
    blocksPerSecond: (after.blocks - before.blocks) / seconds,
    postgresCores: (after.cpu - before.cpu) / seconds,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'newsprism-bench-queue-'));
writeSyntheticCorpus(dir, PAGES, 21);
const results = [];
for (const workers of [1, 2]) results.push(await run(workers, dir));
console.log(`\nQueue: ${PAGES} synthetic pages queued, then drained by worker processes (--concurrency 1 each)\n`);
console.log('| workers | pages/s | vs 1 worker | latency p50 s | latency p95 s | lane lag p50 s | PG xact/s | PG blocks/s | PG CPU cores |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.workers} | ${r.pagesPerSecond.toFixed(1)} | ${(r.pagesPerSecond / results[0]!.pagesPerSecond).toFixed(2)}× | ${r.latencyP50.toFixed(1)} | ${r.latencyP95.toFixed(1)} | ${r.lagP50.toFixed(2)} | ${r.xactsPerSecond.toFixed(0)} | ${r.blocksPerSecond.toFixed(0)} | ${r.postgresCores.toFixed(2)} |`,
  );
}
