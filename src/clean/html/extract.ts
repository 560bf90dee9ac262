/**
 * HTML to blocks. Main-content choice is a cascade: Readability (on linkedom, the fastest
 * DOM it runs on) picks the article container; when it finds nothing or the page is too
 * deep for it, the whole body is read as blocks and the text rules decide. Related-story
 * blocks are lifted out first so that they become articles of their own.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { type Block, makeBlock, repeatKey, wordCount } from '../blocks.js';
import { parseByline } from '../byline.js';
import { matchLineRule } from '../rules.js';
import { parseStamp } from '../stamps.js';
import { normalizeSpaces } from '../text/normalize.js';
import { type PageMetadata, readMetadata } from './metadata.js';
import { nestingDepth, streamBlocks } from './stream.js';
import { BLOCK_TAGS, HINT_TAGS } from './tags.js';

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'HEAD', 'SELECT', 'OPTION', 'INPUT', 'TEXTAREA', 'MATH']);
/** In related-story lists every element is its own field (headline link, outlet, stamp, summary). */
const FINE_BLOCK_TAGS = new Set([...BLOCK_TAGS, 'A', 'SPAN', 'TIME', 'SMALL', 'CITE']);

/** Depth beyond which Readability's recursion is not trusted; the block walker has no recursion. */
const READABILITY_MAX_DEPTH = 400;

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

export interface WalkResult {
  blocks: Block[];
  maxDepth: number;
}

/** Read an element's visible text as blocks, without recursion (pages nest 100k deep). */
export function walkBlocks(root: Element, fine = false): WalkResult {
  const boundaries = fine ? FINE_BLOCK_TAGS : BLOCK_TAGS;
  const blocks: Block[] = [];
  let buffer = '';
  let hint: string | null = null;
  let maxDepth = 0;
  const flush = () => {
    const text = normalizeSpaces(buffer);
    if (text) blocks.push(makeBlock(text, hint));
    buffer = '';
    hint = null;
  };
  type Frame = { node: Node; depth: number; exit: boolean };
  const stack: Frame[] = [{ node: root, depth: 0, exit: false }];
  while (stack.length > 0) {
    const { node, depth, exit } = stack.pop()!;
    if (exit) {
      if (boundaries.has((node as Element).tagName)) flush();
      continue;
    }
    maxDepth = Math.max(maxDepth, depth);
    if (node.nodeType === 3) {
      buffer += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag) || isHidden(el)) continue;
    if (boundaries.has(tag)) {
      flush();
      if (HINT_TAGS.has(tag)) hint = tag.toLowerCase();
    }
    stack.push({ node: el, depth, exit: true });
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: depth + 1, exit: false });
  }
  flush();
  return { blocks, maxDepth };
}

/** Class/id/label words of related-story blocks; camel-case ("RelatedStories") counts as a word start. */
const RELATED_CONTAINER =
  /(^|[^a-z])(related|more-?stories|more-?news|more-?from|recommend(ed|ations)?|read-?next|also-?read|further-?reading|trending|most-?read|most-?popular|popular-?stories|outbrain|taboola|you-?may-?like|more-?headlines|story-?list)/;

function containerLabel(el: Element): string {
  // Lower-case the first letter of camel-case words only: "RelatedStories" → "relatedStories".
  return [el.getAttribute('class'), el.getAttribute('id'), el.getAttribute('aria-label'), el.getAttribute('data-component'), el.getAttribute('data-module')]
    .filter(Boolean)
    .join(' ')
    .replace(/(^|[^A-Za-z])([A-Z])/g, (_m, lead: string, letter: string) => lead + letter.toLowerCase());
}

/** Outermost elements that look like related-story blocks and do not hold the article itself. */
function relatedContainers(doc: Document): Element[] {
  const found: Element[] = [];
  let bodyText: number | null = null;
  for (const el of doc.querySelectorAll('aside, section, div, ul, ol, nav')) {
    if (!RELATED_CONTAINER.test(containerLabel(el))) continue;
    bodyText ??= doc.body?.textContent?.length ?? 0;
    if (found.some((outer) => outer.contains(el))) continue;
    if (el.querySelector('h1') || (el.textContent?.length ?? 0) > bodyText * 0.5) continue;
    found.push(el);
  }
  return found;
}

/** Lines near the headline that the content container may have left out. */
export interface HtmlHeader {
  dek: string | null;
  authors: string[];
}

const DEK_MIN_WORDS = 6;
const DEK_MAX_WORDS = 60;
const HEADER_WINDOW = 6;
const NO_MOMENTS = { fetched: null, published: null };

/**
 * The standfirst: the page's description when it is shown on the page, else a sentence-sized
 * block right under the headline. The byline: the first byline-shaped block near the headline.
 */
function readHtmlHeader(page: Block[], kept: Set<string>, headline: string | null, description: string | null): HtmlHeader {
  const headlineKey = headline ? repeatKey(headline) : null;
  const at = headlineKey ? page.findIndex((b) => repeatKey(b.text) === headlineKey) : -1;
  const near = at >= 0 ? page.slice(at + 1, at + 1 + HEADER_WINDOW) : [];
  const descriptionKey = description ? repeatKey(description) : null;
  let dek = descriptionKey ? (page.find((b) => repeatKey(b.text) === descriptionKey)?.text ?? null) : null;
  if (!dek) {
    const candidate = near.find((b) => b.tag !== 'li' && !parseByline(b.text) && !matchLineRule(b.text) && !parseStamp(b.text, NO_MOMENTS));
    const words = candidate ? wordCount(candidate.text) : 0;
    // A block the content container kept is the first paragraph, not a standfirst.
    if (candidate && words >= DEK_MIN_WORDS && words <= DEK_MAX_WORDS && !kept.has(repeatKey(candidate.text))) dek = candidate.text;
  }
  const byline = (at >= 0 ? page.slice(Math.max(0, at - 2), at + 1 + HEADER_WINDOW) : page).map((b) => parseByline(b.text)).find(Boolean);
  return { dek, authors: byline?.authors ?? [] };
}

export interface HtmlBlocks {
  header: HtmlHeader;
  metadata: PageMetadata;
  /** Blocks of the main content, then each related block behind a synthetic "Related" heading. */
  blocks: Block[];
  /** Visible blocks of the page outside what was kept, for the removal record. */
  outside: Block[];
}

function readabilityContent(doc: Document): Element | null {
  try {
    const reader = new Readability(doc as unknown as Document, { charThreshold: 250, serializer: (el: Node) => el } as never);
    const parsed = reader.parse() as { content?: unknown } | null;
    return (parsed?.content as Element | undefined) ?? null;
  } catch {
    // Readability gives up on some malformed or pathological trees; the block walker does not.
    return null;
  }
}

/** Beyond this nesting no DOM is built: the tokenizer-only reader takes the page. */
const DOM_MAX_DEPTH = 2000;

const EMPTY_METADATA: PageMetadata = {
  title: null, headline: null, titleSuffix: null, description: null, outlet: null, authors: [], publishedText: null, publishedDate: null, url: null, language: null,
};

function treeFree(html: string): HtmlBlocks {
  return { metadata: EMPTY_METADATA, header: { dek: null, authors: [] }, blocks: streamBlocks(html), outside: [] };
}

export function htmlToBlocks(html: string): HtmlBlocks {
  if (nestingDepth(html) > DOM_MAX_DEPTH) return treeFree(html);
  try {
    return domBlocks(html);
  } catch {
    // linkedom or Readability could not make sense of this markup; the tag-only reader can.
    return treeFree(html);
  }
}

function domBlocks(html: string): HtmlBlocks {
  const { document: doc } = parseHTML(html);
  if (!doc.documentElement) return treeFree(html);
  const metadata = readMetadata(doc as unknown as Document);
  const root = (doc.body ?? doc.documentElement) as unknown as Element | null;
  if (!root) return { metadata, header: { dek: null, authors: [] }, blocks: [], outside: [] };
  const page = walkBlocks(root);
  const headline = metadata.headline;
  const relatedBlocks: Block[] = [];
  for (const container of relatedContainers(doc as unknown as Document)) {
    const { blocks } = walkBlocks(container, true);
    if (blocks.length > 0) relatedBlocks.push(makeBlock('Related'), ...blocks);
    container.remove();
  }
  const content = page.maxDepth <= READABILITY_MAX_DEPTH ? readabilityContent(doc as unknown as Document) : null;
  let main = content ? walkBlocks(content).blocks : [];
  const mainWords = main.reduce((n, b) => n + b.text.length, 0);
  if (mainWords < 200) main = page.blocks.filter((b) => !relatedBlocks.some((r) => r.text === b.text));
  if (headline && !main.some((b) => repeatKey(b.text) === repeatKey(headline))) main.unshift(makeBlock(headline, 'h1'));
  const kept = new Set([...main, ...relatedBlocks].map((b) => repeatKey(b.text)));
  const outside = page.blocks.filter((b) => !kept.has(repeatKey(b.text)));
  const header = readHtmlHeader(page.blocks, kept, metadata.title ?? headline, metadata.description);
  return { metadata, header, blocks: [...main, ...relatedBlocks], outside };
}
