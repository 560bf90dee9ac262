/**
 * Pieces every reader shares: bytes to a DecodedPage, a page context, and the fetch options an
 * ingest run implies. Kept apart from inputs.ts so the feed and WARC readers can use them too.
 */
import type { DecodedPage, PageContext } from '../model.js';
import { decodeBytes } from './decode.js';
import type { FetchOptions } from './fetch.js';
import type { IngestOptions } from './inputs.js';
import { sniffFormat } from './sniff.js';

export interface FormatHints {
  contentType?: string | null;
  path?: string;
}

/** A context for `source`; the user's --published / --fetched outrank what the input says. */
export function pageContext(
  source: string,
  options: IngestOptions,
  url: string | null = null,
  fetched?: string | null,
): PageContext {
  return { source, url, published: options.published ?? null, fetched: options.fetched ?? fetched ?? null };
}

export function toPage(bytes: Uint8Array, context: PageContext, hints: FormatHints): DecodedPage {
  const { text, encoding } = decodeBytes(bytes, { contentType: hints.contentType ?? null, source: context.source });
  return { context, format: sniffFormat(text, hints), text, encoding };
}

/** What fetchUrl needs from the ingest options; the SSRF guard and limits go with every fetch. */
export function fetchOptionsFor(options: IngestOptions): FetchOptions {
  return {
    allowPrivate: options.allowPrivate,
    allowHosts: options.allowHosts,
    resolveHost: options.resolveHost,
    timeoutMs: options.timeoutMs,
    maxRedirects: options.maxRedirects,
    maxBytes: options.maxBytes,
    now: options.now,
  };
}

/** The URL path, for extension hints; "" when `url` does not parse. */
export function urlPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}
