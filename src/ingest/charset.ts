/**
 * Charset labels as pages declare them, mapped onto names iconv-lite can decode.
 */
import iconv from 'iconv-lite';

/** How far into the bytes a `<meta charset>` or XML declaration is looked for. */
const PRESCAN_BYTES = 4096;

/**
 * Labels whose honest meaning differs from their name. Browsers decode all of these as
 * windows-1252 because pages labelled Latin-1 routinely contain 0x80–0x9F curly quotes and dashes,
 * which true ISO-8859-1 would turn into invisible C1 controls.
 */
const ALIASES: Readonly<Record<string, string>> = {
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  iso_8859_1: 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  cp819: 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'iso-8859-11': 'windows-874',
  'tis-620': 'windows-874',
  'x-sjis': 'shift_jis',
  'x-euc-jp': 'euc-jp',
  'x-gbk': 'gbk',
  gb2312: 'gbk',
  'ks_c_5601-1987': 'euc-kr',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'x-unicode20utf8': 'utf-8',
  unicode: 'utf-16le',
  'utf-16': 'utf-16le',
  'ucs-2': 'utf-16le',
};

/** A decodable charset name for a declared label, or null for labels nobody can decode. */
export function normalizeCharset(label: string): string | null {
  const cleaned = label.trim().replace(/^["']|["']$/g, '').trim().toLowerCase();
  if (cleaned === '') return null;
  const name = ALIASES[cleaned] ?? cleaned;
  return iconv.encodingExists(name) ? name : null;
}

/** The charset parameter of a Content-Type header value, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("[^"]*"|[^;\s]*)/i.exec(contentType);
  return match?.[1] ? normalizeCharset(match[1]) : null;
}

/**
 * The charset a page declares about itself near its start: `<meta charset>`,
 * `<meta http-equiv="Content-Type" content="...; charset=...">`, or an XML declaration.
 */
export function charsetFromMarkup(bytes: Uint8Array): string | null {
  // Latin-1 maps bytes to code points one to one, so ASCII markup reads the same in any
  // ASCII-compatible charset and byte offsets are preserved.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES))
    .toString('latin1')
    .replace(/<!--[\s\S]*?-->/g, '');
  const label = metaCharset(head) ?? xmlEncoding(head);
  if (!label) return null;
  const name = normalizeCharset(label);
  // A page that can be read as ASCII cannot really be UTF-16; browsers fall back to UTF-8.
  return name?.startsWith('utf-16') || name?.startsWith('utf-32') ? 'utf-8' : name;
}

function metaCharset(head: string): string | null {
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const match = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (match?.[1]) return match[1];
  }
  return null;
}

function xmlEncoding(head: string): string | null {
  const match = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return match?.[1] ?? null;
}

