/**
 * Corpus benchmarks (part of `npm run bench`):
 *  1. ingest: the compiled CLI adds 10,000 synthetic pages end to end (read, clean, analyse,
 *     store, link) with worker threads on both cores — pages/s and peak memory;
 *  2. linking cost per article as the corpus grows to 1k, 10k and 100k articles (the pages are
 *     built directly as prepared articles, so only store + link is timed);
 *  3. query latency p50/p95 for stories, story, timeline, quotes and search on that 100k corpus.
 * Usage: tsx bench/corpus.ts [--pages 10000] [--articles 100000] [--skip-ingest]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { prepared } from './corpus-prepared.js';
import { addPreparedPage } from '../src/store/add.js';
import { openStore, type Store } from '../src/store/open.js';
import { listStories, quotesBySpeaker, storyDetail, timeline } from '../src/store/queries.js';
import { search } from '../src/store/search.js';
import { median, REPO } from './lib.js';
import { rng, syntheticPages, writeSyntheticCorpus } from './synthetic.js';

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const PAGES = flag('--pages', 10_000);
const ARTICLES = flag('--articles', 100_000);
const OUT = join(REPO, 'bench', 'out');

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

function ingest(): void {
  const dir = join(OUT, `corpus-${PAGES}`);
  if (!existsSync(dir)) writeSyntheticCorpus(dir, PAGES);
  spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO, stdio: 'inherit' });
  const db = join(OUT, 'ingest.db');
  rmSync(db, { force: true });
  for (const suffix of ['-wal', '-shm']) rmSync(db + suffix, { force: true });
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-v', 'node', 'bin/newsprism.js', 'add', '--json', '--db', db, dir], { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1];
  const summary = JSON.parse(run.stdout) as { added: number; duplicates: number; failed: number; stories: number };
  console.log('\n## Ingest, end to end (compiled CLI, worker threads)');
  console.log('| pages | seconds | pages/s | added | duplicates | failed | stories | peak RSS |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(`| ${PAGES} | ${seconds.toFixed(1)} | ${(PAGES / seconds).toFixed(1)} | ${summary.added} | ${summary.duplicates} | ${summary.failed} | ${summary.stories} | ${rss ? `${Math.round(Number(rss) / 1024)} MB` : '?'} |`);
}

async function linkCost(): Promise<Store> {
  const db = join(OUT, 'link.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  const store = await openStore(db);
  const checkpoints = [...new Set([1_000, 10_000, 100_000, ARTICLES])].filter((n) => n <= ARTICLES);
  const window = 200;
  const times: number[] = [];
  const rows: string[] = [];
  let n = 0;
  const started = performance.now();
  for (const page of syntheticPages(ARTICLES, 13)) {
    const item = prepared(page.path, page.text);
    const t0 = performance.now();
    await addPreparedPage(store, item, '2026-11-23T00:00:00Z');
    times.push(performance.now() - t0);
    if (times.length > window) times.shift();
    n++;
    if (checkpoints.includes(n)) rows.push(`| ${n.toLocaleString('en')} | ${median(times).toFixed(2)} | ${percentile(times, 95).toFixed(2)} |`);
    if (n % 10_000 === 0) process.stderr.write(`  linked ${n} articles in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  console.log('\n## Store + link cost per article as the corpus grows (SQLite; median and p95 of the last 200 adds)');
  console.log('| corpus size | median ms | p95 ms |');
  console.log('| --- | --- | --- |');
  for (const row of rows) console.log(row);
  return store;
}

async function queryLatency(store: Store): Promise<void> {
  const r = rng(5);
  const stories = await store.db.selectFrom('stories').select('id').where('merged_into', 'is', null).where('article_count', '>', 0).execute();
  const storyIds = stories.map((s) => s.id);
  const words = ['bridge', 'strike', 'tariff', 'flood', 'budget', 'railway', 'harbour', 'council residents', 'pipeline cost'];
  const queries: Record<string, () => Promise<unknown>> = {
    stories: () => listStories(store, {}),
    'stories --since': () => listStories(store, { since: '2026-10-01' }),
    story: () => storyDetail(store, storyIds[Math.floor(r() * storyIds.length)]!),
    'timeline --story': () => timeline(store, { story: storyIds[Math.floor(r() * storyIds.length)]! }),
    'quotes --story': () => quotesBySpeaker(store, { story: storyIds[Math.floor(r() * storyIds.length)]! }),
    search: () => search(store, words[Math.floor(r() * words.length)]!),
  };
  console.log(`\n## Query latency on the ${ARTICLES.toLocaleString('en')}-article SQLite corpus (200 runs each after 20 warm-up)`);
  console.log('| query | p50 ms | p95 ms |');
  console.log('| --- | --- | --- |');
  for (const [name, query] of Object.entries(queries)) {
    for (let i = 0; i < 20; i++) await query();
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await query();
      times.push(performance.now() - t0);
    }
    console.log(`| ${name} | ${percentile(times, 50).toFixed(2)} | ${percentile(times, 95).toFixed(2)} |`);
  }
}

mkdirSync(OUT, { recursive: true });
if (!argv.includes('--skip-ingest')) ingest();
const store = await linkCost();
await queryLatency(store);
await store.close();
