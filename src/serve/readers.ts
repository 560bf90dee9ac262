/**
 * Where the API's heavier reads run. better-sqlite3 answers synchronously, so on SQLite every
 * query holds the event loop: with many requests at once they queue behind each other on one
 * core. Reader threads each open their own connection to the same file (WAL lets readers run side
 * by side) and answer story, article, timeline, quotes, search and listing requests in parallel,
 * while the main thread parses HTTP and serves cached answers. PostgreSQL already answers
 * asynchronously through its pool, and an in-memory database cannot be shared, so those read
 * inline, as do tests under a TypeScript loader (no compiled worker file).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { type Store, StoreError } from '../store/open.js';
import { isStoreFailure } from './errors.js';
import { type ReadOp, type ReadRequest, type ReadResult, runRead } from './reads.js';

export interface Readers {
  run<K extends ReadOp>(request: ReadRequest<K>): Promise<ReadResult<K>>;
  /** Reader threads in use (0: reads run in the main thread). */
  readonly threads: number;
  close(): Promise<void>;
}

/**
 * One more thread than cores, up to 4: a reader waits on each hand-off from the main thread, and
 * the spare one keeps the cores busy meanwhile (on 2 cores, 3 readers answered random articles
 * about 15% faster than 2 in bench/api.ts runs).
 */
export function defaultReaders(): number {
  return Math.max(1, Math.min(availableParallelism() + 1, 4));
}

type Reply =
  | { ok: true; value: unknown }
  /** `storeError`: a StoreError already described (code and one-line message); `store`: a raw driver error. */
  | { ok: false; storeError: boolean; store: boolean; code: string | null; message: string };

function inline(store: Store): Readers {
  return { threads: 0, run: (request) => runRead(store, request), close: async () => undefined };
}

/** `workerFile` is for tests: the TypeScript worker, loaded through tsx. */
export function createReaders(store: Store, target: string, threads: number, workerFile = fileURLToPath(new URL('./read-worker.js', import.meta.url))): Readers {
  const shareable = store.backend === 'sqlite' && target !== ':memory:' && target !== '';
  if (threads <= 0 || !shareable || !existsSync(workerFile)) return inline(store);
  const execArgv = workerFile.endsWith('.ts') ? ['--import', 'tsx'] : undefined;
  const pool = new Piscina({ filename: workerFile, maxThreads: threads, minThreads: threads, idleTimeout: Infinity, closeTimeout: 5000, recordTiming: false, workerData: { target }, ...(execArgv ? { execArgv } : {}) });
  return {
    threads,
    async run(request) {
      const reply = (await pool.run(request)) as Reply;
      if (reply.ok) return reply.value as never;
      // Errors cross the thread boundary as data: the driver's code is what tells a database failure (503) from a bug (500).
      if (reply.storeError) {
        const prefix = `${store.target}: `;
        throw new StoreError(reply.code as StoreError['code'], store.target, reply.message.startsWith(prefix) ? reply.message.slice(prefix.length) : reply.message);
      }
      throw Object.assign(new Error(reply.message), reply.store ? { code: reply.code ?? 'SQLITE_ERROR' } : {});
    },
    // Reads already handed to a thread finish (bounded by closeTimeout) before the threads stop,
    // so a request in flight at shutdown is answered rather than failed.
    close: () => pool.close(),
  };
}

/** The worker side: runs one read against the worker's own connection; failures come back as data. */
export async function answer(store: () => Promise<Store>, request: ReadRequest<ReadOp>): Promise<Reply> {
  try {
    return { ok: true, value: await runRead(await store(), request) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      ok: false,
      storeError: error instanceof StoreError,
      store: isStoreFailure(error),
      code: typeof code === 'string' ? code : null,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
