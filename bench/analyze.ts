/**
 * Analysis benchmark: MB/s of article text through the whole analysis on one core and per
 * sub-stage, entity extraction against `compromise` on the same text, and time at 5 KB, 50 KB
 * and 500 KB articles to show that no stage grows faster than the text.
 *
 *   tsx bench/analyze.ts            prints a markdown table and a JSON summary
 */
import nlp from 'compromise';
import { findDates } from '../src/analyze/dates.js';
import { findEntities } from '../src/analyze/entities.js';
import { classifyGenre } from '../src/analyze/genre.js';
import { analyzeText } from '../src/analyze/index.js';
import { findNumbers } from '../src/analyze/numbers.js';
import { findQuotes } from '../src/analyze/quotes.js';
import { tokenize } from '../src/analyze/text.js';
import { loadAnalysisGold } from '../test/quality/analysis-scoring.js';

const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => void): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** Articles joined until the text reaches `bytes`, so sizes differ but the language does not. */
function corpusOf(bytes: number, articles: string[]): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const a = articles[i % articles.length]!;
    parts.push(a);
    size += Buffer.byteLength(a) + 2;
  }
  return parts.join('\n\n');
}

const articles = loadAnalysisGold().map((f) => f.text);
const published = '2026-08-14';
const corpus = articles.join('\n\n');
const mb = Buffer.byteLength(corpus) / 1e6;

const stages: [string, () => void][] = [
  ['tokens + sentences (wink-nlp)', () => articles.forEach((a) => tokenize(a))],
  ['entities', () => articles.forEach((a) => findEntities(tokenize(a)))],
  ['quotes (incl. tokens, entities)', () => articles.forEach((a) => { const t = tokenize(a); findQuotes(t, findEntities(t)); })],
  ['dates', () => articles.forEach((a) => findDates(a, { published }))],
  ['numbers', () => articles.forEach((a) => findNumbers(a))],
  ['genre', () => articles.forEach((a) => classifyGenre(a, {}))],
  ['full analysis', () => articles.forEach((a) => analyzeText(a, { published, language: 'en' }))],
  ['compromise: people, places, organisations', () => articles.forEach((a) => { const d = nlp(a); d.people().out('array'); d.places().out('array'); d.organizations().out('array'); })],
];

const rows = stages.map(([name, fn]) => {
  const ms = time(fn);
  return { stage: name, ms: Math.round(ms), mbPerS: Number((mb / (ms / 1000)).toFixed(2)) };
});

const sizes = [5_000, 50_000, 500_000].map((bytes) => {
  const text = corpusOf(bytes, articles);
  const ms = time(() => analyzeText(text, { published, language: 'en' }));
  return { kb: Math.round(Buffer.byteLength(text) / 1000), ms: Math.round(ms), msPerKb: Number((ms / (Buffer.byteLength(text) / 1000)).toFixed(3)) };
});

const full = rows.find((r) => r.stage === 'full analysis')!;
const compromise = rows.at(-1)!;
const entities = rows.find((r) => r.stage === 'entities')!;
console.log(`# Analysis benchmark (${articles.length} gold articles, ${mb.toFixed(2)} MB, medians of ${RUNS} runs, one core)\n`);
console.log('| stage | ms | MB/s |\n| --- | --- | --- |');
for (const r of rows) console.log(`| ${r.stage} | ${r.ms} | ${r.mbPerS} |`);
console.log('\n| article size | ms | ms per KB |\n| --- | --- | --- |');
for (const s of sizes) console.log(`| ${s.kb} KB | ${s.ms} | ${s.msPerKb} |`);
console.log(`\nFull analysis ${full.mbPerS} MB/s (target ≥ 1); entities ${(compromise.ms / entities.ms).toFixed(1)}× faster than compromise (target ≥ 10×, entities include tokenizing).`);
console.log(`\n\`\`\`json\n${JSON.stringify({ rows, sizes }, null, 2)}\n\`\`\``);
