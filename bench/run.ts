/**
 * `npm run bench`: speed, quality and memory of the clean stage, measured now on this machine.
 * Prints markdown tables and a JSON summary, and writes the JSON to bench/out/results.json.
 *
 * Units: MB/s counts input bytes as UTF-8, 1 MB = 10^6 bytes; RSS is shown in MiB (maxRSS / 1024).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanText } from '../src/clean/index.js';
import { type Fixture, loadFixtures, tokenF1 } from '../test/quality/scoring.js';
import { EXTRACTORS } from './extractors.js';
import { bigHtmlPage, bigTextPage, collect, mean, median, timeRuns, utf8Bytes } from './lib.js';

const RUNS = 5;
/** Warm-up rounds before the timed ones: the first pass still runs much code unoptimised. */
const WARMUP = 2;
/** Per extractor on the big HTML page; the slowest takes ~20 s a run, so it gets a single one. */
const BIG_PAGE_BUDGET_MS = 10_000;
const BIG_HTML_BYTES = 500_000;
const BIG_TEXT_BYTES = 5_000_000;
const CHILD_TIMEOUT_MS = 180_000;
const TARGET = { htmlSpeedup: 3, textMBps: 2, peakRssMB: 300 };

const REPO = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(REPO, 'bench', 'out');

const round = (x: number, digits = 2) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);
const mb = (bytes: number) => bytes / 1e6;
const goldBody = (f: Fixture) => f.gold.articles.find((a) => a.role === 'main')!.paragraphs.join('\n');

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(REPO, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

interface SuiteResult {
  pagesPerSec: number;
  MBps: number;
  medianMsPerPage: number;
  runTotalsMs: number[];
  texts: string[];
}

type Extract = (page: string, i: number) => string | Promise<string>;

/**
 * Times every page separately. Rounds are interleaved — each round runs every extractor once over
 * all pages — so load that drifts on a shared machine falls on all of them alike and ratios hold.
 * A run's total is the sum of its pages; throughput comes from the median run total, and
 * "ms/page" is the median over pages of each page's median run.
 */
async function runSuites(pages: string[], extracts: Extract[]): Promise<SuiteResult[]> {
  const state = extracts.map(() => ({ texts: [] as string[], perPage: pages.map((): number[] => []), runTotalsMs: [] as number[] }));
  for (let run = 0; run < WARMUP + RUNS; run++) {
    for (const [e, extract] of extracts.entries()) {
      collect();
      const s = state[e]!;
      const out: string[] = [];
      let total = 0;
      for (const [i, page] of pages.entries()) {
        const start = performance.now();
        out.push(await extract(page, i));
        const took = performance.now() - start;
        total += took;
        if (run >= WARMUP) s.perPage[i]!.push(took);
      }
      if (run >= WARMUP) s.runTotalsMs.push(total);
      s.texts = out;
    }
  }
  const bytes = pages.reduce((n, p) => n + utf8Bytes(p), 0);
  return state.map(({ texts, perPage, runTotalsMs }) => {
    const seconds = median(runTotalsMs) / 1000;
    return { pagesPerSec: pages.length / seconds, MBps: mb(bytes) / seconds, medianMsPerPage: median(perPage.map(median)), runTotalsMs, texts };
  });
}

function f1Of(texts: string[], fixtures: Fixture[]) {
  const scores = fixtures.map((f, i) => tokenF1(texts[i] ?? '', goldBody(f)));
  return { f1: mean(scores.map((s) => s.f1)), p: mean(scores.map((s) => s.p)), r: mean(scores.map((s) => s.r)) };
}

async function htmlBench(fixtures: Fixture[]) {
  const pages = fixtures.map((f) => f.input);
  const big = bigHtmlPage(fixtures, BIG_HTML_BYTES);
  const bigBytes = utf8Bytes(big);
  process.stderr.write('bench: html fixture pages\n');
  const suites = await runSuites(pages, EXTRACTORS.map((x) => (page: string) => x.extract(page)));
  const rows = [];
  for (const [e, extractor] of EXTRACTORS.entries()) {
    process.stderr.write(`bench: html big page, ${extractor.name}\n`);
    const suite = suites[e]!;
    collect();
    // No warm-up here: the fixture rounds have just run this extractor's code several times over.
    const bigRun = await timeRuns(() => extractor.extract(big), { runs: RUNS, warmup: 0, budgetMs: BIG_PAGE_BUDGET_MS });
    const bigMs = median(bigRun.ms);
    rows.push({
      extractor: extractor.name,
      pagesPerSec: suite.pagesPerSec,
      MBps: suite.MBps,
      medianMsPerPage: suite.medianMsPerPage,
      runTotalsMs: suite.runTotalsMs,
      body: f1Of(suite.texts, fixtures),
      bigPage: { bytes: bigBytes, medianMs: bigMs, MBps: mb(bigBytes) / (bigMs / 1000), runs: bigRun.ms.length, runMs: bigRun.ms, outputChars: bigRun.value.length },
    });
  }
  return { pages: pages.length, bytes: pages.reduce((n, p) => n + utf8Bytes(p), 0), rows };
}

async function textBench(fixtures: Fixture[]) {
  process.stderr.write('bench: text pages\n');
  const options = (f: Fixture) => ({ format: 'text' as const, source: f.name, fetched: f.gold.options?.fetched ?? null, published: f.gold.options?.published ?? null });
  const suite = (await runSuites(
    fixtures.map((f) => f.input),
    [(page, i) => cleanText(page, options(fixtures[i]!)).articles[0]?.text ?? ''],
  ))[0]!;
  const big = bigTextPage(fixtures, BIG_TEXT_BYTES);
  const bigBytes = utf8Bytes(big);
  collect();
  const bigRun = await timeRuns(() => cleanText(big, { format: 'text' }), { runs: RUNS, warmup: WARMUP });
  const bigMs = median(bigRun.ms);
  return {
    pages: fixtures.length,
    bytes: fixtures.reduce((n, f) => n + utf8Bytes(f.input), 0),
    pagesPerSec: suite.pagesPerSec,
    MBps: suite.MBps,
    medianMsPerPage: suite.medianMsPerPage,
    runTotalsMs: suite.runTotalsMs,
    body: f1Of(suite.texts, fixtures),
    bigPage: { bytes: bigBytes, medianMs: bigMs, MBps: mb(bigBytes) / (bigMs / 1000), runs: bigRun.ms.length, runMs: bigRun.ms, articles: bigRun.value.articles.length },
  };
}

interface ChildReport {
  mode: string;
  inputBytes: number;
  pages: number;
  failed: number;
  seconds: number;
  maxRssKB: number;
  baselineRssKB: number;
}

type MemoryResult = ({ ok: true } & ChildReport) | { ok: false; mode: string; error: string };

/** Runs bench/memory.ts in a child of its own (see there), in a temp dir removed afterwards. */
function memoryRun(mode: 'big' | 'many'): MemoryResult {
  process.stderr.write(`bench: memory, ${mode}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'newsprism-bench-'));
  try {
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'bench', 'memory.ts'), mode, dir], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: CHILD_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
    });
    const last = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status === 0 && last.startsWith('{')) return { ok: true, ...(JSON.parse(last) as ChildReport) };
    // Out-of-memory, a crash or the time limit: say which, with the end of stderr, and go on.
    const why = child.error?.message ?? (child.signal ? `killed by ${child.signal}` : `exit code ${child.status}`);
    const tail = child.stderr.trim().split('\n').slice(-3).join(' | ');
    return { ok: false, mode, error: `${why}${tail ? `: ${tail}` : ''}` };
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

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
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
  const html = await htmlBench(fixtures.filter((f) => f.gold.format === 'html'));
  const text = await textBench(fixtures.filter((f) => f.gold.format === 'text'));
  const memory = { idleTsxRssKB: idleTsxRssKB(), big: memoryRun('big'), many: memoryRun('many') };

  const np = html.rows.find((r) => r.extractor === 'newsprism')!;
  const rj = html.rows.find((r) => r.extractor === 'Readability + jsdom')!;
  const peak = (m: MemoryResult) => (m.ok ? rssMB(m.maxRssKB) : null);
  const targets = [
    { check: 'HTML pages/s, newsprism ÷ Readability+jsdom (fixtures)', measured: np.pagesPerSec / rj.pagesPerSec, target: `≥ ${TARGET.htmlSpeedup}×`, pass: np.pagesPerSec / rj.pagesPerSec >= TARGET.htmlSpeedup },
    { check: 'HTML MB/s, newsprism ÷ Readability+jsdom (big page)', measured: np.bigPage.MBps / rj.bigPage.MBps, target: `≥ ${TARGET.htmlSpeedup}×`, pass: np.bigPage.MBps / rj.bigPage.MBps >= TARGET.htmlSpeedup },
    { check: 'HTML body F1, newsprism − Readability+jsdom', measured: np.body.f1 - rj.body.f1, target: '≥ 0', pass: np.body.f1 >= rj.body.f1 },
    { check: 'text MB/s (fixture pages)', measured: text.MBps, target: `≥ ${TARGET.textMBps}`, pass: text.MBps >= TARGET.textMBps },
    { check: `text MB/s (one ${fmt(mb(text.bigPage.bytes))} MB page)`, measured: text.bigPage.MBps, target: `≥ ${TARGET.textMBps}`, pass: text.bigPage.MBps >= TARGET.textMBps },
    ...[memory.big, memory.many].map((m) => ({
      check: `peak RSS MiB, ${m.mode === 'big' ? '50 MiB text file' : '10,000-page directory'}`,
      measured: peak(m),
      target: `< ${TARGET.peakRssMB}`,
      // A run that did not finish has no peak to compare, and did not meet the target.
      pass: m.ok ? rssMB(m.maxRssKB) < TARGET.peakRssMB : false,
    })),
  ];

  const out: string[] = [];
  out.push('# newsprism benchmark', '');
  out.push(`Machine: Node ${machine.node}, ${machine.platform}, ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB RAM.`);
  out.push(`Compared: @mozilla/readability ${machine.versions['@mozilla/readability']}, jsdom ${machine.versions.jsdom}, linkedom ${machine.versions.linkedom}, defuddle ${machine.versions.defuddle}.`);
  out.push(`Medians of ${RUNS} timed runs after ${WARMUP} warm-ups (fixture rounds interleaved across extractors); times include each extractor's HTML parse. MB = 10^6 input bytes.`, '');

  out.push(`## HTML pages (${html.pages} fixtures, ${fmt(html.bytes / 1024)} KiB) and one ${fmt(np.bigPage.bytes / 1024)} KiB synthetic page`, '');
  out.push(
    table(
      ['extractor', 'pages/s', 'MB/s', 'median ms/page', 'body F1', 'P', 'R', 'big page ms', 'big page MB/s', 'big runs'],
      html.rows.map((r) => [r.extractor, fmt(r.pagesPerSec), fmt(r.MBps, 2), fmt(r.medianMsPerPage, 2), fmt(r.body.f1, 3), fmt(r.body.p, 3), fmt(r.body.r, 3), fmt(r.bigPage.medianMs, 0), fmt(r.bigPage.MBps, 2), r.bigPage.runs]),
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

  out.push(`## Memory (child process, CLI path readInputs → cleanPage → JSON; idle \`node --import tsx\` = ${memory.idleTsxRssKB ? fmt(rssMB(memory.idleTsxRssKB)) : 'n/a'} MiB)`, '');
  out.push(
    table(
      ['run', 'input MB', 'pages', 'seconds', 'pages/s', 'MB/s', 'peak RSS MiB', 'RSS before cleaning MiB', 'status'],
      [memory.big, memory.many].map((m) =>
        m.ok
          ? [m.mode === 'big' ? 'one 50 MiB text file' : '10,000 small pages', fmt(mb(m.inputBytes)), m.pages, fmt(m.seconds, 2), fmt(m.pages / m.seconds, 2), fmt(mb(m.inputBytes) / m.seconds, 2), fmt(rssMB(m.maxRssKB)), fmt(rssMB(m.baselineRssKB)), m.failed ? `ok, ${m.failed} failed` : 'ok']
          : [m.mode, 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', `FAILED: ${m.error}`],
      ),
    ),
    '',
  );

  out.push('## Targets', '');
  out.push(table(['check', 'measured', 'target', 'result'], targets.map((t) => [t.check, fmt(t.measured, 2), t.target, verdict(t.pass)])), '');

  const summary = {
    generatedAt: new Date().toISOString(),
    machine,
    config: { runs: RUNS, warmup: WARMUP, bigPageBudgetMs: BIG_PAGE_BUDGET_MS },
    html,
    text,
    memory,
    targets,
    totalSeconds: (performance.now() - started) / 1000,
  };
  const json = JSON.stringify(summary, (_k, v: unknown) => (typeof v === 'number' ? round(v, 4) : v), 2);
  out.push('## JSON summary', '', '```json', json, '```');
  process.stdout.write(`${out.join('\n')}\n`);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'results.json'), `${json}\n`);
}

await main();
