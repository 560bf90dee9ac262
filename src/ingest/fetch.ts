/**
 * HTTP(S) fetching with hard limits: one deadline for the whole exchange, a redirect budget with
 * every hop re-checked, a byte cap on the decoded body, and the SSRF guard from address.ts.
 */
import { STATUS_CODES } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Writable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, request, type Dispatcher } from 'undici';
import {
  guardedLookup,
  ipLiteral,
  isPublicAddress,
  PrivateAddressRefusal,
  systemResolveHost,
  type ResolveHost,
} from './address.js';
import { formatBytes, InputError } from './errors.js';

export interface FetchOptions {
  /** Permit loopback, private, link-local and other non-public addresses. */
  allowPrivate?: boolean;
  /**
   * Hostnames trusted to resolve anywhere, e.g. an intranet mirror. Narrower than
   * `allowPrivate`: a redirect from such a host to any other private address is still refused.
   */
  allowHosts?: readonly string[];
  /** DNS resolution; the guard checks whatever this returns. Defaults to the system resolver. */
  resolveHost?: ResolveHost;
  /** Deadline for the whole fetch, redirects and body included. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Cap on the (decompressed) body size. */
  maxBytes?: number;
  /** Clock for `fetchedAt`. */
  now?: () => Date;
  userAgent?: string;
  /** The Accept header; pages by default, feeds pass FEED_ACCEPT. */
  accept?: string;
  /**
   * Validators from an earlier response to the same URL. When either is given the request is
   * conditional (If-None-Match / If-Modified-Since) and a 304 answer comes back as `notModified`
   * instead of an error.
   */
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchResult {
  bytes: Uint8Array;
  contentType: string | null;
  finalUrl: string;
  /** ISO 8601 moment the final response arrived. */
  fetchedAt: string;
  /** True when a conditional request was answered 304: `bytes` is then empty. */
  notModified: boolean;
  /** The response's ETag and Last-Modified, to send back on the next conditional request. */
  etag: string | null;
  lastModified: string | null;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_FETCH_MAX_BYTES = 20 * 1024 * 1024;
const DEFAULT_USER_AGENT = 'newsprism/0.1';
const PAGE_ACCEPT = 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5';
/** Accept header for feed polling: the feed types first, generic XML and JSON after. */
export const FEED_ACCEPT =
  'application/rss+xml,application/atom+xml,application/feed+json,application/rdf+xml;q=0.9,application/xml;q=0.8,text/xml;q=0.8,application/json;q=0.7,*/*;q=0.5';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

interface Settings {
  source: string;
  timeoutMs: number;
  maxRedirects: number;
  maxBytes: number;
  now: () => Date;
  headers: Record<string, string>;
  /** Whether the request carries validators, so that 304 is an answer rather than a failure. */
  conditional: boolean;
  permits: (hostname: string, address: string) => boolean;
}

/** Fetches one page. Every failure is an InputError whose source is `url` as given. */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const settings = settingsFor(url, options);
  const agent = new Agent({
    connect: {
      lookup: guardedLookup({ resolveHost: options.resolveHost ?? systemResolveHost, permits: settings.permits }),
    },
  });
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), settings.timeoutMs);
  try {
    return await followRedirects(parseTarget(url, settings), settings, agent, deadline.signal);
  } catch (error) {
    throw translateError(error, settings, deadline.signal.aborted);
  } finally {
    clearTimeout(timer);
    agent.destroy().catch(() => undefined);
  }
}

function settingsFor(url: string, options: FetchOptions): Settings {
  const trusted = new Set((options.allowHosts ?? []).map(normalizeHost));
  const allowPrivate = options.allowPrivate ?? false;
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
    accept: options.accept ?? PAGE_ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return {
    source: url,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    maxBytes: options.maxBytes ?? DEFAULT_FETCH_MAX_BYTES,
    now: options.now ?? (() => new Date()),
    headers,
    conditional: Boolean(options.etag || options.lastModified),
    permits: (hostname, address) =>
      allowPrivate || trusted.has(normalizeHost(hostname)) || isPublicAddress(address),
  };
}

function normalizeHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
}

async function followRedirects(
  start: URL,
  settings: Settings,
  agent: Dispatcher,
  signal: AbortSignal,
): Promise<FetchResult> {
  const visited = new Set<string>();
  let target = start;
  for (let redirects = 0; ; redirects += 1) {
    assertReachable(target, settings);
    visited.add(target.href);
    const response = await request(target, {
      dispatcher: agent,
      signal,
      headers: settings.headers,
    });
    const location = redirectLocation(response);
    if (location === null) return finish(response, target, settings);
    await response.body.dump();
    const next = parseTarget(location, settings, target);
    if (redirects >= settings.maxRedirects || visited.has(next.href)) {
      throw tooManyRedirects(settings, visited.has(next.href));
    }
    target = next;
  }
}

function redirectLocation(response: Dispatcher.ResponseData): string | null {
  if (!REDIRECT_STATUSES.has(response.statusCode)) return null;
  const header = response.headers.location;
  const location = Array.isArray(header) ? header[0] : header;
  return location ?? null;
}

function tooManyRedirects(settings: Settings, loop: boolean): InputError {
  const reason = loop ? 'redirect loop' : `more than ${settings.maxRedirects} redirects`;
  return new InputError('too-many-redirects', settings.source, reason);
}

/** Parses a URL or redirect target, accepting only http(s) with a host. */
function parseTarget(raw: string, settings: Settings, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new InputError('bad-url', settings.source, `not a valid URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const where = base ? 'redirect to ' : '';
    throw new InputError('unsupported-scheme', settings.source, `${where}${url.protocol} URLs are not supported, only http and https`);
  }
  if (url.hostname === '') throw new InputError('bad-url', settings.source, `URL has no host: ${raw}`);
  return url;
}

/**
 * Sockets skip DNS for IP literals, so the lookup guard never sees them; they are judged here,
 * before any connection is attempted.
 */
function assertReachable(url: URL, settings: Settings): void {
  const literal = ipLiteral(url.hostname);
  if (literal !== null && !settings.permits(url.hostname, literal)) {
    throw privateAddressError(settings, url.hostname, literal);
  }
}

function privateAddressError(settings: Settings, hostname: string, address: string): InputError {
  const target = hostname === address || hostname === `[${address}]` ? address : `${hostname} (${address})`;
  return new InputError(
    'private-address',
    settings.source,
    `refusing non-public address ${target} (private networks must be allowed explicitly)`,
  );
}

async function finish(response: Dispatcher.ResponseData, url: URL, settings: Settings): Promise<FetchResult> {
  const validators = {
    etag: singleHeader(response.headers.etag),
    lastModified: singleHeader(response.headers['last-modified']),
  };
  if (response.statusCode === 304 && settings.conditional) {
    await response.body.dump();
    const fetchedAt = settings.now().toISOString();
    const contentType = singleHeader(response.headers['content-type']);
    return { bytes: new Uint8Array(0), contentType, finalUrl: url.href, fetchedAt, notModified: true, ...validators };
  }
  if (response.statusCode < 200 || response.statusCode > 299) {
    await response.body.dump();
    const text = STATUS_CODES[response.statusCode];
    throw new InputError('http-status', settings.source, `HTTP ${response.statusCode}${text ? ` ${text}` : ''}`);
  }
  const fetchedAt = settings.now().toISOString();
  const bytes = await readBody(response, settings);
  const contentType = singleHeader(response.headers['content-type']);
  return { bytes, contentType, finalUrl: url.href, fetchedAt, notModified: false, ...validators };
}

function singleHeader(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

async function readBody(response: Dispatcher.ResponseData, settings: Settings): Promise<Uint8Array> {
  const declared = Number(singleHeader(response.headers['content-length']) ?? Number.NaN);
  const encodings = contentEncodings(response, settings);
  // A declared length is only trustworthy for the bytes we will keep when nothing inflates them.
  if (encodings.length === 0 && declared > settings.maxBytes) {
    response.body.destroy();
    throw tooLarge(settings);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > settings.maxBytes) {
        done(tooLarge(settings));
        return;
      }
      chunks.push(chunk);
      done();
    },
  });
  // pipeline tears every stage down on failure, which also aborts the socket past the cap.
  await pipeline([response.body, ...encodings, sink]);
  return Buffer.concat(chunks, total);
}

function tooLarge(settings: Settings): InputError {
  return new InputError('too-large', settings.source, `response larger than ${formatBytes(settings.maxBytes)}`);
}

/** Decompressors for the Content-Encoding chain, in the order they must run. */
function contentEncodings(response: Dispatcher.ResponseData, settings: Settings): Transform[] {
  const header = singleHeader(response.headers['content-encoding']) ?? '';
  const codings = header
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  return codings.reverse().map((coding) => decompressor(coding, settings));
}

function decompressor(coding: string, settings: Settings): Transform {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new InputError('decode', settings.source, `unsupported content encoding "${coding}"`);
  }
}

function translateError(error: unknown, settings: Settings, timedOut: boolean): InputError {
  if (error instanceof InputError) return error;
  if (timedOut) {
    return new InputError('timeout', settings.source, `no complete response within ${formatDuration(settings.timeoutMs)}`);
  }
  const refusal = findCause(error, (cause): cause is PrivateAddressRefusal => cause instanceof PrivateAddressRefusal);
  if (refusal) return privateAddressError(settings, refusal.hostname, refusal.address);
  return new InputError('network', settings.source, describeNetworkError(error), { cause: error });
}

function formatDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function findCause<T>(error: unknown, test: (value: unknown) => value is T): T | null {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth += 1) {
    if (test(current)) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return null;
}

const NETWORK_REASONS: Readonly<Record<string, string>> = {
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed temporarily',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  Z_DATA_ERROR: 'corrupt compressed body',
  Z_BUF_ERROR: 'truncated compressed body',
  ERR_STREAM_PREMATURE_CLOSE: 'response ended early',
};

function describeNetworkError(error: unknown): string {
  const code = findCause(error, hasCode)?.code;
  const known = code ? NETWORK_REASONS[code] : undefined;
  if (known) return known;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `network error (${code}): ${message}` : `network error: ${message}`;
}

function hasCode(value: unknown): value is { code: string } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string';
}
