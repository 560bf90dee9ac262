/**
 * Helpers shared by the benchmark and its child processes: configuration, statistics, timing,
 * scoring, spawning, and the synthetic inputs built from the gold fixtures.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type Fixture, tokenF1 } from '../test/quality/scoring.js';

export const REPO = fileURLToPath(new URL('..', import.meta.url));

export const CONFIG = {
  runs: 5,
  /** Untimed passes first: the first pass still runs much of the code unoptimised. */
  warmup: 2,
  bigHtmlBytes: 500_000,
  bigTextBytes: 5_000_000,
  /** Per extractor on the big HTML page; the slowest takes 20–30 s a run, so it gets a single one. */
  bigPageBudgetMs: 10_000,
  childTimeoutMs: 180_000,
};

/** Throughput megabytes: 10^6 bytes. */
export const mb = (bytes: number): number => bytes / 1e6;

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * A full collection between measurements, so garbage one measurement leaves behind (jsdom leaves
 * a lot) is not charged to the next. `npm run bench` cannot pass --expose-gc to tsx, hence the flag
 * is switched on at run time and `gc` fetched from a fresh context.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
export function collect(): void {
  gc();
}

export interface Timed<T> {
  /** Milliseconds of each timed run, warm-up excluded. */
  ms: number[];
  /** What the last run returned. */
  value: T;
}

/**
 * Runs `fn` `warmup` times untimed, then up to `runs` timed runs. A budget stops the timed runs
 * early (never before the first) so one slow extractor on a big page cannot eat the time budget.
 */
export async function timeRuns<T>(fn: () => Promise<T> | T, opts: { runs: number; warmup: number; budgetMs?: number }): Promise<Timed<T>> {
  let value = undefined as T;
  for (let i = 0; i < opts.warmup; i++) value = await fn();
  const ms: number[] = [];
  let spent = 0;
  while (ms.length < opts.runs && (ms.length === 0 || spent < (opts.budgetMs ?? Infinity))) {
    const start = performance.now();
    value = await fn();
    const took = performance.now() - start;
    ms.push(took);
    spent += took;
  }
  return { ms, value };
}

export interface SuiteResult {
  pagesPerSec: number;
  MBps: number;
  medianMsPerPage: number;
  runTotalsMs: number[];
  texts: string[];
}

/**
 * Times every page separately, one extractor per call. A run's total is the sum of its pages;
 * throughput comes from the median run total, and "ms/page" is the median over pages of each
 * page's median run.
 */
export async function runSuite(pages: string[], extract: (page: string, i: number) => string | Promise<string>): Promise<SuiteResult> {
  collect();
  let texts: string[] = [];
  const perPage = pages.map((): number[] => []);
  const runTotalsMs: number[] = [];
  for (let run = 0; run < CONFIG.warmup + CONFIG.runs; run++) {
    const timed = run >= CONFIG.warmup;
    const out: string[] = [];
    let total = 0;
    for (const [i, page] of pages.entries()) {
      const start = performance.now();
      out.push(await extract(page, i));
      const took = performance.now() - start;
      total += took;
      if (timed) perPage[i]!.push(took);
    }
    if (timed) runTotalsMs.push(total);
    texts = out;
  }
  const seconds = median(runTotalsMs) / 1000;
  const bytes = pages.reduce((n, p) => n + utf8Bytes(p), 0);
  return { pagesPerSec: pages.length / seconds, MBps: mb(bytes) / seconds, medianMsPerPage: median(perPage.map(median)), runTotalsMs, texts };
}

const goldBody = (f: Fixture) => f.gold.articles.find((a) => a.role === 'main')!.paragraphs.join('\n');

/** Mean body token F1 (and P, R) of extracted texts against the fixtures' main-article gold. */
export function bodyScores(texts: string[], fixtures: Fixture[]): { f1: number; p: number; r: number } {
  const scores = fixtures.map((f, i) => tokenF1(texts[i] ?? '', goldBody(f)));
  return { f1: mean(scores.map((s) => s.f1)), p: mean(scores.map((s) => s.p)), r: mean(scores.map((s) => s.r)) };
}

export type ChildResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Runs a bench script in a fresh `node --import tsx`, which reports one JSON line on stdout.
 * A fresh process gives each measurement its own heap, JIT state and peak RSS. Out-of-memory, a
 * crash or the time limit come back as an error saying which, with the message from stderr.
 */
export function runChild<T>(script: string, args: string[]): ChildResult<T> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'bench', script), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: CONFIG.childTimeoutMs,
    maxBuffer: 16 * 1024 * 1024,
  });
  const last = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status === 0 && last.startsWith('{')) return { ok: true, value: JSON.parse(last) as T };
  const why = child.error?.message ?? (child.signal ? `killed by ${child.signal}` : `exit code ${child.status}`);
  // The message, not the stack under it: V8's "FATAL ERROR: ... heap out of memory", or the Error line.
  const lines = child.stderr.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('npm warn'));
  const message = lines.find((l) => /^(\w*Error\b|FATAL ERROR)|out of memory/.test(l)) ?? lines.at(-1);
  return { ok: false, error: message ? `${why}: ${message}` : why };
}

/**
 * Shifts every number in a copy by `k`, so repeated copies of a fixture differ the way a stream
 * of real pages does (dates, counts, ids) and duplicate detection does not see one page N times.
 */
export function vary(text: string, k: number): string {
  if (k === 0) return text;
  return text.replace(/\d+/g, (d) => String(Number(d) + k));
}

export function bodyOf(html: string): string {
  return /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
}

/** Varied copies of the given pieces, round-robin, until `targetBytes` (UTF-8) have been yielded. */
export function* copiesUntil(pieces: string[], targetBytes: number): Generator<string> {
  let bytes = 0;
  for (let k = 0; bytes < targetBytes; k++) {
    for (const piece of pieces) {
      const copy = vary(piece, k);
      bytes += utf8Bytes(copy) + 2;
      yield copy;
      if (bytes >= targetBytes) return;
    }
  }
}

/** One large HTML page: the <body>s of the HTML fixtures repeated (numbers varied) under one head. */
export function bigHtmlPage(fixtures: Fixture[], targetBytes: number): string {
  const bodies = [...copiesUntil(fixtures.map((f) => bodyOf(f.input)), targetBytes)];
  return `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Synthetic long page</title></head>\n<body>\n${bodies.join('\n')}\n</body>\n</html>\n`;
}

/** One flattened text page: the text fixtures concatenated (numbers varied), blank line between. */
export function bigTextPage(fixtures: Fixture[], targetBytes: number): string {
  return [...copiesUntil(fixtures.map((f) => f.input), targetBytes)].join('\n\n');
}
