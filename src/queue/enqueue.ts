/**
 * `add --queue`: give every input its place in line (a sequence number the linking lane follows)
 * and a job. Local files are read now and their decoded text stored in PostgreSQL, because a
 * worker on another machine cannot read this machine's disk; URLs and feeds are fetched by
 * `fetch` jobs. Rows and jobs are written in one transaction, so a crash never leaves a row
 * without its job (which would stall the lane) nor a job without its row.
 */
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { readInputs, type IngestOptions } from '../ingest/index.js';
import type { DecodedPage } from '../model.js';
import type { Database } from '../store/schema.js';
import { jobOptions, type Policies, POLICIES, type PgBoss } from './boss.js';
import { encodePayload, type InputKind, type QueueDb, queueDb, type QueueTables } from './schema.js';

export interface EnqueueOptions extends IngestOptions {
  /** Retry settings; the named table in boss.ts unless a test shortens them. */
  policies?: Policies;
}

export interface EnqueueSummary {
  inputs: number;
  pages: number;
  fetches: number;
  failed: number;
  failures: { source: string; reason: string }[];
}

/** Inputs written per transaction: large enough to amortise the round trips, small enough to hold in memory. */
const ENQUEUE_BATCH = 200;

const REMOTE = /^https?:\/\//i;

/** The options a fetch job needs to read a URL as `add` would have. */
export interface FetchInputOptions {
  allowPrivate: boolean;
  maxBytes: number | null;
  timeoutMs: number | null;
  published: string | null;
  fetched: string | null;
}

export interface PrepareJob {
  seq: string;
  item: number;
  source: string;
}

export interface FetchJob {
  seq: string;
  source: string;
}

type Pending =
  | { kind: 'file'; input: string; page: DecodedPage }
  | { kind: 'file-failed'; input: string; reason: string }
  | { kind: 'url'; input: string };

type Tx = Transaction<Database & QueueTables>;

/** pg-boss speaking through our transaction, so its job rows commit or roll back with ours. */
export function bossConnection(tx: Tx): PgBoss.ConnectionOptions {
  return { db: { executeSql: async (text: string, values: unknown[]) => ({ rows: (await tx.executeQuery(CompiledQuery.raw(text, values))).rows as unknown[] }) } };
}

/** Sequence numbers for `n` inputs, ascending, reserved before the rows are written so row i gets the i-th. */
async function reserveSeqs(tx: Tx, n: number): Promise<string[]> {
  const { rows } = await tx.executeQuery<{ seq: string }>(CompiledQuery.raw(`select nextval(pg_get_serial_sequence('queue_inputs', 'seq'))::text as seq from generate_series(1, $1)`, [n]));
  return rows.map((r) => r.seq).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
}

/** Writes a batch of inputs, in order, with their jobs; returns the fetch and prepare job counts. */
async function writeBatch(db: QueueDb, boss: PgBoss, batch: Pending[], fetchOptions: FetchInputOptions, policies: Policies): Promise<void> {
  if (batch.length === 0) return;
  await db.transaction().execute(async (tx) => {
    const seqs = await reserveSeqs(tx, batch.length);
    await tx
      .insertInto('queue_inputs')
      .values(
        batch.map((p, i) => ({
          seq: seqs[i]!,
          input: p.input,
          kind: (p.kind === 'url' ? 'url' : 'file') as InputKind,
          items: p.kind === 'url' ? null : 1,
          state: p.kind === 'file-failed' ? ('failed' as const) : ('pending' as const),
          reason: p.kind === 'file-failed' ? p.reason : null,
          options: p.kind === 'url' ? JSON.stringify(fetchOptions) : '{}',
        })),
      )
      .execute();
    const files = batch.flatMap((p, i) => (p.kind === 'file' ? [{ seq: seqs[i]!, page: p.page }] : []));
    if (files.length > 0) {
      await tx
        .insertInto('queue_items')
        .values(files.map(({ seq, page }) => ({ seq, item: 0, source: page.context.source, state: 'waiting' as const, decoded: encodePayload(page), prepared: null, reason: null, prepared_at: null, linked_at: null })))
        .execute();
    }
    const jobs: PgBoss.JobInsert[] = batch.flatMap((p, i): PgBoss.JobInsert[] => {
      const seq = seqs[i]!;
      if (p.kind === 'file') return [{ name: 'prepare', data: { seq, item: 0, source: p.page.context.source } satisfies PrepareJob, ...jobInsertOptions(policies, 'prepare') }];
      if (p.kind === 'url') return [{ name: 'fetch', data: { seq, source: p.input } satisfies FetchJob, ...jobInsertOptions(policies, 'fetch') }];
      return [];
    });
    if (jobs.length > 0) await boss.insert(jobs, bossConnection(tx));
  });
}

export function jobInsertOptions(policies: Policies, name: 'fetch' | 'prepare'): Partial<PgBoss.JobInsert> {
  const { retryLimit, retryDelay, retryBackoff, expireInSeconds, deadLetter } = jobOptions(policies, name);
  return { retryLimit, retryDelay, retryBackoff, expireInSeconds, deadLetter };
}

export async function enqueueInputs(db: Kysely<Database>, boss: PgBoss, inputs: string[], options: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const qdb = queueDb(db);
  const policies = options.policies ?? POLICIES;
  const fetchOptions: FetchInputOptions = {
    allowPrivate: !!options.allowPrivate,
    maxBytes: options.maxBytes ?? null,
    timeoutMs: options.timeoutMs ?? null,
    published: options.published ?? null,
    fetched: options.fetched ?? null,
  };
  const summary: EnqueueSummary = { inputs: 0, pages: 0, fetches: 0, failed: 0, failures: [] };
  let batch: Pending[] = [];
  const flush = async () => {
    await writeBatch(qdb, boss, batch, fetchOptions, policies);
    batch = [];
  };
  const push = async (pending: Pending) => {
    batch.push(pending);
    summary.inputs++;
    if (pending.kind === 'file') summary.pages++;
    else if (pending.kind === 'url') summary.fetches++;
    else {
      summary.failed++;
      if (summary.failures.length < 1000) summary.failures.push({ source: pending.input, reason: pending.reason });
    }
    if (batch.length >= ENQUEUE_BATCH) await flush();
  };
  for (const input of inputs) {
    if (REMOTE.test(input)) {
      await push({ kind: 'url', input });
      continue;
    }
    // A directory or WARC expands here into one input per page, each with its own place in line.
    for await (const item of readInputs([input], options)) {
      if (item.ok) await push({ kind: 'file', input: item.page.context.source, page: item.page });
      else {
        const { source, message } = item.error;
        await push({ kind: 'file-failed', input: source, reason: message.startsWith(`${source}: `) ? message.slice(source.length + 2) : message });
      }
    }
  }
  await flush();
  return summary;
}
