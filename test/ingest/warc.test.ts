/**
 * WARC files as inputs: archived 200 HTML/text responses become pages, everything else is
 * skipped, records stream one at a time, and a cut or corrupt archive ends in one error that
 * names the file and where it broke. The archives are written here with warcio's own writer.
 */
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WARCRecord, WARCSerializer } from 'warcio';
import { readInputs, readWarcStream, sniffWarc } from '../../src/ingest/index.js';
import { buildWarc, collect, failure, success, tempTree, type TempTree, type WarcEntry } from './helpers.js';

const CAFE_STORY = '<html><head><title>Café reopens</title></head><body><p>The harbour café on Quay Street reopened on Monday.</p></body></html>';

const ENTRIES: WarcEntry[] = [
  { type: 'warcinfo' },
  {
    type: 'request',
    url: 'https://tidings.test/cafe',
    statusline: 'GET /cafe HTTP/1.1',
    httpHeaders: { Host: 'tidings.test' },
  },
  {
    type: 'response',
    url: 'https://tidings.test/cafe',
    date: '2026-02-10T07:45:00Z',
    httpHeaders: { 'Content-Type': 'text/html; charset=windows-1252' },
    body: iconv.encode(CAFE_STORY, 'windows-1252'),
  },
  {
    type: 'metadata',
    url: 'https://tidings.test/cafe',
    body: 'outlinks: https://tidings.test/\r\n',
  },
  {
    type: 'response',
    url: 'https://tidings.test/notes.txt',
    date: '2026-02-10T07:46:00Z',
    httpHeaders: { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' },
    body: gzipSync('Notes from the harbour board: the slipway opens at eight.'),
  },
  {
    type: 'response',
    url: 'https://tidings.test/gone',
    statusline: 'HTTP/1.1 404 Not Found',
    httpHeaders: { 'Content-Type': 'text/html' },
    body: '<p>No such page</p>',
  },
  {
    type: 'response',
    url: 'https://tidings.test/logo.png',
    httpHeaders: { 'Content-Type': 'image/png' },
    body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  },
  { type: 'revisit', url: 'https://tidings.test/cafe', httpHeaders: { 'Content-Type': 'text/html' } },
  {
    type: 'response',
    url: 'https://tidings.test/chunked',
    date: '2026-02-10T07:47:00Z',
    httpHeaders: { 'Content-Type': 'text/html; charset=utf-8', 'Transfer-Encoding': 'chunked' },
    body: '10\r\n<p>Tide tables, \r\nc\r\nupdated.</p>\r\n0\r\n\r\n',
  },
];

const EXPECTED_URLS = ['https://tidings.test/cafe', 'https://tidings.test/notes.txt', 'https://tidings.test/chunked'];

let tree: TempTree;
beforeEach(async () => {
  tree = await tempTree();
});
afterEach(async () => {
  await tree.remove();
});

describe('sniffWarc', () => {
  it('knows a WARC by its first bytes, compressed or not', async () => {
    expect(sniffWarc(await buildWarc(ENTRIES.slice(0, 1)))).toBe('warc');
    expect(sniffWarc(await buildWarc(ENTRIES.slice(0, 1), true))).toBe('warc.gz');
    expect(sniffWarc(gzipSync('<html>not an archive</html>'))).toBeNull();
    expect(sniffWarc(Buffer.from('WARC is a format; this is prose.'))).toBeNull();
    expect(sniffWarc(new Uint8Array([0x1f, 0x8b]))).toBeNull();
  });
});

describe('readInputs: WARC files', () => {
  for (const gzip of [false, true]) {
    const name = gzip ? 'crawl.warc.gz' : 'crawl.warc';

    it(`reads the 200 HTML and text responses of a ${name}, decoded by their own headers`, async () => {
      const path = await tree.write(name, await buildWarc(ENTRIES, gzip));
      const items = await collect(readInputs([path]));
      expect(items.map((item) => success(item).context.url)).toEqual(EXPECTED_URLS);
      const [cafe, notes, chunked] = items.map(success);
      expect(cafe).toEqual({
        context: {
          source: `${path}#https://tidings.test/cafe`,
          url: 'https://tidings.test/cafe',
          published: null,
          fetched: '2026-02-10T07:45:00.000Z',
        },
        format: 'html',
        text: CAFE_STORY,
        encoding: 'windows-1252',
      });
      expect(notes).toMatchObject({ format: 'text', text: 'Notes from the harbour board: the slipway opens at eight.' });
      expect(chunked).toMatchObject({ format: 'html', text: '<p>Tide tables, updated.</p>', encoding: 'utf-8' });
    });
  }

  it('knows a WARC by its bytes whatever the name, and the user context outranks the record', async () => {
    const path = await tree.write('capture.dat', await buildWarc(ENTRIES, true));
    const items = await collect(readInputs([path], { published: '2026-02-09', fetched: '2026-02-11T00:00:00Z' }));
    expect(items).toHaveLength(3);
    expect(success(items[0]).context).toMatchObject({ published: '2026-02-09', fetched: '2026-02-11T00:00:00Z' });
  });

  it('is not held to the file size limit, only each page is', async () => {
    const big = '<html><body><p>' + 'The long report goes on. '.repeat(400) + '</p></body></html>';
    const entries: WarcEntry[] = [
      ...ENTRIES,
      { type: 'response', url: 'https://tidings.test/report', httpHeaders: { 'Content-Type': 'text/html' }, body: big },
    ];
    const path = await tree.write('big.warc', await buildWarc(entries));
    const items = await collect(readInputs([path], { maxBytes: 4096 }));
    expect(items.map((item) => (item.ok ? 'page' : item.error.code))).toEqual(['page', 'page', 'page', 'too-large']);
    expect(failure(items[3]).message).toBe(`${path}#https://tidings.test/report: archived response larger than 4 KiB`);
  });

  it('walks .warc and .warc.gz files in a folder', async () => {
    await tree.write('d/a.warc', await buildWarc(ENTRIES.slice(0, 3)));
    await tree.write('d/b.warc.gz', await buildWarc(ENTRIES.slice(0, 3), true));
    await tree.write('d/c.gz', gzipSync('not for us'));
    const items = await collect(readInputs([`${tree.root}/d`]));
    expect(items.map((item) => success(item).context.source.slice(tree.root.length + 3))).toEqual([
      'a.warc#https://tidings.test/cafe',
      'b.warc.gz#https://tidings.test/cafe',
    ]);
  });

  it('reads a WARC from stdin', async () => {
    const stdin = Readable.from([Buffer.from(await buildWarc(ENTRIES, true))]);
    const items = await collect(readInputs(['-'], { stdin }));
    expect(items.map((item) => success(item).context.source)).toEqual(EXPECTED_URLS.map((url) => `-#${url}`));
  });
});

describe('readInputs: damaged WARC files', () => {
  it('stops a truncated WARC with one error naming the file and offset, after the pages before it', async () => {
    const whole = await buildWarc(ENTRIES);
    // Cut inside the last record's block.
    const path = await tree.write('cut.warc', whole.subarray(0, whole.length - 30));
    const items = await collect(readInputs([path, await tree.write('next.txt', 'next input')]));
    const pages = items.filter((item) => item.ok && item.page.context.source.startsWith(path));
    expect(pages.map((item) => success(item).context.url)).toEqual(EXPECTED_URLS.slice(0, 2));
    const error = failure(items[2]);
    expect(error.code).toBe('malformed');
    expect(error.message).toMatch(new RegExp(`^${escape(path)}: corrupt WARC at offset \\d+: record ends early, \\d+ bytes missing \\(truncated file\\?\\)$`));
    expect(success(items[3]).text).toBe('next input');
  });

  it('stops a truncated .warc.gz with one error', async () => {
    const whole = await buildWarc(ENTRIES, true);
    const path = await tree.write('cut.warc.gz', whole.subarray(0, whole.length - 40));
    const items = await collect(readInputs([path]));
    expect(items.slice(0, -1).map((item) => success(item).context.url)).toEqual(EXPECTED_URLS.slice(0, 2));
    expect(failure(items.at(-1)).message).toMatch(
      new RegExp(`^${escape(path)}: corrupt WARC at uncompressed offset \\d+: compressed data ends early \\(truncated file\\?\\)$`),
    );
  });

  it('reports garbage between records, and a file that only claims to be a WARC', async () => {
    const whole = Buffer.from(await buildWarc(ENTRIES.slice(0, 3)));
    const garbled = Buffer.concat([whole, Buffer.from('this is not a record header\r\n\r\n')]);
    const path = await tree.write('garbled.warc', garbled);
    const items = await collect(readInputs([path]));
    expect(items).toHaveLength(2);
    expect(failure(items[1]).message).toMatch(/corrupt WARC at offset \d+: not a WARC record header$/);

    const fake = await tree.write('fake.warc', '<html><body>Hello</body></html>');
    const [refused] = await collect(readInputs([fake]));
    expect(failure(refused).message).toBe(`${fake}: not a WARC file (it does not start with "WARC/1.")`);
  });

  it('never hangs or throws, wherever the file is cut', async () => {
    for (const gzip of [false, true]) {
      const whole = await buildWarc(ENTRIES, gzip);
      for (let cut = 1; cut < whole.length; cut += 37) {
        const items = await collect(readWarcStream(Readable.from([whole.subarray(0, cut)]), gzip ? 'warc.gz' : 'warc', 'cut.warc'));
        const errors = items.filter((item) => !item.ok);
        expect(errors.length).toBeLessThanOrEqual(1);
        expect(items.filter((item) => item.ok).length).toBeLessThanOrEqual(3);
      }
    }
  });
});

describe('streaming', () => {
  it('yields records as they arrive, without reading the rest of the archive', async () => {
    let served = 0;
    async function* endless() {
      for (;;) {
        served += 1;
        const record = WARCRecord.create(
          { type: 'response', url: `https://tidings.test/${served}`, httpHeaders: { 'Content-Type': 'text/plain' } },
          (async function* () {
            yield Buffer.from(`Bulletin number ${served}.`);
          })(),
        );
        yield await WARCSerializer.serialize(record);
      }
    }
    const seen: string[] = [];
    for await (const item of readWarcStream(Readable.from(endless()), 'warc', 'endless.warc')) {
      seen.push(success(item).text);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(['Bulletin number 1.', 'Bulletin number 2.', 'Bulletin number 3.']);
    expect(served).toBeLessThan(10);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
