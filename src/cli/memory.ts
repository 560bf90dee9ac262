/**
 * Bounded memory over long batches. V8 grows its heap lazily, so a 10,000-page batch that
 * holds only one page at a time still reached ~440 MB of RSS before collecting; under a heap
 * cap the same batch runs in ~180 MB, so nothing leaks. Rather than impose a cap (which would
 * fail a single large page), the batch asks for a full collection whenever the heap has grown
 * past a budget since the last one.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const HEAP_BUDGET_BYTES = 40 * 1024 * 1024;

let collect: (() => void) | null = null;
let baseline = 0;

function collector(): () => void {
  if (!collect) {
    // The documented way to reach gc() without the --expose-gc command-line flag.
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  return collect;
}

/** Call between pages: collects when the heap grew by more than the budget since the last collection. */
export function keepHeapBounded(): void {
  const used = process.memoryUsage().heapUsed;
  if (baseline === 0) baseline = used;
  if (used - baseline < HEAP_BUDGET_BYTES) return;
  collector()();
  baseline = process.memoryUsage().heapUsed;
}
