import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, InputError } from '../../src/ingest/index.js';
import { bytes, JAPANESE_ARTICLE, RUSSIAN_ARTICLE } from './helpers.js';

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const encode = (text: string, charset: string): Uint8Array => iconv.encode(text, charset);

function decodeError(input: Uint8Array, contentType?: string): InputError {
  try {
    decodeBytes(input, { contentType, source: 'page.html' });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected decodeBytes to fail');
}

describe('decodeBytes: Unicode', () => {
  it('reads plain UTF-8', () => {
    expect(decodeBytes(utf8('Grüße aus Zürich — “quoted”'))).toEqual({
      text: 'Grüße aus Zürich — “quoted”',
      encoding: 'utf-8',
    });
  });

  it('strips a UTF-8 BOM', () => {
    const result = decodeBytes(bytes([0xef, 0xbb, 0xbf], utf8('Café')));
    expect(result).toEqual({ text: 'Café', encoding: 'utf-8' });
  });

  it('reads UTF-16LE and UTF-16BE with a BOM', () => {
    const text = 'Привет, world — ok';
    const le = decodeBytes(bytes([0xff, 0xfe], Buffer.from(text, 'utf16le')));
    const be = decodeBytes(bytes([0xfe, 0xff], Buffer.from(text, 'utf16le').swap16()));
    expect(le).toEqual({ text, encoding: 'utf-16le' });
    expect(be).toEqual({ text, encoding: 'utf-16be' });
  });

  it('recognises BOM-less UTF-16LE by its NUL pattern', () => {
    const page = '<html><body><p>Plain ASCII page saved as UTF-16.</p></body></html>';
    expect(decodeBytes(Buffer.from(page, 'utf16le'))).toEqual({ text: page, encoding: 'utf-16le' });
  });

  it('recognises BOM-less UTF-16BE', () => {
    const page = 'Headline\n\nBody text with a “quote”.';
    expect(decodeBytes(Buffer.from(page, 'utf16le').swap16())).toEqual({ text: page, encoding: 'utf-16be' });
  });

  it('recognises BOM-less Cyrillic UTF-16LE, whose high bytes are 0x04 rather than NUL', () => {
    expect(decodeBytes(Buffer.from(RUSSIAN_ARTICLE, 'utf16le'))).toEqual({
      text: RUSSIAN_ARTICLE,
      encoding: 'utf-16le',
    });
  });

  it('recognises BOM-less Japanese UTF-16LE instead of calling it binary', () => {
    expect(decodeBytes(Buffer.from(JAPANESE_ARTICLE, 'utf16le')).text).toBe(JAPANESE_ARTICLE);
  });

  it('replaces the damage in mostly valid UTF-8 instead of failing', () => {
    const damaged = bytes(utf8('Grüße '), [0xff], utf8(' aus Zürich '), [0xc3], utf8(' und Köln'));
    expect(decodeBytes(damaged)).toEqual({ text: 'Grüße \ufffd aus Zürich \ufffd und Köln', encoding: 'utf-8' });
  });

  it('replaces a truncated sequence at the very end', () => {
    expect(decodeBytes(bytes(utf8('naïve text '), [0xe2, 0x80])).text).toBe('naïve text \ufffd');
  });
});

describe('decodeBytes: legacy charsets', () => {
  it('reads a Windows-1251 page through its <meta charset>', () => {
    const page = `<html><head><meta charset="windows-1251"><title>Новости</title></head><body><p>${RUSSIAN_ARTICLE}</p></body></html>`;
    expect(decodeBytes(encode(page, 'windows-1251'))).toEqual({ text: page, encoding: 'windows-1251' });
  });

  it('reads the http-equiv form of the declaration', () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>${RUSSIAN_ARTICLE}</body></html>`;
    expect(decodeBytes(encode(page, 'windows-1251'))).toEqual({ text: page, encoding: 'windows-1251' });
  });

  it('detects Windows-1251 with no declaration at all', () => {
    const result = decodeBytes(encode(RUSSIAN_ARTICLE, 'windows-1251'));
    expect(result).toEqual({ text: RUSSIAN_ARTICLE, encoding: 'windows-1251' });
  });

  it('reads Windows-1252 curly quotes and dashes', () => {
    const text = 'He said \u201Cnot today\u201D \u2014 and the caf\u00e9\u2019s doors stayed shut\u2026';
    expect(decodeBytes(encode(text, 'windows-1252')).text).toBe(text);
  });

  it('treats a page labelled ISO-8859-1 as Windows-1252, as browsers do', () => {
    const page = `<meta charset="iso-8859-1"><p>\u201CQuoted\u201D</p>`;
    expect(decodeBytes(encode(page, 'windows-1252'))).toEqual({ text: page, encoding: 'windows-1252' });
  });

  it('reads Shift_JIS with and without a declaration', () => {
    const declared = `<meta charset="Shift_JIS"><p>${JAPANESE_ARTICLE}</p>`;
    expect(decodeBytes(encode(declared, 'shift_jis'))).toEqual({ text: declared, encoding: 'shift_jis' });
    expect(decodeBytes(encode(JAPANESE_ARTICLE, 'shift_jis'))).toEqual({
      text: JAPANESE_ARTICLE,
      encoding: 'shift_jis',
    });
  });

  it('lets the Content-Type header override the page’s own declaration', () => {
    const page = `<meta charset="utf-8"><p>${RUSSIAN_ARTICLE}</p>`;
    const result = decodeBytes(encode(page, 'koi8-r'), { contentType: 'text/html; charset="KOI8-R"' });
    expect(result).toEqual({ text: page, encoding: 'koi8-r' });
  });

  it('uses the header charset even where detection would guess otherwise', () => {
    const text = 'Stra\u00dfe \u00e0 la carte';
    const result = decodeBytes(encode(text, 'iso-8859-15'), { contentType: 'text/plain; charset=iso-8859-15' });
    expect(result).toEqual({ text, encoding: 'iso-8859-15' });
  });

  it('prefers valid UTF-8 over a stale legacy <meta charset>', () => {
    const page = `<meta charset="windows-1251"><p>${RUSSIAN_ARTICLE}</p>`;
    expect(decodeBytes(utf8(page))).toEqual({ text: page, encoding: 'utf-8' });
  });

  it('falls back to detection when a header claims UTF-8 for legacy bytes', () => {
    const result = decodeBytes(encode(RUSSIAN_ARTICLE, 'windows-1251'), { contentType: 'text/html; charset=utf-8' });
    expect(result.text).toBe(RUSSIAN_ARTICLE);
  });

  it('ignores unknown charset labels', () => {
    expect(decodeBytes(utf8('<meta charset="klingon"><p>ok ü</p>')).encoding).toBe('utf-8');
  });
});

describe('decodeBytes: rejects', () => {
  it('calls a PNG binary, naming the format', () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR');
    const error = decodeError(png);
    expect(error.code).toBe('binary');
    expect(error.message).toBe('page.html: binary content (PNG image), not a text or HTML page');
  });

  it('calls a PDF binary', () => {
    expect(decodeError(bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj')).message).toContain('(PDF document)');
  });

  it('calls random bytes binary', () => {
    let seed = 12345;
    const random = Uint8Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    });
    const error = decodeError(random);
    expect(error.code).toBe('binary');
    expect(error.message).toBe('page.html: binary content, not a text or HTML page');
  });

  it('calls gzip, JPEG, ZIP and WebP binary', () => {
    expect(decodeError(bytes([0x1f, 0x8b, 0x08, 0x00])).message).toContain('gzip');
    expect(decodeError(bytes([0xff, 0xd8, 0xff, 0xe0])).message).toContain('JPEG');
    expect(decodeError(bytes('PK\x03\x04\x14\x00')).message).toContain('ZIP');
    expect(decodeError(bytes('RIFF\x10\x00\x00\x00WEBPVP8 ')).message).toContain('WebP');
  });

  it('rejects empty and whitespace-only input', () => {
    expect(decodeError(new Uint8Array()).code).toBe('empty');
    expect(decodeError(utf8(' \n\t\r\n  ')).code).toBe('empty');
    expect(decodeError(bytes([0xef, 0xbb, 0xbf], '\n')).code).toBe('empty');
    expect(decodeError(bytes([0xff, 0xfe], Buffer.from('  \n', 'utf16le'))).code).toBe('empty');
  });
});

describe('decodeBytes: signatures do not misfire on prose', () => {
  it('reads text that merely starts like a media format name', () => {
    for (const text of ['ID3 tags explained', 'OggS is a container', 'The ftyp box', 'GIF or JIF?', 'PK said no']) {
      expect(decodeBytes(utf8(text)).text).toBe(text);
    }
  });

  it('reads UTF-32 with a BOM', () => {
    const text = 'Grüße 🙂';
    const le = bytes([0xff, 0xfe, 0, 0], iconv.encode(text, 'utf-32le'));
    expect(decodeBytes(le)).toEqual({ text, encoding: 'utf-32le' });
  });
});
