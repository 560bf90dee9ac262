/**
 * Memory child of the benchmark: a process of its own, so its peak RSS belongs to this run alone.
 *
 *   tsx bench/memory.ts big  <dir>   one ~50 MiB flattened text file
 *   tsx bench/memory.ts many <dir>   a directory of 10,000 small pages
 *
 * Inputs are written with small streaming writes, so building them adds next to nothing to the
 * peak; the peak before processing is reported too (`baselineRssKB`) so the reader can see that.
 * Processing is the CLI itself (`newsprism extract <input>`), with its JSON lines counted instead
 * of printed. Prints one JSON object on stdout.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main as cli } from '../src/cli/main.js';
import { loadFixtures } from '../test/quality/scoring.js';
import { copiesUntil, vary } from './lib.js';

export interface MemoryReport {
  mode: 'big' | 'many';
  inputBytes: number;
  pages: number;
  failed: number;
  outputBytes: number;
  seconds: number;
  maxRssKB: number;
  /** Peak RSS after loading the code and writing the input, before any cleaning. */
  baselineRssKB: number;
}

const BIG_BYTES = 50 * 1024 * 1024;
const MANY_PAGES = 10_000;

function writeBig(dir: string): { path: string; bytes: number } {
  const path = join(dir, 'big.txt');
  const fd = openSync(path, 'w');
  let bytes = 0;
  const text = loadFixtures().filter((f) => f.gold.format === 'text').map((f) => f.input);
  for (const copy of copiesUntil(text, BIG_BYTES)) bytes += writeSync(fd, `${copy}\n\n`);
  closeSync(fd);
  return { path, bytes };
}

function writeMany(dir: string): { path: string; bytes: number } {
  const path = join(dir, 'pages');
  mkdirSync(path);
  const fixtures = loadFixtures();
  let bytes = 0;
  for (let n = 0; n < MANY_PAGES; n++) {
    const f = fixtures[n % fixtures.length]!;
    const ext = f.gold.format === 'html' ? 'html' : 'txt';
    const fd = openSync(join(path, `page-${String(n).padStart(5, '0')}.${ext}`), 'w');
    bytes += writeSync(fd, vary(f.input, Math.floor(n / fixtures.length)));
    closeSync(fd);
  }
  return { path, bytes };
}

async function main(): Promise<void> {
  const [mode, dir] = process.argv.slice(2);
  if ((mode !== 'big' && mode !== 'many') || !dir) throw new Error('usage: memory.ts big|many <dir>');
  const input = mode === 'big' ? writeBig(dir) : writeMany(dir);
  const baselineRssKB = process.resourceUsage().maxRSS;

  const start = performance.now();
  let pages = 0;
  let outputBytes = 0;
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
      outputBytes += chunk.length;
      for (const byte of chunk) if (byte === 10) pages++;
      done();
    },
  });
  let errors = '';
  const stderr = new Writable({
    write(chunk: Buffer, _encoding, done) {
      errors += chunk.toString();
      done();
    },
  });
  await cli(['extract', input.path], { stdout, stderr, stdin: process.stdin });
  const failed = Number(/(\d+) failed/.exec(errors)?.[1] ?? 0);
  const seconds = (performance.now() - start) / 1000;
  const summary: MemoryReport = { mode, inputBytes: input.bytes, pages, failed, outputBytes, seconds, maxRssKB: process.resourceUsage().maxRSS, baselineRssKB };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

await main();
