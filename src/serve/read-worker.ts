/** Reader-thread entry for `serve` (see readers.ts): one connection per thread, opened on first use. */
import { workerData } from 'node:worker_threads';
import { openStore, type Store } from '../store/open.js';
import { answer } from './readers.js';
import type { ReadOp, ReadRequest } from './reads.js';

let opening: Promise<Store> | null = null;

export default function read(request: ReadRequest<ReadOp>) {
  return answer(async () => {
    opening ??= openStore((workerData as { target: string }).target, { migrate: false }).catch((error: unknown) => {
      // Not kept: the next read tries again (the file may come back, the lock may pass).
      opening = null;
      throw error;
    });
    return opening;
  }, request);
}
