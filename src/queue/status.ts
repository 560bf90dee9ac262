/**
 * What the queue is doing, for `newsprism status` and the web app: depth per queue, pages linked,
 * throughput, how long the oldest job has waited, and the dead-letter list. `retryDead` puts
 * dead-lettered jobs back in line.
 */
import { type Kysely, sql } from 'kysely';
import { openStore, type Store } from '../store/open.js';
import type { Database } from '../store/schema.js';
import { QUEUE_SCHEMA, type PgBoss } from './boss.js';
import { bossConnection } from './enqueue.js';
import { deadReason } from './worker.js';
import { queueDb } from './schema.js';

export interface QueueDepth {
  name: string;
  queued: number;
  active: number;
  retry: number;
  failed: number;
  completed: number;
}

export interface DeadLetter {
  /** The failed job's ID, for `newsprism retry --id`. */
  id: string;
  queue: string;
  source: string;
  reason: string;
  attempts: number;
  failedAt: string | null;
}

export interface QueueStatus {
  target: string;
  queues: QueueDepth[];
  inputs: { pending: number; done: number; failed: number };
  pages: { waiting: number; prepared: number; linked: number; failed: number };
  /** Pages linked per second, averaged over the window. */
  throughput: { lastMinute: number; last5Minutes: number };
  /** Age in seconds of the oldest job waiting to run (queue latency), or null when none waits. */
  oldestWaitingSeconds: number | null;
  deadLetters: DeadLetter[];
}

/** Queues shown in status, in pipeline order. */
const SHOWN: readonly string[] = ['fetch', 'prepare', 'poll', 'dead'];
/** The dead-letter list shows the newest this many; the counts include them all. */
const DEAD_LETTERS_SHOWN = 100;

async function queueInstalled(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ present: boolean }>`select to_regclass(${`${QUEUE_SCHEMA}.job`}) is not null as present`.execute(db);
  return rows[0]?.present === true;
}

const num = (v: unknown) => Number(v ?? 0);

export async function readQueueStatus(store: Store): Promise<QueueStatus> {
  const db = queueDb(store.db);
  const status: QueueStatus = {
    target: store.target,
    queues: SHOWN.map((name) => ({ name, queued: 0, active: 0, retry: 0, failed: 0, completed: 0 })),
    inputs: { pending: 0, done: 0, failed: 0 },
    pages: { waiting: 0, prepared: 0, linked: 0, failed: 0 },
    throughput: { lastMinute: 0, last5Minutes: 0 },
    oldestWaitingSeconds: null,
    deadLetters: [],
  };
  for (const row of await db.selectFrom('queue_inputs').select(['state', (eb) => eb.fn.countAll().as('n')]).groupBy('state').execute()) {
    if (row.state in status.inputs) status.inputs[row.state as keyof QueueStatus['inputs']] = num(row.n);
  }
  for (const row of await db.selectFrom('queue_items').select(['state', (eb) => eb.fn.countAll().as('n')]).groupBy('state').execute()) {
    if (row.state in status.pages) status.pages[row.state as keyof QueueStatus['pages']] = num(row.n);
  }
  const { rows: rates } = await sql<{ m1: string; m5: string }>`select
      count(*) filter (where linked_at > now() - interval '1 minute') as m1,
      count(*) filter (where linked_at > now() - interval '5 minutes') as m5
    from queue_items where linked_at > now() - interval '5 minutes'`.execute(db);
  status.throughput = { lastMinute: num(rates[0]?.m1) / 60, last5Minutes: num(rates[0]?.m5) / 300 };
  if (!(await queueInstalled(store.db))) return status;
  const job = sql.table(`${QUEUE_SCHEMA}.job`);
  const { rows: depths } = await sql<{ name: string; state: string; n: string }>`select name, state::text as state, count(*) as n from ${job} group by 1, 2`.execute(db);
  for (const row of depths) {
    const queue = status.queues.find((q) => q.name === row.name);
    if (!queue) continue;
    const key = row.state === 'created' ? 'queued' : row.state;
    if (key in queue && key !== 'name') (queue as unknown as Record<string, number>)[key] = num(row.n);
  }
  const { rows: oldest } = await sql<{ age: number | null }>`select extract(epoch from now() - min(created_on))::float8 as age from ${job}
    where state in ('created', 'retry') and name in ('fetch', 'prepare') and start_after <= now()`.execute(db);
  status.oldestWaitingSeconds = oldest[0]?.age ?? null;
  const { rows: dead } = await sql<{ id: string; name: string; data: { source?: string; seq?: string } | null; output: unknown; retry_count: number; completed_on: Date | null }>`
    select id::text as id, name, data, output, retry_count, completed_on from ${job}
    where state = 'failed' and name in ('fetch', 'prepare') order by completed_on desc limit ${DEAD_LETTERS_SHOWN}`.execute(db);
  status.deadLetters = dead.map((d) => ({
    id: d.id,
    queue: d.name,
    source: d.data?.source ?? '?',
    reason: deadReason(d.output),
    attempts: d.retry_count + 1,
    failedAt: d.completed_on ? new Date(d.completed_on).toISOString() : null,
  }));
  return status;
}

/** For the web app: the status of the queue in a PostgreSQL corpus. */
export async function queueStatus(target: string): Promise<QueueStatus> {
  const store = await openStore(target);
  try {
    return await readQueueStatus(store);
  } finally {
    await store.close();
  }
}

/**
 * Puts dead-lettered jobs (all, or those with the given IDs) back in line: their pages are waiting
 * again and their inputs pending, so the lane waits for them where they stand in the sequence.
 * Returns how many jobs were re-queued.
 */
export async function retryDead(store: Store, boss: PgBoss, ids: string[] | null): Promise<number> {
  const db = queueDb(store.db);
  const job = sql.table(`${QUEUE_SCHEMA}.job`);
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ id: string; name: 'fetch' | 'prepare'; data: { seq?: string; item?: number } }>`
      select id::text as id, name, data from ${job} where state = 'failed' and name in ('fetch', 'prepare')
      ${ids ? sql`and id::text in (${sql.join(ids)})` : sql``} for update`.execute(tx);
    for (const row of rows) {
      const { seq, item } = row.data;
      if (seq === undefined) continue;
      if (row.name === 'fetch') await tx.updateTable('queue_inputs').set({ state: 'pending', items: null, reason: null }).where('seq', '=', seq).execute();
      else {
        await tx.updateTable('queue_items').set({ state: 'waiting', reason: null }).where('seq', '=', seq).where('item', '=', item ?? 0).where('state', '=', 'failed').execute();
        await tx.updateTable('queue_inputs').set({ state: 'pending' }).where('seq', '=', seq).execute();
      }
    }
    for (const name of ['fetch', 'prepare'] as const) {
      const chosen = rows.filter((r) => r.name === name).map((r) => r.id);
      if (chosen.length > 0) await boss.retry(name, chosen, bossConnection(tx));
    }
    return rows.length;
  });
}
