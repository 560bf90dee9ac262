import { chmod, mkdir, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readInputs } from '../../src/ingest/index.js';
import { bytes, collect, failure, RUSSIAN_ARTICLE, success, tempTree, type TempTree } from './helpers.js';

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR');

let tree: TempTree;
beforeEach(async () => {
  tree = await tempTree();
});
afterEach(async () => {
  await tree.remove();
});

describe('readInputs: single files', () => {
  it('reads a text file with the context the user asked for', async () => {
    const path = await tree.write('story.txt', 'Headline\n\nBody.');
    const [item] = await collect(readInputs([path], { published: '2026-03-01', fetched: '2026-03-02T10:00:00Z' }));
    expect(success(item)).toEqual({
      context: { source: path, url: null, published: '2026-03-01', fetched: '2026-03-02T10:00:00Z' },
      format: 'text',
      text: 'Headline\n\nBody.',
      encoding: 'utf-8',
    });
  });

  it('keeps the source exactly as typed', async () => {
    await tree.write('sub/story.html', '<p>Hi</p>');
    const typed = `${tree.root}/sub/../sub/story.html`;
    const [item] = await collect(readInputs([typed]));
    expect(success(item).context.source).toBe(typed);
    expect(success(item).format).toBe('html');
  });

  it('finds HTML inside a .txt file and legacy bytes in any file', async () => {
    const html = await tree.write('dump.txt', '<!doctype html><html><body><p>x</p></body></html>');
    const cyrillic = await tree.write('ru.txt', iconv.encode(RUSSIAN_ARTICLE, 'windows-1251'));
    const [first, second] = await collect(readInputs([html, cyrillic]));
    expect(success(first).format).toBe('html');
    expect(success(second)).toMatchObject({ text: RUSSIAN_ARTICLE, encoding: 'windows-1251', format: 'text' });
  });

  it('reports a PNG renamed to .html as binary and carries on', async () => {
    const photo = await tree.write('photo.html', PNG);
    const good = await tree.write('good.txt', 'fine');
    const [bad, ok] = await collect(readInputs([photo, good]));
    const error = failure(bad);
    expect(error.code).toBe('binary');
    expect(error.message).toBe(`${photo}: binary content (PNG image), not a text or HTML page`);
    expect(success(ok).text).toBe('fine');
  });

  it('reports empty and whitespace-only files', async () => {
    const empty = await tree.write('empty.txt', '');
    const blank = await tree.write('blank.txt', '  \n\n\t ');
    const items = await collect(readInputs([empty, blank]));
    expect(items.map((item) => failure(item).code)).toEqual(['empty', 'empty']);
  });

  it('reports a missing path as not-found, with a hint for bare domains', async () => {
    const missing = join(tree.root, 'nope.txt');
    const [item, domain] = await collect(readInputs([missing, 'example.com/story']));
    expect(failure(item).code).toBe('not-found');
    expect(failure(item).message).toBe(`${missing}: no such file or directory`);
    expect(failure(domain).message).toContain('https://');
  });

  it('refuses a file over maxBytes before reading it', async () => {
    const big = await tree.write('big.txt', 'x'.repeat(2048));
    const [item] = await collect(readInputs([big], { maxBytes: 1024 }));
    expect(failure(item).code).toBe('too-large');
    expect(failure(item).message).toBe(`${big}: larger than the 1 KiB limit (2 KiB)`);
  });

  it('refuses unsupported URL schemes without touching the file system', async () => {
    const items = await collect(readInputs(['ftp://example.com/a.txt', 'file:///etc/hostname']));
    expect(items.map((item) => failure(item).code)).toEqual(['unsupported-scheme', 'unsupported-scheme']);
  });

  it('reports a socket as unreadable', async () => {
    const path = join(tree.root, 'sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      const [item] = await collect(readInputs([path]));
      expect(failure(item)).toMatchObject({ code: 'unreadable', source: path });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file', async () => {
    const path = await tree.write('locked.txt', 'secret');
    await chmod(path, 0o000);
    const [item] = await collect(readInputs([path]));
    expect(failure(item).code).toBe('unreadable');
  });
});

describe('readInputs: stdin', () => {
  it('reads "-" fully from the given stream', async () => {
    const stdin = Readable.from([Buffer.from('<html><body>'), Buffer.from('<p>Hi</p></body></html>')]);
    const [item] = await collect(readInputs(['-'], { stdin }));
    expect(success(item)).toMatchObject({ context: { source: '-', url: null }, format: 'html' });
  });

  it('caps stdin at maxBytes', async () => {
    const stdin = Readable.from([Buffer.alloc(600, 0x61), Buffer.alloc(600, 0x61)]);
    const [item] = await collect(readInputs(['-'], { stdin, maxBytes: 1000 }));
    expect(failure(item)).toMatchObject({ code: 'too-large', source: '-' });
  });
});

describe('readInputs: directories', () => {
  it('walks nested folders in byte order, joining paths onto the argument', async () => {
    await tree.write('pages/b.txt', 'b');
    await tree.write('pages/a.html', '<p>a</p>');
    await tree.write('pages/Z.md', 'Z');
    await tree.write('pages/sub/c.htm', '<p>c</p>');
    await tree.write('pages/sub/deeper/d.text', 'd');
    await tree.write('pages/sub2/e.xhtml', '<html><body>e</body></html>');
    const dir = join(tree.root, 'pages');
    const sources = (await collect(readInputs([`${dir}/`]))).map((item) => success(item).context.source);
    expect(sources).toEqual(
      ['Z.md', 'a.html', 'b.txt', 'sub/c.htm', 'sub/deeper/d.text', 'sub2/e.xhtml'].map((name) => join(dir, name)),
    );
  });

  it('skips images, archives, other extensions and hidden entries silently', async () => {
    await tree.write('d/photo.png', PNG);
    await tree.write('d/photo.JPG', bytes([0xff, 0xd8, 0xff, 0xe0]));
    await tree.write('d/dump.gz', bytes([0x1f, 0x8b, 8, 0]));
    await tree.write('d/pages.zip', 'PK\x03\x04');
    await tree.write('d/report.pdf', '%PDF-1.4');
    await tree.write('d/gold.expected.json', '{}');
    await tree.write('d/.hidden.txt', 'hidden');
    await tree.write('d/.git/HEAD.txt', 'ref');
    await tree.write('d/story.txt', 'kept');
    const items = await collect(readInputs([join(tree.root, 'd')]));
    expect(items.map((item) => success(item).text)).toEqual(['kept']);
  });

  it('takes extensionless files that read as text and skips binary ones', async () => {
    await tree.write('d/article-001', 'Plain text page');
    await tree.write('d/article-002', '<html><body>HTML page</body></html>');
    await tree.write('d/blob', PNG);
    await tree.write('d/noise', Uint8Array.from({ length: 256 }, (_, i) => i));
    await tree.write('d/utf16', Buffer.from('UTF-16 text page', 'utf16le'));
    const items = await collect(readInputs([join(tree.root, 'd')]));
    expect(items.map((item) => [success(item).context.source.split('/').pop(), success(item).format])).toEqual([
      ['article-001', 'text'],
      ['article-002', 'html'],
      ['utf16', 'text'],
    ]);
  });

  it('still reports bad page files inside a directory, and continues', async () => {
    await tree.write('d/a.txt', '');
    await tree.write('d/b.html', PNG);
    await tree.write('d/c.txt', 'x'.repeat(100));
    await tree.write('d/d.txt', 'ok');
    const items = await collect(readInputs([join(tree.root, 'd')], { maxBytes: 50 }));
    expect(items.map((item) => (item.ok ? 'ok' : item.error.code))).toEqual(['empty', 'binary', 'too-large', 'ok']);
  });

  it('follows symlinks but never around a loop', async () => {
    await tree.write('d/inner/page.txt', 'once');
    await symlink(join(tree.root, 'd'), join(tree.root, 'd/inner/loop'));
    await symlink(join(tree.root, 'd/inner/page.txt'), join(tree.root, 'd/link.txt'));
    await symlink(join(tree.root, 'd/missing.txt'), join(tree.root, 'd/broken.txt'));
    const items = await collect(readInputs([join(tree.root, 'd')]));
    expect(items.map((item) => (item.ok ? item.page.context.source : `${item.error.code}:${item.error.source}`))).toEqual([
      `not-found:${join(tree.root, 'd/broken.txt')}`,
      join(tree.root, 'd/inner/page.txt'),
      join(tree.root, 'd/link.txt'),
    ]);
  });

  it('yields pages lazily, one file at a time', async () => {
    await tree.write('d/a.txt', 'a');
    await tree.write('d/b.txt', 'b');
    const iterator = readInputs([join(tree.root, 'd')]);
    const first = await iterator.next();
    expect(first.done).toBe(false);
    // Files not yet reached may change before the consumer asks for them.
    await tree.write('d/b.txt', 'b, rewritten');
    const second = await iterator.next();
    expect(second.value && second.value.ok && second.value.page.text).toBe('b, rewritten');
  });

  it('walks an empty directory to nothing', async () => {
    await mkdir(join(tree.root, 'empty'));
    expect(await collect(readInputs([join(tree.root, 'empty')]))).toEqual([]);
  });
});
