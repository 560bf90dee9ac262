/**
 * Answers to GET requests, kept until the corpus changes. The corpus only grows by pages (every
 * add, update or copy inserts a page row, and stories only change when one is added), so the
 * highest page ID names its state: an answer computed at one page ID stays right until another
 * page arrives. Jobs of this server announce their writes at once; writes by other processes
 * (`newsprism add`, `watch`) are noticed within `recheckMs`. Each answer carries an ETag naming
 * that state (and this server's start, since a new version may answer differently), so a browser
 * revalidating gets 304 without anything being computed or hashed.
 */
import { randomUUID } from 'node:crypto';
import type { Memo } from '../store/browse.js';
import type { Store } from '../store/open.js';

export interface CacheOptions {
  /** Answers kept (least recently used dropped first; `maxChars` bounds their memory). 0 turns the cache off. */
  maxEntries?: number;
  /** Largest total of cached bodies, in characters. */
  maxChars?: number;
  /** How often the database is asked whether another process added pages, ms. */
  recheckMs?: number;
}

export class AnswerCache {
  private readonly entries = new Map<string, string>();
  private readonly boot = randomUUID().slice(0, 8);
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
    this.maxEntries = options.maxEntries ?? 20_000;
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

  /** The ETag of every answer given in this corpus state. */
  etag(generation: string): string {
    return `"${this.boot}-${generation.replace(':', '-')}"`;
  }

  get(key: string, generation: string): string | null {
    if (generation !== this.generation) return null;
    const hit = this.entries.get(key);
    if (!hit) return null;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  set(key: string, generation: string, body: string): void {
    if (!this.enabled || generation !== this.generation || body.length > this.maxChars / 8) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.chars -= old.length;
      this.entries.delete(key);
    }
    this.entries.set(key, body);
    this.chars += body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.entries.delete(oldest);
      this.chars -= entry.length;
    }
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
