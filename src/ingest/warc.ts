/**
 * WARC files (web archives, ISO 28500) as inputs: every archived 200 response with an HTML or
 * plain-text body is a page. Records are read with warcio one at a time from a stream, so a
 * multi-gigabyte crawl never sits in memory; each page is capped like a fetched URL.
 *
 * Compressed WARCs are inflated by node's zlib, not by warcio: zlib reports a truncated or
 * corrupt stream as an error, where warcio falls back to reading the bytes as they are. Record
 * offsets in messages are therefore offsets into the uncompressed stream for a .warc.gz.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { constants as zlibConstants, createGunzip, gunzipSync } from 'node:zlib';
import { AsyncIterReader, LimitReader, WARCParser, type WARCRecord } from 'warcio';
import { formatBytes, InputError } from './errors.js';
import { DEFAULT_FETCH_MAX_BYTES } from './fetch.js';
import { readFileHead } from './file-head.js';
import { fsError } from './fs-errors.js';
import type { IngestItem, IngestOptions } from './inputs.js';
import { pageContext, toPage, urlPath } from './page.js';

export type WarcKind = 'warc' | 'warc.gz';

const WARC_MAGIC = Buffer.from('WARC/1.', 'latin1');
const GZIP_MAGIC = [0x1f, 0x8b] as const;
/** How much of a file sniffWarc needs: enough compressed bytes to inflate the first line. */
export const WARC_HEAD_BYTES = 4096;
const PAGE_TYPES = /^\s*(?:text\/html|application\/xhtml\+xml|text\/plain)\s*(?:;|$)/i;

/** Whether a path names a WARC by its extension: .warc or .warc.gz. */
export function isWarcPath(path: string): boolean {
  return /\.warc(?:\.gz)?$/i.test(path);
}

/** A WARC by its first bytes: "WARC/1." or a gzip stream that inflates to it; else null. */
export function sniffWarc(head: Uint8Array): WarcKind | null {
  if (startsWithMagic(head, WARC_MAGIC)) return 'warc';
  if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) return null;
  try {
    const inflated = gunzipSync(head.subarray(0, WARC_HEAD_BYTES), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
    return startsWithMagic(inflated, WARC_MAGIC) ? 'warc.gz' : null;
  } catch {
    return null;
  }
}

function startsWithMagic(bytes: Uint8Array, magic: Uint8Array): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

/**
 * Pages from a WARC file. `path` doubles as the source, as for any file; each page's source is
 * `<path>#<WARC-Target-URI>`. A truncated or corrupt archive ends with one error item.
 */
export async function* readWarcFile(path: string, options: IngestOptions = {}): AsyncGenerator<IngestItem> {
  let head: Uint8Array;
  try {
    head = await readFileHead(path, WARC_HEAD_BYTES);
  } catch (error) {
    yield { ok: false, error: fsError(error, path) };
    return;
  }
  const kind = sniffWarc(head) ?? (head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1] ? 'warc.gz' : null);
  if (kind === null) {
    yield { ok: false, error: new InputError('malformed', path, 'not a WARC file (it does not start with "WARC/1.")') };
    return;
  }
  yield* readWarcStream(createReadStream(path), kind, path, options);
}

/** Pages from WARC bytes already in memory (stdin, a fetched URL). */
export async function* readWarcBytes(bytes: Uint8Array, source: string, options: IngestOptions = {}): AsyncGenerator<IngestItem> {
  const kind = sniffWarc(bytes);
  if (kind === null) {
    yield { ok: false, error: new InputError('malformed', source, 'not a WARC file (it does not start with "WARC/1.")') };
    return;
  }
  yield* readWarcStream(Readable.from([bytes]), kind, source, options);
}

/** Reads records from a raw byte stream; `kind` says whether it must be inflated first. */
export async function* readWarcStream(
  raw: Readable,
  kind: WarcKind,
  source: string,
  options: IngestOptions = {},
): AsyncGenerator<IngestItem> {
  const gunzip = kind === 'warc.gz' ? createGunzip() : null;
  if (gunzip) {
    raw.on('error', (error) => gunzip.destroy(error));
    raw.pipe(gunzip);
  }
  const stream = gunzip ?? raw;
  const parser = new WARCParser(new AsyncIterReader(stream, null));
  const where = kind === 'warc.gz' ? 'at uncompressed offset' : 'at offset';
  let offset = 0;
  try {
    for (;;) {
      const record = await parser.parse();
      if (record === null) return;
      offset = parser.offset;
      const outcome = await readRecord(record, source, options);
      if (outcome.item) yield outcome.item;
      if (outcome.broken) {
        yield { ok: false, error: new InputError('malformed', source, `corrupt WARC ${where} ${offset}: ${outcome.broken}`) };
        return;
      }
    }
  } catch (error) {
    const reason = describeStreamError(error);
    if (reason === null) {
      yield { ok: false, error: fsError(error, source) };
    } else {
      yield { ok: false, error: new InputError('malformed', source, `corrupt WARC ${where} ${offset}: ${reason}`, { cause: error }) };
    }
  } finally {
    raw.destroy();
    gunzip?.destroy();
  }
}

interface RecordOutcome {
  item?: IngestItem;
  /** Why the archive cannot be read past this record. */
  broken?: string;
}

async function readRecord(record: WARCRecord, source: string, options: IngestOptions): Promise<RecordOutcome> {
  const protocol = record.warcHeaders.protocol ?? '';
  if (!protocol.startsWith('WARC/')) return { broken: 'not a WARC record header' };
  const declared = record.warcHeaders.headers.get('Content-Length') ?? '';
  if (!/^\s*\d+\s*$/.test(declared)) return { broken: 'record has no valid Content-Length (truncated?)' };
  const block = record.reader;
  if (!(block instanceof LimitReader)) return { broken: 'unexpected record reader' };
  if (block.limit < 0) return { broken: 'HTTP headers run past the end of the record' };

  let item: IngestItem | undefined;
  if (isPageRecord(record)) item = await readPage(record, source, options);
  // Whatever the page reader left (or all of a skipped record) is read past here, so that a
  // short block shows up as such: warcio's own skip would wait forever for the missing bytes.
  for await (const chunk of block) void chunk;
  if (block.limit > 0) {
    // What was read of a cut record is not the page; it is dropped with the rest of the file.
    return { broken: `record ends early, ${formatBytes(block.limit)} missing (truncated file?)` };
  }
  return { item };
}

function isPageRecord(record: WARCRecord): boolean {
  if (record.warcType !== 'response' || !record.httpHeaders) return false;
  if (Number(record.httpHeaders.statusCode) !== 200) return false;
  return PAGE_TYPES.test(record.httpHeaders.headers.get('Content-Type') ?? '');
}

async function readPage(record: WARCRecord, source: string, options: IngestOptions): Promise<IngestItem | undefined> {
  const uri = record.warcTargetURI ?? null;
  const pageSource = `${source}#${uri ?? `record-${record.warcHeaders.headers.get('WARC-Record-ID') ?? 'unnamed'}`}`;
  const limit = options.maxBytes ?? DEFAULT_FETCH_MAX_BYTES;
  const chunks: Uint8Array[] = [];
  let total = 0;
  // contentReader undoes chunked transfer and Content-Encoding; the cap applies to what it yields.
  for await (const chunk of record.contentReader) {
    total += chunk.length;
    if (total > limit) {
      return { ok: false, error: new InputError('too-large', pageSource, `archived response larger than ${formatBytes(limit)}`) };
    }
    chunks.push(chunk);
  }
  if (total === 0) return undefined;
  const contentType = record.httpHeaders?.headers.get('Content-Type') ?? null;
  const context = pageContext(pageSource, options, uri, isoMoment(record.warcDate));
  try {
    const bytes = Buffer.concat(chunks, total);
    return { ok: true, page: toPage(bytes, context, { contentType, path: uri ? urlPath(uri) : '' }) };
  } catch (error) {
    return { ok: false, error: fsError(error, pageSource) };
  }
}

function isoMoment(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Reasons for zlib failures; null for anything that is not about the archive's bytes. */
function describeStreamError(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'Z_BUF_ERROR') return 'compressed data ends early (truncated file?)';
  if (code === 'Z_DATA_ERROR') return 'corrupt compressed data';
  if (typeof code === 'string' && code.startsWith('E')) return null;
  return error instanceof Error ? error.message : String(error);
}
