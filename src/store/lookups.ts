/**
 * Many small indexed reads in one statement. Linking reads a bounded number of rows for each of
 * dozens of keys (copy bands, story keys); in-process SQLite does that cheaply one read at a time,
 * but against a server every read is a round trip, and those round trips were most of the cost
 * of linking a page on PostgreSQL. The reads stay separate — each keeps its own index lookup,
 * order and limit — and travel together as a UNION ALL of subqueries.
 */
import type { SelectQueryBuilder, Transaction } from 'kysely';
import type { Database } from './schema.js';

/** Subqueries per statement: well under SQLite's limit of 500 terms in a compound select. */
const PER_STATEMENT = 64;

export async function readPerKey<K, R>(tx: Transaction<Database>, keys: readonly K[], read: (key: K) => SelectQueryBuilder<Database, keyof Database, R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < keys.length; i += PER_STATEMENT) {
    const parts = keys.slice(i, i + PER_STATEMENT).map((key, j) => tx.selectFrom(read(key).as(`k${j}`)).selectAll() as unknown as SelectQueryBuilder<Database, keyof Database, R>);
    const statement = parts.slice(1).reduce((all, part) => all.unionAll(part), parts[0]!);
    out.push(...(await statement.execute()));
  }
  return out;
}
