/**
 * The corpus commands end to end, in process, on SQLite: add (idempotent, summary, bad inputs),
 * the queries with --json and text output, export, doctor, and database failures reported as
 * one line naming the database (exit code 3).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE, FLOOD, ORCHARD, textPage } from '../store/pages.js';
import { run } from './run.js';

let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsprism-corpus-cli-'));
  mkdirSync(join(dir, 'pages'));
  for (const spec of [BRIDGE.wire, BRIDGE.rerun, BRIDGE.followUp, FLOOD, ORCHARD]) {
    writeFileSync(join(dir, 'pages', spec.source.replace(/\//g, '-')), textPage(spec).text);
  }
  writeFileSync(join(dir, 'pages', 'empty.txt'), '');
  db = join(dir, 'corpus.db');
});

describe('newsprism add and the corpus queries', () => {
  it('adds a folder: one line per page, a summary, exit 1 for the empty file', async () => {
    const { code, err } = await run(['add', '--db', db, join(dir, 'pages')]);
    expect(code).toBe(1);
    expect(err).toMatch(/empty\.txt: .*empty/i);
    expect(err).toMatch(/4 added, 1 duplicates, 0 updated, 0 unchanged, 1 failed; 3 stories/);
  });

  it('adding again adds nothing', async () => {
    const { err } = await run(['add', '--db', db, '--json', join(dir, 'pages')]);
    expect(err).toMatch(/0 added, 0 duplicates, 0 updated, 5 unchanged, 1 failed/);
  });

  it('stories, story, timeline, quotes, search with --json', async () => {
    const stories = JSON.parse((await run(['stories', '--db', db, '--json'])).out) as { id: number; articles: number; copies: number }[];
    expect(stories).toHaveLength(3);
    const bridge = stories.find((s) => s.articles === 2)!;
    expect(bridge.copies).toBe(1);
    const story = JSON.parse((await run(['story', String(bridge.id), '--db', db, '--json'])).out) as { timeline: unknown[]; quotes: unknown[]; articleList: unknown[] };
    expect(story.articleList).toHaveLength(3);
    expect(story.timeline.length).toBeGreaterThan(0);
    expect(story.quotes.length).toBeGreaterThan(0);
    const events = JSON.parse((await run(['timeline', '--db', db, '--story', String(bridge.id), '--json'])).out) as unknown[];
    expect(events).toEqual(story.timeline);
    const quotes = JSON.parse((await run(['quotes', '--db', db, '--speaker', 'Quillan', '--json'])).out) as { speaker: string }[];
    expect(quotes.map((q) => q.speaker)).toEqual(['Marta Quillan']);
    const hits = JSON.parse((await run(['search', 'apple blossom', '--db', db, '--json'])).out) as { title: string }[];
    expect(hits.map((h) => h.title)).toEqual([ORCHARD.title]);
  });

  it('text output for people', async () => {
    expect((await run(['stories', '--db', db])).out).toMatch(/^#\d+ {2}.+\n {5}2026-/m);
    expect((await run(['quotes', '--db', db])).out).toContain('Marta Quillan');
    expect((await run(['story', '9999', '--db', db])).code).toBe(1);
  });

  it('exports articles as CSV and JSON Lines with the contract columns', async () => {
    const csv = (await run(['export', '--db', db, '--format', 'csv'])).out.split('\n');
    expect(csv[0]).toMatch(/^id,source,story,canonical,copy_kind,role,title,outlet,published/);
    expect(csv.filter(Boolean)).toHaveLength(6);
    const lines = (await run(['export', '--db', db, '--what', 'quotes'])).out.trim().split('\n').map((l) => JSON.parse(l) as { speaker: string });
    expect(lines.length).toBeGreaterThan(3);
  });

  it('doctor: ok on a healthy file', async () => {
    const { code, out } = await run(['doctor', '--db', db]);
    expect(code).toBe(0);
    expect(out).toMatch(/ok {3}integrity: ok/);
  });
});

describe('database failures are one line naming the database, exit 3', () => {
  it('a file that is not a database', async () => {
    const bad = join(dir, 'not-a-db.db');
    writeFileSync(bad, 'this is a text file, not SQLite '.repeat(200));
    const { code, err } = await run(['stories', '--db', bad]);
    expect(code).toBe(3);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(`${bad}: not a newsprism database, or the file is corrupt`);
  });

  it('a database locked by another process', async () => {
    const locked = join(dir, 'locked.db');
    await run(['add', '--db', locked, join(dir, 'pages', 'gazette-orchard.txt')]);
    const other = new Sqlite(locked);
    other.exec('begin exclusive');
    try {
      const { code, err } = await run(['add', '--db', locked, join(dir, 'pages', 'courier-flood-barriers.txt')]);
      expect(code).toBe(3);
      expect(err).toMatch(/locked by another process/);
    } finally {
      other.exec('rollback');
      other.close();
    }
  }, 30_000);

  it('an unreachable PostgreSQL server', async () => {
    const { code, err } = await run(['stories', '--db', 'postgres://nobody:secret@127.0.0.1:1/none']);
    expect(code).toBe(3);
    expect(err).toMatch(/cannot reach PostgreSQL/);
    expect(err).not.toContain('secret');
  });
});
