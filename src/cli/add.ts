/**
 * `newsprism add`: read inputs, prepare pages in worker threads, store each page in its own
 * transaction, link it. Bad inputs and pages that fail analysis are reported and skipped; a
 * database failure that cannot be retried (locked, disk full, corrupt) stops the batch with
 * everything already reported as added kept. Ctrl-C stops after the page being stored.
 */
import cliProgress from 'cli-progress';
import { readInputs, type IngestItem, type IngestOptions } from '../ingest/index.js';
import type { DecodedPage } from '../model.js';
import { addPreparedPage, type AddResult, type AddStatus } from '../store/add.js';
import { describeStoreError, type Store, StoreError } from '../store/open.js';
import { refreshStoryViews } from '../store/queries.js';
import { createPreparer, type Prepared } from './pool.js';
import { EXIT_INPUT_FAILED, EXIT_OK, type Io, write } from './io.js';

export interface AddOptions extends IngestOptions {
  workers: number;
  json: boolean;
  /** Moment recorded as added_at; the clock by default. */
  now?: () => Date;
  /** Set by the caller on SIGINT: stop after the current page. */
  signal?: AbortSignal;
}

export interface AddSummary {
  added: number;
  duplicates: number;
  updated: number;
  unchanged: number;
  failed: number;
  failures: { source: string; reason: string }[];
  stories: number;
  seconds: number;
  interrupted: boolean;
}

const TRANSIENT = new Set(['unreachable']);
const RETRIES = 4;

/** Stores one page, retrying while the database is briefly unreachable (a restarting server). */
async function storeWithRetry(store: Store, prepared: Extract<Prepared, { ok: true }>, now: string): Promise<AddResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await addPreparedPage(store, prepared.page, now);
    } catch (error) {
      const failure = describeStoreError(error, store.target);
      if (!TRANSIENT.has(failure.code) || attempt >= RETRIES) throw failure;
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }
}

interface Reporter {
  page(source: string, outcome: string): Promise<void>;
  done(): void;
}

function reporter(io: Io, json: boolean, total: number | null): Reporter {
  const tty = (io.stderr as NodeJS.WriteStream).isTTY === true && !json;
  if (tty) {
    const bar = new cliProgress.SingleBar(
      { format: total ? 'adding {bar} {value}/{total} pages | {speed} pages/s | ETA {eta_formatted}' : 'adding {value} pages | {speed} pages/s', stream: io.stderr as NodeJS.WriteStream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    const started = Date.now();
    let count = 0;
    bar.start(total ?? 0, 0, { speed: '0' });
    return {
      async page() {
        count++;
        bar.update(count, { speed: (count / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1) });
      },
      done: () => bar.stop(),
    };
  }
  return {
    page: (source, outcome) => (json ? Promise.resolve() : write(io.stderr, `${outcome.padEnd(9)} ${source}\n`)),
    done: () => undefined,
  };
}

const COUNTER: Record<AddStatus, keyof Pick<AddSummary, 'added' | 'duplicates' | 'updated' | 'unchanged'>> = {
  added: 'added',
  duplicate: 'duplicates',
  updated: 'updated',
  unchanged: 'unchanged',
};

export function addInputs(store: Store, inputs: string[], options: AddOptions, io: Io, total: number | null = null): Promise<AddSummary> {
  return addItems(store, readInputs(inputs, options), options, io, total);
}

export async function addItems(store: Store, items: AsyncIterable<IngestItem>, options: AddOptions, io: Io, total: number | null = null): Promise<AddSummary> {
  const started = performance.now();
  const summary: AddSummary = { added: 0, duplicates: 0, updated: 0, unchanged: 0, failed: 0, failures: [], stories: 0, seconds: 0, interrupted: false };
  const preparer = createPreparer(options.workers);
  const progress = reporter(io, options.json, total);
  const inFlight: { page: DecodedPage; result: Promise<Prepared> }[] = [];
  const fail = async (source: string, reason: string) => {
    summary.failed++;
    if (summary.failures.length < 1000) summary.failures.push({ source, reason });
    await progress.page(source, 'failed');
    if (!options.json) await write(io.stderr, `newsprism: ${source}: ${reason}\n`);
  };
  const settleOldest = async () => {
    const next = inFlight.shift()!;
    const prepared = await next.result;
    if (!prepared.ok) return fail(prepared.source, prepared.reason);
    const result = await storeWithRetry(store, prepared, (options.now?.() ?? new Date()).toISOString());
    summary[COUNTER[result.status]]++;
    await progress.page(result.source, result.status + (result.storyId !== null && result.status !== 'unchanged' ? ` → story ${result.storyId}` : ''));
  };
  try {
    for await (const item of items) {
      if (options.signal?.aborted) {
        summary.interrupted = true;
        break;
      }
      if (!item.ok) {
        const { source, message } = item.error;
        await fail(source, message.startsWith(`${source}: `) ? message.slice(source.length + 2) : message);
        continue;
      }
      inFlight.push({ page: item.page, result: preparer.submit(item.page) });
      if (inFlight.length >= preparer.capacity) await settleOldest();
    }
    while (inFlight.length > 0 && !options.signal?.aborted) await settleOldest();
    if (inFlight.length > 0) summary.interrupted = true;
  } finally {
    progress.done();
    await preparer.close();
  }
  // Story pages are brought up to date once per batch rather than once per page; after an
  // interruption they are left stale (read live) until the next batch.
  if (!summary.interrupted) await refreshStoryViews(store, { signal: options.signal });
  summary.stories = Number((await store.db.selectFrom('stories').select((eb) => eb.fn.countAll().as('n')).where('merged_into', 'is', null).where('article_count', '>', 0).executeTakeFirst())?.n ?? 0);
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

export function summaryLine(s: AddSummary): string {
  const rate = s.seconds > 0 ? ((s.added + s.duplicates + s.updated + s.unchanged) / s.seconds).toFixed(1) : '0';
  return `newsprism: ${s.added} added, ${s.duplicates} duplicates, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed} failed; ${s.stories} stories (${rate} pages/s)${s.interrupted ? ' — interrupted, run again to resume' : ''}\n`;
}

export function addExitCode(s: AddSummary): number {
  return s.failed > 0 || s.interrupted ? EXIT_INPUT_FAILED : EXIT_OK;
}

export { StoreError };
