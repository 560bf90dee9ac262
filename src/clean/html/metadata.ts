/**
 * Page metadata: JSON-LD (NewsArticle and friends), OpenGraph / article:* meta, standard
 * meta tags, <time>, <title>. What a page says about itself outranks what its text suggests.
 */
import { metadataDate } from '../stamps.js';
import { normalizeSpaces } from '../text/normalize.js';

export interface PageMetadata {
  title: string | null;
  /** The page's visible headline (its first <h1>), which the content container may leave out. */
  headline: string | null;
  /** The last part of <title> after a separator, usually the site's name. */
  titleSuffix: string | null;
  description: string | null;
  outlet: string | null;
  authors: string[];
  publishedText: string | null;
  publishedDate: string | null;
  url: string | null;
  language: string | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|LiveBlogPosting|BackgroundNewsArticle|ReviewNewsArticle|Report|WebPage)$/;

function asArray(value: Json | undefined): Json[] {
  if (value == null) return [];
  return Array.isArray(value) ? value : [value];
}

function typesOf(node: { [key: string]: Json }): string[] {
  return asArray(node['@type']).filter((t): t is string => typeof t === 'string');
}

function text(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object' && typeof value.name === 'string') return value.name.trim() || null;
  return null;
}

function names(value: Json | undefined): string[] {
  return asArray(value)
    .map((v) => text(v))
    .filter((v): v is string => !!v)
    .flatMap((v) => v.split(/\s*(?:,|\band\b|&)\s*/))
    .filter((v) => v.length > 1);
}

function collectNodes(value: Json, out: { [key: string]: Json }[], depth = 0): void {
  if (depth > 6 || value == null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) collectNodes(v, out, depth + 1);
    return;
  }
  out.push(value);
  if (value['@graph']) collectNodes(value['@graph'], out, depth + 1);
  if (value.mainEntity) collectNodes(value.mainEntity, out, depth + 1);
}

/** Replace a bare `{"@id": ...}` reference by the node it points at (publishers often are one). */
function dereference(value: Json | undefined, nodes: { [key: string]: Json }[]): Json | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof value['@id'] === 'string' && !value.name) {
    return nodes.find((n) => n['@id'] === value['@id'] && n !== value) ?? value;
  }
  if (Array.isArray(value)) return value.map((v) => dereference(v, nodes) ?? null);
  return value;
}

function jsonLdArticle(doc: Document): { [key: string]: Json } | null {
  const nodes: { [key: string]: Json }[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      collectNodes(JSON.parse(script.textContent ?? '') as Json, nodes);
    } catch {
      // A broken JSON-LD block is common on real pages; the other metadata still applies.
    }
  }
  const articles = nodes.filter((n) => typesOf(n).some((t) => ARTICLE_TYPES.test(t)));
  const article = articles.find((n) => !typesOf(n).includes('WebPage')) ?? articles[0] ?? null;
  if (!article) return null;
  return { ...article, publisher: dereference(article.publisher, nodes) ?? null, author: dereference(article.author, nodes) ?? null };
}

function metaAll(doc: Document, key: string): string[] {
  return [...doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)]
    .map((el) => el.getAttribute('content')?.trim() ?? '')
    .filter((v) => v && !/^https?:/.test(v));
}

function meta(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = el?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return null;
}

function siteSuffix(title: string): string | null {
  const parts = title.split(/\s+[|–—·-]\s+/);
  const last = parts.at(-1)?.trim();
  return parts.length >= 2 && last && last.split(/\s+/).length <= 5 ? last : null;
}

/** "<headline> | The Lantern" → "<headline>" when the suffix is the site's name. */
function stripSiteSuffix(title: string, outlet: string | null): string {
  const parts = title.split(/\s+[|–—·-]\s+/);
  if (parts.length < 2) return title;
  const last = parts.at(-1)!;
  if (outlet && last.toLowerCase() === outlet.toLowerCase()) return parts.slice(0, -1).join(' - ');
  return parts[0]!.length >= last.length ? parts.slice(0, -1).join(' - ') : title;
}

export function readMetadata(doc: Document): PageMetadata {
  const ld = jsonLdArticle(doc);
  const outlet = text(ld?.publisher) ?? meta(doc, 'og:site_name', 'application-name', 'publisher') ?? null;
  const published =
    text(ld?.datePublished) ??
    meta(doc, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'dc.date', 'dc.date.issued', 'date', 'parsely-pub-date', 'sailthru.date') ??
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  const ldAuthors = names(ld?.author);
  const metaAuthors = ['article:author', 'author', 'parsely-author', 'sailthru.author'].map((k) => metaAll(doc, k)).find((list) => list.length > 0) ?? [];
  const documentTitle = doc.querySelector('title')?.textContent?.trim() ?? null;
  const h1 = normalizeSpaces(doc.querySelector('article h1, main h1, h1')?.textContent ?? '') || null;
  // The visible headline outranks og:title and <title>, which often carry a section or site suffix.
  const suffixed = meta(doc, 'og:title', 'twitter:title') ?? documentTitle;
  return {
    title: text(ld?.headline) ?? h1 ?? (suffixed ? stripSiteSuffix(suffixed, outlet) : null),
    headline: h1,
    titleSuffix: documentTitle ? siteSuffix(documentTitle) : null,
    description: text(ld?.description) ?? meta(doc, 'og:description', 'description', 'twitter:description'),
    outlet,
    authors: ldAuthors.length > 0 ? ldAuthors : metaAuthors.flatMap((a) => a.split(/\s*(?:,|\band\b)\s*/)).filter(Boolean),
    publishedText: published,
    publishedDate: metadataDate(published),
    url: text(ld?.url) ?? meta(doc, 'og:url') ?? doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
    language: doc.documentElement?.getAttribute('lang')?.split('-')[0]?.toLowerCase() || null,
  };
}
