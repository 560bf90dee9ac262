/**
 * Small helpers shared by the benchmark and its memory child: statistics, timing and the
 * synthetic inputs built from the gold fixtures.
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import type { Fixture } from '../test/quality/scoring.js';

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * A full collection between measurements, so garbage one extractor leaves behind (jsdom leaves a
 * lot) is not charged to the next. `npm run bench` cannot pass --expose-gc to tsx, hence the flag
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
