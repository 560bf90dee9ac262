/**
 * Prepared pages built straight from synthetic text, with the analysis a real page would carry
 * (people, one quote, one date), so the link benchmark times storing and linking only.
 */
import { gzipSync } from 'node:zlib';
import { copyKeys } from '../src/link/dedup.js';
import { linkFeatures } from '../src/link/features.js';
import type { PreparedPage } from '../src/link/prepare.js';
import type { Article } from '../src/model.js';

/** A prepared page built straight from the synthetic text, with the analysis a real page would carry. */
export function prepared(path: string, text: string): PreparedPage {
  const lines = text.split('\n\n');
  const [outlet, title, , dateLine] = lines as [string, string, string, string];
  const body = lines.slice(4).join('\n\n');
  const published = new Date(`${dateLine.replace(' 09:00 GMT', '')} UTC`).toISOString().slice(0, 10);
  const names = [...new Set(body.match(/\b[A-Z][a-z]+ [A-Z][a-z]+\b/g) ?? [])].slice(0, 4);
  const quoteAt = body.indexOf('"');
  const quoteEnd = body.indexOf('"', quoteAt + 1);
  const dateAt = body.search(/on [A-Z][a-z]+ \d+/);
  const article: Article = {
    id: path, role: 'main', title, dek: null, outlet, authors: [], url: null, language: 'en',
    published: { text: dateLine, date: published, basis: 'stamp' }, text: body, paragraphs: [],
    entities: names.map((name) => ({ name, type: 'person', aliases: [], descriptions: [], mentions: [{ start: body.indexOf(name), end: body.indexOf(name) + name.length, text: name }] })),
    quotes: quoteAt >= 0 && quoteEnd > quoteAt ? [{ text: body.slice(quoteAt + 1, quoteEnd), start: quoteAt + 1, end: quoteEnd, kind: 'direct', speaker: names[0] ? { name: names[0], entity: 0, description: null } : null, cue: 'said', cueStart: null, cueEnd: null }] : [],
    dates: dateAt >= 0 ? [{ text: body.slice(dateAt, body.indexOf(',', dateAt)), start: dateAt, end: body.indexOf(',', dateAt), value: published, type: 'date', basis: 'absolute' }] : [],
    numbers: [], genre: 'reporting', genreSignals: [], note: null,
  };
  return {
    source: path, url: null, fetched: null, format: 'text', encoding: 'utf-8',
    contentHash: `${path}:${text.length}`, raw: gzipSync(text), removed: [],
    articles: [{ article, features: linkFeatures(article), copy: copyKeys(body), dateSentences: article.dates!.map((d) => ({ start: d.start, end: d.end })), quoteKeys: article.quotes!.map((q) => q.text.toLowerCase()) }],
  };
}

