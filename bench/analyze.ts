/**
 * Analysis benchmark: MB/s of article text through the whole analysis on one core and per
 * sub-stage, entity extraction against `compromise` on the same text, and time at 5 KB, 50 KB
 * and 500 KB articles to show that no stage grows faster than the text.
 *
 * The analysis tags the text with wink-nlp once (src/analyze/text.ts) and hands that pass to
 * every stage, so the sub-stage rows are the pass itself and then each stage on its output, as
 * analyzeText runs them; they add up to about the full analysis. Dates and numbers also run
 * standalone (tagging for themselves), as tests and `inferPublished` call them.
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

const tokens = articles.map((a) => tokenize(a));
const entitiesOf = tokens.map((t) => findEntities(t));
/** A fresh pass for each timed run: lemmas are worked out on first use and kept on the pass, so reusing one would hide their cost. */
function freshPasses(): () => typeof tokens {
  const sets = Array.from({ length: RUNS + 1 }, () => articles.map((a) => tokenize(a)));
  return () => sets.pop()!;
}
const datesPasses = freshPasses();
const numbersPasses = freshPasses();

const stages: [string, () => void][] = [
  ['tokens, sentences, tags, lemmas (wink-nlp, one pass)', () => articles.forEach((a) => tokenize(a))],
  ['entities (on the pass)', () => tokens.forEach((t) => findEntities(t))],
  ['quotes (on the pass and entities)', () => tokens.forEach((t, i) => findQuotes(t, entitiesOf[i]!))],
  ['dates (on the pass)', () => { const pass = datesPasses(); articles.forEach((a, i) => findDates(a, { published }, pass[i])); }],
  ['numbers (on the pass)', () => { const pass = numbersPasses(); articles.forEach((a, i) => findNumbers(a, pass[i])); }],
  ['genre', () => articles.forEach((a) => classifyGenre(a, {}))],
  ['full analysis', () => articles.forEach((a) => analyzeText(a, { published, language: 'en' }))],
  ['entities incl. tokens (vs compromise)', () => articles.forEach((a) => findEntities(tokenize(a)))],
  ['dates standalone (tags its own sentences)', () => articles.forEach((a) => findDates(a, { published }))],
  ['numbers standalone (incl. its own pass)', () => articles.forEach((a) => findNumbers(a))],
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
const entities = rows.find((r) => r.stage === 'entities incl. tokens (vs compromise)')!;
console.log(`# Analysis benchmark (${articles.length} gold articles, ${mb.toFixed(2)} MB, medians of ${RUNS} runs, one core)\n`);
console.log('| stage | ms | MB/s |\n| --- | --- | --- |');
for (const r of rows) console.log(`| ${r.stage} | ${r.ms} | ${r.mbPerS} |`);
console.log('\n| article size | ms | ms per KB |\n| --- | --- | --- |');
for (const s of sizes) console.log(`| ${s.kb} KB | ${s.ms} | ${s.msPerKb} |`);
console.log(`\nFull analysis ${full.mbPerS} MB/s (target ≥ 1); entities ${(compromise.ms / entities.ms).toFixed(1)}× faster than compromise (target ≥ 10×, entities include tokenizing).`);
console.log(`\n\`\`\`json\n${JSON.stringify({ rows, sizes }, null, 2)}\n\`\`\``);
