/**
 * `newsprism watch`: poll feeds on an interval and add what is new. Each feed's validators
 * (ETag, Last-Modified) and the item IDs already seen are kept in the database, so a restarted
 * watcher neither re-fetches unchanged feeds nor re-adds old items.
 */
import { feedItemPages, type FeedState, pollFeed } from '../ingest/feeds.js';
import type { Store } from '../store/open.js';
import { addItems, summaryLine } from './add.js';
import { EXIT_INPUT_FAILED, EXIT_OK, EXIT_USAGE, type Io, write } from './io.js';
import { defaultWorkers } from './pool.js';

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** "30s", "15m", "1h" → milliseconds, or null. */
export function parseInterval(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*([smh])$/.exec(text.trim());
  if (!match) return null;
  const ms = Number(match[1]) * UNITS[match[2]!]!;
  return ms >= 1000 ? ms : null;
}

async function loadState(store: Store, feed: string): Promise<FeedState | null> {
  const row = await store.db.selectFrom('meta').select('value').where('key', '=', `feed:${feed}`).executeTakeFirst();
  return row ? (JSON.parse(row.value) as FeedState) : null;
}

async function saveState(store: Store, feed: string, state: FeedState): Promise<void> {
  const value = JSON.stringify(state);
  await store.db
    .insertInto('meta')
    .values({ key: `feed:${feed}`, value })
    .onConflict((c) => c.column('key').doUpdateSet({ value }))
    .execute();
}

export interface WatchFlags {
  every: string;
  once?: boolean;
  allowPrivate?: boolean;
  timeout: number;
  /** Stops the loop (tests, Ctrl-C). */
  signal?: AbortSignal;
}

async function pollOnce(store: Store, feed: string, flags: WatchFlags, io: Io): Promise<boolean> {
  const options = { allowPrivate: !!flags.allowPrivate, timeoutMs: flags.timeout * 1000 };
  try {
    const result = await pollFeed(feed, await loadState(store, feed), options);
    if (result.notModified || result.items.length === 0) {
      await write(io.stderr, `newsprism: ${feed}: ${result.notModified ? 'not modified' : 'no new items'}\n`);
    } else {
      const pages = feedItemPages(result.items, feed, { ...options, feedFetchedAt: result.fetchedAt, encoding: result.encoding ?? undefined, language: result.feed?.language ?? undefined });
      const summary = await addItems(store, pages, { ...options, workers: defaultWorkers(), json: false }, io);
      await write(io.stderr, summaryLine(summary));
    }
    await saveState(store, feed, result.state);
    return true;
  } catch (error) {
    await write(io.stderr, `newsprism: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    return false;
  }
}

export async function watchFeeds(store: Store, feeds: string[], flags: WatchFlags, io: Io): Promise<number> {
  const interval = parseInterval(flags.every);
  if (interval === null) {
    await write(io.stderr, `newsprism: --every takes a duration such as 30s, 15m or 1h, got "${flags.every}"\n`);
    return EXIT_USAGE;
  }
  const controller = new AbortController();
  const signal = flags.signal ?? controller.signal;
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  try {
    for (;;) {
      let ok = true;
      for (const feed of feeds) ok = (await pollOnce(store, feed, flags, io)) && ok;
      if (flags.once || signal.aborted) return ok ? EXIT_OK : EXIT_INPUT_FAILED;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, interval);
        signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      });
      if (signal.aborted) return EXIT_OK;
    }
  } finally {
    process.removeListener('SIGINT', stop);
  }
}
