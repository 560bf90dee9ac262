/**
 * Opening a corpus: an SQLite file by default, PostgreSQL when the target is a postgres:// URL.
 * Both speak through one Kysely instance over one schema, migrated to the latest version on open.
 * Failures become a StoreError whose message names the database and the cause in one line.
 */
import Sqlite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type SqliteDatabase, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { type Backend, MIGRATIONS, migrationProvider } from './migrations.js';

export const DEFAULT_DB = 'newsprism.db';

export class StoreError extends Error {
  constructor(
    readonly code: 'locked' | 'corrupt' | 'disk-full' | 'unreachable' | 'schema' | 'failed',
    readonly target: string,
    reason: string,
  ) {
    super(`${target}: ${reason}`);
    this.name = 'StoreError';
  }
}

export interface Store {
  db: Kysely<Database>;
  backend: Backend;
  /** The database as the user named it, with any password masked. */
  target: string;
  close(): Promise<void>;
}

export function resolveTarget(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.NEWSPRISM_DB ?? DEFAULT_DB;
}

export function isPostgres(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

function maskPassword(target: string): string {
  return target.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

/** Translates driver errors into one-line causes a user can act on. */
export function describeStoreError(error: unknown, target: string): StoreError {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  const shown = maskPassword(target);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new StoreError('locked', shown, 'database is locked by another process; try again when it finishes');
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return new StoreError('corrupt', shown, 'not a newsprism database, or the file is corrupt (run `newsprism doctor`)');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100') return new StoreError('disk-full', shown, 'disk full: nothing more can be written');
  if (code === 'SQLITE_CANTOPEN') return new StoreError('unreachable', shown, 'cannot open the database file (does its folder exist and is it writable?)');
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', '57P01', '57P03', '08006', '08001'].includes(code)) {
    return new StoreError('unreachable', shown, `cannot reach PostgreSQL (${code}: ${message})`);
  }
  if (code === '3D000') return new StoreError('unreachable', shown, `no such database (${message})`);
  return new StoreError('failed', shown, message);
}

function openSqlite(path: string): Kysely<Database> {
  const database = new Sqlite(path, { timeout: 5000 });
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
}

/** Statements kept per connection; the query builder produces a few dozen distinct ones. */
const STATEMENT_CACHE = 1000;

/**
 * The query builder prepares every statement afresh, and parsing and planning the SQL cost as
 * much as running it for the short indexed reads the API and the linker make (a profile of the
 * article endpoint under load showed it). Prepared statements are kept by their SQL text; one that
 * is still being iterated (a streamed export) is not shared, a fresh one is prepared instead.
 */
function withStatementCache(database: Sqlite.Database): SqliteDatabase {
  const statements = new Map<string, Sqlite.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string) {
      const kept = statements.get(text);
      if (kept && !kept.busy) return kept;
      const statement = database.prepare(text);
      if (!kept) {
        if (statements.size >= STATEMENT_CACHE) statements.delete(statements.keys().next().value!);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

function openPostgres(url: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000 });
  // An idle client losing its server (a restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  // The pool listens for errors only on idle clients. A client checked out between two statements
  // of a transaction that loses its server would emit an unhandled 'error' and kill the process;
  // the failure surfaces anyway as the rejection of its next query.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** The migrations this database has applied, oldest first. */
export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((row) => row.name);
}

export async function openStore(target: string, options: { migrate?: boolean } = {}): Promise<Store> {
  const backend: Backend = isPostgres(target) ? 'postgres' : 'sqlite';
  let db: Kysely<Database> | null = null;
  try {
    db = backend === 'postgres' ? openPostgres(target) : openSqlite(target);
    if (options.migrate !== false) await migrate(db, backend, target);
    const opened = db;
    return { db: opened, backend, target: maskPassword(target), close: () => opened.destroy() };
  } catch (error) {
    await db?.destroy().catch(() => undefined);
    throw describeStoreError(error, target);
  }
}

/** Advisory-lock key ("newsprism migrate") serialising schema upgrades on a shared server. */
const MIGRATE_LOCK = 0x6e70_6d69_6772n;

async function migrate(db: Kysely<Database>, backend: Backend, target: string): Promise<void> {
  if (backend === 'sqlite') return migrateOn(db, backend, target);
  // Several machines starting on a fresh database at once (workers, watchers) would race to create
  // the migration tables (CREATE TABLE IF NOT EXISTS is not safe against a concurrent creator in
  // PostgreSQL): one upgrades while the others wait, then find it done.
  await db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATE_LOCK.toString()}::bigint)`.execute(connection);
    try {
      await migrateOn(connection, backend, target);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATE_LOCK.toString()}::bigint)`.execute(connection);
    }
  });
}

async function migrateOn(db: Kysely<Database>, backend: Backend, target: string): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(backend) });
  const known = new Set(MIGRATIONS.map((m) => m.name));
  const applied = await appliedMigrations(db);
  const unknown = applied.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new StoreError('schema', maskPassword(target), `database schema ${unknown.at(-1)} is newer than this newsprism; upgrade newsprism`);
  }
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
