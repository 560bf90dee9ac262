/**
 * The HTTP API over one corpus, and the web app beside it. Routes are declared with their zod
 * schemas (schemas.ts): requests are validated at the boundary and GET /api/openapi.json is
 * generated from the same declarations. The app is a plain Hono object: tests call
 * `app.request()` without a socket; `serve.ts` puts it on a port.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { filterEntities, type Memo, noMemo, outletNamed } from '../store/browse.js';
import type { Store } from '../store/open.js';
import { AnswerCache, type CacheOptions } from './cache.js';
import { errorBody, errorResponse, handleError } from './errors.js';
import { JobQueue, type JobOptions, type PageRequest } from './jobs.js';
import { createReaders } from './readers.js';
import { page, slice } from './reads.js';
import * as S from './schemas.js';
import { access, sameOriginWrites, securityHeaders } from './security.js';
import { webApp } from './static.js';

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface AppOptions {
  /** Bearer token every request must carry; null on a loopback server without one. */
  token?: string | null;
  /** Folder of the built web app (web/dist by default). */
  webRoot?: string;
  /** Largest request body, bytes (413 above it). */
  maxBodyBytes?: number;
  /** Ingest jobs: worker threads, fetch limits. */
  jobs?: Partial<JobOptions>;
  /** Reader threads for SQLite files (see readers.ts); 0 reads in the main thread. */
  readers?: number;
  /** Tests only: the reader thread's module (the TypeScript source, run through tsx). */
  readerFile?: string;
  /** Answers kept until the corpus changes (see cache.ts); `{ maxEntries: 0 }` turns it off. */
  cache?: CacheOptions;
  /** Where the server logs what clients are not told (stack traces, database causes). */
  log?: (line: string) => void;
  /** The corpus's postgres:// URL, password included, for the shared queue; absent on SQLite. */
  queueUrl?: string | null;
}

/** What the middleware hands the routes: the memo for the corpus state being answered. */
export type ServeEnv = {
  Variables: {
    memo: Memo | undefined;
    /** The answer's JSON text when the route wrote it as text, so the cache need not read the body back. */
    answerText: string | undefined;
  };
};

export interface ServedApp {
  app: OpenAPIHono<ServeEnv>;
  jobs: JobQueue;
  /** Reader threads answering reads (0: the main thread). */
  readers: number;
  close(): Promise<void>;
}

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const errors = {
  400: json(S.ErrorBody, 'invalid request'),
  401: json(S.ErrorBody, 'token missing or wrong'),
  503: json(S.ErrorBody, 'the database failed'),
};
const notFound = { 404: json(S.ErrorBody, 'not found') };

/** A paged list: `{ items, limit, offset }` of `item`, filtered by `query`. */
function listRoute<Q extends z.ZodObject, I extends z.ZodType>(path: string, summary: string, query: Q, item: I, name: string) {
  return createRoute({ method: 'get', path, summary, request: { query }, responses: { 200: json(S.pageOf(item, name), summary), ...errors } });
}

/** One thing by ID, or 404. */
function itemRoute<P extends z.ZodObject, R extends z.ZodType>(path: string, summary: string, params: P, answer: R) {
  return createRoute({ method: 'get', path, summary, request: { params }, responses: { 200: json(answer, summary), ...errors, ...notFound } });
}

/** The corpus-state memo the cache middleware put on the request, or none (cache off). */
function memoOf(c: Context<ServeEnv>): Memo | undefined {
  return c.get('memo');
}

/**
 * Outlets listed whole, then paged here: there are few, but counting them reads every article,
 * so the whole list is computed once per corpus state and shared by concurrent requests.
 */
const MAX_OUTLETS = 100_000;

/** Answers about one story or one article (see the cache middleware). */
const SINGLE_ITEM = /^\/api\/(?:stories|articles)\/\d+$/;

/**
 * An answer already written as JSON (in a reader thread, or a stored story page), sent as it is.
 * Typed as the route's answer, which the text is.
 */
function jsonText(c: Context<ServeEnv>, text: string): never {
  c.set('answerText', text);
  return c.body(text, 200, { 'Content-Type': 'application/json; charset=utf-8' }) as never;
}

function validationMessage(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const where = issue.path.join('.');
      return where && !issue.message.startsWith(where) ? `${where}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

export function createApp(store: Store, options: AppOptions = {}): ServedApp {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const cache = new AnswerCache(store, options.cache);
  const readers = createReaders(store, store.target, options.readers ?? 0, options.readerFile);
  const jobs = new JobQueue(store, {
    workers: 0,
    log,
    ...options.jobs,
    onWrite: () => {
      cache.invalidate();
      options.jobs?.onWrite?.();
    },
  });
  const app = new OpenAPIHono<ServeEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return c.json(errorBody('validation', validationMessage(result.error)), 400);
    },
  });

  app.use('*', securityHeaders());
  app.use('*', access(options.token ?? null));
  app.use('*', sameOriginWrites());
  app.use('/api/*', async (c, next) => {
    // Job and queue states change without a page being added: never cached.
    if (c.req.method !== 'GET' || !cache.enabled || c.req.path.startsWith('/api/jobs/') || c.req.path.startsWith('/api/queue')) {
      await next();
      c.res.headers.set('Cache-Control', 'no-store');
      return;
    }
    const generation = await cache.current();
    // Revalidated by the browser on every use (no-cache), answered 304 while the corpus is unchanged.
    const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache', ETag: cache.etag(generation) };
    if (c.req.header('if-none-match') === headers.ETag) return c.body(null, 304, headers);
    c.set('memo', cache.memo(generation));
    const key = c.req.url.slice(c.req.url.indexOf('/api/'));
    const body = cache.get(key, generation);
    if (body === null) {
      await next();
      if (c.res.status !== 200) {
        c.res.headers.set('Cache-Control', 'no-store');
        return;
      }
      // One story or article is a single indexed read: keeping every one seen would only churn
      // the memory that the shared lists (stories, search, entities, outlets) are kept in.
      if (!SINGLE_ITEM.test(c.req.path)) cache.set(key, generation, c.get('answerText') ?? (await c.res.clone().text()));
      for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
      return;
    }
    c.res = undefined;
    c.res = new Response(body, { status: 200, headers });
  });
  app.onError((error, c) => handleError(error, c, store.target, log));

  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  app.use(
    '/api/pages',
    bodyLimit({ maxSize: maxBody, onError: (c) => errorResponse(c, 413, 'too_large', `request body larger than ${maxBody} bytes`) }),
  );

  app.openapi(listRoute('/api/stories', 'Stories, newest activity first', S.StoriesQuery, S.StorySummary, 'StoryPage'), async (c) => {
    const q = c.req.valid('query');
    return jsonText(c, await readers.run({ op: 'stories', args: q }));
  });

  app.openapi(
    itemRoute('/api/stories/{id}', 'One story: outlets and genre mix, key entities, timeline, who said what, articles (a merged ID answers with the story it was merged into)', S.StoryParams, S.StoryDetail),
    async (c) => {
      const { id } = c.req.valid('param');
      const story = await readers.run({ op: 'story', args: id });
      return story === null ? c.json(errorBody('not_found', `no story #${id}`), 404) : jsonText(c, story);
    },
  );

  app.openapi(listRoute('/api/timeline', 'Dated events across articles (one event per happening, conflicting dates flagged), by date', S.TimelineQuery, S.TimelineEvent, 'TimelinePage'), async (c) => {
    const q = c.req.valid('query');
    return jsonText(c, await readers.run({ op: 'timeline', args: q }));
  });

  app.openapi(listRoute('/api/quotes', 'Who said what, grouped by speaker, most quoted first', S.QuotesQuery, S.SpeakerQuotes, 'QuotesPage'), async (c) => {
    const q = c.req.valid('query');
    return jsonText(c, await readers.run({ op: 'quotes', args: q }));
  });

  app.openapi(listRoute('/api/search', 'Ranked full-text search with highlighted snippets, best first', S.SearchQuery, S.SearchHit, 'SearchPage'), async (c) => {
    const { q, ...filters } = c.req.valid('query');
    return jsonText(c, await readers.run({ op: 'search', args: { q, filters } }));
  });

  app.openapi(
    listRoute('/api/entities', 'People, organisations, places and groups with the number of articles mentioning each, most first', S.EntitiesQuery, S.EntitySummary, 'EntityPage'),
    async (c) => {
      const q = c.req.valid('query');
      // Computed once per corpus state in a reader thread, shared by concurrent requests.
      const all = await (memoOf(c) ?? noMemo)('entities', () => readers.run({ op: 'entities', args: undefined }));
      return c.json(page(filterEntities(all, q), q.limit, q.offset), 200);
    },
  );

  app.openapi(listRoute('/api/articles', 'Articles, newest first', S.ArticlesQuery, S.ArticleSummary, 'ArticlePage'), async (c) => {
    const { outlet, ...q } = c.req.valid('query');
    // Outlet spellings are resolved here, from the names remembered for this corpus state.
    const outlets = outlet ? await outletNamed(store, outlet, memoOf(c)) : null;
    if (outlets?.length === 0) return c.json(page([], q.limit, q.offset), 200);
    return jsonText(c, await readers.run({ op: 'articles', args: { ...q, outlets } }));
  });

  app.openapi(
    itemRoute('/api/articles/{id}', 'One article: clean text, paragraphs, analysis with offsets into the text, provenance and what was removed from its page', S.ArticleParams, S.ArticleDetail),
    async (c) => {
      const { id } = c.req.valid('param');
      const article = await readers.run({ op: 'article', args: id });
      return article === null ? c.json(errorBody('not_found', `no article #${id}`), 404) : jsonText(c, article);
    },
  );

  app.openapi(listRoute('/api/outlets', 'Outlets with article, copy and story counts and their genre mix, most articles first', S.PageQuery, S.OutletSummary, 'OutletPage'), async (c) => {
    const q = c.req.valid('query');
    const all = await (memoOf(c) ?? noMemo)('outlets', () => readers.run({ op: 'outlets', args: { limit: MAX_OUTLETS, offset: 0 } }));
    return c.json(slice(all, q.limit, q.offset), 200);
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/pages',
      summary: 'Add pages: pasted text or HTML, a page or feed URL, or uploaded files. Starts an ingest job.',
      request: {
        body: {
          // Not `required`: with two media types that would run both validators on every body.
          content: {
            'application/json': { schema: S.PagesJsonBody },
            'multipart/form-data': { schema: S.PagesFormBody },
          },
        },
      },
      responses: {
        202: json(z.object({ job: S.Job }).openapi('JobAccepted'), 'the job started; poll GET /api/jobs/{id}'),
        ...errors,
        403: json(S.ErrorBody, 'cross-site request'),
        413: json(S.ErrorBody, 'body too large'),
        415: json(S.ErrorBody, 'neither JSON nor multipart'),
      },
    }),
    async (c) => {
      const request = await pageRequest(c);
      if ('error' in request) return c.json(errorBody('validation', request.error), 400);
      const job = jobs.submit(request);
      c.header('Location', `/api/jobs/${job.id}`);
      return c.json({ job }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/jobs/{id}',
      summary: 'An ingest job and its counters',
      request: { params: S.JobParams },
      responses: { 200: json(S.Job, 'the job'), ...errors, ...notFound },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const job = jobs.get(id);
      if (!job) return c.json(errorBody('not_found', `no job ${id} (jobs are kept in memory until the server stops)`), 404);
      return c.json(job, 200);
    },
  );

  const queue = sharedQueue(store, options.queueUrl ?? null, log);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/queue',
      summary: 'The shared ingest queue of a PostgreSQL corpus: depth per stage, throughput, oldest waiting job, dead letters with reasons',
      responses: { 200: json(S.QueueAnswer, 'the queue, or why there is none'), ...errors },
    }),
    async (c) => c.json(await queue.status(), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/queue/retry',
      summary: 'Puts dead-lettered jobs (all, or the IDs given) back in line',
      request: { body: { content: { 'application/json': { schema: S.RetryBody } } } },
      responses: {
        200: json(z.object({ retried: z.number().int() }).openapi('Retried'), 'how many jobs were re-queued'),
        ...errors,
        403: json(S.ErrorBody, 'cross-site request'),
        409: json(S.ErrorBody, 'the corpus has no shared queue'),
      },
    }),
    async (c) => {
      const { ids } = c.req.valid('json');
      const retried = await queue.retry(ids ?? null);
      return retried === null ? c.json(errorBody('no_queue', NO_QUEUE), 409) : c.json({ retried }, 200);
    },
  );

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'newsprism', version: '1', description: 'The newsprism corpus over HTTP. Errors are { error: { code, message } }.' },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'needed when the server was started with a token' });

  app.all('/api/*', (c) => errorResponse(c, 404, 'not_found', `no such endpoint: ${c.req.method} ${c.req.path}`));
  const web = webApp(options.webRoot);
  app.all('*', (c) => web(c));

  return {
    app,
    jobs,
    readers: readers.threads,
    async close() {
      await jobs.close();
      await readers.close();
      await queue.close();
    },
  };
}

const NO_QUEUE = 'This corpus is an SQLite file: the shared queue needs PostgreSQL (newsprism add --queue --db postgres://…, newsprism worker)';

/**
 * The queue of a PostgreSQL corpus, loaded on first use (pg-boss is started only to re-queue
 * jobs, and stopped with the server).
 */
function sharedQueue(store: Store, url: string | null, log: (line: string) => void) {
  let boss: Promise<import('../queue/boss.js').PgBoss> | null = null;
  return {
    async status(): Promise<z.infer<typeof S.QueueAnswer>> {
      if (url === null) return { available: false, reason: NO_QUEUE };
      const { readQueueStatus } = await import('../queue/status.js');
      const { target: _target, ...status } = await readQueueStatus(store);
      return { available: true, ...status };
    },
    async retry(ids: string[] | null): Promise<number | null> {
      if (url === null) return null;
      const { startBoss } = await import('../queue/boss.js');
      const { retryDead } = await import('../queue/status.js');
      boss ??= startBoss(url, (error) => log(`newsprism: queue: ${error.message.split('\n')[0]}`), { supervise: false }).catch((error: unknown) => {
        boss = null;
        throw error;
      });
      return retryDead(store, await boss, ids);
    },
    async close() {
      const started = await boss?.catch(() => null);
      await started?.stop({ graceful: false, wait: true, timeout: 5000 }).catch(() => undefined);
    },
  };
}

/** The validated body as an ingest request, or a message for a 400. */
async function pageRequest(c: Context): Promise<PageRequest | { error: string }> {
  const type = c.req.header('content-type') ?? '';
  if (/^multipart\/form-data/i.test(type)) {
    const form = (c.req as unknown as { valid(target: 'form'): Record<string, unknown> }).valid('form');
    const files: { name: string; bytes: Uint8Array }[] = [];
    for (const value of Object.values(form).flat()) {
      if (value instanceof File) files.push({ name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
    }
    if (files.length === 0) return { error: 'no file in the upload (send one or more files as multipart/form-data)' };
    return { kind: 'files', files };
  }
  if (!/^application\/(?:[\w.+-]+\+)?json/i.test(type)) return { error: 'send JSON ({ text }, { html } or { url }) or files as multipart/form-data' };
  const body = (c.req as unknown as { valid(target: 'json'): z.infer<typeof S.PagesJsonBody> }).valid('json');
  if (body.url !== undefined) return { kind: 'url', url: body.url, published: body.published };
  if (body.html !== undefined) return { kind: 'paste', format: 'html', text: body.html, name: body.name, published: body.published };
  if (body.text !== undefined) return { kind: 'paste', format: 'text', text: body.text, name: body.name, published: body.published };
  return { error: 'send exactly one of text, html or url' };
}
