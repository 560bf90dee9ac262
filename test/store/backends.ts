/**
 * The backends the shared store suite runs against: SQLite always; PostgreSQL when a server
 * answers at NEWSPRISM_TEST_PG (default postgres://127.0.0.1:5432/postgres). Each Postgres
 * test file gets its own fresh database, dropped afterwards. Without a server the Postgres
 * cases are skipped with a message saying how to run them (CI starts one: see .ci/run).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const PG_ADMIN_URL = process.env.NEWSPRISM_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty database target for one test. */
  fresh(): Promise<string>;
  cleanup(): Promise<void>;
}

let postgresAvailable: boolean | null = null;

export async function postgresAnswers(): Promise<boolean> {
  if (postgresAvailable !== null) return postgresAvailable;
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    postgresAvailable = true;
  } catch (error) {
    if (process.env.NEWSPRISM_REQUIRE_PG) throw new Error(`PostgreSQL is required (NEWSPRISM_REQUIRE_PG) but ${PG_ADMIN_URL} does not answer`, { cause: error });
    postgresAvailable = false;
    console.warn(`PostgreSQL tests skipped: no server at ${PG_ADMIN_URL}. Start one (or set NEWSPRISM_TEST_PG=postgres://user@host:port/db) and run npm test again; .ci/run does this.`);
  } finally {
    await client.end().catch(() => undefined);
  }
  return postgresAvailable;
}

export function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'newsprism-store-'));
  let n = 0;
  return {
    name: 'sqlite',
    fresh: async () => join(dir, `corpus-${++n}.db`),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function postgresBackend(): Backend {
  const created: string[] = [];
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    name: 'postgres',
    async fresh() {
      const name = `newsprism_test_${process.pid}_${Date.now().toString(36)}_${created.length}`;
      await admin((c) => c.query(`create database ${name}`));
      created.push(name);
      const url = new URL(PG_ADMIN_URL);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async cleanup() {
      for (const name of created.splice(0)) await admin((c) => c.query(`drop database if exists ${name} with (force)`)).catch(() => undefined);
    },
  };
}

/** Both backends, Postgres only when it answers (checked once, at collection time). */
export async function backends(): Promise<Backend[]> {
  return (await postgresAnswers()) ? [sqliteBackend(), postgresBackend()] : [sqliteBackend()];
}
