import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDates, inferPublished } from '../../src/analyze/dates.js';
import { matcherFor } from '../../src/analyze/dates/keyed.js';
import { RULES } from '../../src/analyze/dates/rules.js';
import { splitSentences } from '../../src/analyze/dates/sentences.js';
import { clauseTokens, clauseTokensFrom, type ClauseTokens } from '../../src/analyze/dates/tense.js';
import { analyzeText } from '../../src/analyze/index.js';
import { findNumbers } from '../../src/analyze/numbers.js';
import { tokenize } from '../../src/analyze/text.js';
import { loadAnalysisGold } from '../quality/analysis-scoring.js';

const gold = loadAnalysisGold();
const PAGES = new URL('../fixtures/pages/', import.meta.url).pathname;
const pages = readdirSync(PAGES).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(PAGES, f), 'utf8'));

const plain = (c: ClauseTokens) => ({ ...c, lemma: c.pos.map((_, i) => c.lemma(i)) });

describe('one wink-nlp pass shared by the analysis stages', () => {
  it('cuts every sentence out of the whole text as wink tags that sentence alone', () => {
    let compared = 0;
    for (const text of [...gold.map((g) => g.text), ...pages]) {
      const tokens = tokenize(text);
      const sentences = splitSentences(text);
      sentences.starts.forEach((start, k) => {
        const end = sentences.ends[k]!;
        const shared = clauseTokensFrom(tokens, start, end);
        if (!shared) return;
        expect(plain(shared)).toEqual(plain(clauseTokens(text.slice(start, end))));
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('refuses a cut inside a token, where tagging the slice alone would differ', () => {
    const text = 'The talks ended.\n\t\tThey resume on Monday.';
    const tokens = tokenize(text);
    expect(clauseTokensFrom(tokens, text.indexOf('\t'), text.length)).toBeNull();
    expect(clauseTokensFrom(tokens, 0, text.indexOf('ended') + 2)).toBeNull();
  });

  it('gives the dates and numbers each stage finds when it tags the text itself', () => {
    for (const { text, gold: g } of gold) {
      const tokens = tokenize(text);
      expect(findDates(text, { published: g.published }, tokens)).toEqual(findDates(text, { published: g.published }));
      expect(findDates(text, { published: null }, tokens)).toEqual(findDates(text, { published: null }));
      expect(inferPublished(text, tokens)).toBe(inferPublished(text));
      expect(findNumbers(text, tokens)).toEqual(findNumbers(text));
    }
  });

  it('ignores a pass over some other text', () => {
    const other = tokenize('Nothing happened.');
    const text = 'On Monday 5,000 people marched.';
    expect(findDates(text, { published: '2025-08-15' }, other)).toEqual(findDates(text, { published: '2025-08-15' }));
    expect(findNumbers(text, other)).toEqual(findNumbers(text));
  });

  it('keeps runs without spaces away from wink, whose tokenizer is quadratic in them', () => {
    const text = `He said on Monday that ${'x'.repeat(100_000)} cost 5 million dollars. "We will return," she said.`;
    analyzeText('Warm-up: the talks resume on Monday.', { published: '2025-08-15', language: 'en' });
    const started = performance.now();
    const analysis = analyzeText(text, { published: '2025-08-15', language: 'en' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(analysis.numbers.map((n) => n.text)).toContain('5 million dollars');
    expect(analysis.dates.map((d) => d.text)).toContain('on Monday');
  });
});

describe('rules with a key run only near it, and find exactly what matchAll finds', () => {
  const keyed = RULES.filter((rule) => rule.key);
  const same = (rule: (typeof RULES)[number], text: string) => {
    const shape = (m: RegExpExecArray) => [m.index, m[0], m.groups, m.indices];
    const keyedMatches: RegExpExecArray[] = [];
    matcherFor(rule)(text, (m) => keyedMatches.push(m));
    expect(keyedMatches.map(shape)).toEqual([...text.matchAll(rule.pattern)].map(shape));
  };

  it('keys the rules whose patterns cost the most', () => {
    expect(keyed.map((r) => r.name)).toEqual(expect.arrayContaining(['month-day', 'month', 'weekday', 'year', 'clock-time']));
  });

  it.each(keyed.map((r) => [r.name, r] as const))('%s: on the gold articles and the fixture pages', (_name, rule) => {
    for (const text of [...gold.map((g) => g.text), ...pages]) same(rule, text);
  });

  const WORDS = [
    'on', 'in', 'by', 'the', 'last', 'next', 'this', 'past', 'coming', 'early', 'late', 'mid', 'Monday', 'Fridays', 'morning',
    'night', 'May', 'may', 'March', 'Sept.', 'Dec', 'June', '5', '17th', '2024', '1990s', '2020', '12:30', '9', 'a.m.', 'pm', 'PM',
    'noon', 'at', 'around', 'shortly', 'before', 'after', 'ago', 'earlier', 'later', 'ahead', 'of', 'prior', 'to', 'from', 'now',
    'hence', 'two', 'seven', 'twenty-one', 'a', 'couple', 'and', 'half', 'days', 'year', 'weeks', 'hours', 'decade', 'weekend',
    'consecutive', 'more', 'than', 'about', 'Christmas', 'Eve', 'New', "Year's", 'Day', 'St.', "Patrick's", 'summer', 'fall',
    "o'clock", 'EDT', 'local', 'time', ',', '.', '-', '%', '$', '\n', 'x', 'Theresa',
  ];
  const GAPS = [' ', ' ', ' ', '', '  ', '   ', '    ', '\n'];
  const salad = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GAPS)), { maxLength: 60 }).map((ws) => ws.map(([w, g]) => w + g).join(''));

  it('on random runs of temporal words, gaps and marks', () => {
    fc.assert(fc.property(salad, (text) => keyed.forEach((rule) => same(rule, text))), { numRuns: 300 });
  });
});
