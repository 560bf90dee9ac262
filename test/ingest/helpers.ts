import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import type { IngestItem } from '../../src/ingest/index.js';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  port: number;
  origin: string;
  /** Request paths in arrival order, to prove a refused URL was never requested. */
  hits: string[];
  route: (path: string, handler: Handler) => void;
  close: () => Promise<void>;
}

/** A loopback-only HTTP server whose routes tests register per case. */
export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.push(path);
    const handler = routes.get(path.split('?')[0] ?? path);
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    hits,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface TempTree {
  root: string;
  /** Writes a file under the root, creating parent folders. */
  write: (relative: string, content: string | Uint8Array) => Promise<string>;
  remove: () => Promise<void>;
}

export async function tempTree(): Promise<TempTree> {
  const root = await mkdtemp(join(tmpdir(), 'newsprism-ingest-'));
  return {
    root,
    write: async (relative, content) => {
      const path = join(root, relative);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
      return path;
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

export async function collect(items: AsyncIterable<IngestItem>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Concatenates byte pieces; handy for building files with exact byte content. */
export function bytes(...parts: (number[] | Uint8Array | string)[]): Uint8Array {
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));
}

/** Asserts an item failed and returns its error. */
export function failure(item: IngestItem | undefined) {
  if (!item || item.ok) throw new Error(`expected a failed item, got ${JSON.stringify(item)}`);
  return item.error;
}

/** Asserts an item succeeded and returns its page. */
export function success(item: IngestItem | undefined) {
  if (!item || !item.ok) throw new Error(`expected a page, got ${item ? item.error.message : 'nothing'}`);
  return item.page;
}

export const RUSSIAN_ARTICLE = [
  'Москва. В понедельник правительство объявило о новых мерах поддержки экономики, которые вступят в силу с начала следующего месяца.',
  'По словам министра финансов, программа рассчитана на три года и затронет прежде всего малый и средний бизнес в регионах.',
  'Эксперты считают, что снижение налоговой нагрузки поможет компаниям сохранить рабочие места, однако предупреждают о рисках для бюджета.',
  'Опрошенные журналисты предприниматели встретили новость сдержанно: многие из них ждут подробностей о порядке получения льгот.',
].join('\n\n');

export const JAPANESE_ARTICLE = [
  '東京都は月曜日、新しい経済対策を発表した。専門家によると、これは中小企業を支援するものだ。',
  '知事は記者会見で「地域の雇用を守ることが最優先だ」と述べ、来月から申請の受け付けを始める考えを示した。',
  '一方、野党からは財源の説明が不十分だとの批判も出ている。',
].join('\n');

export interface WarcEntry {
  type: 'warcinfo' | 'request' | 'response' | 'metadata' | 'revisit' | 'resource';
  url?: string;
  date?: string;
  statusline?: string;
  httpHeaders?: Record<string, string>;
  body?: Uint8Array | string;
}

/** Serialises records with warcio's own writer; gzip gives one gzip member per record, as crawlers do. */
export async function buildWarc(entries: WarcEntry[], gzip = false): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    const body = typeof entry.body === 'string' ? Buffer.from(entry.body, 'utf8') : (entry.body ?? new Uint8Array());
    const payload = (async function* () {
      yield body;
    })();
    const record =
      entry.type === 'warcinfo'
        ? WARCRecord.createWARCInfo({ filename: 'test.warc', date: entry.date ?? '2026-03-01T00:00:00Z' }, { software: 'newsprism tests' })
        : WARCRecord.create(
            {
              type: entry.type,
              url: entry.url,
              date: entry.date ?? '2026-03-01T00:00:00Z',
              statusline: entry.statusline,
              httpHeaders: entry.httpHeaders,
              warcHeaders: { 'WARC-Record-ID': `<urn:uuid:00000000-0000-4000-8000-${String(parts.length).padStart(12, '0')}>` },
            },
            payload,
          );
    parts.push(await WARCSerializer.serialize(record, { gzip }));
  }
  return Buffer.concat(parts);
}
