/**
 * The job queue: pg-boss on the corpus's own PostgreSQL server, in its own schema so its tables
 * never mix with the corpus. Every queue's retry, backoff and expiry settings are one named
 * table below, each with the reason for its numbers.
 */
import pg from 'pg';
import PgBoss from 'pg-boss';

export const QUEUE_SCHEMA = 'newsprism_queue';

export type QueueName = 'fetch' | 'prepare' | 'dead' | 'poll';

export interface QueuePolicy {
  retryLimit: number;
  /** Seconds before the first retry; doubled each time with retryBackoff. */
  retryDelay: number;
  retryBackoff: boolean;
  /** A job active this long is taken to have lost its worker (kill -9, lost machine) and retried. */
  expireInSeconds: number;
  reason: string;
}

export type Policies = Record<QueueName, QueuePolicy>;

export const POLICIES: Policies = {
  fetch: {
    retryLimit: 4,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 300,
    reason: 'sites fail for minutes at a time (5xx, timeouts): four retries from 30 s with backoff span about 8 minutes; a fetch is bounded by --timeout, so 5 minutes active means the worker is gone',
  },
  prepare: {
    retryLimit: 2,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 120,
    reason: 'cleaning is deterministic: a page that crashed it twice will crash it again, so retries only cover a lost worker; a page takes well under a second, so 2 minutes active means the worker is gone',
  },
  dead: {
    retryLimit: 5,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: 60,
    reason: 'marking a dead job in the queue tables only fails while the database is down; retry until it is back',
  },
  poll: {
    retryLimit: 0,
    retryDelay: 0,
    retryBackoff: false,
    expireInSeconds: 300,
    reason: 'a failed poll is not retried: the next interval polls again',
  },
};

/** Where failed fetch and prepare jobs go after their last retry; see worker.ts's dead handler. */
export const DEAD_LETTER: QueueName = 'dead';

export interface BossOptions {
  /** How often expired jobs are reclaimed and old ones archived (pg-boss maintenance), in seconds. */
  superviseSeconds?: number;
  /** Connections pg-boss may hold. */
  max?: number;
  /** Run maintenance from this process (workers do; one-shot commands such as `add --queue` need not). */
  supervise?: boolean;
}

/** Maintenance interval: pg-boss's default of 2 minutes, so a killed worker's jobs wait at most expireIn + 2 min. */
export const SUPERVISE_SECONDS = 120;

export async function startBoss(target: string, onError: (error: Error) => void, options: BossOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: target,
    schema: QUEUE_SCHEMA,
    max: options.max ?? 4,
    supervise: options.supervise ?? true,
    maintenanceIntervalSeconds: options.superviseSeconds ?? SUPERVISE_SECONDS,
    // Completed jobs are kept a day for throughput figures, failed ones a week for the dead-letter list.
    archiveCompletedAfterSeconds: 24 * 3600,
    archiveFailedAfterSeconds: 7 * 24 * 3600,
  });
  // Without a listener an error event (a dropped connection during a restart) would crash the process.
  boss.on('error', onError);
  await oneAtATime(target, async () => {
    await boss.start();
    await ensureQueues(boss);
  });
  return boss;
}

/** Advisory-lock key ("newsprism boss") for installing the queue's schema and queues. */
const INSTALL_LOCK = 0x6e70_626f_7373n;

/**
 * Machines starting at once on a fresh database would install the queue's tables and queue
 * partitions side by side and deadlock (seen with three watchers): one installs, the others wait
 * on a session lock of their own connection and then find everything in place.
 */
async function oneAtATime(target: string, work: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: target, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [INSTALL_LOCK.toString()]);
    await work();
  } finally {
    // Closing the session releases the lock.
    await client.end().catch(() => undefined);
  }
}

async function ensureQueues(boss: PgBoss): Promise<void> {
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  // The dead-letter queue first: the others reference it.
  for (const name of [DEAD_LETTER, 'fetch', 'prepare', 'poll'] as QueueName[]) {
    if (existing.has(name)) continue;
    try {
      await boss.createQueue(name, { name, policy: 'standard', ...(name === 'fetch' || name === 'prepare' ? { deadLetter: DEAD_LETTER } : {}) });
    } catch (error) {
      // Two workers starting at once may both try to create it.
      if (!(await boss.getQueue(name))) throw error;
    }
  }
}

/** Job-level settings for a queue (job settings override the queue's, so tests can shorten them). */
export function jobOptions(policies: Policies, name: QueueName): PgBoss.SendOptions {
  const { retryLimit, retryDelay, retryBackoff, expireInSeconds } = policies[name];
  return { retryLimit, retryDelay, retryBackoff, expireInSeconds, ...(name === 'fetch' || name === 'prepare' ? { deadLetter: DEAD_LETTER } : {}) };
}

export type { PgBoss };
