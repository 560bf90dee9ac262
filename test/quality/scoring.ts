/**
 * Scores the cleaner against the hand-written gold fixtures in test/fixtures/pages.
 * Used by `npm run quality` (prints the table) and by the floor test in CI.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanText } from '../../src/clean/index.js';
import type { PageResult } from '../../src/model.js';

export const FIXTURE_DIR = new URL('../fixtures/pages/', import.meta.url).pathname;
/** Pages written after the rules were tuned, by someone who never saw the rules: scored, never tuned on. */
export const HELDOUT_DIR = new URL('../fixtures/heldout/', import.meta.url).pathname;

export interface GoldArticle {
  role: 'main' | 'related';
  title: string | null;
  dek?: string | null;
  outlet?: string | null;
  authors?: string[];
  published?: { text: string | null; date: string | null };
  paragraphs: string[];
}

export interface Gold {
  options?: { fetched?: string | null; published?: string | null };
  format: 'text' | 'html';
  articles: GoldArticle[];
  removed?: { text: string; reason: string }[];
}

export interface Fixture {
  name: string;
  input: string;
  gold: Gold;
}

export function loadFixtures(dir = FIXTURE_DIR): Fixture[] {
  return readdirSync(dir)
    .filter((f) => /\.(txt|html)$/.test(f) && existsSync(join(dir, f.replace(/\.(txt|html)$/, '.expected.json'))))
    .sort()
    .map((file) => {
      const name = file.replace(/\.(txt|html)$/, '');
      return {
        name,
        input: readFileSync(join(dir, file), 'utf8'),
        gold: JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Gold,
      };
    });
}

export function runFixture(fixture: Fixture): PageResult {
  return cleanText(fixture.input, {
    format: fixture.gold.format,
    source: fixture.name,
    fetched: fixture.gold.options?.fetched ?? null,
    published: fixture.gold.options?.published ?? null,
  });
}

const TOKEN = /[\p{L}\p{N}]+/gu;

export function tokens(text: string, keepCase = false): string[] {
  return (keepCase ? text : text.toLowerCase()).match(TOKEN) ?? [];
}

/** Bag-of-tokens F1, the usual measure for extracted body text. */
export function tokenF1(predicted: string, gold: string): { p: number; r: number; f1: number } {
  const want = new Map<string, number>();
  const goldTokens = tokens(gold);
  for (const t of goldTokens) want.set(t, (want.get(t) ?? 0) + 1);
  const got = tokens(predicted);
  let overlap = 0;
  for (const t of got) {
    const n = want.get(t) ?? 0;
    if (n > 0) {
      overlap++;
      want.set(t, n - 1);
    }
  }
  if (got.length === 0 && goldTokens.length === 0) return { p: 1, r: 1, f1: 1 };
  const p = got.length ? overlap / got.length : 0;
  const r = goldTokens.length ? overlap / goldTokens.length : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Share of gold tokens whose exact casing we reproduce, in order-insensitive matching. */
export function casingAccuracy(predicted: string, gold: string): number {
  const got = new Map<string, number>();
  for (const t of tokens(predicted, true)) got.set(t, (got.get(t) ?? 0) + 1);
  const goldTokens = tokens(gold, true).filter((t) => /\p{L}/u.test(t));
  let hit = 0;
  for (const t of goldTokens) {
    const n = got.get(t) ?? 0;
    if (n > 0) {
      hit++;
      got.set(t, n - 1);
    }
  }
  return goldTokens.length ? hit / goldTokens.length : 1;
}

export function key(text: string | null | undefined): string {
  return (text ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export interface FixtureScore {
  name: string;
  bodyF1: number;
  bodyP: number;
  bodyR: number;
  title: number;
  outlet: number;
  authors: number;
  date: number;
  relatedGold: number;
  relatedFound: number;
  relatedF1: number;
  removalReason: number;
  casing: number | null;
}

function matchRelated(result: PageResult, gold: GoldArticle[]): number {
  const found = result.articles.filter((a) => a.role === 'related');
  if (gold.length === 0) return found.length === 0 ? 1 : 0;
  let sum = 0;
  for (const g of gold) {
    const candidates = found.filter((a) => key(a.title) === key(g.title));
    const best = Math.max(0, ...candidates.map((a) => tokenF1(a.text, g.paragraphs.join('\n')).f1));
    sum += best;
  }
  // Extra related articles that the gold does not have cost precision.
  return sum / Math.max(gold.length, found.length);
}

export function scoreFixture(fixture: Fixture, result: PageResult): FixtureScore {
  const goldMain = fixture.gold.articles.find((a) => a.role === 'main')!;
  const goldRelated = fixture.gold.articles.filter((a) => a.role === 'related');
  const main = result.articles.find((a) => a.role === 'main')!;
  const body = tokenF1(main.text, goldMain.paragraphs.join('\n'));
  const removedByKey = new Map(result.removed.map((r) => [key(r.text), r.reason]));
  const goldRemoved = fixture.gold.removed ?? [];
  const reasonHits = goldRemoved.filter((g) => removedByKey.get(key(g.text)) === g.reason).length;
  const lowercase = fixture.name.startsWith('text-lowercase');
  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.some((y) => key(x) === key(y)));
  return {
    name: fixture.name,
    bodyF1: body.f1,
    bodyP: body.p,
    bodyR: body.r,
    title: key(main.title) === key(goldMain.title) ? 1 : 0,
    outlet: key(main.outlet) === key(goldMain.outlet ?? null) ? 1 : 0,
    authors: sameSet(main.authors, goldMain.authors ?? []) ? 1 : 0,
    date: (main.published.date ?? null) === (goldMain.published?.date ?? null) ? 1 : 0,
    relatedGold: goldRelated.length,
    relatedFound: result.articles.length - 1,
    relatedF1: matchRelated(result, goldRelated),
    removalReason: goldRemoved.length ? reasonHits / goldRemoved.length : 1,
    casing: lowercase ? casingAccuracy(main.text, goldMain.paragraphs.join('\n')) : null,
  };
}

export interface Summary {
  fixtures: number;
  bodyF1: number;
  bodyPrecision: number;
  bodyRecall: number;
  titleAccuracy: number;
  outletAccuracy: number;
  authorsAccuracy: number;
  dateAccuracy: number;
  relatedCountAccuracy: number;
  relatedF1: number;
  removalReasonAccuracy: number;
  casingAccuracy: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export function summarize(scores: FixtureScore[]): Summary {
  const withRelated = scores.filter((s) => s.relatedGold > 0 || s.relatedFound > 0);
  return {
    fixtures: scores.length,
    bodyF1: mean(scores.map((s) => s.bodyF1)),
    bodyPrecision: mean(scores.map((s) => s.bodyP)),
    bodyRecall: mean(scores.map((s) => s.bodyR)),
    titleAccuracy: mean(scores.map((s) => s.title)),
    outletAccuracy: mean(scores.map((s) => s.outlet)),
    authorsAccuracy: mean(scores.map((s) => s.authors)),
    dateAccuracy: mean(scores.map((s) => s.date)),
    relatedCountAccuracy: mean(withRelated.map((s) => (s.relatedGold === s.relatedFound ? 1 : 0))),
    relatedF1: mean(withRelated.map((s) => s.relatedF1)),
    removalReasonAccuracy: mean(scores.map((s) => s.removalReason)),
    casingAccuracy: mean(scores.filter((s) => s.casing !== null).map((s) => s.casing!)),
  };
}

export function scoreAll(dir = FIXTURE_DIR): { scores: FixtureScore[]; summary: Summary } {
  const scores = loadFixtures(dir).map((f) => scoreFixture(f, runFixture(f)));
  return { scores, summary: summarize(scores) };
}

/** Pinned floors: the summary measures and each fixture's body F1. They may only go up. */
export interface Baseline {
  summary: Partial<Record<keyof Summary, number>>;
  bodyF1: Record<string, number>;
  /** Floors for the held-out set: a regression guard only; nobody tunes on those pages. */
  heldout?: Partial<Record<keyof Summary, number>>;
}
