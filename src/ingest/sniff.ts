/**
 * Text or HTML? Scrapers hand over both, often with misleading names, so the extension is a
 * hint and the content decides.
 */
import { extname } from 'node:path';
import type { PageFormat } from '../model.js';

export interface SniffHints {
  /** File path or URL path whose extension hints at the format. */
  path?: string | null;
  /** HTTP Content-Type; an HTML type counts like an .html extension. */
  contentType?: string | null;
}

const SNIFF_CHARS = 8192;
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const HTML_TYPES = /^\s*(text\/html|application\/xhtml\+xml)\b/i;

/** Anything shaped like a real tag, comment or doctype; "a < b" and "<3" are not. */
const ANY_MARKUP = /<(?:!doctype\b|!--|\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>)/i;
const PREAMBLE = /^(?:\s|\ufeff|<\?xml[^>]*\?>|<!--[\s\S]*?-->)*/;
const DOCUMENT_START = /^<(?:!doctype\s+html|html|head|body)[\s>]/i;
const BLOCK_TAG =
  /<\/?(?:p|div|br|h[1-6]|ul|ol|li|table|tr|td|th|article|section|header|footer|nav|main|aside|blockquote|figure|figcaption|pre|hr)\b[^<>]*>/gi;
const BLOCK_START = /^<(?:p|div|h[1-6]|ul|ol|table|article|section|header|main|blockquote|figure)\b[^<>]*>/i;

export function sniffFormat(text: string, hints: SniffHints = {}): PageFormat {
  const head = text.slice(0, SNIFF_CHARS);
  if (declaresHtml(hints)) return ANY_MARKUP.test(head) ? 'html' : 'text';
  return looksLikeMarkup(head) ? 'html' : 'text';
}

function declaresHtml(hints: SniffHints): boolean {
  if (hints.contentType && HTML_TYPES.test(hints.contentType)) return true;
  return hints.path ? HTML_EXTENSIONS.has(extensionOf(hints.path)) : false;
}

function extensionOf(path: string): string {
  // URLs carry queries and fragments that are not part of the file name.
  const bare = path.replace(/[?#].*$/, '');
  return extname(bare).toLowerCase();
}

/**
 * A document start (doctype, <html>, <head>, <body>) right at the beginning, a fragment that
 * opens with a block element, or block tags dense enough that they cannot be stray mentions of
 * markup inside prose.
 */
function looksLikeMarkup(head: string): boolean {
  const start = head.slice(PREAMBLE.exec(head)?.[0].length ?? 0);
  if (DOCUMENT_START.test(start)) return true;
  const blocks = head.match(BLOCK_TAG)?.length ?? 0;
  if (BLOCK_START.test(start) && blocks >= 2) return true;
  return blocks >= 5 && blocks * 500 >= head.length;
}
