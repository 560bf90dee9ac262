import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, InputError, sniffFormat } from '../../src/ingest/index.js';

/** Runs decode and returns its text, or null when it refused with an InputError. */
function decodeOrRefuse(input: Uint8Array, contentType?: string): string | null {
  try {
    return decodeBytes(input, { contentType }).text;
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const contentTypes = fc.option(
  fc.constantFrom('text/html', 'text/html; charset=utf-8', 'text/plain; charset=windows-1251', 'text/html; charset=bogus', 'text/plain; charset=utf-16be'),
  { nil: undefined },
);

/** Bytes biased towards the interesting prefixes: BOMs, NUL patterns, meta declarations. */
const pageBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc
    .tuple(
      fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xff, 0xfe, 0, 0], [], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]),
      fc.uint8Array({ maxLength: 512 }),
    )
    .map(([prefix, rest]) => Uint8Array.from([...prefix, ...rest])),
  fc
    .tuple(fc.constantFrom('<meta charset="shift_jis">', '<meta charset=utf-16>', '<?xml version="1.0" encoding="koi8-r"?>'), fc.uint8Array({ maxLength: 512 }))
    .map(([head, rest]) => Uint8Array.from([...Buffer.from(head), ...rest])),
  fc.string({ unit: 'grapheme', maxLength: 300 }).map((text) => Uint8Array.from(Buffer.from(text, 'utf16le'))),
);

describe('decode properties', () => {
  it('throws nothing but InputError, and never returns a leading BOM or blank text', () => {
    fc.assert(
      fc.property(pageBytes, contentTypes, (input, contentType) => {
        const text = decodeOrRefuse(input, contentType);
        if (text === null) return;
        expect(text.startsWith('\ufeff')).toBe(false);
        expect(text.trim()).not.toBe('');
      }),
      { numRuns: 2000 },
    );
  });

  it('returns only well-formed UTF-16 strings', () => {
    fc.assert(
      fc.property(pageBytes, (input) => {
        const text = decodeOrRefuse(input);
        if (text !== null) expect(LONE_SURROGATE.test(text)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips any UTF-8 text that is not blank', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 400 }), (text) => {
        fc.pre(text.trim() !== '' && !text.startsWith('\ufeff') && !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text));
        expect(decodeBytes(Buffer.from(text, 'utf8')).text).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips Cyrillic prose through Windows-1251 with a declaration', () => {
    const word = fc.constantFrom('новости', 'правительство', 'экономика', 'Москва', 'сообщил', 'в', 'и', 'что', 'года');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), (words) => {
        const page = `<meta charset="windows-1251"><p>${words.join(' ')}</p>`;
        expect(decodeBytes(iconv.encode(page, 'windows-1251')).text).toBe(page);
      }),
      { numRuns: 300 },
    );
  });
});

describe('sniff properties', () => {
  it('always answers text or html and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.option(fc.string(), { nil: undefined }), (text, path) => {
        expect(['text', 'html']).toContain(sniffFormat(text, { path }));
      }),
      { numRuns: 1000 },
    );
  });
});
