/**
 * The queue's own tables (migration 0004, PostgreSQL only) as Kysely sees them, and the codec for
 * the pages that wait in them. Kept apart from the corpus schema: the web app and the SQLite
 * backend never read these tables.
 */
import type { Generated, Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** Where an input is on its way through the queue. */
export type InputState = 'pending' | 'done' | 'failed';
/** waiting: decoded, not yet prepared; failed: dead-lettered, the lane skips it. */
export type ItemState = 'waiting' | 'prepared' | 'linked' | 'failed';
/** file: read at enqueue time (bytes are in the row); url: fetched (and perhaps expanded as a feed) by a fetch job. */
export type InputKind = 'file' | 'url';

export type QueueTables = {
  queue_inputs: {
    seq: Generated<string>;
    input: string;
    kind: InputKind;
    items: number | null;
    state: Generated<InputState>;
    reason: string | null;
    options: Generated<string>;
    enqueued_at: Generated<Date>;
  };
  queue_items: {
    seq: string;
    item: number;
    source: string;
    state: ItemState;
    decoded: string | null;
    prepared: string | null;
    reason: string | null;
    prepared_at: Date | null;
    linked_at: Date | null;
  };
};

export type QueueDb = Kysely<Database & QueueTables>;

export function queueDb(db: Kysely<Database>): QueueDb {
  return db.withTables<QueueTables>();
}

const BYTES = '$bytes';

/** JSON that keeps byte arrays (a prepared page's raw bytes) as base64. */
export function encodePayload(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, replaced: unknown) {
    // `this[key]` is the value before Buffer#toJSON turned it into an array of numbers.
    const original = this[key];
    return original instanceof Uint8Array ? { [BYTES]: Buffer.from(original.buffer, original.byteOffset, original.byteLength).toString('base64') } : replaced;
  });
}

export function decodePayload<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && BYTES in value) return new Uint8Array(Buffer.from((value as Record<string, string>)[BYTES]!, 'base64'));
    return value;
  }) as T;
}
