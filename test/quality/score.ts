/**
 * `npm run quality`: prints the per-fixture scores and the summary, and with `--raise`
 * lifts the pinned floors in baseline.json to today's scores (never lowers them).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { ANALYSIS_GOLD_DIR, ANALYSIS_HELDOUT_DIR, loadAnalysisGold, scoreAnalysis } from './analysis-scoring.js';
import { scoreStories } from './stories-scoring.js';
import { type Baseline, HELDOUT_DIR, scoreAll, type Summary } from './scoring.js';

const BASELINE = new URL('./baseline.json', import.meta.url);
const ANALYSIS_BASELINE = new URL('./analysis-baseline.json', import.meta.url);
const STORIES_BASELINE = new URL('./stories-baseline.json', import.meta.url);
const ANALYSIS_HELDOUT_BASELINE = new URL('./analysis-heldout-baseline.json', import.meta.url);
if (process.argv.includes('--analysis') || process.argv.includes('--analysis-heldout')) {
  const heldoutAnalysis = process.argv.includes('--analysis-heldout');
  const { summary } = scoreAnalysis(loadAnalysisGold(heldoutAnalysis ? ANALYSIS_HELDOUT_DIR : ANALYSIS_GOLD_DIR));
  console.log(JSON.stringify(summary, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v), 2));
  if (process.argv.includes('--raise')) {
    const file = heldoutAnalysis ? ANALYSIS_HELDOUT_BASELINE : ANALYSIS_BASELINE;
    const floors = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
    for (const [k, v] of Object.entries(summary)) floors[k] = Math.max(floors[k] ?? 0, Math.round((Math.floor(v * 1000) / 1000 - 0.002) * 1000) / 1000);
    writeFileSync(file, `${JSON.stringify(floors, null, 2)}\n`);
    console.log('analysis floors raised in', file.pathname);
  }
  process.exit(0);
}
if (process.argv.includes('--stories')) {
  const { summary } = await scoreStories();
  console.log(JSON.stringify(summary, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v), 2));
  if (process.argv.includes('--raise')) {
    const floors = JSON.parse(readFileSync(STORIES_BASELINE, 'utf8')) as Record<string, number>;
    for (const k of ['precision', 'recall', 'f1', 'copyPrecision', 'copyRecall'] as const) {
      floors[k] = Math.max(floors[k] ?? 0, Math.round((Math.floor(summary[k] * 1000) / 1000 - 0.002) * 1000) / 1000);
    }
    writeFileSync(STORIES_BASELINE, `${JSON.stringify(floors, null, 2)}\n`);
    console.log('story floors raised in', STORIES_BASELINE.pathname);
  }
  process.exit(0);
}
const heldout = process.argv.includes('--heldout');
const { scores, summary } = scoreAll(heldout ? HELDOUT_DIR : undefined);
const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
console.log('fixture'.padEnd(62), 'bodyF1  P     R     title outlet auth  date  rel(g/f) relF1 reason casing');
for (const s of scores) {
  console.log(
    s.name.padEnd(62),
    pct(s.bodyF1), pct(s.bodyP), pct(s.bodyR), String(s.title).padStart(5), String(s.outlet).padStart(6), String(s.authors).padStart(5),
    String(s.date).padStart(5), `${s.relatedGold}/${s.relatedFound}`.padStart(8), pct(s.relatedF1), pct(s.removalReason),
    s.casing === null ? '    -' : pct(s.casing),
  );
}
console.log(JSON.stringify(summary, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v), 2));
if (process.argv.includes('--raise') && heldout) {
  const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline;
  baseline.heldout ??= {};
  for (const [k, v] of Object.entries(summary) as [keyof Summary, number][]) {
    if (k !== 'fixtures') baseline.heldout[k] = Math.max(baseline.heldout[k] ?? 0, Math.round((Math.floor(v * 1000) / 1000 - 0.002) * 1000) / 1000);
  }
  writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
  console.log('held-out floors raised in', BASELINE.pathname);
}
if (process.argv.includes('--raise') && !heldout) {
  const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline;
  const raise = (current: number | undefined, value: number) => Math.max(current ?? 0, Math.round((Math.floor(value * 1000) / 1000 - 0.002) * 1000) / 1000);
  for (const [k, v] of Object.entries(summary) as [keyof Summary, number][]) {
    if (k !== 'fixtures') baseline.summary[k] = raise(baseline.summary[k], v);
  }
  for (const s of scores) baseline.bodyF1[s.name] = raise(baseline.bodyF1[s.name], s.bodyF1);
  writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
  console.log('floors raised in', BASELINE.pathname);
}
