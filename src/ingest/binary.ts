/**
 * Byte-level classification that must happen before any charset guess: a charset detector will
 * happily "decode" a JPEG, so binary payloads and BOM-less UTF-16 are recognised here first.
 */

/** How many leading bytes the statistical checks look at; enough to be stable, cheap on big pages. */
export const SAMPLE_BYTES = 8192;

interface Signature {
  label: string;
  /** Byte values, with null standing for "any byte" at that position. */
  bytes: readonly (number | null)[];
}

const ascii = (text: string): number[] => Array.from(text, (ch) => ch.charCodeAt(0));

// Only signatures that cannot plausibly begin a text page: two-letter ones such as "MZ" or "BM"
// would misfire on ordinary prose, and the control-byte check catches those formats anyway.
const SIGNATURES: readonly Signature[] = [
  { label: 'PNG image', bytes: [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a] },
  { label: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { label: 'GIF image', bytes: ascii('GIF87a') },
  { label: 'GIF image', bytes: ascii('GIF89a') },
  { label: 'WebP image', bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')] },
  { label: 'WAV audio', bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WAVE')] },
  { label: 'AVI video', bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('AVI ')] },
  { label: 'TIFF image', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { label: 'TIFF image', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { label: 'icon image', bytes: [0x00, 0x00, 0x01, 0x00] },
  { label: 'PDF document', bytes: ascii('%PDF-') },
  { label: 'ZIP archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { label: 'ZIP archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { label: 'ZIP archive', bytes: [0x50, 0x4b, 0x07, 0x08] },
  { label: 'gzip data', bytes: [0x1f, 0x8b] },
  { label: 'bzip2 data', bytes: [...ascii('BZh'), null, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59] },
  { label: 'xz data', bytes: [0xfd, ...ascii('7zXZ'), 0x00] },
  { label: 'zstd data', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { label: '7-Zip archive', bytes: [...ascii('7z'), 0xbc, 0xaf, 0x27, 0x1c] },
  { label: 'RAR archive', bytes: [...ascii('Rar!'), 0x1a, 0x07] },
  { label: 'ELF executable', bytes: [0x7f, ...ascii('ELF')] },
  { label: 'WebAssembly module', bytes: [0x00, ...ascii('asm')] },
  { label: 'SQLite database', bytes: [...ascii('SQLite format 3'), 0x00] },
  { label: 'Ogg media', bytes: [...ascii('OggS'), 0x00] },
  { label: 'FLAC audio', bytes: ascii('fLaC') },
  // ID3 is followed by a major version (2–4) and a zero revision, which prose never is.
  { label: 'MP3 audio', bytes: [...ascii('ID3'), null, 0x00] },
  // The 'ftyp' box comes first and is small, so its 32-bit size starts with a zero byte.
  { label: 'MP4 media', bytes: [0x00, null, null, null, ...ascii('ftyp')] },
  { label: 'WOFF font', bytes: ascii('wOFF') },
  { label: 'WOFF2 font', bytes: ascii('wOF2') },
  { label: 'Java class file', bytes: [0xca, 0xfe, 0xba, 0xbe] },
];

/** Names the file format when the bytes start with a known binary signature. */
export function binarySignature(bytes: Uint8Array): string | null {
  for (const signature of SIGNATURES) {
    if (startsWith(bytes, signature.bytes)) return signature.label;
  }
  return null;
}

function startsWith(bytes: Uint8Array, pattern: readonly (number | null)[]): boolean {
  if (bytes.length < pattern.length) return false;
  return pattern.every((expected, i) => expected === null || bytes[i] === expected);
}

export type Utf16Order = 'utf-16le' | 'utf-16be';

/**
 * Recognises UTF-16 without a BOM. In UTF-16 text one byte of every pair is the "high" byte,
 * and it takes very few values: 0x00 for ASCII markup and Latin text, one script block value
 * (0x04 for Cyrillic, 0x05 for Hebrew ...) otherwise. So one parity is dominated by zero plus a
 * single other value, while the other parity varies like ordinary text. Binary data padded with
 * zeros fails the test because both parities are dominated.
 */
export function detectUtf16Order(bytes: Uint8Array): Utf16Order | null {
  const sample = bytes.subarray(0, SAMPLE_BYTES & ~1);
  if (sample.length < 4) return null;
  const even = parityProfile(sample, 0);
  const odd = parityProfile(sample, 1);
  if (!even.hasZero && !odd.hasZero) return null;
  if (odd.dominance >= 0.7 && even.dominance < 0.5) return 'utf-16le';
  if (even.dominance >= 0.7 && odd.dominance < 0.5) return 'utf-16be';
  return null;
}

/**
 * Second chance for BOM-less UTF-16 whose high bytes vary too much for the parity test (CJK).
 * Only consulted for bytes that already look binary, so ASCII text can never land here; binary
 * data decoded as UTF-16 almost surely yields a NUL, a C0/C1 control, a private-use character or
 * an unpaired surrogate, any one of which rejects the guess.
 */
export function plausibleUtf16Order(bytes: Uint8Array): Utf16Order | null {
  const sample = bytes.subarray(0, SAMPLE_BYTES & ~1);
  if (sample.length < 16) return null;
  for (const order of ['utf-16le', 'utf-16be'] as const) {
    if (isCleanText(new TextDecoder(order).decode(sample))) return order;
  }
  return null;
}

// U+FFFD stands for an unpaired surrogate here: the decoder substitutes it.
const IMPLAUSIBLE = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ue000-\uf8ff\ufffd\ufffe\uffff]/;

function isCleanText(text: string): boolean {
  // A sample cut mid surrogate pair leaves one replacement character at the very end.
  const body = text.endsWith('\ufffd') ? text.slice(0, -1) : text;
  return !IMPLAUSIBLE.test(body);
}

interface ParityProfile {
  /** Share of the parity's bytes that are zero or its single most common non-zero value. */
  dominance: number;
  hasZero: boolean;
}

function parityProfile(sample: Uint8Array, parity: 0 | 1): ParityProfile {
  const counts = new Uint32Array(256);
  let total = 0;
  for (let i = parity; i < sample.length; i += 2) {
    const value = sample[i] ?? 0;
    counts[value] = (counts[value] ?? 0) + 1;
    total += 1;
  }
  const zeros = counts[0] ?? 0;
  let topOther = 0;
  for (let value = 1; value < 256; value += 1) topOther = Math.max(topOther, counts[value] ?? 0);
  return { dominance: total === 0 ? 0 : (zeros + topOther) / total, hasZero: zeros > 0 };
}

/**
 * True when the bytes hold too many control bytes to be text in any ASCII-compatible charset.
 * Text uses tab, newline, carriage return, form feed and (ISO-2022 only) escape; a NUL or a run
 * of other C0 bytes means a binary format.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (sample.length === 0) return false;
  let nul = 0;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) nul += 1;
    else if (isBinaryControl(byte)) control += 1;
  }
  return nul / sample.length > 0.01 || (nul + control) / sample.length > 0.05;
}

function isBinaryControl(byte: number): boolean {
  if (byte === 0x7f) return true;
  if (byte >= 0x20) return false;
  return byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b;
}
