/**
 * The CLI contract end to end, in process: inputs of every kind, the JSON Lines shape,
 * one clear stderr line per bad input, and exit codes (0 ok, 1 some input failed, 2 usage).
 */
import { mkdtempSync, readFileSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './run.js';
import type { PageResult } from '../../src/model.js';

const FIXTURES = new URL('../fixtures/pages/', import.meta.url).pathname;
const ARTICLE_TEXT = readFileSync(join(FIXTURES, 'text-outlet--kesworth-bin-collections.txt'), 'utf8');


function pages(out: string): PageResult[] {
  return out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as PageResult);
}

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsprism-cli-'));
  server = createServer((req, res) => {
    if (req.url === '/story') {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' });
      res.end(iconv.encode('<html><head><title>Новости</title></head><body><h1>Совет одобрил бюджет</h1><p>Городской совет в среду одобрил бюджет на следующий год после долгих споров о расходах на транспорт и школы.</p></body></html>', 'win1251'));
    } else if (req.url === '/loop') {
      res.writeHead(302, { location: '/loop' });
      res.end();
    } else if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 5000).unref();
    } else {
      res.writeHead(404);
      res.end('missing');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('newsprism extract', () => {
  it('prints one JSON line per page with the contract fields', async () => {
    const { code, out } = await run(['extract', '--json', join(FIXTURES, 'text-outlet--kesworth-bin-collections.txt')]);
    expect(code).toBe(0);
    const [page] = pages(out);
    expect(page!.format).toBe('text');
    const main = page!.articles[0]!;
    const contract = ['authors', 'dek', 'id', 'language', 'outlet', 'paragraphs', 'published', 'role', 'text', 'title', 'url'];
    const analysis = ['entities', 'quotes', 'dates', 'numbers', 'genre', 'genreSignals', 'note'];
    expect(Object.keys(main).sort()).toEqual([...contract, ...analysis].sort());
    for (const q of main.quotes!) expect(main.text.slice(q.start, q.end).length).toBeGreaterThan(0);
    expect(main.role).toBe('main');
    expect(main.title).toBe('Fortnightly bin collections approved despite protest at town hall');
    for (const span of main.paragraphs) expect(main.text.slice(span.start, span.end).trim().length).toBeGreaterThan(0);
    expect(page!.removed.every((r) => r.rule && r.reason && r.text)).toBe(true);
  });

  it('skips analysis with --no-analyze, and analyses plain text with offsets into the input', async () => {
    const { out } = await run(['extract', '--no-analyze', join(FIXTURES, 'text-outlet--kesworth-bin-collections.txt')]);
    expect(pages(out)[0]!.articles[0]!.entities).toBeUndefined();
    const text = 'Mayor Sarah Whitlock said on Friday the vote was "a disgrace." More than 400 residents had written to her.';
    const analysed = await run(['analyze', '--json', '--published', '2026-03-09', '-'], text);
    expect(analysed.code).toBe(0);
    const result = JSON.parse(analysed.out) as { quotes: { start: number; end: number; speaker: { name: string } | null }[]; dates: { text: string; value: string }[] };
    const quote = result.quotes.find((q) => text.slice(q.start, q.end).includes('disgrace'))!;
    expect(quote.speaker?.name).toBe('Sarah Whitlock');
    expect(result.dates.find((d) => d.text.includes('Friday'))?.value).toBe('2026-03-06');
    expect((await run(['analyze', '--published', 'friday', '-'], text)).code).toBe(2);
  });

  it('reads stdin with -, and --published sets a given date', async () => {
    const { code, out } = await run(['extract', '--published', '2026-03-09', '-'], ARTICLE_TEXT);
    expect(code).toBe(0);
    const [page] = pages(out);
    expect(page!.source).toBe('-');
    expect(page!.articles[0]!.published).toMatchObject({ date: '2026-03-09', basis: 'given' });
  });

  it('resolves relative stamps against --fetched', async () => {
    const page = 'Ferry services cancelled as gales hit the coast\nThe Daily Ledger3 hours ago\nFerry operators cancelled all sailings on Friday as gusts of up to 80mph hit the west coast, stranding hundreds of passengers at the terminals.';
    const { out } = await run(['extract', '--fetched', '2026-03-14T01:30:00Z', '-'], page);
    expect(pages(out)[0]!.articles[0]!.published).toEqual({ text: '3 hours ago', date: '2026-03-13', basis: 'relative' });
    expect(pages(out)[0]!.articles[0]!.outlet).toBe('The Daily Ledger');
  });

  it('walks directories recursively and prints text with --format text', async () => {
    const nested = join(dir, 'walk', 'deeper');
    mkdirSync(nested, { recursive: true });
    writeFileSync(join(dir, 'walk', 'a.txt'), ARTICLE_TEXT);
    writeFileSync(join(nested, 'b.html'), readFileSync(join(FIXTURES, 'html-jsonld--metro-signal-bus-strike.html')));
    const { code, out } = await run(['extract', '--format', 'text', join(dir, 'walk')]);
    expect(code).toBe(0);
    expect(out).toContain('# Fortnightly bin collections approved despite protest at town hall');
    expect(out.match(/^=== /gm)).toHaveLength(2);
  });

  it('reports each bad input on one stderr line, goes on with the rest, and exits 1', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'image.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(dir, 'huge.txt'), '');
    truncateSync(join(dir, 'huge.txt'), 200 * 1024 * 1024);
    writeFileSync(join(dir, 'good.txt'), ARTICLE_TEXT);
    const inputs = ['empty.txt', 'image.html', 'huge.txt', 'missing.txt', 'good.txt'].map((f) => join(dir, f));
    const { code, out, err } = await run(['extract', ...inputs]);
    expect(code).toBe(1);
    expect(pages(out)).toHaveLength(1);
    const lines = err.trim().split('\n');
    for (const name of ['empty.txt', 'image.html', 'huge.txt', 'missing.txt']) {
      expect(lines.filter((l) => l.includes(name))).toHaveLength(1);
    }
    expect(lines.at(-1)).toMatch(/1 page\(s\) extracted, 4 failed/);
  });

  it('decodes mis-encoded pages to correct UTF-8 (UTF-16, Windows-1251, invalid UTF-8)', async () => {
    const sentence = 'The council approved the budget on Wednesday after a long debate about buses and schools.';
    writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sentence, 'utf16le')]));
    writeFileSync(join(dir, 'cp1251.txt'), iconv.encode('Городской совет в среду одобрил бюджет на следующий год после долгих споров о расходах.', 'win1251'));
    writeFileSync(join(dir, 'broken.txt'), Buffer.concat([Buffer.from(sentence), Buffer.from([0xc3, 0x28, 0xff])]));
    const { code, out } = await run(['extract', ...['utf16.txt', 'cp1251.txt', 'broken.txt'].map((f) => join(dir, f))]);
    expect(code).toBe(0);
    const [utf16, cp1251, broken] = pages(out);
    expect(utf16!.articles[0]!.text).toBe(sentence);
    expect(cp1251!.articles[0]!.text).toContain('Городской совет');
    expect(cp1251!.articles[0]!.language).toBe('ru');
    expect(broken!.articles[0]!.text).toContain('buses and schools');
  });

  it('survives truncated and 100k-deep HTML', async () => {
    writeFileSync(join(dir, 'truncated.html'), readFileSync(join(FIXTURES, 'html-jsonld--metro-signal-bus-strike.html'), 'utf8').slice(0, 3000));
    writeFileSync(join(dir, 'deep.html'), `<html><body>${'<div>'.repeat(100_000)}<p>Deep text that should still come out of the page as a paragraph of its own.</p></body></html>`);
    const started = Date.now();
    const { code, out } = await run(['extract', join(dir, 'truncated.html'), join(dir, 'deep.html')]);
    expect(code).toBe(0);
    expect(pages(out)[1]!.articles[0]!.text).toContain('Deep text');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('fetches URLs only when private addresses are allowed, with charset, 404, loops and timeouts', async () => {
    const refused = await run(['extract', `${base}/story`]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/127\.0\.0\.1.*(non-public|private)/);
    const { code, out, err } = await run(['extract', '--allow-private', '--timeout', '1', `${base}/story`, `${base}/nothing`, `${base}/loop`, `${base}/slow`]);
    expect(code).toBe(1);
    const [page] = pages(out);
    expect(page!.source).toBe(`${base}/story`);
    expect(page!.articles[0]!.title).toBe('Совет одобрил бюджет');
    expect(err).toMatch(/nothing.*404/);
    expect(err).toMatch(/loop.*redirect/i);
    expect(err).toMatch(/slow.*within 1 s/);
  });

  it('exits 2 on usage errors', async () => {
    expect((await run(['extract'])).code).toBe(2);
    expect((await run(['extract', '--published', 'yesterday', 'x.txt'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['--help'])).code).toBe(0);
    const version = await run(['--version']);
    expect(version.code).toBe(0);
    expect(version.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
