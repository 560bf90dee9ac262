/**
 * Everything the corpus needs from one page that can be computed without the corpus: the
 * cleaned and analysed articles, their link features and copy keys, the sentences that date
 * events. Pure (no clock, no I/O), so it runs in worker threads while the main thread stores.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Article, DecodedPage, Removal, Span } from '../model.js';
import { processPage } from '../pipeline.js';
import { type CopyKeys, copyKeys } from './dedup.js';
import { type LinkFeatures, linkFeatures } from './features.js';
import { words } from './minhash.js';

export interface PreparedArticle {
  article: Article;
  features: LinkFeatures;
  copy: CopyKeys;
  /** Per date expression, the sentence around it (offsets into the article text). */
  dateSentences: Span[];
  /** Per quote, its normalised words: one key for the same quote in several outlets. */
  quoteKeys: string[];
}

export interface PreparedPage {
  source: string;
  url: string | null;
  fetched: string | null;
  format: string;
  encoding: string;
  contentHash: string;
  raw: Uint8Array;
  removed: Removal[];
  articles: PreparedArticle[];
}

const SENTENCE_END = /[.!?]["'”’)]*\s/g;

/** The sentence around `at`: from the previous sentence end or paragraph break to the next. */
export function sentenceAround(text: string, at: number, until: number): Span {
  const paragraphStart = text.lastIndexOf('\n', at) + 1;
  let start = paragraphStart;
  SENTENCE_END.lastIndex = paragraphStart;
  for (let m = SENTENCE_END.exec(text); m && m.index + m[0].length <= at; m = SENTENCE_END.exec(text)) start = m.index + m[0].length;
  const paragraphEnd = text.indexOf('\n', until);
  const limit = paragraphEnd < 0 ? text.length : paragraphEnd;
  SENTENCE_END.lastIndex = until;
  const next = SENTENCE_END.exec(text);
  const end = next && next.index < limit ? next.index + 1 : limit;
  return { start, end: Math.max(end, until) };
}

function prepareArticle(article: Article): PreparedArticle {
  return {
    article,
    features: linkFeatures(article),
    copy: copyKeys(article.text),
    dateSentences: (article.dates ?? []).map((d) => sentenceAround(article.text, d.start, d.end)),
    quoteKeys: (article.quotes ?? []).map((q) => words(q.text).join(' ').slice(0, 400)),
  };
}

export function preparePage(page: DecodedPage, options: { published?: string | null } = {}): PreparedPage {
  const result = processPage(page, { published: options.published ?? page.context.published, fetched: page.context.fetched, analyze: true });
  return {
    source: page.context.source,
    url: page.context.url,
    fetched: page.context.fetched,
    format: page.format,
    encoding: page.encoding,
    contentHash: createHash('sha256').update(page.text).digest('hex'),
    raw: gzipSync(page.text),
    removed: result.removed,
    articles: result.articles.filter((a) => a.text.trim().length > 0).map(prepareArticle),
  };
}
