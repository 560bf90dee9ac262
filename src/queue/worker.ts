/**
 * `newsprism worker`: a stateless process that takes jobs from the queue. Any number may run, on
 * any machines that reach the server. Jobs:
 * - fetch: reads a URL input (a feed expands into its items) and queues a prepare job per page;
 * - prepare: cleans and analyses one page (the CPU-heavy part, in `--concurrency` threads) and
 *   stages the prepared page;
 * - poll: polls one watched feed and queues its new items (see `watch --queue`);
 * - dead: a fetch or prepare job that used up its retries; its page is marked failed so the
 *   linking lane skips it instead of waiting for it.
 * Linking has no job type: one lane (lane.ts), elected by an advisory lock, links staged pages in
 * input order, because ordered linking is what keeps stories identical to a single process, and
 * a queue hands out jobs in no guaranteed order.
 *
 * Jobs are taken with pg-boss's fetch/complete/fail rather than its `work` loop: `work` sleeps a
 * full polling interval even after a busy fetch and does not wait for its own completion writes,
 * which would lose them while the server restarts.
 */
import type { Kysely } from 'kysely';
import type { IngestItem, IngestOptions } from '../ingest/index.js';
import { feedItemPages, type FeedState, pollFeed, readInputs } from '../ingest/index.js';
import type { DecodedPage } from '../model.js';
import { createPreparer, type Prepared } from '../cli/pool.js';
import { describeStoreError, openStore, type Store } from '../store/open.js';
import type { Database } from '../store/schema.js';
import { type Policies, POLICIES, type PgBoss, type QueueName, startBoss } from './boss.js';
import { bossConnection, type FetchInputOptions, type FetchJob, jobInsertOptions, type PrepareJob } from './enqueue.js';
import { type LinkedPage, runLane } from './lane.js';
import { decodePayload, encodePayload, queueDb, type QueueDb } from './schema.js';

export interface WorkerOptions {
  /** postgres:// URL of the corpus (the queue lives in the same database). */
  url: string;
  /** Pages prepared at once (threads of the prepare pool). */
  concurrency: number;
  signal: AbortSignal;
  log: (line: string) => void;
  /** Cleaning and analysis; the thread pool by default. Tests inject a failing one. */
  prepare?: (page: DecodedPage) => Promise<Prepared>;
  /** Take part in the linking-lane election (default true). */
  lane?: boolean;
  /** Moment recorded as added_at; the clock by default. */
  now?: () => Date;
  /** Retry settings for jobs this worker queues (prepare jobs of fetched inputs). */
  policies?: Policies;
  /** pg-boss maintenance interval (reclaims the jobs of killed workers), seconds. */
  superviseSeconds?: number;
  /** Called after each page is linked (tests and the bench count them). */
  onLinked?: (page: LinkedPage) => void;
  /** Waiting between fetches while a queue is empty, milliseconds. */
  idleMs?: number;
}

/** Idle wait between fetches of an empty queue: short, since a fetch is one indexed query. */
const IDLE_MS = 250;
/** Attempts at a database write while the server is unreachable, with backoff from 250 ms (about 30 s in all). */
const UNREACHABLE_ATTEMPTS = 8;
/** Fetch URLs a few at a time per worker: fetching waits on the network, not the CPU. */
const FETCH_BATCH = 4;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `work` while the database is unreachable (a restart); other errors pass through. */
async function whileUnreachable<T>(target: string, work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const failure = describeStoreError(error, target);
      if (failure.code !== 'unreachable' && !isConnectionError(error)) throw error;
      if (attempt >= UNREACHABLE_ATTEMPTS) throw failure;
      await sleep(Math.min(5000, 250 * 2 ** attempt));
    }
  }
}

/** pg's own connection errors carry no SQLSTATE. */
function isConnectionError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Connection terminated|connection timeout|Client has encountered a connection error|ECONNREFUSED|ECONNRESET|the database system is (starting up|shutting down)|terminating connection/i.test(message);
}

function firstLine(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

interface Context {
  store: Store;
  db: QueueDb;
  boss: PgBoss;
  options: WorkerOptions;
  policies: Policies;
  prepare: (page: DecodedPage) => Promise<Prepared>;
}

/** Writes the pages of an input (fetched or polled) with their prepare jobs, in one transaction. */
async function writeItems(ctx: Context, seq: string, items: IngestItem[]): Promise<boolean> {
  return ctx.db.transaction().execute(async (tx) => {
    // Only the first completion of a fetch counts: a retried fetch (its worker was lost after commit) finds items set.
    const claimed = await tx.updateTable('queue_inputs').set({ items: items.length }).where('seq', '=', seq).where('items', 'is', null).returning('seq').executeTakeFirst();
    if (!claimed) return false;
    if (items.length > 0) {
      await tx
        .insertInto('queue_items')
        .values(
          items.map((item, index) =>
            item.ok
              ? { seq, item: index, source: item.page.context.source, state: 'waiting' as const, decoded: encodePayload(item.page), prepared: null, reason: null, prepared_at: null, linked_at: null }
              : { seq, item: index, source: item.error.source, state: 'failed' as const, decoded: null, prepared: null, reason: item.error.message, prepared_at: null, linked_at: null },
          ),
        )
        .execute();
      const jobs = items.flatMap((item, index): PgBoss.JobInsert[] =>
        item.ok ? [{ name: 'prepare', data: { seq, item: index, source: item.page.context.source } satisfies PrepareJob, ...jobInsertOptions(ctx.policies, 'prepare') }] : [],
      );
      if (jobs.length > 0) await ctx.boss.insert(jobs, bossConnection(tx));
    }
    return true;
  });
}

/** Input errors worth another try later: the network, not the content. */
const TRANSIENT_INPUT = new Set(['network', 'timeout', 'http-status']);

async function handleFetch(ctx: Context, job: FetchJob): Promise<void> {
  const input = await whileUnreachable(ctx.store.target, () => ctx.db.selectFrom('queue_inputs').select(['input', 'items', 'options']).where('seq', '=', job.seq).executeTakeFirst());
  if (!input || input.items !== null) return;
  const saved = JSON.parse(input.options) as Partial<FetchInputOptions>;
  const options: IngestOptions = { allowPrivate: !!saved.allowPrivate, maxBytes: saved.maxBytes ?? undefined, timeoutMs: saved.timeoutMs ?? undefined, published: saved.published ?? null, fetched: saved.fetched ?? null };
  const items: IngestItem[] = [];
  for await (const item of readInputs([input.input], options)) items.push(item);
  // A single failed read of the input itself (not of one feed item) is retried with backoff, then dead-lettered.
  const only = items.length === 1 ? items[0]! : null;
  if (only && !only.ok) {
    if (TRANSIENT_INPUT.has(only.error.code)) throw new Error(only.error.message);
    await whileUnreachable(ctx.store.target, () => ctx.db.updateTable('queue_inputs').set({ state: 'failed', items: 0, reason: only.error.message }).where('seq', '=', job.seq).execute());
    ctx.options.log(`newsprism: ${only.error.message}`);
    return;
  }
  await whileUnreachable(ctx.store.target, () => writeItems(ctx, job.seq, items));
}

async function handlePrepare(ctx: Context, job: PrepareJob): Promise<void> {
  const row = await whileUnreachable(ctx.store.target, () => ctx.db.selectFrom('queue_items').select(['state', 'decoded']).where('seq', '=', job.seq).where('item', '=', job.item).executeTakeFirst());
  if (!row || row.state !== 'waiting' || row.decoded === null) return;
  const prepared = await ctx.prepare(decodePayload<DecodedPage>(row.decoded));
  if (!prepared.ok) throw new Error(prepared.reason);
  const staged = encodePayload(prepared.page);
  await whileUnreachable(ctx.store.target, () =>
    ctx.db.updateTable('queue_items').set({ state: 'prepared', prepared: staged, decoded: null, prepared_at: new Date() }).where('seq', '=', job.seq).where('item', '=', job.item).where('state', '=', 'waiting').execute(),
  );
}

interface DeadJob {
  seq?: string;
  item?: number;
  source?: string;
}

/** A job out of retries: mark what it carried as failed, so the lane skips it (its decoded page stays for `retry`). */
async function handleDead(ctx: Context, job: PgBoss.JobWithMetadata<DeadJob>): Promise<void> {
  const { seq, item } = job.data;
  if (seq === undefined) return;
  const reason = deadReason(job.output);
  await whileUnreachable(ctx.store.target, async () => {
    if (item === undefined) await ctx.db.updateTable('queue_inputs').set({ state: 'failed', items: 0, reason }).where('seq', '=', seq).where('items', 'is', null).execute();
    else await ctx.db.updateTable('queue_items').set({ state: 'failed', reason }).where('seq', '=', seq).where('item', '=', item).where('state', '=', 'waiting').execute();
  });
}

export function deadReason(output: unknown): string {
  const message = (output as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message.split('\n')[0]! : 'failed';
}

interface PollJob {
  feed: string;
  allowPrivate: boolean;
  timeoutMs: number;
}

/** One poll of a watched feed: new items become one queue input; the feed's state is saved with them. */
async function handlePoll(ctx: Context, job: PollJob): Promise<void> {
  const key = `feed:${job.feed}`;
  const options: IngestOptions = { allowPrivate: job.allowPrivate, timeoutMs: job.timeoutMs };
  const saved = await whileUnreachable(ctx.store.target, () => ctx.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst());
  const result = await pollFeed(job.feed, saved ? (JSON.parse(saved.value) as FeedState) : null, options);
  const items: IngestItem[] = [];
  if (!result.notModified) {
    for await (const item of feedItemPages(result.items, job.feed, { ...options, feedFetchedAt: result.fetchedAt, encoding: result.encoding ?? undefined, language: result.feed?.language ?? undefined })) items.push(item);
  }
  const state = JSON.stringify(result.state);
  await whileUnreachable(ctx.store.target, async () => {
    if (items.length > 0) {
      const row = await ctx.db.insertInto('queue_inputs').values({ input: job.feed, kind: 'url', items: null, reason: null }).returning('seq').executeTakeFirstOrThrow();
      await writeItems(ctx, row.seq, items);
    }
    await ctx.db.insertInto('meta').values({ key, value: state }).onConflict((c) => c.column('key').doUpdateSet({ value: state })).execute();
  });
  ctx.options.log(`newsprism: ${job.feed}: ${result.notModified ? 'not modified' : `${items.length} new item(s)`}`);
}

/** Takes jobs of one queue until stopped, handling a batch at a time; never throws. */
async function consume<T extends object>(ctx: Context, name: QueueName, batchSize: number, handle: (job: PgBoss.JobWithMetadata<T>) => Promise<void>, stopped: () => boolean): Promise<void> {
  const target = ctx.store.target;
  let outage = false;
  while (!stopped()) {
    let jobs: PgBoss.JobWithMetadata<T>[];
    try {
      jobs = await ctx.boss.fetch<T>(name, { batchSize, includeMetadata: true });
      outage = false;
    } catch (error) {
      if (!outage) ctx.options.log(`newsprism: ${name} queue: ${firstLine(error)}; retrying`);
      outage = true;
      await sleep(1000);
      continue;
    }
    if (jobs.length === 0) {
      await sleep(ctx.options.idleMs ?? IDLE_MS);
      continue;
    }
    await Promise.all(
      jobs.map(async (job) => {
        try {
          await handle(job);
        } catch (error) {
          const reason = firstLine(error);
          const source = (job.data as { source?: string }).source ?? job.id;
          const last = job.retryCount >= job.retryLimit;
          ctx.options.log(`newsprism: ${source}: ${reason} (${name} attempt ${job.retryCount + 1} of ${job.retryLimit + 1}${last ? ', dead-lettered' : ''})`);
          await whileUnreachable(target, () => ctx.boss.fail(name, job.id, { message: reason })).catch(() => undefined);
          return;
        }
        // If this cannot be written the job expires and runs again; every handler is idempotent.
        await whileUnreachable(target, () => ctx.boss.complete(name, job.id)).catch(() => undefined);
      }),
    );
  }
}

/** Starts a worker; it runs until options.signal fires, then finishes its current jobs and stops. */
export async function runWorker(options: WorkerOptions): Promise<void> {
  const store = await openStore(options.url);
  const preparer = options.prepare ? null : createPreparer(options.concurrency);
  let boss: PgBoss | null = null;
  try {
    let bossOutage = false;
    boss = await startBoss(
      options.url,
      (error) => {
        if (!bossOutage) options.log(`newsprism: queue: ${firstLine(error)}`);
        bossOutage = true;
        setTimeout(() => (bossOutage = false), 5000).unref();
      },
      { superviseSeconds: options.superviseSeconds },
    );
    const ctx: Context = {
      store,
      db: queueDb(store.db as Kysely<Database>),
      boss,
      options,
      policies: options.policies ?? POLICIES,
      prepare: options.prepare ?? ((page) => preparer!.submit(page)),
    };
    const stopped = () => options.signal.aborted;
    // Enough prepare jobs in hand to keep every thread busy while results are written.
    const prepareBatch = Math.max(1, (preparer?.capacity ?? options.concurrency) || 1);
    const loops = [
      consume<PrepareJob>(ctx, 'prepare', prepareBatch, (job) => handlePrepare(ctx, job.data), stopped),
      consume<FetchJob>(ctx, 'fetch', FETCH_BATCH, (job) => handleFetch(ctx, job.data), stopped),
      consume<DeadJob>(ctx, 'dead', 20, (job) => handleDead(ctx, job), stopped),
      consume<PollJob>(ctx, 'poll', 1, (job) => handlePoll(ctx, job.data), stopped),
    ];
    if (options.lane !== false) loops.push(runLane({ store, url: options.url, signal: options.signal, log: options.log, now: options.now, onLinked: options.onLinked }));
    await Promise.all(loops);
  } finally {
    await boss?.stop({ graceful: false, wait: true, timeout: 5000 }).catch(() => undefined);
    await preparer?.close();
    await store.close();
  }
}
