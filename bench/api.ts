/**
 * API latency (part of `npm run bench`): `newsprism serve` (the compiled CLI) on a synthetic SQLite
 * corpus, loaded with 50 concurrent connections by autocannon for each main endpoint; p50 and p95
 * of every response's latency. The server runs in a child process so the load generator does not
 * share its event loop. Requests pick random IDs, words and outlets, so most story and article
 * answers are computed, not cached. Target: p95 < 50 ms at 50 concurrent.
 *
 * The corpus is bench/out/link.db when it exists (bench/corpus.ts builds it: 100k articles), else
 * one built here from synthetic prepared pages (store + link only, no cleaning).
 * Usage: tsx bench/api.ts [--articles 100000] [--seconds 5] [--connections 50] [--readers N] [--db PATH] [--fresh]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { prepared } from './corpus-prepared.js';
import { addPreparedPage } from '../src/store/add.js';
import { openStore } from '../src/store/open.js';
import { refreshStoryViews } from '../src/store/queries.js';
import { REPO } from './lib.js';
import { rng, syntheticPages } from './synthetic.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : fallback;
};
const ARTICLES = Number(option('--articles', '100000'));
const SECONDS = Number(option('--seconds', '5'));
const CONNECTIONS = Number(option('--connections', '50'));
const OUT = join(REPO, 'bench', 'out');
const DB = option('--db', join(OUT, 'link.db'));
/** Reader threads for the server (default: its own default, the cores up to 4). */
const READERS = argv.includes('--readers') ? option('--readers', '0') : null;
const TARGET_P95_MS = 50;
const WARMUP_SECONDS = 3;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

/** Built under another name and renamed when complete, so an interrupted build is never reused. */
async function buildCorpus(): Promise<void> {
  const partial = `${DB}.partial`;
  for (const suffix of ['', '-wal', '-shm']) {
    rmSync(DB + suffix, { force: true });
    rmSync(partial + suffix, { force: true });
  }
  const store = await openStore(partial);
  const started = performance.now();
  let n = 0;
  for (const page of syntheticPages(ARTICLES, 13)) {
    await addPreparedPage(store, prepared(page.path, page.text), '2026-11-23T00:00:00Z');
    if (++n % 10_000 === 0) process.stderr.write(`  stored ${n} articles in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  await store.close();
  renameSync(partial, DB);
}

/** `newsprism serve` from the compiled CLI (reader threads and all), in its own process, on a free loopback port. */
async function startServer(): Promise<{ url: string; stop(): Promise<void> }> {
  spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO, stdio: 'inherit' });
  const args = ['bin/newsprism.js', 'serve', '--db', DB, '--port', '0', '--workers', '0', ...(READERS !== null ? ['--readers', READERS] : [])];
  const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.on('data', (chunk: Buffer) => {
    // The build note is expected; anything else is worth seeing.
    const text = chunk.toString();
    if (!/web app is not built|stopping/.test(text)) process.stderr.write(text);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!.replace(/\/$/, ''));
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface Row {
  name: string;
  requests: number;
  p50: number;
  p95: number;
  perSecond: number;
  errors: number;
}

async function load(url: string, name: string, path: () => string, seconds = SECONDS): Promise<Row> {
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: path() }) }],
      },
      (error: unknown, result: autocannon.Result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client, status, _bytes, time) => {
      latencies.push(time);
      if (status !== 200) errors++;
    });
  });
  return { name, requests: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), perSecond: result.requests.average, errors: errors + result.errors + result.timeouts };
}

mkdirSync(OUT, { recursive: true });
if (argv.includes('--fresh') || !existsSync(DB)) {
  process.stderr.write(`building a ${ARTICLES.toLocaleString('en')}-article corpus in ${DB}\n`);
  await buildCorpus();
}
const store = await openStore(DB);
{
  // What `newsprism add` does at the end of a batch: story pages computed for every changed story.
  const started = performance.now();
  const computed = await refreshStoryViews(store);
  if (computed > 0) process.stderr.write(`computed ${computed.toLocaleString('en')} story pages in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
const articleCount = Number((await store.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const storyIds = (await store.db.selectFrom('stories').select('id').where('merged_into', 'is', null).where('article_count', '>', 0).execute()).map((s) => s.id);
const maxArticle = Number((await store.db.selectFrom('articles').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m);
const entityNames = (await store.db.selectFrom('entities').select('name').limit(200).execute()).map((e) => e.name);
const outlets = (await store.db.selectFrom('articles').select('outlet').distinct().where('outlet', 'is not', null).limit(50).execute()).map((o) => o.outlet!);
await store.close();

const r = rng(11);
const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
const words = ['bridge', 'strike', 'tariff', 'flood', 'budget', 'railway', 'harbour', 'council residents', 'pipeline cost'];
const ENDPOINTS: [string, () => string][] = [
  ['GET /api/stories', () => '/api/stories'],
  ['GET /api/stories?outlet', () => `/api/stories?outlet=${encodeURIComponent(pick(outlets))}&limit=20`],
  ['GET /api/stories/:id', () => `/api/stories/${pick(storyIds)}`],
  ['GET /api/timeline?story', () => `/api/timeline?story=${pick(storyIds)}`],
  ['GET /api/quotes?story', () => `/api/quotes?story=${pick(storyIds)}`],
  ['GET /api/search?q', () => `/api/search?q=${encodeURIComponent(pick(words))}`],
  ['GET /api/entities', () => '/api/entities'],
  ['GET /api/entities?q', () => `/api/entities?q=${encodeURIComponent(pick(entityNames).split(' ')[0]!.slice(0, 4))}`],
  ['GET /api/articles', () => `/api/articles?offset=${Math.floor(r() * 10) * 50}`],
  ['GET /api/articles?story', () => `/api/articles?story=${pick(storyIds)}`],
  ['GET /api/articles/:id', () => `/api/articles/${1 + Math.floor(r() * maxArticle)}`],
  ['GET /api/outlets', () => '/api/outlets'],
];

const server = await startServer();
const rows: Row[] = [];
try {
  for (const [name, path] of ENDPOINTS) {
    // A warm-up, not measured: the first seconds under load compile the handlers in every thread
    // and fill the caches; the rows are the steady state.
    await load(server.url, name, path, WARMUP_SECONDS);
    rows.push(await load(server.url, name, path));
  }
} finally {
  await server.stop();
}

console.log(`\n## API latency: ${CONNECTIONS} concurrent connections, ${SECONDS} s per endpoint after a ${WARMUP_SECONDS} s warm-up, ${articleCount.toLocaleString('en')}-article SQLite corpus (${storyIds.length.toLocaleString('en')} stories), ${READERS ?? 'default'} reader threads, ${availableParallelism()} cores`);
console.log('| endpoint | requests | req/s | p50 ms | p95 ms | non-200 |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(`| ${row.name} | ${row.requests} | ${Math.round(row.perSecond)} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)}${row.p95 > TARGET_P95_MS ? ' ✗' : ''} | ${row.errors} |`);
const worst = Math.max(...rows.map((row) => row.p95));
console.log(`\nWorst p95: ${worst.toFixed(1)} ms (target < ${TARGET_P95_MS} ms) — ${worst < TARGET_P95_MS ? 'met' : 'NOT met'}`);
