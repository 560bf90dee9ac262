/**
 * The HTML extractors compared. Each takes the raw page and returns the main body as plain text,
 * and each is timed including its own parse step, since a caller starts from the HTML string.
 */
import { Readability } from '@mozilla/readability';
import { Defuddle } from 'defuddle/node';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { cleanText } from '../src/clean/index.js';

export interface Extractor {
  name: string;
  extract(html: string): string | Promise<string>;
}

// linkedom's Document type is its own; Readability and Defuddle are typed against the DOM lib's.
const linkedomDocument = (html: string) => parseHTML(html).document as unknown as Document;

/**
 * Defuddle returns cleaned HTML; its text is taken as textContent, like Readability's. Its HTML
 * keeps whitespace between blocks, so words of adjacent paragraphs do not glue together.
 */
const textOf = (html: string) => parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`).document.body.textContent ?? '';

/**
 * Defuddle's strongest setting is its default: every removal pass on (exact and partial selectors,
 * hidden elements, low-scoring blocks) plus standardisation. Only useAsync is turned off, which
 * would otherwise let it fetch from third-party APIs — a network call has no place in a benchmark.
 */
const DEFUDDLE_OPTIONS = { useAsync: false };

export const EXTRACTORS: Extractor[] = [
  { name: 'newsprism', extract: (html) => cleanText(html, { format: 'html' }).articles[0]?.text ?? '' },
  { name: 'Readability + jsdom', extract: (html) => new Readability(new JSDOM(html).window.document).parse()?.textContent ?? '' },
  { name: 'Readability + linkedom', extract: (html) => new Readability(linkedomDocument(html)).parse()?.textContent ?? '' },
  // The document path of defuddle/node as its README shows it; handing it the string instead goes
  // through the same linkedom parse with shims and measured slower here, with identical output.
  { name: 'defuddle + linkedom', extract: async (html) => textOf((await Defuddle(linkedomDocument(html), undefined, DEFUDDLE_OPTIONS)).content) },
  { name: 'defuddle + jsdom', extract: async (html) => textOf((await Defuddle(new JSDOM(html).window.document, undefined, DEFUDDLE_OPTIONS)).content) },
];
