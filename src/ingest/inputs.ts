/**
 * Turns the inputs named on the command line into decoded pages, one at a time, so a directory
 * of thousands of pages never sits in memory at once and one bad input never stops the rest.
 * An input may hold many pages: a feed expands into its items (feeds.ts), a WARC into its
 * archived responses (warc.ts).
 */
import { createReadStream, type Stats } from 'node:fs';
import iconv from 'iconv-lite';
import { stat } from 'node:fs/promises';
import type { DecodedPage } from '../model.js';
import type { ResolveHost } from './address.js';
import { decodeBytes } from './decode.js';
import { formatBytes, InputError } from './errors.js';
import { sniffFeed } from './feed-parse.js';
import { readFeed } from './feeds.js';
import { fetchUrl } from './fetch.js';
import { readFileHead } from './file-head.js';
import { fsError } from './fs-errors.js';
import { fetchOptionsFor, pageContext, urlPath, type FormatHints } from './page.js';
import { sniffFormat } from './sniff.js';
import { walkDirectory } from './walk.js';
import { isWarcPath, readWarcBytes, readWarcFile, sniffWarc, WARC_HEAD_BYTES } from './warc.js';

export interface IngestOptions {
  /** Permit URLs that resolve to loopback, private or otherwise non-public addresses. */
  allowPrivate?: boolean;
  /** Size cap for every input. Default 64 MiB for files and stdin, 20 MiB for URLs. */
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** `--published`, YYYY-MM-DD, copied into every page's context. */
  published?: string | null;
  /** `--fetched`; for URLs it defaults to the moment of fetching. */
  fetched?: string | null;
  /** Where "-" reads from; process.stdin by default. */
  stdin?: NodeJS.ReadableStream;
  /** Hostnames exempt from the private-address guard (see FetchOptions.allowHosts). */
  allowHosts?: readonly string[];
  /** DNS resolution for URLs; tests point names at loopback with it. */
  resolveHost?: ResolveHost;
  /** Clock for the fetch moment of URLs. */
  now?: () => Date;
}

export type IngestItem = { ok: true; page: DecodedPage } | { ok: false; error: InputError };

export const DEFAULT_FILE_MAX_BYTES = 64 * 1024 * 1024;

const STDIN_SOURCE = '-';
const ANY_SCHEME = /^([a-z][a-z0-9+.-]+):\/\//i;
const HTTP_SCHEME = /^https?:\/\//i;
const BARE_DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/:?#]|$)/i;

export async function* readInputs(inputs: string[], options: IngestOptions = {}): AsyncGenerator<IngestItem> {
  for (const input of inputs) {
    if (input === STDIN_SOURCE) yield* readStdin(options);
    else if (HTTP_SCHEME.test(input)) yield* readUrl(input, options);
    else if (ANY_SCHEME.test(input)) yield { ok: false, error: unsupportedScheme(input) };
    else yield* readPath(input, options);
  }
}

/** Runs a read that yields many items; a throw before or between them becomes one error item. */
async function* guarded(source: string, read: () => AsyncGenerator<IngestItem>): AsyncGenerator<IngestItem> {
  try {
    yield* read();
  } catch (error) {
    yield { ok: false, error: fsError(error, source) };
  }
}

function unsupportedScheme(input: string): InputError {
  const scheme = ANY_SCHEME.exec(input)?.[1] ?? '';
  return new InputError('unsupported-scheme', input, `${scheme}: URLs are not supported, only http and https`);
}

function fileLimit(options: IngestOptions): number {
  return options.maxBytes ?? DEFAULT_FILE_MAX_BYTES;
}

function readStdin(options: IngestOptions): AsyncGenerator<IngestItem> {
  return guarded(STDIN_SOURCE, async function* () {
    const bytes = await readCapped(options.stdin ?? process.stdin, fileLimit(options), STDIN_SOURCE);
    yield* expand(bytes, STDIN_SOURCE, options, { hints: {} });
  });
}

function readUrl(input: string, options: IngestOptions): AsyncGenerator<IngestItem> {
  return guarded(input, async function* () {
    const result = await fetchUrl(input, fetchOptionsFor(options));
    const hints = { contentType: result.contentType, path: urlPath(result.finalUrl) };
    yield* expand(result.bytes, input, options, { url: result.finalUrl, fetched: result.fetchedAt, hints });
  });
}

interface Origin {
  /** Where the bytes were fetched from, after redirects. */
  url?: string | null;
  fetched?: string | null;
  hints: FormatHints;
}

/**
 * The pages in one input's bytes: a WARC's archived responses, a feed's items, or else the one
 * page the bytes are. Decoding failures are an error item, as for any page.
 */
async function* expand(bytes: Uint8Array, source: string, options: IngestOptions, origin: Origin): AsyncGenerator<IngestItem> {
  if (sniffWarc(bytes)) {
    yield* readWarcBytes(bytes, source, options);
    return;
  }
  const { text, encoding } = decodeBytes(bytes, { contentType: origin.hints.contentType ?? null, source });
  if (sniffFeed(text)) {
    yield* readFeed(text, source, { ...options, url: origin.url ?? null, feedFetchedAt: origin.fetched, encoding });
    return;
  }
  const page: DecodedPage = {
    context: pageContext(source, options, origin.url ?? null, origin.fetched),
    format: sniffFormat(text, origin.hints),
    text,
    encoding,
  };
  yield { ok: true, page };
}

async function* readPath(input: string, options: IngestOptions): AsyncGenerator<IngestItem> {
  const info = await statOrError(input);
  if (info instanceof InputError) {
    yield { ok: false, error: info };
  } else if (info.isDirectory()) {
    yield* readDirectory(input, options);
  } else {
    yield* readFile(input, options, info);
  }
}

async function statOrError(path: string): Promise<Stats | InputError> {
  try {
    return await stat(path);
  } catch (error) {
    const failure = fsError(error, path);
    if (failure.code === 'not-found' && BARE_DOMAIN.test(path)) {
      return new InputError('not-found', path, 'no such file or directory (for a web page, give the full https:// URL)');
    }
    return failure;
  }
}

async function* readDirectory(dir: string, options: IngestOptions): AsyncGenerator<IngestItem> {
  for await (const item of walkDirectory(dir)) {
    if (!item.ok) yield item;
    else yield* readFile(item.path, options);
  }
}

/**
 * Text files larger than this are read as a stream of page-sized parts, so that a 50 MB
 * scraper dump is cleaned in bounded memory. HTML is always read whole: a DOM needs it all.
 */
export const STREAM_THRESHOLD_BYTES = 4 * 1024 * 1024;
/**
 * Target size of one part, in characters; a part ends at a blank line (or a line) after half of it.
 * Kept well under a megabyte: each part is also analysed, and analysis memory grows with its size.
 */
export const PART_CHARS = 256 * 1024;
const SNIFF_BYTES = 64 * 1024;

async function* readFile(path: string, options: IngestOptions, known?: Stats): AsyncGenerator<IngestItem> {
  let info: Stats;
  try {
    info = known ?? (await stat(path));
  } catch (error) {
    yield { ok: false, error: fsError(error, path) };
    return;
  }
  // A WARC is streamed record by record, whatever its size; small ones are also caught by their
  // bytes once read whole.
  const big = info.size > STREAM_THRESHOLD_BYTES || info.size > fileLimit(options);
  if (info.isFile() && (isWarcPath(path) || (big && (await hasWarcHead(path))))) {
    yield* readWarcFile(path, options);
    return;
  }
  if (!info.isFile() || info.size <= STREAM_THRESHOLD_BYTES || info.size > fileLimit(options)) {
    yield* readWholeFile(path, options, info);
    return;
  }
  yield* guarded(path, () => readTextParts(path, options));
}

async function hasWarcHead(path: string): Promise<boolean> {
  try {
    return sniffWarc(await readFileHead(path, WARC_HEAD_BYTES)) !== null;
  } catch {
    // Unreadable: the ordinary read reports why.
    return false;
  }
}

async function readHead(path: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(path, { start: 0, end: SNIFF_BYTES - 1 })) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Where to end a part: the last blank line after half the target, else the last line break. */
function partEnd(text: string): number {
  const blank = text.lastIndexOf('\n\n');
  if (blank >= PART_CHARS / 2) return blank + 2;
  const line = text.lastIndexOf('\n');
  return line >= PART_CHARS / 2 ? line + 1 : text.length;
}

async function* readTextParts(path: string, options: IngestOptions): AsyncGenerator<IngestItem> {
  const head = await readHead(path);
  const { text: headText, encoding } = decodeBytes(head, { source: path });
  const format = sniffFormat(headText, { path });
  // A DOM needs all of an HTML page, and a feed parser all of a feed.
  if (format === 'html' || sniffFeed(headText)) {
    yield* readWholeFile(path, options);
    return;
  }
  const decoder = iconv.getDecoder(encoding);
  let pending = '';
  let part = 0;
  const emit = (text: string): IngestItem => ({
    ok: true,
    page: { context: pageContext(`${path}#part-${++part}`, options), format: 'text', text, encoding },
  });
  for await (const chunk of createReadStream(path)) {
    pending += decoder.write(chunk as Buffer);
    while (pending.length >= PART_CHARS) {
      const end = partEnd(pending.slice(0, PART_CHARS * 1.5));
      yield emit(pending.slice(0, end));
      pending = pending.slice(end);
    }
  }
  pending += decoder.end() ?? '';
  if (pending.trim()) yield emit(pending);
}

/** `path` doubles as the source: it is what the user typed, or the walk's join onto it. */
function readWholeFile(path: string, options: IngestOptions, known?: Stats): AsyncGenerator<IngestItem> {
  return guarded(path, async function* () {
    const info = known ?? (await stat(path));
    const limit = fileLimit(options);
    // Named pipes and devices report no meaningful size; the streaming cap still bounds them.
    if (info.isFile() && info.size > limit) throw tooLarge(path, limit, info.size);
    if (!info.isFile() && !info.isFIFO() && !info.isCharacterDevice()) {
      throw new InputError('unreadable', path, 'not a regular file, directory or pipe');
    }
    const bytes = await readCapped(createReadStream(path, { end: limit }), limit, path);
    yield* expand(bytes, path, options, { hints: { path } });
  });
}

function tooLarge(source: string, limit: number, size?: number): InputError {
  const actual = size === undefined ? '' : ` (${formatBytes(size)})`;
  return new InputError('too-large', source, `larger than the ${formatBytes(limit)} limit${actual}`);
}

/** Reads a stream to the end, giving up as soon as it passes `limit` bytes. */
async function readCapped(stream: NodeJS.ReadableStream, limit: number, source: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    total += buffer.length;
    if (total > limit) {
      (stream as Partial<{ destroy: () => void }>).destroy?.();
      throw tooLarge(source, limit);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}
