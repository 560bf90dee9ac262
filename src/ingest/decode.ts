/**
 * Bytes to a JS string. The evidence is weighed from strongest to weakest: a BOM, the byte
 * pattern of UTF-16, what the server said, what the page says about itself, whether the bytes are
 * UTF-8, and finally a statistical guess.
 */
import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { binarySignature, detectUtf16Order, looksBinary, plausibleUtf16Order } from './binary.js';
import { charsetFromContentType, charsetFromMarkup, normalizeCharset } from './charset.js';
import { InputError } from './errors.js';

export interface DecodeOptions {
  /** The HTTP Content-Type header, whose charset outranks anything inside the page. */
  contentType?: string | null;
  /** Names the input in error messages. */
  source?: string;
}

export interface Decoded {
  text: string;
  /** Lower-case charset name the bytes were decoded from, e.g. "utf-8", "windows-1251". */
  encoding: string;
}

interface Choice {
  encoding: string;
  /** Leading bytes that are a BOM and not part of the text. */
  skip: number;
}

/** Statistical detection only needs a representative stretch, not a whole 60 MB dump. */
const DETECT_BYTES = 65536;

/** Fallback when nothing else is known: the superset of Latin-1 that the web actually uses. */
const LEGACY_DEFAULT = 'windows-1252';

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Decodes page bytes. Throws InputError `empty` for nothing but whitespace, `binary` for
 * non-text payloads and `decode` if the chosen codec fails; never anything else.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const source = options.source ?? '<input>';
  if (bytes.length === 0) throw new InputError('empty', source, 'empty input, nothing to read');
  rejectBinarySignature(bytes, source);
  const choice = chooseEncoding(bytes, options.contentType ?? null, source);
  const text = stripLeadingBoms(decodeWith(bytes.subarray(choice.skip), choice.encoding, source));
  if (text.trim() === '') throw new InputError('empty', source, 'input holds only whitespace');
  return { text, encoding: choice.encoding };
}

function rejectBinarySignature(bytes: Uint8Array, source: string): void {
  const format = binarySignature(bytes);
  if (format) throw binaryError(source, format);
}

function binaryError(source: string, format: string | null): InputError {
  const what = format ? `binary content (${format})` : 'binary content';
  return new InputError('binary', source, `${what}, not a text or HTML page`);
}

function chooseEncoding(bytes: Uint8Array, contentType: string | null, source: string): Choice {
  const bom = byteOrderMark(bytes);
  if (bom) return bom;
  const utf16 = detectUtf16Order(bytes);
  if (utf16) return { encoding: utf16, skip: 0 };
  if (looksBinary(bytes)) {
    const cjkUtf16 = plausibleUtf16Order(bytes);
    if (cjkUtf16) return { encoding: cjkUtf16, skip: 0 };
    throw binaryError(source, null);
  }
  return { encoding: chooseAsciiCompatible(bytes, contentType), skip: 0 };
}

function byteOrderMark(bytes: Uint8Array): Choice | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', skip: 3 };
  // UTF-32LE's BOM begins with UTF-16LE's, so it must be tested first.
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return { encoding: 'utf-32le', skip: 4 };
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return { encoding: 'utf-32be', skip: 4 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

function chooseAsciiCompatible(bytes: Uint8Array, contentType: string | null): string {
  const declared = charsetFromContentType(contentType);
  if (declared) return declared === 'utf-8' ? utf8OrLegacy(bytes) : declared;
  const inPage = charsetFromMarkup(bytes);
  if (inPage === 'utf-8') return utf8OrLegacy(bytes);
  // Scrapers re-save pages as UTF-8 but keep the old <meta charset>; multi-byte sequences that are
  // all valid UTF-8 almost never occur by accident in legacy text, so they outvote the stale tag.
  if (inPage) return isUtf8WithMultibyte(bytes) ? 'utf-8' : inPage;
  return utf8OrLegacy(bytes);
}

/**
 * UTF-8 if the bytes are UTF-8, or UTF-8 with some damage (decoded with replacement characters);
 * otherwise the legacy charset the detector suggests. "Damaged" means the valid multi-byte
 * sequences outnumber the invalid bytes: a legacy page has high bytes but almost no sequences
 * that happen to form UTF-8.
 */
function utf8OrLegacy(bytes: Uint8Array): string {
  if (isValidUtf8(bytes)) return 'utf-8';
  const stats = utf8Stats(bytes.subarray(0, DETECT_BYTES));
  if (stats.multibyte > 0 && stats.multibyte >= stats.invalid) return 'utf-8';
  return detectLegacy(bytes);
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function isUtf8WithMultibyte(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte >= 0x80) && isValidUtf8(bytes);
}

function detectLegacy(bytes: Uint8Array): string {
  for (const match of analyse(bytes.subarray(0, DETECT_BYTES))) {
    const name = normalizeCharset(match.name);
    // Unicode verdicts are ignored: UTF-8 was just ruled out, and UTF-16/32 without a BOM would
    // have shown the byte pattern checked earlier.
    if (name && !/^(utf|ucs)/.test(name)) return name;
  }
  return LEGACY_DEFAULT;
}

interface Utf8Stats {
  multibyte: number;
  invalid: number;
}

/**
 * Counts well-formed multi-byte sequences and malformed ones (RFC 3629). A malformed sequence
 * counts once however many bytes it spans, as TextDecoder replaces it with one U+FFFD, so a
 * sequence cut off at the end of a file weighs as one flaw rather than several.
 */
export function utf8Stats(bytes: Uint8Array): Utf8Stats {
  const stats: Utf8Stats = { multibyte: 0, invalid: 0 };
  let i = 0;
  while (i < bytes.length) {
    if ((bytes[i] ?? 0) < 0x80) {
      i += 1;
      continue;
    }
    const sequence = scanSequence(bytes, i);
    if (sequence.wellFormed) stats.multibyte += 1;
    else stats.invalid += 1;
    i += sequence.length;
  }
  return stats;
}

interface Sequence {
  wellFormed: boolean;
  /** Bytes consumed: the whole sequence, or the lead plus the continuation bytes that fit. */
  length: number;
}

function scanSequence(bytes: Uint8Array, at: number): Sequence {
  const lead = bytes[at] ?? 0;
  const rule = SEQUENCE_RULES.find((candidate) => lead >= candidate.from && lead <= candidate.to);
  if (!rule) return { wellFormed: false, length: 1 };
  for (let k = 1; k < rule.length; k += 1) {
    const [low, high] = k === 1 ? rule.second : CONTINUATION;
    const next = bytes[at + k];
    if (next === undefined || next < low || next > high) return { wellFormed: false, length: k };
  }
  return { wellFormed: true, length: rule.length };
}

const CONTINUATION = [0x80, 0xbf] as const;

interface SequenceRule {
  from: number;
  to: number;
  length: number;
  /** Allowed range of the second byte; narrower than 80–BF where overlongs or surrogates lurk. */
  second: readonly [number, number];
}

const SEQUENCE_RULES: readonly SequenceRule[] = [
  { from: 0xc2, to: 0xdf, length: 2, second: [0x80, 0xbf] },
  { from: 0xe0, to: 0xe0, length: 3, second: [0xa0, 0xbf] },
  { from: 0xe1, to: 0xec, length: 3, second: [0x80, 0xbf] },
  { from: 0xed, to: 0xed, length: 3, second: [0x80, 0x9f] },
  { from: 0xee, to: 0xef, length: 3, second: [0x80, 0xbf] },
  { from: 0xf0, to: 0xf0, length: 4, second: [0x90, 0xbf] },
  { from: 0xf1, to: 0xf3, length: 4, second: [0x80, 0xbf] },
  { from: 0xf4, to: 0xf4, length: 4, second: [0x80, 0x8f] },
];

function decodeWith(bytes: Uint8Array, encoding: string, source: string): string {
  try {
    if (encoding === 'utf-8') return utf8Lenient.decode(bytes);
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return replaceLoneSurrogates(iconv.decode(buffer, encoding, { stripBOM: false }));
  } catch (error) {
    throw new InputError('decode', source, `cannot decode as ${encoding}`, { cause: error });
  }
}

/** UTF-16 input may pair surrogates wrongly; such strings break JSON and terminal output later. */
function replaceLoneSurrogates(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function stripLeadingBoms(text: string): string {
  let start = 0;
  while (text.charCodeAt(start) === 0xfeff) start += 1;
  return text.slice(start);
}
