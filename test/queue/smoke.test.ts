import { afterAll, describe, expect, it } from 'vitest';
import { postgresAnswers, postgresBackend } from '../store/backends.js';
import { runWorker } from '../../src/queue/worker.js';
import { drained, enqueue, NOW, singleIngest, snapshot, syntheticDir } from './helpers.js';

const pg = await postgresAnswers();
const backend = postgresBackend();
afterAll(() => backend.cleanup());

describe.skipIf(!pg)('queue smoke', () => {
  it('in-process worker equals single ingest', async () => {
    const dir = syntheticDir(120);
    const [a, b] = [await backend.fresh(), await backend.fresh()];
    await singleIngest(a, [dir]);
    const t0 = Date.now();
    await enqueue(b, [dir]);
    const controller = new AbortController();
    const lines: string[] = [];
    const worker = runWorker({ url: b, concurrency: 1, signal: controller.signal, log: (l) => lines.push(l), now: NOW });
    await drained(b, 60_000);
    controller.abort();
    await worker;
    console.log('queue ms', Date.now() - t0, lines);
    expect(await snapshot(b)).toEqual(await snapshot(a));
  }, 120_000);
});
