/**
 * In-process queue tests: concurrent linkers stay correct, and a poison page is dead-lettered
 * after its retries without blocking the pages behind it, then `retry` brings it back.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createPreparer } from '../../src/cli/pool.js';
import { runLane } from '../../src/queue/lane.js';
import { readQueueStatus } from '../../src/queue/status.js';
import { createApp } from '../../src/serve/app.js';
import { runWorker } from '../../src/queue/worker.js';
import { openStore } from '../../src/store/open.js';
import { postgresAnswers, postgresBackend } from '../store/backends.js';
import { drained, duplicateSources, enqueue, NOW, singleIngest, snapshot, syntheticDir } from './helpers.js';

const pg = await postgresAnswers();
const backend = postgresBackend();
afterAll(() => backend.cleanup());

describe.skipIf(!pg)('linking lane', () => {
  it('three linkers running at once (no election) link every page once, as a single process would', async () => {
    const dir = syntheticDir(240, 11);
    const [reference, queued] = [await backend.fresh(), await backend.fresh()];
    await singleIngest(reference, [dir]);
    await enqueue(queued, [dir]);
    // Prepare everything first with a worker that never links, so the three lanes race over a full line.
    const preparing = new AbortController();
    const preparer = runWorker({ url: queued, concurrency: 1, lane: false, signal: preparing.signal, log: () => undefined });
    const stores = await Promise.all([0, 1, 2].map(() => openStore(queued)));
    const linking = new AbortController();
    const linked: string[] = [];
    const lanes = stores.map((store) => runLane({ store, url: queued, signal: linking.signal, log: () => undefined, now: NOW, unelected: true, onLinked: (p) => linked.push(p.source) }));
    await drained(queued, 90_000);
    linking.abort();
    preparing.abort();
    await Promise.all([...lanes, preparer]);
    await Promise.all(stores.map((s) => s.close()));
    expect(linked).toHaveLength(240);
    expect(new Set(linked).size).toBe(240);
    expect(await duplicateSources(queued)).toEqual([]);
    const [want, got] = [await snapshot(reference), await snapshot(queued)];
    expect(want.counts.stories).toBeGreaterThan(10);
    expect(got).toEqual(want);
  }, 150_000);

  it('a poison page is dead-lettered after its retries, does not block the queue, and retry re-queues it', async () => {
    const dir = syntheticDir(40, 3);
    const url = await backend.fresh();
    await enqueue(url, [dir]);
    const inline = createPreparer(0);
    let poisoned = true;
    let attempts = 0;
    const prepare: typeof inline.submit = async (page) => {
      if (poisoned && page.context.source.endsWith('page-000007.txt')) {
        attempts++;
        throw new Error('analysis crashed on purpose');
      }
      return inline.submit(page);
    };
    const lines: string[] = [];
    const controller = new AbortController();
    const worker = runWorker({ url, concurrency: 2, signal: controller.signal, log: (l) => lines.push(l), now: NOW, prepare, idleMs: 100 });
    try {
      await drained(url, 60_000);
      const store = await openStore(url);
      try {
        const status = await readQueueStatus(store);
        expect(attempts).toBe(3);
        expect(status.pages).toMatchObject({ linked: 39, failed: 1, waiting: 0, prepared: 0 });
        expect(status.deadLetters).toHaveLength(1);
        expect(status.deadLetters[0]).toMatchObject({ queue: 'prepare', reason: 'analysis crashed on purpose', attempts: 3 });
        expect(status.deadLetters[0]!.source).toMatch(/page-000007\.txt$/);
        expect(lines.filter((l) => l.includes('page-000007.txt') && l.includes('analysis crashed on purpose'))).toHaveLength(3);
        // Pages after the poison one were linked without waiting for it.
        const later = await store.db.selectFrom('pages').select('source').where('source', 'like', '%page-000039.txt').executeTakeFirst();
        expect(later).toBeDefined();

        // The web app sees the dead letter through the API, and puts it back in line from there.
        poisoned = false;
        const served = createApp(store, { queueUrl: url, webRoot: '/nonexistent', log: () => undefined });
        try {
          const listed = (await (await served.app.request('/api/queue')).json()) as { available: boolean; deadLetters: { id: string; source: string; reason: string }[] };
          expect(listed.available).toBe(true);
          expect(listed.deadLetters).toEqual([expect.objectContaining({ id: status.deadLetters[0]!.id, reason: 'analysis crashed on purpose' })]);
          const retried = await served.app.request('/api/queue/retry', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: [status.deadLetters[0]!.id] }) });
          expect(await retried.json()).toEqual({ retried: 1 });
        } finally {
          await served.close();
        }
        await drained(url, 60_000);
        const after = await readQueueStatus(store);
        expect(after.pages).toMatchObject({ linked: 40, failed: 0 });
        expect(after.deadLetters).toEqual([]);
      } finally {
        await store.close();
      }
    } finally {
      controller.abort();
      await worker;
      await inline.close();
    }
    expect(await duplicateSources(url)).toEqual([]);
  }, 120_000);
});
