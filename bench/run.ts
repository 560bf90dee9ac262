/**
 * `npm run bench`: speed, quality and memory of the clean stage, measured now on this machine.
 * Prints markdown tables and a JSON summary, and writes the JSON to bench/out/results.json.
 *
 * Each HTML extractor and each memory run gets a child process of its own (see html-child.ts and
 * memory.ts); the text pages, newsprism alone, are measured in this process.
 * Units: MB/s counts input bytes as UTF-8, 1 MB = 10^6 bytes; RSS is shown in MiB (maxRSS / 1024).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { cleanText } from '../src/clean/index.js';
import { type Fixture, loadFixtures } from '../test/quality/scoring.js';
import { EXTRACTORS } from './extractors.js';
import type { HtmlRow } from './html-child.js';
import { bigTextPage, bodyScores, CONFIG, collect, mb, median, REPO, runChild, runSuite, timeRuns, utf8Bytes } from './lib.js';
import type { MemoryReport } from './memory.js';

const TARGET = { htmlSpeedup: 3, textMBps: 2, peakRssMB: 300 };
const OUT_DIR = join(REPO, 'bench', 'out');

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(REPO, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

type HtmlResult = ({ ok: true } & HtmlRow) | { ok: false; extractor: string; error: string };

function htmlBench(): HtmlResult[] {
  return EXTRACTORS.map(({ name }, i): HtmlResult => {
    process.stderr.write(`bench: html, ${name}\n`);
    const child = runChild<HtmlRow>('html-child.ts', [String(i)]);
    return child.ok ? { ok: true, ...child.value } : { ok: false, extractor: name, error: child.error };
  });
}

async function textBench(fixtures: Fixture[]) {
  process.stderr.write('bench: text pages\n');
  const options = (f: Fixture) => ({ format: 'text' as const, source: f.name, fetched: f.gold.options?.fetched ?? null, published: f.gold.options?.published ?? null });
  const suite = await runSuite(
    fixtures.map((f) => f.input),
    (page, i) => cleanText(page, options(fixtures[i]!)).articles[0]?.text ?? '',
  );
  const big = bigTextPage(fixtures, CONFIG.bigTextBytes);
  const bytes = utf8Bytes(big);
  collect();
  const bigRun = await timeRuns(() => cleanText(big, { format: 'text' }), { runs: CONFIG.runs, warmup: CONFIG.warmup });
  const medianMs = median(bigRun.ms);
  return {
    pages: fixtures.length,
    bytes: fixtures.reduce((n, f) => n + utf8Bytes(f.input), 0),
    pagesPerSec: suite.pagesPerSec,
    MBps: suite.MBps,
    medianMsPerPage: suite.medianMsPerPage,
    runTotalsMs: suite.runTotalsMs,
    body: bodyScores(suite.texts, fixtures),
    bigPage: { bytes, medianMs, MBps: mb(bytes) / (medianMs / 1000), runs: bigRun.ms.length, runMs: bigRun.ms, articles: bigRun.value.articles.length },
  };
}

type MemoryResult = ({ ok: true } & MemoryReport) | { ok: false; mode: string; error: string };

/** Runs bench/memory.ts (see there) in a temp dir that is removed afterwards, whatever happened. */
function memoryRun(mode: 'big' | 'many'): MemoryResult {
  process.stderr.write(`bench: memory, ${mode}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'newsprism-bench-'));
  try {
    const child = runChild<MemoryReport>('memory.ts', [mode, dir]);
    return child.ok ? { ok: true, ...child.value } : { ok: false, mode, error: child.error };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What an idle `node --import tsx` costs, so the children's peaks can be read against it. */
function idleTsxRssKB(): number | null {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', 'process.stdout.write(String(process.resourceUsage().maxRSS))'], { cwd: REPO, encoding: 'utf8' });
  const kb = Number(child.stdout.trim());
  return child.status === 0 && kb > 0 ? kb : null;
}

// ---------------------------------------------------------------------------------------------

const fmt = (x: number | null | undefined, digits = 1) => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(digits));
const rssMB = (kb: number) => kb / 1024;
const verdict = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'PASS' : 'FAIL');
const round = (x: number, digits: number) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** `a ÷ b` and whether it meets `min`; n/a when either side has no measurement. */
function ratioCheck(check: string, a: number | undefined, b: number | undefined, min: number) {
  const measured = a !== undefined && b !== undefined ? a / b : null;
  return { check, measured, target: `≥ ${min}×`, pass: measured === null ? null : measured >= min };
}

async function main(): Promise<void> {
  const started = performance.now();
  const cpu = cpus();
  const machine = {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpu[0]?.model ?? '?',
    cores: cpu.length,
    memoryGB: round(totalmem() / 1024 ** 3, 1),
    versions: { '@mozilla/readability': versionOf('@mozilla/readability'), jsdom: versionOf('jsdom'), linkedom: versionOf('linkedom'), defuddle: versionOf('defuddle') },
  };
  const fixtures = loadFixtures();
  const htmlFixtures = fixtures.filter((f) => f.gold.format === 'html');
  const html = htmlBench();
  const text = await textBench(fixtures.filter((f) => f.gold.format === 'text'));
  const memory = { idleTsxRssKB: idleTsxRssKB(), big: memoryRun('big'), many: memoryRun('many') };

  const row = (name: string) => html.find((r): r is { ok: true } & HtmlRow => r.ok && r.extractor === name);
  const np = row('newsprism');
  const rj = row('Readability + jsdom');
  const f1Gap = np && rj ? np.body.f1 - rj.body.f1 : null;
  const targets = [
    ratioCheck('HTML pages/s, newsprism ÷ Readability+jsdom (fixtures)', np?.pagesPerSec, rj?.pagesPerSec, TARGET.htmlSpeedup),
    ratioCheck('HTML MB/s, newsprism ÷ Readability+jsdom (big page)', np?.bigPage.MBps, rj?.bigPage.MBps, TARGET.htmlSpeedup),
    { check: 'HTML body F1, newsprism − Readability+jsdom', measured: f1Gap, target: '≥ 0', pass: f1Gap === null ? null : f1Gap >= 0 },
    { check: 'text MB/s (fixture pages)', measured: text.MBps, target: `≥ ${TARGET.textMBps}`, pass: text.MBps >= TARGET.textMBps },
    { check: `text MB/s (one ${fmt(mb(text.bigPage.bytes))} MB page)`, measured: text.bigPage.MBps, target: `≥ ${TARGET.textMBps}`, pass: text.bigPage.MBps >= TARGET.textMBps },
    ...[memory.big, memory.many].map((m) => ({
      check: `peak RSS MiB, ${m.mode === 'big' ? '50 MiB text file' : '10,000-page directory'}`,
      measured: m.ok ? rssMB(m.maxRssKB) : null,
      target: `< ${TARGET.peakRssMB}`,
      // A run that did not finish has no peak to compare, and did not meet the target.
      pass: m.ok ? rssMB(m.maxRssKB) < TARGET.peakRssMB : false,
    })),
  ];

  const out: string[] = [];
  const htmlBytes = htmlFixtures.reduce((n, f) => n + utf8Bytes(f.input), 0);
  const bigHtmlBytes = html.find((r) => r.ok)?.bigPage.bytes ?? NaN;
  out.push('# newsprism benchmark', '');
  out.push(`Machine: Node ${machine.node}, ${machine.platform}, ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB RAM.`);
  out.push(`Compared: @mozilla/readability ${machine.versions['@mozilla/readability']}, jsdom ${machine.versions.jsdom}, linkedom ${machine.versions.linkedom}, defuddle ${machine.versions.defuddle}.`);
  out.push(`Medians of ${CONFIG.runs} timed runs after ${CONFIG.warmup} warm-ups; HTML times include each extractor's parse. MB = 10^6 input bytes.`, '');

  out.push(`## HTML pages (${htmlFixtures.length} fixtures, ${fmt(htmlBytes / 1024)} KiB) and one ${fmt(bigHtmlBytes / 1024)} KiB synthetic page, one process per extractor`, '');
  out.push(
    table(
      ['extractor', 'pages/s', 'MB/s', 'median ms/page', 'body F1', 'P', 'R', 'big page ms', 'big page MB/s', 'big runs', 'peak RSS MiB'],
      html.map((r) =>
        r.ok
          ? [r.extractor, fmt(r.pagesPerSec), fmt(r.MBps, 2), fmt(r.medianMsPerPage, 2), fmt(r.body.f1, 3), fmt(r.body.p, 3), fmt(r.body.r, 3), fmt(r.bigPage.medianMs, 0), fmt(r.bigPage.MBps, 2), r.bigPage.runs, fmt(rssMB(r.maxRssKB))]
          : [r.extractor, `FAILED: ${r.error}`, '', '', '', '', '', '', '', '', ''],
      ),
    ),
    '',
  );

  out.push(`## Text pages (${text.pages} fixtures, ${fmt(text.bytes / 1024)} KiB) and one flattened synthetic page`, '');
  out.push(
    table(
      ['input', 'pages/s', 'MB/s', 'median ms/page', 'body F1'],
      [
        [`${text.pages} fixture pages`, fmt(text.pagesPerSec), fmt(text.MBps, 2), fmt(text.medianMsPerPage, 2), fmt(text.body.f1, 3)],
        [`one ${fmt(mb(text.bigPage.bytes), 2)} MB page (${text.bigPage.runs} runs)`, fmt(1000 / text.bigPage.medianMs, 2), fmt(text.bigPage.MBps, 2), fmt(text.bigPage.medianMs, 0), '—'],
      ],
    ),
    '',
  );

  out.push(`## Memory (child process, the CLI: \`newsprism extract <input>\`; idle \`node --import tsx\` = ${memory.idleTsxRssKB ? fmt(rssMB(memory.idleTsxRssKB)) : 'n/a'} MiB)`, '');
  out.push(
    table(
      ['run', 'input MB', 'pages', 'seconds', 'pages/s', 'MB/s', 'peak RSS MiB', 'RSS before cleaning MiB', 'status'],
      [memory.big, memory.many].map((m) => {
        const name = m.mode === 'big' ? 'one 50 MiB text file' : '10,000 small pages';
        if (!m.ok) return [name, 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', `FAILED: ${m.error}`];
        const status = m.failed ? `ok, ${m.failed} failed` : 'ok';
        return [name, fmt(mb(m.inputBytes)), m.pages, fmt(m.seconds, 2), fmt(m.pages / m.seconds, 2), fmt(mb(m.inputBytes) / m.seconds, 2), fmt(rssMB(m.maxRssKB)), fmt(rssMB(m.baselineRssKB)), status];
      }),
    ),
    '',
  );

  out.push('## Targets', '');
  out.push(table(['check', 'measured', 'target', 'result'], targets.map((t) => [t.check, fmt(t.measured, 2), t.target, verdict(t.pass)])), '');

  const summary = { generatedAt: new Date().toISOString(), machine, config: CONFIG, html, text, memory, targets, totalSeconds: (performance.now() - started) / 1000 };
  const json = JSON.stringify(summary, (_k, v: unknown) => (typeof v === 'number' ? round(v, 4) : v), 2);
  out.push('## JSON summary', '', '```json', json, '```');
  process.stdout.write(`${out.join('\n')}\n`);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'results.json'), `${json}\n`);
}

await main();
