/**
 * Preparing pages in parallel while keeping their order: pages go to a pool of worker threads
 * (Piscina) with a bounded number in flight, and results come back in input order, so a
 * parallel ingest stores exactly what a sequential one would. Under a TypeScript loader (tests,
 * tsx) there is no compiled worker file and pages are prepared inline.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { Piscina } from 'piscina';
import type { DecodedPage } from '../model.js';
import type { PreparedPage } from '../link/prepare.js';

export type Prepared = { ok: true; page: PreparedPage } | { ok: false; source: string; reason: string };

export interface Preparer {
  /** Queues a page; the promise settles with its result. */
  submit(page: DecodedPage): Promise<Prepared>;
  /** How many pages may be in flight before the caller should await the oldest. */
  readonly capacity: number;
  close(): Promise<void>;
}

function failure(page: DecodedPage, error: unknown): Prepared {
  const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return { ok: false, source: page.context.source, reason: `could not be cleaned or analysed (${reason})` };
}

function inlinePreparer(): Preparer {
  return {
    capacity: 1,
    async submit(page) {
      try {
        // Loaded on demand so the main thread of a pooled run never loads the cleaning stack.
        const { preparePage } = await import('../link/prepare.js');
        return { ok: true, page: preparePage(page) };
      } catch (error) {
        return failure(page, error);
      }
    },
    async close() {},
  };
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

export function createPreparer(workers: number): Preparer {
  const workerFile = fileURLToPath(new URL('./prepare-worker.js', import.meta.url));
  if (workers <= 0 || !existsSync(workerFile)) return inlinePreparer();
  const pool = new Piscina({ filename: workerFile, maxThreads: workers, minThreads: workers, idleTimeout: 60_000 });
  return {
    capacity: workers * 4,
    async submit(page) {
      try {
        return { ok: true, page: (await pool.run(page)) as PreparedPage };
      } catch (error) {
        return failure(page, error);
      }
    },
    close: () => pool.destroy(),
  };
}
