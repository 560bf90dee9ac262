/**
 * Feed documents to items: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed. XML goes through
 * fast-xml-parser, never through patterns; only the first look at a document (sniffFeed) reads
 * its opening by pattern, the way sniff.ts tells HTML from text.
 *
 * Feeds are hostile input like any page. Entities declared in a DOCTYPE are never expanded (only
 * XML's five named references and numeric ones are decoded), so entity bombs stay inert; the
 * DOCTYPE itself is bounded by the parser's entity limits; nesting is capped; and a feed is read
 * only up to MAX_FEED_CHARS and MAX_FEED_ITEMS.
 */
import { createHash } from 'node:crypto';
import { decodeHTML, decodeXML } from 'entities';
import { XMLParser, type X2jOptions } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { InputError } from './errors.js';

export type FeedKind = 'rss' | 'rdf' | 'atom' | 'json';

export interface FeedItem {
  /** Stable identity: guid / id / rdf:about, else the link, else a hash of the item's text. */
  id: string;
  /** Absolute http(s) URL of the item's page, resolved against the feed's URL; null if none. */
  link: string | null;
  title: string | null;
  /** ISO 8601 moment, or null when the feed gives none (or none that parses). */
  published: string | null;
  authors: string[];
  /** The item's body as HTML (content:encoded, Atom content, content_html or content_text). */
  contentHtml: string | null;
  /** Plain-text summary (description, Atom summary, JSON summary). */
  summary: string | null;
  feedTitle: string | null;
}

export interface ParsedFeed {
  kind: FeedKind;
  title: string | null;
  /** The site the feed belongs to (channel link, Atom alternate link, home_page_url). */
  homeUrl: string | null;
  /** Declared language, e.g. "en" or "pt-BR", when it is a plausible language tag. */
  language: string | null;
  items: FeedItem[];
  /** Whether items past maxItems were dropped. */
  truncated: boolean;
}

export interface ParseFeedOptions {
  /** Where the feed came from; relative links resolve against it. */
  url?: string | null;
  /** Names the feed in errors. */
  source?: string;
  /** Items beyond this are dropped (ParsedFeed.truncated). Default MAX_FEED_ITEMS. */
  maxItems?: number;
}

export const MAX_FEED_ITEMS = 2000;
/** Feeds are parsed whole, into a tree several times their size; beyond this they are refused. */
export const MAX_FEED_CHARS = 16 * 1024 * 1024;

const SNIFF_CHARS = 8192;
/** BOM, whitespace, XML declaration, processing instructions, comments and a DOCTYPE (with subset). */
const XML_PROLOG = /^(?:\s|\ufeff|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)*/i;
const ROOT_TAG = /^<([A-Za-z_][\w.-]*:)?(rss|RDF|feed)[\s>/]/;
const JSON_FEED_VERSION = /^https?:\/\/jsonfeed\.org\/version\/\d/;

/** The kind of feed a document is, judged by its root element (or JSON Feed version); else null. */
export function sniffFeed(text: string): FeedKind | null {
  const head = text.slice(0, SNIFF_CHARS);
  const start = head.slice(XML_PROLOG.exec(head)?.[0].length ?? 0);
  const root = ROOT_TAG.exec(start);
  if (root) return root[2] === 'rss' ? 'rss' : root[2] === 'RDF' ? 'rdf' : 'atom';
  if (start.startsWith('{') && /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(text.slice(0, 64 * 1024))) {
    return 'json';
  }
  return null;
}

/**
 * Parses a feed document. Throws InputError `malformed` when it is not a well-formed feed of a
 * known kind and `too-large` past MAX_FEED_CHARS.
 */
export function parseFeed(text: string, options: ParseFeedOptions = {}): ParsedFeed {
  const source = options.source ?? options.url ?? '<feed>';
  if (text.length > MAX_FEED_CHARS) {
    throw new InputError('too-large', source, `feed larger than ${MAX_FEED_CHARS / 1024 / 1024} MiB, not parsed`);
  }
  const kind = sniffFeed(text);
  if (kind === null) throw new InputError('malformed', source, 'not an RSS, Atom or JSON feed');
  const base = options.url ?? null;
  const draft = kind === 'json' ? readJsonFeed(text, base, source) : readXmlFeed(text, kind, base, source);
  return finishFeed(draft, kind, options.maxItems ?? MAX_FEED_ITEMS);
}

// ---------------------------------------------------------------------------------------------
// Shared shapes

/** An item as a format reader sees it: the id may be missing, the feed title comes later. */
type DraftItem = Omit<FeedItem, 'id' | 'feedTitle'> & { id: string | null };

interface DraftFeed {
  title: string | null;
  homeUrl: string | null;
  language: string | null;
  items: DraftItem[];
}

function finishFeed(draft: DraftFeed, kind: FeedKind, maxItems: number): ParsedFeed {
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  let truncated = false;
  for (const item of draft.items) {
    const id = item.id ?? item.link ?? hashId(item);
    const key = item.link ?? `id:${id}`;
    if (seen.has(key)) continue;
    if (items.length >= maxItems) {
      truncated = true;
      break;
    }
    seen.add(key);
    items.push({ ...item, id, feedTitle: draft.title });
  }
  return { kind, title: draft.title, homeUrl: draft.homeUrl, language: draft.language, items, truncated };
}

function hashId(item: DraftItem): string {
  const basis = [item.title, item.published, item.summary, item.contentHtml?.slice(0, 4096)].join('\u0000');
  return `sha256:${createHash('sha256').update(basis).digest('hex').slice(0, 24)}`;
}

/** An absolute http(s) URL for `raw` against `base`, or null. */
export function resolveLink(raw: string | null | undefined, base: string | null): string | null {
  const trimmed = raw?.trim();
  if (!trimmed) return null;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Resolves `raw` against `base` without insisting on http(s); for xml:base chains. */
function resolveBase(raw: string | null, base: string | null): string | null {
  if (!raw) return base;
  try {
    return base ? new URL(raw.trim(), base).href : new URL(raw.trim()).href;
  } catch {
    return base;
  }
}

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

function languageTag(raw: string | null | undefined): string | null {
  const trimmed = raw?.trim() ?? '';
  return LANGUAGE_TAG.test(trimmed) ? trimmed : null;
}

/**
 * A feed date to ISO 8601: RFC 822 (RSS), RFC 3339 (Atom, JSON Feed) and W3C-DTF (dc:date).
 * Only strings with a four-digit year are tried, so stray numbers never become dates.
 */
export function parseFeedDate(raw: string | null | undefined): string | null {
  const trimmed = raw?.trim() ?? '';
  if (!/\b\d{4}\b|\d{4}-\d{2}/.test(trimmed)) return null;
  const ms = Date.parse(trimmed);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1900 && year <= 2200 ? new Date(ms).toISOString() : null;
}

/** "jo@example.org (Jo Bloggs)" and "Jo Bloggs <jo@example.org>" to "Jo Bloggs"; a bare address to nothing. */
function personName(raw: string | null | undefined): string | null {
  let name = plainText(raw);
  if (!name) return null;
  const parenthesised = /^\S+@\S+\s*\(([^)]+)\)$/.exec(name);
  if (parenthesised?.[1]) name = parenthesised[1].trim();
  name = name.replace(/\s*<[^<>\s]+@[^<>\s]+>$/, '').trim();
  if (/^\S+@\S+$/.test(name)) return null;
  return name || null;
}

function uniqueNames(names: (string | null)[]): string[] {
  return [...new Set(names.filter((name): name is string => !!name))];
}

// ---------------------------------------------------------------------------------------------
// HTML helpers

const SKIPPED_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

interface HtmlNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<HtmlNode>;
}

export interface HtmlFragment {
  /** The fragment re-serialised by an HTML parser: balanced, so it cannot close what wraps it. */
  html: string;
  /** Its visible text, text nodes joined by spaces and whitespace collapsed. */
  text: string;
}

/** Parses an HTML fragment once, for both its balanced markup and its visible text. */
export function htmlFragment(html: string): HtmlFragment {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const parts: string[] = [];
  const visit = (node: HtmlNode): void => {
    if (node.nodeType === 3) parts.push(node.textContent ?? '');
    else if (node.nodeType === 1 && SKIPPED_TEXT.has(node.nodeName.toUpperCase())) return;
    for (const child of Array.from(node.childNodes)) visit(child);
  };
  visit(document.body as unknown as HtmlNode);
  return { html: document.body.innerHTML, text: collapse(parts.join(' ')) };
}

/** Visible text of an HTML fragment. */
export function htmlToText(html: string): string {
  return /[<&]/.test(html) ? htmlFragment(html).text : collapse(html);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Plain text from a field that should be text but is often escaped HTML. */
function plainText(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = /</.test(raw) ? htmlToText(raw) : collapse(decodeHTML(raw));
  return text || null;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Plain text as HTML paragraphs, split at blank lines. */
export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// XML feeds

/** One parsed XML element: with isArray always true, every child element is a list. */
type XmlNode = string | XmlElement;
interface XmlElement {
  [key: string]: XmlNode[] | string | undefined;
}

const TEXT = '#text';
const ATTR = '@_';

/**
 * Decodes XML's predefined and numeric references, and nothing else: entities a DOCTYPE declares
 * are ignored, so no declaration, however nested or wide, is ever expanded.
 */
const xmlEntities: NonNullable<X2jOptions['entityDecoder']> = {
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: (text) => (text.includes('&') ? decodeXML(text) : text),
};

const PARSER_OPTIONS: X2jOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  textNodeName: TEXT,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: { enabled: true, maxEntitySize: 4096, maxEntityCount: 64, maxTotalExpansions: 10_000, maxExpandedLength: 1_000_000 },
  entityDecoder: xmlEntities,
  // Inline XHTML is kept as markup; everything else becomes objects.
  stopNodes: ['..content[type=xhtml]', '..summary[type=xhtml]', '..title[type=xhtml]', '..subtitle[type=xhtml]'],
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  maxNestedTags: 200,
  ignoreDeclaration: true,
  ignorePiTags: true,
};

/** The closing tag of the root must end the document (after comments); anything else was cut off. */
const ROOT_CLOSED = /<\/(?:[A-Za-z_][\w.-]*:)?(?:rss|RDF|feed)\s*>(?:\s|<!--[\s\S]*?-->)*$/;

function readXmlFeed(text: string, kind: Exclude<FeedKind, 'json'>, base: string | null, source: string): DraftFeed {
  if (!ROOT_CLOSED.test(text.slice(-4096))) {
    throw new InputError('malformed', source, `${feedName(kind)} feed ends before its root element closes (truncated?)`);
  }
  let tree: XmlElement;
  try {
    tree = new XMLParser(PARSER_OPTIONS).parse(text) as XmlElement;
  } catch (error) {
    const reason = shorten(error instanceof Error ? error.message : String(error));
    throw new InputError('malformed', source, `${feedName(kind)} feed is not well-formed XML: ${reason}`, { cause: error });
  }
  const rootKey = Object.keys(tree).find((key) => !key.startsWith('?') && !key.startsWith('!') && !key.startsWith(ATTR));
  const root = rootKey ? first(tree, rootKey) : undefined;
  if (!rootKey || typeof root !== 'object') {
    throw new InputError('malformed', source, `${feedName(kind)} feed has no root element`);
  }
  if (kind === 'atom') return readAtom(root, prefixOf(rootKey), base);
  if (kind === 'rdf') return readRdf(root, base);
  return readRss(root, base, source);
}

/** Parser messages may quote the document; one line of diagnostics is enough. */
function shorten(reason: string): string {
  return reason.length > 200 ? `${reason.slice(0, 200)}…` : reason;
}

function feedName(kind: FeedKind): string {
  return kind === 'rss' ? 'RSS' : kind === 'rdf' ? 'RSS 1.0' : kind === 'atom' ? 'Atom' : 'JSON';
}

function prefixOf(key: string): string {
  const colon = key.indexOf(':');
  return colon < 0 ? '' : key.slice(0, colon + 1);
}

function children(node: XmlNode | undefined, name: string): XmlNode[] {
  if (!node || typeof node === 'string') return [];
  const value = node[name];
  return Array.isArray(value) ? value : [];
}

function first(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

function attr(node: XmlNode | undefined, name: string): string | null {
  if (!node || typeof node === 'string') return null;
  const value = node[ATTR + name];
  return typeof value === 'string' ? value : null;
}

/** The text of an element; child elements (unescaped markup where text belongs) are ignored. */
function textOf(node: XmlNode | undefined): string | null {
  if (node === undefined) return null;
  const value = typeof node === 'string' ? node : node[TEXT];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function childText(node: XmlNode | undefined, ...names: string[]): string | null {
  for (const name of names) {
    const value = textOf(first(node, name));
    if (value !== null) return value;
  }
  return null;
}

function readRss(root: XmlElement, base: string | null, source: string): DraftFeed {
  const channel = first(root, 'channel');
  if (typeof channel !== 'object') throw new InputError('malformed', source, 'RSS feed has no <channel>');
  const homeUrl = resolveLink(childText(channel, 'link'), base);
  const linkBase = base ?? homeUrl;
  // RSS 0.9x and some generators put the items beside the channel instead of inside it.
  const items = [...children(channel, 'item'), ...children(root, 'item')];
  return {
    title: plainText(childText(channel, 'title')),
    homeUrl,
    language: languageTag(childText(channel, 'language', 'dc:language')),
    items: items.map((item) => readRssItem(item, linkBase)),
  };
}

function readRssItem(item: XmlNode, base: string | null): DraftItem {
  const guidNode = first(item, 'guid');
  const guid = textOf(guidNode)?.trim() ?? null;
  const permalink = attr(guidNode, 'isPermaLink')?.trim().toLowerCase() !== 'false' ? resolveLink(guid, base) : null;
  const creators = children(item, 'dc:creator').map((node) => personName(textOf(node)));
  return {
    id: guid,
    link: resolveLink(childText(item, 'link'), base) ?? permalink,
    title: plainText(childText(item, 'title', 'dc:title')),
    published: parseFeedDate(childText(item, 'pubDate', 'dc:date', 'dcterms:issued', 'dcterms:created')),
    authors: uniqueNames(creators.length > 0 ? creators : children(item, 'author').map((node) => personName(textOf(node)))),
    contentHtml: childText(item, 'content:encoded'),
    summary: plainText(childText(item, 'description')),
  };
}

function readRdf(root: XmlElement, base: string | null): DraftFeed {
  const channel = first(root, 'channel');
  const homeUrl = resolveLink(childText(channel, 'link'), base);
  const linkBase = base ?? homeUrl;
  return {
    title: plainText(childText(channel, 'title', 'dc:title')),
    homeUrl,
    language: languageTag(childText(channel, 'dc:language')),
    items: children(root, 'item').map((item) => {
      const about = attr(item, 'rdf:about')?.trim() || null;
      return {
        id: about,
        link: resolveLink(childText(item, 'link'), linkBase) ?? resolveLink(about, linkBase),
        title: plainText(childText(item, 'title', 'dc:title')),
        published: parseFeedDate(childText(item, 'dc:date', 'dcterms:issued')),
        authors: uniqueNames(children(item, 'dc:creator').map((node) => personName(textOf(node)))),
        contentHtml: childText(item, 'content:encoded'),
        summary: plainText(childText(item, 'description')),
      };
    }),
  };
}

function readAtom(root: XmlElement, prefix: string, base: string | null): DraftFeed {
  const name = (local: string) => prefix + local;
  const feedBase = resolveBase(attr(root, 'xml:base'), base);
  const feedAuthors = atomAuthors(root, name);
  return {
    title: atomText(first(root, name('title')), 'text'),
    homeUrl: atomLink(root, name, feedBase),
    language: languageTag(attr(root, 'xml:lang')),
    items: children(root, name('entry')).map((entry) => {
      const entryBase = resolveBase(attr(entry, 'xml:base'), feedBase);
      const authors = atomAuthors(entry, name);
      return {
        id: childText(entry, name('id'))?.trim() || null,
        link: atomLink(entry, name, entryBase),
        title: atomText(first(entry, name('title')), 'text'),
        published: parseFeedDate(childText(entry, name('published'), name('updated'), name('issued'), name('modified'))),
        authors: authors.length > 0 ? authors : feedAuthors,
        contentHtml: atomText(first(entry, name('content')), 'html'),
        summary: atomText(first(entry, name('summary')), 'text'),
      };
    }),
  };
}

function atomAuthors(node: XmlNode, name: (local: string) => string): string[] {
  return uniqueNames(children(node, name('author')).map((author) => personName(childText(author, name('name')))));
}

/** The alternate link (rel absent or "alternate"), preferring an HTML one. */
function atomLink(node: XmlNode, name: (local: string) => string, base: string | null): string | null {
  const alternates = children(node, name('link')).filter((link) => {
    const rel = attr(link, 'rel')?.trim().toLowerCase();
    return !rel || rel === 'alternate';
  });
  const html = alternates.find((link) => /html/i.test(attr(link, 'type') ?? 'text/html'));
  return resolveLink(attr(html ?? alternates[0], 'href'), base);
}

/**
 * An Atom text construct as plain text (`as` "text") or HTML (`as` "html"), by its type
 * attribute: "text" is plain, "html" escaped markup, "xhtml" inline markup. Content of any other
 * type (a media type, or out of line via src) is not article text.
 */
function atomText(node: XmlNode | undefined, as: 'text' | 'html'): string | null {
  if (node === undefined || attr(node, 'src') !== null) return null;
  const type = (attr(node, 'type') ?? 'text').trim().toLowerCase();
  const value = textOf(node);
  if (value === null) return null;
  if (type === 'xhtml') return as === 'html' ? unwrapXhtml(value) : plainText(value);
  if (type === 'html' || type === 'text/html' || type === 'application/xhtml+xml') {
    return as === 'html' ? value : plainText(value);
  }
  if (type === 'text' || type === 'text/plain') return as === 'html' ? textToHtml(value) : collapse(value) || null;
  return null;
}

/** Atom's inline XHTML comes wrapped in one <div> that is not part of the content (RFC 4287 §3.1.1.3). */
function unwrapXhtml(markup: string): string {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${markup}</body></html>`);
  const only = document.body.children.length === 1 ? document.body.firstElementChild : null;
  const wrapper = only?.localName === 'div' && document.body.textContent?.trim() === only.textContent?.trim() ? only : null;
  return wrapper ? wrapper.innerHTML : markup;
}

// ---------------------------------------------------------------------------------------------
// JSON Feed

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function readJsonFeed(text: string, base: string | null, source: string): DraftFeed {
  let doc: Json;
  try {
    doc = JSON.parse(text.replace(/^\ufeff/, '')) as Json;
  } catch (error) {
    const reason = shorten(error instanceof Error ? error.message : String(error));
    throw new InputError('malformed', source, `JSON feed is not valid JSON: ${reason}`, { cause: error });
  }
  if (!isObject(doc) || typeof doc.version !== 'string' || !JSON_FEED_VERSION.test(doc.version)) {
    throw new InputError('malformed', source, 'JSON document is not a JSON Feed (no jsonfeed.org version)');
  }
  if (!Array.isArray(doc.items)) throw new InputError('malformed', source, 'JSON Feed has no "items" array');
  const feedUrl = resolveLink(str(doc.feed_url), base);
  const homeUrl = resolveLink(str(doc.home_page_url), base ?? feedUrl);
  const linkBase = base ?? feedUrl ?? homeUrl;
  const feedAuthors = jsonAuthors(doc);
  return {
    title: plainText(str(doc.title)),
    homeUrl,
    language: languageTag(str(doc.language)),
    items: doc.items.filter(isObject).map((item) => {
      const id = typeof item.id === 'number' ? String(item.id) : str(item.id)?.trim() || null;
      const html = str(item.content_html);
      const text = str(item.content_text);
      const authors = jsonAuthors(item);
      return {
        id,
        link: resolveLink(str(item.url), linkBase) ?? resolveLink(str(item.external_url), linkBase),
        title: plainText(str(item.title)),
        published: parseFeedDate(str(item.date_published) ?? str(item.date_modified)),
        authors: authors.length > 0 ? authors : feedAuthors,
        contentHtml: html?.trim() ? html : text?.trim() ? textToHtml(text) : null,
        summary: plainText(str(item.summary)),
      };
    }),
  };
}

/** JSON Feed 1.1 `authors`, falling back to 1.0's single `author`. */
function jsonAuthors(node: JsonObject): string[] {
  const list = Array.isArray(node.authors) ? node.authors : node.author !== undefined ? [node.author] : [];
  return uniqueNames(list.map((author) => (isObject(author) ? personName(str(author.name)) : null)));
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: Json | undefined): string | null {
  return typeof value === 'string' ? value : null;
}
