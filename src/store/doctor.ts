/**
 * `newsprism doctor`: is this a newsprism database, at which schema version, is it intact, and
 * do its links hold (every article's page exists, no story points into a merge loop)?
 */
import { sql } from 'kysely';
import { SCHEMA_VERSION } from './migrations.js';
import { appliedMigrations, type Store } from './open.js';

export interface DoctorReport {
  target: string;
  backend: string;
  schema: string | null;
  schemaCurrent: boolean;
  ok: boolean;
  checks: { name: string; ok: boolean; detail: string }[];
  counts: { pages: number; articles: number; stories: number; quotes: number };
}

async function count(store: Store, table: 'pages' | 'articles' | 'stories' | 'quotes'): Promise<number> {
  const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function checkStore(store: Store): Promise<DoctorReport> {
  const checks: DoctorReport['checks'] = [];
  const applied = await appliedMigrations(store.db);
  const schema = applied.at(-1) ?? null;
  checks.push({ name: 'schema', ok: schema === SCHEMA_VERSION, detail: schema ? `${applied.length} migration(s), latest ${schema}` : 'no newsprism schema' });
  if (store.backend === 'sqlite') {
    const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.db);
    const result = rows.map((r) => r.integrity_check).join('; ');
    checks.push({ name: 'integrity', ok: result === 'ok', detail: result });
    if (schema) {
      const fts = await sql`insert into articles_fts(articles_fts) values ('integrity-check')`.execute(store.db).then(() => 'ok', (e: Error) => e.message);
      checks.push({ name: 'full-text index', ok: fts === 'ok', detail: fts });
    }
  } else {
    await sql`select 1`.execute(store.db);
    checks.push({ name: 'connection', ok: true, detail: 'server answers' });
  }
  if (schema) {
    const orphans = await store.db
      .selectFrom('articles')
      .leftJoin('pages', 'pages.id', 'articles.page_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('pages.id', 'is', null)
      .executeTakeFirst();
    const n = Number(orphans?.n ?? 0);
    checks.push({ name: 'provenance', ok: n === 0, detail: n === 0 ? 'every article has its page' : `${n} article(s) without a page` });
    const merged = await store.db.selectFrom('stories').select(['id', 'merged_into']).where('merged_into', 'is not', null).execute();
    const next = new Map(merged.map((r) => [r.id, r.merged_into!]));
    const loops = merged.filter(({ id }) => {
      let current: number | undefined = id;
      for (let hop = 0; hop < 100 && current !== undefined; hop++) current = next.get(current);
      return current !== undefined;
    }).length;
    checks.push({ name: 'story redirects', ok: loops === 0, detail: loops === 0 ? `${merged.length} merged story ID(s) redirect` : `${loops} redirect loop(s)` });
  }
  const counts = schema
    ? { pages: await count(store, 'pages'), articles: await count(store, 'articles'), stories: await count(store, 'stories'), quotes: await count(store, 'quotes') }
    : { pages: 0, articles: 0, stories: 0, quotes: 0 };
  return { target: store.target, backend: store.backend, schema, schemaCurrent: schema === SCHEMA_VERSION, ok: checks.every((c) => c.ok), checks, counts };
}
