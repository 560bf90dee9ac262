/**
 * One HTML extractor, measured in a process of its own: `tsx bench/html-child.ts <index>`.
 * Run together in one process the extractors disturbed each other (shared linkedom and Readability
 * code turned polymorphic, jsdom's heap lingered) and every one measured slower in turn.
 * Prints one JSON line (HtmlRow) on stdout.
 */
import { loadFixtures } from '../test/quality/scoring.js';
import { EXTRACTORS } from './extractors.js';
import { bigHtmlPage, bodyScores, CONFIG, collect, mb, median, runSuite, timeRuns, utf8Bytes } from './lib.js';

export interface HtmlRow {
  extractor: string;
  pagesPerSec: number;
  MBps: number;
  medianMsPerPage: number;
  runTotalsMs: number[];
  body: { f1: number; p: number; r: number };
  bigPage: { bytes: number; medianMs: number; MBps: number; runs: number; runMs: number[]; outputChars: number };
  /** Peak RSS of the whole child: module load, fixture runs and the big page. */
  maxRssKB: number;
}

async function main(): Promise<void> {
  const extractor = EXTRACTORS[Number(process.argv[2])];
  if (!extractor) throw new Error(`usage: html-child.ts <0..${EXTRACTORS.length - 1}>`);
  const fixtures = loadFixtures().filter((f) => f.gold.format === 'html');
  const suite = await runSuite(
    fixtures.map((f) => f.input),
    (page) => extractor.extract(page),
  );
  const big = bigHtmlPage(fixtures, CONFIG.bigHtmlBytes);
  const bytes = utf8Bytes(big);
  collect();
  // No warm-up here: the fixture passes have just run this extractor's code seven times over.
  const bigRun = await timeRuns(() => extractor.extract(big), { runs: CONFIG.runs, warmup: 0, budgetMs: CONFIG.bigPageBudgetMs });
  const medianMs = median(bigRun.ms);
  const row: HtmlRow = {
    extractor: extractor.name,
    pagesPerSec: suite.pagesPerSec,
    MBps: suite.MBps,
    medianMsPerPage: suite.medianMsPerPage,
    runTotalsMs: suite.runTotalsMs,
    body: bodyScores(suite.texts, fixtures),
    bigPage: { bytes, medianMs, MBps: mb(bytes) / (medianMs / 1000), runs: bigRun.ms.length, runMs: bigRun.ms, outputChars: bigRun.value.length },
    maxRssKB: process.resourceUsage().maxRSS,
  };
  process.stdout.write(`${JSON.stringify(row)}\n`);
}

await main();
