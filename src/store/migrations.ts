/**
 * Schema migrations: an ordered, append-only list. Never edit a migration that has shipped; add
 * the next one. Each gets the backend's name for the few places the two SQL dialects differ
 * (auto-increment keys, binary and floating types, full-text search).
 */
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

export type Backend = 'sqlite' | 'postgres';

interface Step {
  name: string;
  up: (db: Kysely<unknown>, backend: Backend) => Promise<void>;
}

const initial: Step = {
  name: '0001-corpus',
  async up(db, backend) {
    const id = backend === 'postgres' ? 'serial' : 'integer';
    const binary = backend === 'postgres' ? 'bytea' : 'blob';
    const real = backend === 'postgres' ? 'double precision' : 'real';
    await db.schema
      .createTable('pages')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('fetched', 'text')
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('encoding', 'text', (c) => c.notNull())
      .addColumn('raw', binary, (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('superseded', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('pages_source_hash', ['source', 'content_hash'])
      .execute();
    await db.schema
      .createTable('articles')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('dek', 'text')
      .addColumn('outlet', 'text')
      .addColumn('authors', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('published', 'text')
      .addColumn('published_basis', 'text')
      .addColumn('published_text', 'text')
      .addColumn('genre', 'text')
      .addColumn('genre_signals', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('paragraphs', 'text', (c) => c.notNull())
      .addColumn('text_hash', 'text', (c) => c.notNull())
      .addColumn('canonical_id', 'integer')
      .addColumn('copy_kind', 'text')
      .addColumn('story_id', 'integer')
      .addColumn('word_count', 'integer', (c) => c.notNull())
      .addColumn('event_date', 'text')
      .addColumn('features', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('articles_text_hash').on('articles').column('text_hash').execute();
    await db.schema.createIndex('articles_story').on('articles').columns(['story_id', 'event_date']).execute();
    await db.schema.createIndex('articles_canonical').on('articles').column('canonical_id').execute();
    await db.schema.createIndex('articles_outlet').on('articles').column('outlet').execute();
    await db.schema.createIndex('articles_event_date').on('articles').column('event_date').execute();

    await db.schema
      .createTable('entities')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('article_entities')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('aliases', 'text', (c) => c.notNull())
      .addColumn('descriptions', 'text', (c) => c.notNull())
      .addColumn('mentions', 'text', (c) => c.notNull())
      .addColumn('mention_count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_entities_pk', ['article_id', 'position'])
      .execute();
    await db.schema.createIndex('article_entities_entity').on('article_entities').column('entity_id').execute();

    await db.schema
      .createTable('quotes')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('span_start', 'integer', (c) => c.notNull())
      .addColumn('span_end', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('speaker_name', 'text')
      .addColumn('speaker_entity_id', 'integer')
      .addColumn('speaker_description', 'text')
      .addColumn('cue', 'text')
      .addColumn('text_key', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('quotes_article').on('quotes').column('article_id').execute();
    await db.schema.createIndex('quotes_speaker').on('quotes').column('speaker_entity_id').execute();

    await db.schema
      .createTable('dates')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('span_start', 'integer', (c) => c.notNull())
      .addColumn('span_end', 'integer', (c) => c.notNull())
      .addColumn('value', 'text')
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('sentence_start', 'integer', (c) => c.notNull())
      .addColumn('sentence_end', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('dates_article').on('dates').column('article_id').execute();

    await db.schema
      .createTable('numbers')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('span_start', 'integer', (c) => c.notNull())
      .addColumn('span_end', 'integer', (c) => c.notNull())
      .addColumn('value', real, (c) => c.notNull())
      .addColumn('unit', 'text')
      .addColumn('qualifier', 'text')
      .addPrimaryKeyConstraint('numbers_pk', ['article_id', 'position'])
      .execute();

    await db.schema
      .createTable('removals')
      .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('rule', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('removals_pk', ['page_id', 'position'])
      .execute();

    await db.schema
      .createTable('stories')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('first_date', 'text')
      .addColumn('last_date', 'text')
      .addColumn('article_count', 'integer', (c) => c.notNull())
      .addColumn('copy_count', 'integer', (c) => c.notNull())
      .addColumn('profile', 'text', (c) => c.notNull())
      .addColumn('merged_into', 'integer')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('stories_last_date').on('stories').column('last_date').execute();
    await db.schema
      .createTable('story_keys')
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('story_id', 'integer', (c) => c.notNull())
      .addColumn('last_day', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('story_keys_pk', ['key', 'story_id'])
      .execute();
    await db.schema.createIndex('story_keys_story').on('story_keys').column('story_id').execute();

    await db.schema
      .createTable('copy_bands')
      .addColumn('band', 'text', (c) => c.notNull())
      .addColumn('article_id', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('copy_bands_pk', ['band', 'article_id'])
      .execute();
    await db.schema.createIndex('copy_bands_article').on('copy_bands').column('article_id').execute();
    await db.schema
      .createTable('term_df')
      .addColumn('term', 'text', (c) => c.primaryKey())
      .addColumn('df', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();

    if (backend === 'postgres') {
      await sql`alter table articles add column search tsvector generated always as (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', body), 'B')) stored`.execute(db);
      await sql`create index articles_search on articles using gin (search)`.execute(db);
    } else {
      await sql`create virtual table articles_fts using fts5(title, body, content='articles', content_rowid='id', tokenize='porter unicode61')`.execute(db);
      await sql`create trigger articles_fts_insert after insert on articles begin
        insert into articles_fts(rowid, title, body) values (new.id, coalesce(new.title, ''), new.body); end`.execute(db);
      await sql`create trigger articles_fts_delete after delete on articles begin
        insert into articles_fts(articles_fts, rowid, title, body) values ('delete', old.id, coalesce(old.title, ''), old.body); end`.execute(db);
      await sql`create trigger articles_fts_update after update of title, body on articles begin
        insert into articles_fts(articles_fts, rowid, title, body) values ('delete', old.id, coalesce(old.title, ''), old.body);
        insert into articles_fts(rowid, title, body) values (new.id, coalesce(new.title, ''), new.body); end`.execute(db);
    }
  },
};

const boundedLookups: Step = {
  name: '0002-bounded-lookups',
  // Candidate stories are read per key, most recently active first, a bounded number each.
  async up(db) {
    await db.schema.createIndex('story_keys_key_day').on('story_keys').columns(['key', 'last_day']).execute();
  },
};

const storyViews: Step = {
  name: '0003-story-views',
  // A story's page (timeline, who said what, outlets, entities, articles) is computed once per
  // change and kept: computing it per request cost tens of milliseconds on large stories. Every
  // write that changes what the page shows bumps `revision`; a view is current while its
  // revision equals the story's.
  async up(db) {
    await db.schema.alterTable('stories').addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema
      .createTable('story_views')
      .addColumn('story_id', 'integer', (c) => c.primaryKey())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('timeline', 'text', (c) => c.notNull())
      .addColumn('quotes', 'text', (c) => c.notNull())
      .execute();
  },
};

const queueTables: Step = {
  name: '0004-queue',
  // The job queue (src/queue) runs on PostgreSQL only: several machines share one server, and
  // SQLite has no server to share. The SQLite schema records this step without tables so both
  // backends keep one version history.
  async up(db, backend) {
    if (backend !== 'postgres') return;
    // One row per input in enqueue order: seq is the order the linking lane follows. `items` is
    // null until a fetch job knows how many pages the input holds (a feed expands to many).
    await sql`create table queue_inputs (
      seq bigserial primary key,
      input text not null,
      kind text not null,
      items integer,
      state text not null default 'pending',
      reason text,
      options text not null default '{}',
      enqueued_at timestamptz not null default now())`.execute(db);
    await sql`create index queue_inputs_pending on queue_inputs (seq) where state = 'pending'`.execute(db);
    // One row per page of an input: the decoded page waiting to be prepared, then the prepared
    // page waiting to be linked; both are freed once the page is linked.
    await sql`create table queue_items (
      seq bigint not null references queue_inputs (seq) on delete cascade,
      item integer not null,
      source text not null,
      state text not null,
      decoded text,
      prepared text,
      reason text,
      prepared_at timestamptz,
      linked_at timestamptz,
      primary key (seq, item))`.execute(db);
    await sql`create index queue_items_linked_at on queue_items (linked_at) where linked_at is not null`.execute(db);
  },
};

/** Append only. */
export const MIGRATIONS: readonly Step[] = [initial, boundedLookups, storyViews, queueTables];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.name;

export function migrationProvider(backend: Backend): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return Object.fromEntries(MIGRATIONS.map((step) => [step.name, { up: (db: Kysely<unknown>) => step.up(db, backend) }]));
    },
  };
}
