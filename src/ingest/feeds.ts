/**
 * Feeds as inputs. A feed expands into its items: an item that carries its full text becomes a
 * page at once (a small HTML document the clean stage reads like any article page), any other
 * item's link is fetched like a URL given on the command line. pollFeed is the step `watch`
 * repeats: a conditional GET, then only the items not seen before.
 */
import { decodeBytes } from './decode.js';
import { InputError } from './errors.js';
import { FEED_ACCEPT, fetchUrl } from './fetch.js';
import {
  escapeHtml,
  htmlFragment,
  parseFeed,
  type FeedItem,
  type ParsedFeed,
} from './feed-parse.js';
import { fsError } from './fs-errors.js';
import type { IngestItem, IngestOptions } from './inputs.js';
import { fetchOptionsFor, pageContext, toPage, urlPath } from './page.js';

export {
  htmlToText,
  MAX_FEED_CHARS,
  MAX_FEED_ITEMS,
  parseFeed,
  parseFeedDate,
  sniffFeed,
  type FeedItem,
  type FeedKind,
  type ParsedFeed,
  type ParseFeedOptions,
} from './feed-parse.js';

/** Items whose content has at least this many words are pages already; others are fetched. */
export const FULL_TEXT_WORDS = 150;

export interface FeedPageOptions extends IngestOptions {
  /** When the feed was fetched; the fetch moment of pages built from item content. */
  feedFetchedAt?: string | null;
  /** Charset the feed was decoded from, reported as the encoding of pages built from it. */
  encoding?: string | null;
  /** The feed's declared language, set as the built pages' lang. */
  language?: string | null;
}

/**
 * Pages for feed items, one IngestItem per item and in feed order. `source` names the feed (its
 * path or URL as the user gave it); each page's source is `<source>#<item link or id>`. An item
 * that cannot be fetched is an error item and the rest go on.
 */
export async function* feedItemPages(
  items: readonly FeedItem[],
  source: string,
  options: FeedPageOptions = {},
): AsyncGenerator<IngestItem> {
  for (const item of items) {
    const itemSource = `${source}#${item.link ?? item.id}`;
    const body = fullText(item);
    if (body !== null) {
      yield {
        ok: true,
        page: {
          context: pageContext(itemSource, options, item.link, options.feedFetchedAt),
          format: 'html',
          text: itemDocument(item, body, options.language ?? null),
          encoding: options.encoding ?? 'utf-8',
        },
      };
    } else if (item.link !== null) {
      yield await fetchItem(item.link, itemSource, options);
    } else {
      const error = new InputError('malformed', itemSource, 'feed item has neither its full text nor a link');
      yield { ok: false, error };
    }
  }
}

export interface ReadFeedOptions extends FeedPageOptions {
  /** The feed's own URL (after redirects); relative item links resolve against it. */
  url?: string | null;
}

/** Parses a feed and yields its items' pages; a feed that does not parse is one error item. */
export async function* readFeed(text: string, source: string, options: ReadFeedOptions = {}): AsyncGenerator<IngestItem> {
  let feed: ParsedFeed;
  try {
    feed = parseFeed(text, { url: options.url ?? null, source });
  } catch (error) {
    yield { ok: false, error: fsError(error, source) };
    return;
  }
  yield* feedItemPages(feed.items, source, { ...options, language: options.language ?? feed.language });
}

async function fetchItem(link: string, itemSource: string, options: IngestOptions): Promise<IngestItem> {
  try {
    const result = await fetchUrl(link, fetchOptionsFor(options));
    const context = pageContext(itemSource, options, result.finalUrl, result.fetchedAt);
    return { ok: true, page: toPage(result.bytes, context, { contentType: result.contentType, path: urlPath(result.finalUrl) }) };
  } catch (error) {
    // fetchUrl names the link; the item is named the way its page would have been, which names it too.
    const failure = fsError(error, itemSource);
    return { ok: false, error: new InputError(failure.code, itemSource, failure.reason, { cause: failure.cause }) };
  }
}

/** The item's content as balanced HTML when it holds the whole story, else null. */
export function fullText(item: FeedItem): string | null {
  if (!item.contentHtml) return null;
  const fragment = htmlFragment(item.contentHtml);
  return countWords(fragment.text) >= FULL_TEXT_WORDS ? fragment.html : null;
}

const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;

/** Words of text; scripts written without spaces count one word per two characters. */
export function countWords(text: string): number {
  const unspaced = text.match(UNSPACED_SCRIPT)?.length ?? 0;
  const spaced = text.replace(UNSPACED_SCRIPT, ' ').split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return spaced + Math.ceil(unspaced / 2);
}

/**
 * A standalone article page for an item: the headline in <title> and <h1>, the feed's title as
 * og:site_name, the date as article:published_time, the authors as meta and as a visible byline,
 * and the content inside <article>.
 */
export function itemDocument(item: FeedItem, bodyHtml: string, language: string | null): string {
  const head = ['<meta charset="utf-8">'];
  if (item.title) head.push(`<title>${escapeHtml(item.title)}</title>`);
  if (item.feedTitle) head.push(`<meta property="og:site_name" content="${escapeHtml(item.feedTitle)}">`);
  if (item.published) head.push(`<meta property="article:published_time" content="${escapeHtml(item.published)}">`);
  for (const author of item.authors) head.push(`<meta name="author" content="${escapeHtml(author)}">`);
  if (item.link) head.push(`<link rel="canonical" href="${escapeHtml(item.link)}">`);
  const article: string[] = [];
  if (item.title) article.push(`<h1>${escapeHtml(item.title)}</h1>`);
  if (item.authors.length > 0) article.push(`<p class="byline">By ${escapeHtml(joinNames(item.authors))}</p>`);
  article.push(bodyHtml);
  const lang = language ? ` lang="${escapeHtml(language)}"` : '';
  return [
    '<!DOCTYPE html>',
    `<html${lang}>`,
    `<head>\n${head.join('\n')}\n</head>`,
    `<body>\n<article>\n${article.join('\n')}\n</article>\n</body>`,
    '</html>',
    '',
  ].join('\n');
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

// ---------------------------------------------------------------------------------------------
// Polling

/** What `watch` keeps per feed between polls. */
export interface FeedState {
  etag: string | null;
  lastModified: string | null;
  /** Ids of items already handed out, the current feed's first; at most MAX_SEEN_IDS. */
  seen: string[];
}

/** The state of a feed never polled; pollFeed also takes null for it. */
export function emptyFeedState(): FeedState {
  return { etag: null, lastModified: null, seen: [] };
}

/** Comfortably above MAX_FEED_ITEMS, so an item still in the feed is never forgotten. */
export const MAX_SEEN_IDS = 5000;

export interface PollResult {
  /** The state to pass to the next poll (persist it once the items are handled). */
  state: FeedState;
  /** Items not seen before, in feed order. */
  items: FeedItem[];
  /** The server answered 304: nothing changed since the validators in `state`. */
  notModified: boolean;
  /** The whole feed as parsed; null when not modified. */
  feed: ParsedFeed | null;
  /** Final URL after redirects. */
  finalUrl: string;
  fetchedAt: string;
  /** Charset the feed was decoded from; pass it on to feedItemPages. */
  encoding: string | null;
}

/**
 * Fetches a feed conditionally and returns the items not in `state.seen`. Pure apart from the
 * fetch: the state goes in and the next state comes out (null stands for a feed never polled).
 * Throws InputError when the fetch fails or the response is not a feed. Turn the items into
 * pages with feedItemPages(result.items, url, { ...options, feedFetchedAt: result.fetchedAt,
 * encoding: result.encoding, language: result.feed?.language }).
 */
export async function pollFeed(url: string, state: FeedState | null, options: IngestOptions = {}): Promise<PollResult> {
  const previous = state ?? emptyFeedState();
  const result = await fetchUrl(url, {
    ...fetchOptionsFor(options),
    accept: FEED_ACCEPT,
    etag: previous.etag,
    lastModified: previous.lastModified,
  });
  const common = { finalUrl: result.finalUrl, fetchedAt: result.fetchedAt };
  if (result.notModified) {
    const next: FeedState = {
      etag: result.etag ?? previous.etag,
      lastModified: result.lastModified ?? previous.lastModified,
      seen: [...previous.seen],
    };
    return { ...common, state: next, items: [], notModified: true, feed: null, encoding: null };
  }
  const { text, encoding } = decodeBytes(result.bytes, { contentType: result.contentType, source: url });
  const feed = parseFeed(text, { url: result.finalUrl, source: url });
  const seen = new Set(previous.seen);
  const items = feed.items.filter((item) => !seen.has(item.id));
  const next: FeedState = {
    etag: result.etag,
    lastModified: result.lastModified,
    seen: rememberSeen(feed.items.map((item) => item.id), previous.seen),
  };
  return { ...common, state: next, items, notModified: false, feed, encoding };
}

/** The current feed's ids, then the older ones it no longer lists, up to MAX_SEEN_IDS. */
function rememberSeen(current: readonly string[], earlier: readonly string[]): string[] {
  const out = [...new Set(current)];
  const kept = new Set(out);
  for (const id of earlier) {
    if (out.length >= MAX_SEEN_IDS) break;
    if (!kept.has(id)) {
      kept.add(id);
      out.push(id);
    }
  }
  return out.slice(0, MAX_SEEN_IDS);
}
