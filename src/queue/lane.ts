/**
 * The linking lane: stories come out identical to a single-process ingest only if pages are linked
 * in input order (online clustering depends on order). Any worker may prepare pages, but only the
 * worker holding the lane lock links them, strictly in sequence order, advancing over the
 * contiguous prefix of inputs whose pages are all prepared (or dead-lettered, which it skips).
 *
 * Two locks, for two different jobs:
 * - LANE_LOCK, a session-level advisory lock on a dedicated connection, elects one linker. A
 *   killed worker or a dropped connection releases it, and another worker takes over.
 * - LINK_LOCK, taken inside every page's transaction, makes linking correct even if two workers
 *   believed they held the lane (a lock connection lost mid-pass): page transactions run one at a
 *   time, each re-reads its item's state after the lock, and a page already linked is skipped.
 * An item is marked linked in the same transaction as its page, so there is no window where a
 * page is stored but still looks unlinked.
 */
import pg from 'pg';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import type { PreparedPage } from '../link/prepare.js';
import { addInTransaction } from '../store/add.js';
import { describeStoreError, type Store } from '../store/open.js';
import { refreshStoryViews } from '../store/queries.js';
import { decodePayload, type QueueDb, queueDb } from './schema.js';

/** Arbitrary but fixed advisory-lock keys ("newsprism lane", "newsprism link"). */
export const LANE_LOCK = 0x6e70_6c61_6e65n;
export const LINK_LOCK = 0x6e70_6c69_6e6bn;

/** Pending inputs read per pass: a window over the head of the line. */
const LANE_WINDOW = 200;
/** Pause when the head of the line is not ready yet (or another worker holds the lane). */
const IDLE_MS = 200;
/** Pages linked between story-page refreshes while the lane never catches up. */
const REFRESH_EVERY = 1000;
/** Pause after a database error before reconnecting. */
const RECONNECT_MS = 1000;

export interface LinkedPage {
  seq: string;
  item: number;
  source: string;
  status: string;
}

export interface LaneOptions {
  store: Store;
  /** The unmasked connection URL (Store.target has the password masked). */
  url: string;
  signal: AbortSignal;
  log: (line: string) => void;
  now?: () => Date;
  /** Called after each page commits (tests and the bench count them). */
  onLinked?: (page: LinkedPage) => void;
  /**
   * Skip the election and link whenever there is work. Only for the test that proves LINK_LOCK
   * alone keeps concurrent linkers correct; a real worker always elects.
   */
  unelected?: boolean;
}

/** Links one prepared item, or does nothing if another linker got there first. */
async function linkItem(db: QueueDb, seq: string, item: number, now: string): Promise<LinkedPage | null> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${LINK_LOCK})`.execute(tx);
    const row = await tx.selectFrom('queue_items').select(['state', 'prepared', 'source']).where('seq', '=', seq).where('item', '=', item).executeTakeFirst();
    if (!row || row.state !== 'prepared' || row.prepared === null) return null;
    // The corpus half of the schema, seen through the same transaction.
    const result = await addInTransaction(tx as unknown as Transaction<Database>, decodePayload<PreparedPage>(row.prepared), now);
    await tx.updateTable('queue_items').set({ state: 'linked', prepared: null, decoded: null, linked_at: new Date() }).where('seq', '=', seq).where('item', '=', item).execute();
    return { seq, item, source: row.source, status: result.status };
  });
}

/** A page the store refuses for a reason other than reachability would stop the lane for ever: it is marked failed instead. */
async function failItem(db: QueueDb, seq: string, item: number, reason: string): Promise<void> {
  await db.updateTable('queue_items').set({ state: 'failed', reason, prepared: null }).where('seq', '=', seq).where('item', '=', item).execute();
}

/**
 * One pass over the head of the line: links every ready page in order and stops at the first
 * input that is not ready. Returns how many pages it linked and whether it stopped early.
 */
export async function linkReady(options: Pick<LaneOptions, 'store' | 'log' | 'now' | 'onLinked'>): Promise<{ linked: number; more: boolean }> {
  const db = queueDb(options.store.db);
  const inputs = await db.selectFrom('queue_inputs').select(['seq', 'items']).where('state', '=', 'pending').orderBy('seq').limit(LANE_WINDOW).execute();
  let linked = 0;
  for (const input of inputs) {
    // Not fetched yet: the input's page count is unknown, so nothing after it may be linked.
    if (input.items === null) return { linked, more: false };
    const items = await db.selectFrom('queue_items').select(['item', 'state', 'source']).where('seq', '=', input.seq).orderBy('item').execute();
    if (items.length < input.items) return { linked, more: false };
    for (const item of items) {
      if (item.state === 'waiting') return { linked, more: false };
      if (item.state !== 'prepared') continue;
      try {
        const page = await linkItem(db, input.seq, item.item, (options.now?.() ?? new Date()).toISOString());
        if (page) {
          linked++;
          options.onLinked?.(page);
        }
      } catch (error) {
        const failure = describeStoreError(error, options.store.target);
        if (failure.code === 'unreachable') throw failure;
        options.log(`newsprism: ${item.source}: could not be stored (${failure.message})`);
        await failItem(db, input.seq, item.item, `could not be stored (${failure.message})`);
      }
    }
    await db.updateTable('queue_inputs').set({ state: 'done' }).where('seq', '=', input.seq).where('state', '=', 'pending').execute();
  }
  return { linked, more: inputs.length === LANE_WINDOW };
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/** The lane lock on its own connection; `held` turns false the moment that connection fails. */
class LaneLock {
  private client: pg.Client | null = null;
  held = false;

  constructor(private readonly url: string) {}

  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    if (!this.client) {
      const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000, application_name: 'newsprism lane' });
      // A dropped connection releases the lock on the server: stop linking at once.
      const lost = () => {
        this.held = false;
        if (this.client === client) this.client = null;
      };
      client.on('error', lost);
      client.on('end', lost);
      await client.connect();
      this.client = client;
    }
    const { rows } = await this.client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [LANE_LOCK.toString()]);
    this.held = rows[0]?.locked === true;
    return this.held;
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.held = false;
    // Closing the session releases the lock.
    await client?.end().catch(() => undefined);
  }
}

/** Runs the lane until the signal fires: elect, link what is ready, wait, repeat; reconnect after errors. */
export async function runLane(options: LaneOptions): Promise<void> {
  const lock = new LaneLock(options.url);
  let reported = false;
  let unrefreshed = 0;
  try {
    while (!options.signal.aborted) {
      try {
        if (!options.unelected && !(await lock.tryAcquire())) {
          await sleep(IDLE_MS, options.signal);
          continue;
        }
        const { linked, more } = await linkReady(options);
        reported = false;
        unrefreshed += linked;
        // Story pages are brought up to date when the lane catches up, as `add` does at the end
        // of a batch, and every so often on a lane that never catches up.
        if (unrefreshed > 0 && (!more || unrefreshed >= REFRESH_EVERY)) {
          await refreshStoryViews(options.store, { signal: options.signal });
          unrefreshed = 0;
        }
        if (linked === 0 && !more) await sleep(IDLE_MS, options.signal);
      } catch (error) {
        // One line per outage, not one per retry.
        if (!reported) options.log(`newsprism: linking lane: ${describeStoreError(error, options.store.target).message}; retrying`);
        reported = true;
        await lock.release();
        await sleep(RECONNECT_MS, options.signal);
      }
    }
  } finally {
    await lock.release();
  }
}
