/**
 * CLI glue for the job queue (src/queue): `add --queue`, `worker`, `status`, `retry` and
 * `watch --queue`. The queue needs a server every machine can reach, so each refuses an SQLite
 * target with a one-line usage error.
 */
import { isPostgres, resolveTarget } from '../store/open.js';
import type { IngestOptions } from '../ingest/index.js';
import { jobOptions, POLICIES, startBoss } from '../queue/boss.js';
import { enqueueInputs } from '../queue/enqueue.js';
import { readQueueStatus, retryDead, type QueueStatus } from '../queue/status.js';
import { runWorker } from '../queue/worker.js';
import { parseInterval } from './watch.js';
import { json, withStore } from './corpus.js';
import { EXIT_INPUT_FAILED, EXIT_OK, EXIT_USAGE, type Io, write } from './io.js';

/** The postgres:// URL to use, or null after printing why not. */
async function postgresTarget(db: string | undefined, what: string, io: Io): Promise<string | null> {
  const target = resolveTarget(db);
  if (isPostgres(target)) return target;
  await write(io.stderr, `newsprism: ${what} needs a PostgreSQL database (--db postgres://...), not ${target}\n`);
  return null;
}

const log = (io: Io) => (line: string) => void write(io.stderr, `${line}\n`);
const logError = (io: Io) => (error: Error) => void write(io.stderr, `newsprism: queue: ${error.message.split('\n')[0]}\n`);

export async function enqueueCommand(inputs: string[], flags: { db?: string; json?: boolean } & IngestOptions, io: Io): Promise<number> {
  const target = await postgresTarget(flags.db, 'add --queue', io);
  if (!target) return EXIT_USAGE;
  return withStore({ db: target }, io, async (store) => {
    const boss = await startBoss(target, logError(io), { supervise: false });
    try {
      const summary = await enqueueInputs(store.db, boss, inputs, flags);
      for (const f of summary.failures) await write(io.stderr, `newsprism: ${f.source}: ${f.reason}\n`);
      if (flags.json) await write(io.stdout, json(summary));
      await write(io.stderr, `newsprism: queued ${summary.inputs} input(s): ${summary.pages} page(s) to prepare, ${summary.fetches} URL(s) to fetch, ${summary.failed} failed\n`);
      return summary.failed > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 5000 }).catch(() => undefined);
    }
  });
}

export interface WorkerFlags {
  db?: string;
  concurrency: number;
  lane: boolean;
  superviseEvery?: number;
}

export async function workerCommand(flags: WorkerFlags, io: Io): Promise<number> {
  const target = await postgresTarget(flags.db, 'worker', io);
  if (!target) return EXIT_USAGE;
  const controller = new AbortController();
  // SIGTERM and SIGINT stop gracefully: the jobs in hand finish, nothing new is taken.
  const stop = () => controller.abort();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  try {
    await write(io.stderr, `newsprism: worker started (${flags.concurrency} prepare thread(s)${flags.lane ? ', linking lane candidate' : ''})\n`);
    await runWorker({ url: target, concurrency: flags.concurrency, signal: controller.signal, log: log(io), lane: flags.lane, superviseSeconds: flags.superviseEvery });
    await write(io.stderr, 'newsprism: worker stopped\n');
    return EXIT_OK;
  } finally {
    process.removeListener('SIGTERM', stop);
    process.removeListener('SIGINT', stop);
  }
}

export function renderStatus(s: QueueStatus): string {
  const lines = [`queue of ${s.target}`, '', 'queue     queued  active   retry  failed  completed'];
  for (const q of s.queues) lines.push(`${q.name.padEnd(8)} ${String(q.queued).padStart(7)} ${String(q.active).padStart(7)} ${String(q.retry).padStart(7)} ${String(q.failed).padStart(7)} ${String(q.completed).padStart(10)}`);
  lines.push(
    '',
    `inputs: ${s.inputs.pending} pending, ${s.inputs.done} done, ${s.inputs.failed} failed`,
    `pages: ${s.pages.waiting} waiting, ${s.pages.prepared} prepared, ${s.pages.linked} linked, ${s.pages.failed} failed`,
    `throughput: ${s.throughput.lastMinute.toFixed(1)} pages/s over the last minute, ${s.throughput.last5Minutes.toFixed(1)} over 5 minutes`,
    `oldest waiting job: ${s.oldestWaitingSeconds === null ? 'none' : `${s.oldestWaitingSeconds.toFixed(1)} s`}`,
  );
  if (s.deadLetters.length > 0) {
    lines.push('', `dead letters (${s.deadLetters.length}; newsprism retry [--id ID]):`);
    for (const d of s.deadLetters) lines.push(`  ${d.id}  ${d.queue}  ${d.source}: ${d.reason} (${d.attempts} attempt(s))`);
  }
  return `${lines.join('\n')}\n`;
}

export async function statusCommand(flags: { db?: string; json?: boolean }, io: Io): Promise<number> {
  const target = await postgresTarget(flags.db, 'status', io);
  if (!target) return EXIT_USAGE;
  return withStore({ db: target }, io, async (store) => {
    const status = await readQueueStatus(store);
    await write(io.stdout, flags.json ? json(status) : renderStatus(status));
    return EXIT_OK;
  });
}

export async function retryCommand(flags: { db?: string; id?: string[] }, io: Io): Promise<number> {
  const target = await postgresTarget(flags.db, 'retry', io);
  if (!target) return EXIT_USAGE;
  return withStore({ db: target }, io, async (store) => {
    const boss = await startBoss(target, logError(io), { supervise: false });
    try {
      const n = await retryDead(store, boss, flags.id && flags.id.length > 0 ? flags.id : null);
      await write(io.stderr, `newsprism: re-queued ${n} dead-lettered job(s)\n`);
      return flags.id && n < flags.id.length ? EXIT_INPUT_FAILED : EXIT_OK;
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 5000 }).catch(() => undefined);
    }
  });
}

export interface WatchQueueFlags {
  db?: string;
  every: string;
  once?: boolean;
  allowPrivate?: boolean;
  timeout: number;
  signal?: AbortSignal;
}

/**
 * `watch --queue`: schedule one poll job per feed per interval. Every watcher may run this on its
 * own machine: pg-boss keeps one job per feed per interval slot (singletonKey = the feed,
 * throttled to the interval), so several watchers share the polling without double fetches.
 */
export async function watchQueueCommand(feeds: string[], flags: WatchQueueFlags, io: Io): Promise<number> {
  const target = await postgresTarget(flags.db, 'watch --queue', io);
  if (!target) return EXIT_USAGE;
  const interval = parseInterval(flags.every);
  if (interval === null) {
    await write(io.stderr, `newsprism: --every takes a duration such as 30s, 15m or 1h, got "${flags.every}"\n`);
    return EXIT_USAGE;
  }
  return withStore({ db: target }, io, async () => {
    const boss = await startBoss(target, logError(io), { supervise: false });
    const controller = new AbortController();
    const signal = flags.signal ?? controller.signal;
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      for (;;) {
        for (const feed of feeds) {
          const id = await schedulePoll(boss, feed, interval, { allowPrivate: !!flags.allowPrivate, timeoutMs: flags.timeout * 1000 });
          await write(io.stderr, `newsprism: ${feed}: ${id ? 'poll queued' : 'already polled this interval'}\n`);
        }
        if (flags.once || signal.aborted) return EXIT_OK;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.max(1000, interval / 4));
          signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
        });
        if (signal.aborted) return EXIT_OK;
      }
    } finally {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      await boss.stop({ graceful: false, wait: true, timeout: 5000 }).catch(() => undefined);
    }
  });
}

/** Queues a poll of `feed` unless one was queued in this interval slot; returns the job ID or null. */
export async function schedulePoll(boss: Awaited<ReturnType<typeof startBoss>>, feed: string, intervalMs: number, options: { allowPrivate: boolean; timeoutMs: number }): Promise<string | null> {
  return boss.sendThrottled('poll', { feed, ...options, source: feed }, { ...jobOptions(POLICIES, 'poll'), singletonKey: feed }, Math.max(1, Math.round(intervalMs / 1000)), feed);
}
