/**
 * Scores the analysis stage against the hand-annotated gold in test/gold/analyze: quote recall
 * and precision, speaker accuracy, date value accuracy (ours and chrono's alone), entity F1
 * by type, number recall, genre accuracy. Used by `npm run quality -- --analysis` and the floor test.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chronoBaseline } from '../../src/analyze/dates.js';
import { variantKey } from '../../src/analyze/entities.js';
import { analyzeText } from '../../src/analyze/index.js';
import type { Analysis, TemporalExpression } from '../../src/analyze/types.js';

export const ANALYSIS_GOLD_DIR = new URL('../gold/analyze/', import.meta.url).pathname;
/** Written without seeing the analyser; never tune on it. */
export const ANALYSIS_HELDOUT_DIR = new URL('../gold/analyze-heldout/', import.meta.url).pathname;

interface GoldAnalysis {
  published: string;
  genre: string;
  entities: { name: string; type: string; mentions: string[] }[];
  quotes: { text: string; kind: string; speaker: string | null }[];
  dates: { text: string; value: string | null; type: string }[];
  numbers: { text: string; value: number; unit: string | null; qualifier: string | null }[];
}

export interface AnalysisFixture {
  name: string;
  text: string;
  gold: GoldAnalysis;
}

export function loadAnalysisGold(dir = ANALYSIS_GOLD_DIR): AnalysisFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.gold\.json$/, '');
      return { name, text: readFileSync(join(dir, `${name}.txt`), 'utf8'), gold: JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldAnalysis };
    });
}

const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Quotes match when one's words contain the other's (marks, commas and case aside). */
function sameQuote(a: string, b: string): boolean {
  const x = key(a);
  const y = key(b);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

function sameSpeaker(predicted: string | null | undefined, gold: string | null): boolean {
  if (!predicted || !gold) return !predicted && !gold;
  const p = variantKey(predicted);
  const g = variantKey(gold);
  if (p === g) return true;
  const surname = g.split(' ').at(-1)!;
  return p.split(' ').includes(surname) || g.split(' ').includes(p.split(' ').at(-1)!);
}

function dateFor(found: TemporalExpression[], text: string): TemporalExpression | undefined {
  const k = key(text);
  return found.find((d) => key(d.text) === k) ?? found.find((d) => key(d.text).includes(k) || k.includes(key(d.text)));
}

export interface AnalysisCounts {
  directGold: number;
  directFound: number;
  partialGold: number;
  partialFound: number;
  indirectGold: number;
  indirectFound: number;
  predictedQuotes: number;
  predictedMatched: number;
  speakerPairs: number;
  speakerRight: number;
  datesWithValue: number;
  datesRight: number;
  chronoRight: number;
  entityGold: Record<string, number>;
  entityFound: Record<string, number>;
  entityMatched: Record<string, number>;
  numbersGold: number;
  numbersRight: number;
  genreRight: number;
  articles: number;
}

function emptyCounts(): AnalysisCounts {
  return {
    directGold: 0, directFound: 0, partialGold: 0, partialFound: 0, indirectGold: 0, indirectFound: 0, predictedQuotes: 0, predictedMatched: 0,
    speakerPairs: 0, speakerRight: 0, datesWithValue: 0, datesRight: 0, chronoRight: 0, entityGold: {}, entityFound: {}, entityMatched: {},
    numbersGold: 0, numbersRight: 0, genreRight: 0, articles: 0,
  };
}

function countQuotes(c: AnalysisCounts, gold: GoldAnalysis, analysis: Analysis): void {
  const spoken = analysis.quotes.filter((q) => q.kind !== 'scare');
  for (const g of gold.quotes.filter((q) => q.kind !== 'scare')) {
    const match = spoken.find((q) => sameQuote(q.text, g.text));
    const bucket = g.kind === 'indirect' ? 'indirect' : g.kind === 'partial' ? 'partial' : 'direct';
    c[`${bucket}Gold`]++;
    if (!match) continue;
    c[`${bucket}Found`]++;
    c.speakerPairs++;
    if (sameSpeaker(match.speaker?.name, g.speaker)) c.speakerRight++;
  }
  c.predictedQuotes += spoken.length;
  c.predictedMatched += spoken.filter((q) => gold.quotes.some((g) => g.kind !== 'scare' && sameQuote(q.text, g.text))).length;
}

function countDates(c: AnalysisCounts, fixture: AnalysisFixture, analysis: Analysis): void {
  const chrono = chronoBaseline(fixture.text, fixture.gold.published);
  for (const g of fixture.gold.dates.filter((d) => d.value !== null)) {
    c.datesWithValue++;
    if (dateFor(analysis.dates, g.text)?.value === g.value) c.datesRight++;
    if (dateFor(chrono, g.text)?.value === g.value) c.chronoRight++;
  }
}

function countEntities(c: AnalysisCounts, gold: GoldAnalysis, analysis: Analysis): void {
  for (const type of ['person', 'organization', 'place']) {
    const goldOfType = gold.entities.filter((e) => e.type === type);
    const found = analysis.entities.filter((e) => e.type === type);
    c.entityGold[type] = (c.entityGold[type] ?? 0) + goldOfType.length;
    c.entityFound[type] = (c.entityFound[type] ?? 0) + found.length;
    const matched = goldOfType.filter((g) => {
      const forms = new Set([g.name, ...g.mentions].map(variantKey));
      return found.some((e) => [e.name, ...e.aliases].some((a) => forms.has(variantKey(a))));
    }).length;
    c.entityMatched[type] = (c.entityMatched[type] ?? 0) + matched;
  }
}

function countNumbers(c: AnalysisCounts, gold: GoldAnalysis, analysis: Analysis): void {
  for (const g of gold.numbers) {
    c.numbersGold++;
    if (analysis.numbers.some((n) => Math.abs(n.value - g.value) < 1e-6 * Math.max(1, Math.abs(g.value)) && (key(n.text).includes(key(String(g.text))) || key(g.text).includes(key(n.text))))) {
      c.numbersRight++;
    }
  }
}

export function scoreAnalysis(fixtures = loadAnalysisGold()): { counts: AnalysisCounts; summary: Record<string, number> } {
  const c = emptyCounts();
  for (const fixture of fixtures) {
    const analysis = analyzeText(fixture.text, { published: fixture.gold.published, language: 'en' });
    c.articles++;
    countQuotes(c, fixture.gold, analysis);
    countDates(c, fixture, analysis);
    countEntities(c, fixture.gold, analysis);
    countNumbers(c, fixture.gold, analysis);
    if (analysis.genre === fixture.gold.genre) c.genreRight++;
  }
  const ratio = (a: number, b: number) => (b ? a / b : 1);
  const f1 = (type: string) => {
    const p = ratio(c.entityMatched[type] ?? 0, c.entityFound[type] ?? 0);
    const r = ratio(c.entityMatched[type] ?? 0, c.entityGold[type] ?? 0);
    return p + r ? (2 * p * r) / (p + r) : 0;
  };
  const summary = {
    directQuoteRecall: ratio(c.directFound, c.directGold),
    partialQuoteRecall: ratio(c.partialFound, c.partialGold),
    indirectQuoteRecall: ratio(c.indirectFound, c.indirectGold),
    quotePrecision: ratio(c.predictedMatched, c.predictedQuotes),
    speakerAccuracy: ratio(c.speakerRight, c.speakerPairs),
    dateValueAccuracy: ratio(c.datesRight, c.datesWithValue),
    chronoDateValueAccuracy: ratio(c.chronoRight, c.datesWithValue),
    personF1: f1('person'),
    organizationF1: f1('organization'),
    placeF1: f1('place'),
    numberRecall: ratio(c.numbersRight, c.numbersGold),
    genreAccuracy: ratio(c.genreRight, c.articles),
  };
  return { counts: c, summary };
}
