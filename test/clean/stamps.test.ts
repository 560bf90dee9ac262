import { describe, expect, it } from 'vitest';
import { metadataDate, parseStamp } from '../../src/clean/stamps.js';

const FETCHED = '2026-03-14T09:30:00Z';
const at = (fetched: string | null, published: string | null = null) => ({ fetched, published });

describe('parseStamp: relative stamps', () => {
  it.each([
    ['3 hours ago', '2026-03-14'],
    ['a day ago', '2026-03-13'],
    ['an hour ago', '2026-03-14'],
    ['2 days ago', '2026-03-12'],
    ['12 days ago', '2026-03-02'],
    ['two weeks ago', '2026-02-28'],
    ['5h ago', '2026-03-14'],
    ['10 mins ago', '2026-03-14'],
    ['yesterday', '2026-03-13'],
    ['Yesterday', '2026-03-13'],
    ['just now', '2026-03-14'],
    ['Updated 3 hours ago', '2026-03-14'],
    ['posted 5 days ago', '2026-03-09'],
  ])('resolves %j against the fetch moment to %s', (line, date) => {
    expect(parseStamp(line, at(FETCHED))).toEqual({ text: line, outlet: null, date, basis: 'relative' });
  });

  it('resolves hours that cross midnight to the previous day', () => {
    expect(parseStamp('45 minutes ago', at('2026-03-14T00:20:00Z'))).toMatchObject({ date: '2026-03-13', basis: 'relative' });
    expect(parseStamp('45 minutes ago', at('2026-03-14T00:50:00Z'))).toMatchObject({ date: '2026-03-14', basis: 'relative' });
    expect(parseStamp('10 hours ago', at(FETCHED))).toMatchObject({ date: '2026-03-13' });
  });

  it('resolves across month and year boundaries', () => {
    expect(parseStamp('yesterday', at('2026-03-01T08:00:00Z'))?.date).toBe('2026-02-28');
    expect(parseStamp('a day ago', at('2026-01-01T05:00:00Z'))?.date).toBe('2025-12-31');
    expect(parseStamp('2 days ago', at('2024-03-01T12:00:00Z'))?.date).toBe('2024-02-28');
  });

  it.each([
    ['5h', '2026-03-14'],
    ['1d', '2026-03-13'],
    ['45m', '2026-03-14'],
  ])('reads the compact stamp %j as %s', (line, date) => {
    expect(parseStamp(line, at(FETCHED))).toEqual({ text: line, outlet: null, date, basis: 'relative' });
  });

  it('keeps only the precision a month or year back is known to', () => {
    expect(parseStamp('3 months ago', at(FETCHED))).toMatchObject({ date: '2025-12', basis: 'relative' });
    expect(parseStamp('2 years ago', at(FETCHED))).toMatchObject({ date: '2024', basis: 'relative' });
  });

  it('keeps the text but resolves no date without a fetch moment', () => {
    expect(parseStamp('3 hours ago', at(null))).toEqual({ text: '3 hours ago', outlet: null, date: null, basis: null });
    expect(parseStamp('yesterday', at(null))).toEqual({ text: 'yesterday', outlet: null, date: null, basis: null });
  });

  it('does not resolve a relative stamp against the given publication date', () => {
    // "--published" is the article's date, not the capture moment: "3 hours ago" cannot be counted from it.
    expect(parseStamp('3 hours ago', at(null, '2026-03-10'))).toMatchObject({ date: null, basis: null });
  });

  it('treats an unparsable fetch moment like a missing one', () => {
    expect(parseStamp('12 days ago', at('not a date'))).toEqual({ text: '12 days ago', outlet: null, date: null, basis: null });
  });

  it('drops a trailing full stop from the stamp text', () => {
    expect(parseStamp('3 hours ago.', at(FETCHED))).toMatchObject({ text: '3 hours ago', date: '2026-03-14' });
  });
});

describe('parseStamp: outlets in front of a stamp', () => {
  it('splits an outlet glued to a relative stamp', () => {
    expect(parseStamp('The Daily Ledger3 hours ago', at(FETCHED))).toEqual({
      text: '3 hours ago',
      outlet: 'The Daily Ledger',
      date: '2026-03-14',
      basis: 'relative',
    });
  });

  it('does not take scraper words glued to the stamp for an outlet', () => {
    expect(parseStamp('time45 minutes ago', at(FETCHED))).toEqual({ text: '45 minutes ago', outlet: null, date: '2026-03-14', basis: 'relative' });
  });

  it.each(['Coastal Herald · 2 hours ago', 'Coastal Herald | 2 hours ago', 'Coastal Herald - 2 hours ago', 'Coastal Herald • 2 hours ago', 'Coastal Herald 2 hours ago'])(
    'reads the outlet in %j',
    (line) => {
      expect(parseStamp(line, at(FETCHED))).toEqual({ text: '2 hours ago', outlet: 'Coastal Herald', date: '2026-03-14', basis: 'relative' });
    },
  );

  it('splits an outlet glued to an absolute date', () => {
    expect(parseStamp('Eastbrook JournalMay 14, 2026', at(FETCHED))).toMatchObject({ text: 'May 14, 2026', outlet: 'Eastbrook Journal', date: '2026-05-14' });
  });

  it('reads an outlet separated from an absolute date', () => {
    expect(parseStamp('Coastal Herald · March 9, 2026', at(FETCHED))).toMatchObject({ text: 'March 9, 2026', outlet: 'Coastal Herald', date: '2026-03-09' });
  });
});

describe('parseStamp: absolute stamps', () => {
  it.each([
    ['Published 14 March 2026', '2026-03-14'],
    ['14 March 2026', '2026-03-14'],
    ['Updated 2:45 PM GMT, March 3, 2026', '2026-03-03'],
    ['March 9, 2026 · 6:42 PM', '2026-03-09'],
    ['Mon 2 Mar 2026 06.00 GMT', '2026-03-02'],
    ['2026-03-14', '2026-03-14'],
    ['March 2026', '2026-03'],
  ])('reads %j as %s (basis stamp), keeping the text as written', (line, date) => {
    expect(parseStamp(line, at(FETCHED))).toEqual({ text: line, outlet: null, date, basis: 'stamp' });
  });

  it('needs no fetch moment when the year is written', () => {
    expect(parseStamp('Published 14 March 2026', at(null))).toMatchObject({ date: '2026-03-14', basis: 'stamp' });
    expect(parseStamp('Updated 2:45 PM GMT, March 3, 2026', at(null))).toMatchObject({ date: '2026-03-03', basis: 'stamp' });
  });

  it('keeps the date local to what the page wrote, not shifted by a time zone', () => {
    expect(parseStamp('Updated 11:45 PM EST, March 3, 2026', at(FETCHED))?.date).toBe('2026-03-03');
  });
});

describe('parseStamp: body text is not a stamp', () => {
  it.each([
    'The war began two years ago.',
    'The war began two years ago',
    'He moved to Kyiv 3 years ago',
    'She left the company 3 days ago',
    'Talks resumed two days ago, officials said.',
    'The council said talks would resume on March 3, 2026, after a pause.',
    'Talks resume on March 3, 2026',
    'The ceasefire, agreed on 14 March 2026 after weeks of negotiation between the two sides, has largely held, officials said on Friday.',
    'Advertisement',
    'By Jane Roe',
    '',
  ])('%j → null', (line) => {
    expect(parseStamp(line, at(FETCHED))).toBeNull();
  });

  // Regression (fixed): prefixedStamp takes any line of up to 14 words that starts with "Updated" or
  // "Published" and names a year for a labelled stamp, so a body sentence becomes the page's
  // stamp (and leaves the body).
  it.each([
    'Updated figures are due on March 3, 2026, the statistics office said.',
    'Published figures show a rise on March 3, 2026.',
  ])('%j → null [regression, was: read as a labelled stamp]', (line) => {
    expect(parseStamp(line, at(FETCHED))).toBeNull();
  });

  // Regression (fixed): the compact form ("5m", "3h") accepts a number glued to any lead, so an amount
  // of money or people in millions is read as "minutes ago" with the words before as outlet.
  it.each(['Revenue hit $40m.', 'Cost: £5m', 'Population 3m'])('%j → null [regression, was: read as a compact "m" (minutes) stamp]', (line) => {
    expect(parseStamp(line, at(FETCHED))).toBeNull();
  });

  it('refuses lines longer than any stamp', () => {
    expect(parseStamp(`${'x'.repeat(200)} 3 hours ago`, at(FETCHED))).toBeNull();
  });
});

describe('metadataDate', () => {
  it.each([
    ['2026-03-14T23:30:00-05:00', '2026-03-14'],
    ['2026-03-14T09:30:00Z', '2026-03-14'],
    ['  2026-03-14  ', '2026-03-14'],
    ['2026-03', '2026-03'],
    ['2026', '2026'],
    ['March 14, 2026', '2026-03-14'],
    ['14 March 2026', '2026-03-14'],
    ['Sat, 14 Mar 2026 09:30:00 GMT', '2026-03-14'],
    ['March 2026', '2026-03'],
  ])('%j → %s', (value, date) => {
    expect(metadataDate(value)).toBe(date);
  });

  it.each(['garbage', '', '   ', 'no date here'])('%j → null', (value) => {
    expect(metadataDate(value)).toBeNull();
  });

  it('returns null for missing values', () => {
    expect(metadataDate(null)).toBeNull();
    expect(metadataDate(undefined)).toBeNull();
  });

  // Regression (fixed): relative expressions are resolved against the fixed 2000-01-01 reference and
  // come back as invented dates ("tomorrow" → "2000-01-02", "next week" → "2000-01-08").
  it.each(['tomorrow', 'next week sometime'])('%j → null [regression, was: resolved against 2000-01-01]', (value) => {
    expect(metadataDate(value)).toBeNull();
  });

  // Regression (fixed): the ISO prefix regex takes the first four digits of the basic (compact) ISO 8601
  // form and stops, so the month and day are lost.
  it('reads the compact ISO 8601 form "20260314" [regression, was: read as "2026"]', () => {
    expect(metadataDate('20260314')).toBe('2026-03-14');
  });
});
