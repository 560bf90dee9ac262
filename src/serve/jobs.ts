/**
 * Ingest jobs started over HTTP: pasted text or HTML, a page or feed URL, or uploaded files. A
 * job is the CLI's `add` (addItems: worker-thread preparation, one transaction per page) fed by
 * an items source built here; jobs run one at a time, in order, so two jobs never link stories
 * against each other's half-written state. Counters move while a job runs (read from the
 * per-page lines `add` writes) and are replaced by its summary when it ends.
 */
import { createHash, randomUUID } from 'node:crypto';
import { PassThrough, Readable, Writable } from 'node:stream';
import { addItems } from '../cli/add.js';
import type { Io } from '../cli/io.js';
import { decodeBytes, type IngestItem, type IngestOptions, InputError, isInputError, readInputs, sniffFormat } from '../ingest/index.js';
import { sniffFeed } from '../ingest/feed-parse.js';
import { readFeed } from '../ingest/feeds.js';
import { readWarcBytes, sniffWarc } from '../ingest/warc.js';
import type { DecodedPage, PageFormat } from '../model.js';
import { describeStoreError, type Store } from '../store/open.js';
import type { JobStatus } from './schemas.js';

export type PageRequest =
  | { kind: 'paste'; format: PageFormat; text: string; name?: string | undefined; published?: string | undefined }
  | { kind: 'url'; url: string; published?: string | undefined }
  | { kind: 'files'; files: { name: string; bytes: Uint8Array }[] };

export interface JobOptions {
  /** Worker threads that clean and analyse (0: in the main thread). */
  workers: number;
  /** Limits and guards for fetching URLs (the private-address guard stays on unless a test turns it off). */
  ingest?: IngestOptions;
  /** Jobs remembered for GET /api/jobs/:id; the oldest finished ones are forgotten first. */
  keep?: number;
  /** Called whenever a job stores a page, so cached answers can be dropped. */
  onWrite?: () => void;
  log?: (line: string) => void;
}

const COUNTERS = { added: 'added', duplicate: 'duplicates', updated: 'updated', unchanged: 'unchanged', failed: 'failed' } as const;
const PROGRESS_LINE = /^(added|duplicate|updated|unchanged|failed)\s+(.*?)(?: → story \d+)?$/;

/** A file name as a source: the last path part, without control characters. */
export function uploadSource(name: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return `upload:${base || 'file'}`;
}

export function pasteSource(text: string, name?: string): string {
  return `paste:${name ?? createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
}

function asInputError(error: unknown, source: string): InputError {
  if (isInputError(error)) return error;
  return new InputError('decode', source, error instanceof Error ? error.message : String(error));
}

/** The pages in one uploaded file: a WARC's responses, a feed's items, or the page itself. */
async function* filePages(name: string, bytes: Uint8Array, options: IngestOptions): AsyncGenerator<IngestItem> {
  const source = uploadSource(name);
  try {
    if (sniffWarc(bytes)) {
      yield* readWarcBytes(bytes, source, options);
      return;
    }
    const { text, encoding } = decodeBytes(bytes, { source });
    if (sniffFeed(text)) {
      yield* readFeed(text, source, { ...options, url: null, encoding });
      return;
    }
    yield { ok: true, page: { context: { source, url: null, published: options.published ?? null, fetched: null }, format: sniffFormat(text, { path: name }), text, encoding } };
  } catch (error) {
    yield { ok: false, error: asInputError(error, source) };
  }
}

export async function* requestItems(request: PageRequest, options: IngestOptions): AsyncGenerator<IngestItem> {
  if (request.kind === 'paste') {
    const page: DecodedPage = {
      context: { source: pasteSource(request.text, request.name), url: null, published: request.published ?? null, fetched: null },
      format: request.format,
      text: request.text.replace(/^\ufeff/, ''),
      encoding: 'utf-8',
    };
    yield { ok: true, page };
  } else if (request.kind === 'url') {
    // readInputs treats anything that is not http(s) as a path: the schema admits http(s) URLs only, and this checks again.
    if (!/^https?:\/\//i.test(request.url)) {
      yield { ok: false, error: new InputError('unsupported-scheme', request.url, 'only http and https URLs are accepted') };
      return;
    }
    yield* readInputs([request.url], { ...options, published: request.published ?? options.published ?? null });
  } else {
    for (const file of request.files) {
      yield* filePages(file.name, file.bytes, options);
      // Between files, let the server answer requests even when pages are prepared in this thread.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

interface Job {
  status: JobStatus;
  request: PageRequest;
}

/** A stream that hands each complete line to `line`. */
function lineSink(line: (text: string) => void): Writable {
  let rest = '';
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      rest += chunk.toString();
      const lines = rest.split('\n');
      rest = lines.pop()!;
      for (const l of lines) line(l);
      done();
    },
  });
}

export class JobQueue {
  private readonly jobs = new Map<string, Job>();
  private tail: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly stop = new AbortController();

  constructor(
    private readonly store: Store,
    private readonly options: JobOptions,
  ) {}

  submit(request: PageRequest, now: Date = new Date()): JobStatus {
    if (this.closed) throw new Error('the server is shutting down');
    const status: JobStatus = {
      id: randomUUID(),
      state: 'queued',
      added: 0,
      duplicates: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      failures: [],
      stories: 0,
      error: null,
      started: now.toISOString(),
      finished: null,
    };
    const job: Job = { status, request };
    this.jobs.set(status.id, job);
    this.forgetOld();
    this.tail = this.tail.then(() => this.run(job));
    return { ...status };
  }

  get(id: string): JobStatus | null {
    const job = this.jobs.get(id);
    return job ? { ...job.status, failures: [...job.status.failures] } : null;
  }

  /** Resolves when every submitted job has ended. */
  idle(): Promise<void> {
    return this.tail;
  }

  /** Refuses new jobs, stops the running one after the page being stored, and waits for it. */
  async close(): Promise<void> {
    this.closed = true;
    this.stop.abort();
    await this.tail;
  }

  private forgetOld(): void {
    const keep = this.options.keep ?? 200;
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= keep) break;
      if (job.status.state === 'done' || job.status.state === 'failed') this.jobs.delete(id);
    }
  }

  private async run(job: Job): Promise<void> {
    const { status } = job;
    status.state = 'running';
    let lastFailed: string | null = null;
    const stderr = lineSink((line) => {
      const progress = PROGRESS_LINE.exec(line);
      if (progress) {
        const counter = COUNTERS[progress[1] as keyof typeof COUNTERS];
        status[counter]++;
        lastFailed = counter === 'failed' ? progress[2]! : null;
        if (counter !== 'failed') this.options.onWrite?.();
        return;
      }
      const prefix = lastFailed !== null ? `newsprism: ${lastFailed}: ` : null;
      if (prefix && line.startsWith(prefix) && status.failures.length < 1000) {
        status.failures.push({ source: lastFailed!, reason: line.slice(prefix.length) });
        lastFailed = null;
      }
    });
    const io: Io = { stdout: new PassThrough(), stderr, stdin: Readable.from([]) };
    try {
      const summary = await addItems(this.store, requestItems(job.request, this.options.ingest ?? {}), { ...(this.options.ingest ?? {}), workers: this.options.workers, json: false, signal: this.stop.signal }, io);
      Object.assign(status, {
        added: summary.added,
        duplicates: summary.duplicates,
        updated: summary.updated,
        unchanged: summary.unchanged,
        failed: summary.failed,
        failures: summary.failures,
        stories: summary.stories,
      });
      status.state = summary.interrupted ? 'failed' : 'done';
      if (summary.interrupted) status.error = 'interrupted: the server stopped; add the rest again';
    } catch (error) {
      status.state = 'failed';
      status.error = describeStoreError(error, this.store.target).message;
      this.options.log?.(`newsprism serve: job ${status.id} failed: ${status.error}`);
    } finally {
      status.finished = new Date().toISOString();
      job.request = { kind: 'files', files: [] };
      this.options.onWrite?.();
    }
  }
}
