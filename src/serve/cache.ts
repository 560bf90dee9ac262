/**
 * Answers to GET requests, kept until the corpus changes. The corpus only grows by pages (every
 * add, update or copy inserts a page row, and stories only change when one is added), so the
 * highest page ID names its state: an answer computed at one page ID stays right until another
 * page arrives. Jobs of this server announce their writes at once; writes by other processes
 * (`newsprism add`, `watch`) are noticed within `recheckMs`. Each answer carries an ETag, so a
 * browser revalidating gets 304 without a body.
 */
import { createHash } from 'node:crypto';
import type { Memo } from '../store/browse.js';
import type { Store } from '../store/open.js';

export interface CacheOptions {
  /** Answers kept (least recently used dropped first). 0 turns the cache off. */
  maxEntries?: number;
  /** Largest total of cached bodies, in characters. */
  maxChars?: number;
  /** How often the database is asked whether another process added pages, ms. */
  recheckMs?: number;
}

export interface Cached {
  body: string;
  etag: string;
}

export class AnswerCache {
  private readonly entries = new Map<string, Cached>();
  /** Values derived from the corpus (all entities with their counts, outlet names), per state. */
  private readonly derived = new Map<string, Promise<unknown>>();
  private chars = 0;
  private generation = '';
  private local = 0;
  private lastPages: number | null = null;
  private checkedAt = -Infinity;
  private checking: Promise<void> | null = null;
  readonly maxEntries: number;
  private readonly maxChars: number;
  private readonly recheckMs: number;

  constructor(
    private readonly store: Store,
    options: CacheOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 5000;
    this.maxChars = options.maxChars ?? 64 * 1024 * 1024;
    this.recheckMs = options.recheckMs ?? 1000;
  }

  get enabled(): boolean {
    return this.maxEntries > 0;
  }

  /** This server wrote to the corpus: everything cached is out of date. */
  invalidate(): void {
    this.local++;
    this.clear();
  }

  /** The corpus state now; drops every answer when it moved. */
  async current(): Promise<string> {
    if (performance.now() - this.checkedAt >= this.recheckMs) {
      this.checking ??= this.check().finally(() => (this.checking = null));
      await this.checking;
    }
    const generation = `${this.lastPages ?? 0}:${this.local}`;
    if (generation !== this.generation) {
      this.clear();
      this.generation = generation;
    }
    return generation;
  }

  private async check(): Promise<void> {
    const row = await this.store.db.selectFrom('pages').select((eb) => eb.fn.max('id').as('last')).executeTakeFirst();
    this.lastPages = Number(row?.last ?? 0);
    this.checkedAt = performance.now();
  }

  get(key: string, generation: string): Cached | null {
    if (generation !== this.generation) return null;
    const hit = this.entries.get(key);
    if (!hit) return null;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  set(key: string, generation: string, body: string): Cached {
    const cached = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    if (!this.enabled || generation !== this.generation || body.length > this.maxChars / 8) return cached;
    const old = this.entries.get(key);
    if (old) {
      this.chars -= old.body.length;
      this.entries.delete(key);
    }
    this.entries.set(key, cached);
    this.chars += body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.entries.delete(oldest);
      this.chars -= entry.body.length;
    }
    return cached;
  }

  /** Remembers derived values for this corpus state; concurrent callers share one computation. */
  memo(generation: string): Memo {
    return <T>(key: string, compute: () => Promise<T>): Promise<T> => {
      if (generation !== this.generation) return compute();
      let value = this.derived.get(key) as Promise<T> | undefined;
      if (!value) {
        value = compute();
        this.derived.set(key, value);
        value.catch(() => this.derived.get(key) === value && this.derived.delete(key));
      }
      return value;
    };
  }

  get size(): number {
    return this.entries.size;
  }

  private clear(): void {
    this.entries.clear();
    this.derived.clear();
    this.chars = 0;
  }
}
