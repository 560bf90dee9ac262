/**
 * The API's boundary: zod schemas for every query, path parameter, body and answer. The routes
 * validate requests with them and the OpenAPI document (GET /api/openapi.json) is generated from
 * them, so the documentation cannot drift from what the server accepts. Response schemas are
 * checked against the store's types at compile time (the handlers must return what they declare).
 */
import { z } from '@hono/zod-openapi';

export const MAX_LIMIT = 500;

/** A whole number in a query string or path: digits only ("1e3", " 5", "0x10" are refused). */
const digits = z.string().regex(/^\d{1,9}$/, 'expected a whole number');

function limitParam(fallback: number) {
  return digits
    .optional()
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .pipe(z.number().int().min(1, 'limit must be at least 1').max(MAX_LIMIT, `limit must be at most ${MAX_LIMIT}`))
    .openapi({ param: { name: 'limit', in: 'query' }, type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: fallback, description: 'how many items' });
}

const offsetParam = digits
  .optional()
  .transform((v) => (v === undefined ? 0 : Number(v)))
  .openapi({ param: { name: 'offset', in: 'query' }, type: 'integer', minimum: 0, default: 0, description: 'items to skip' });

export const idSchema = (name: string, what: string) =>
  digits
    .transform(Number)
    .pipe(z.number().int().min(1, `${name} must be a positive integer`))
    .openapi({ param: { name, in: 'path' }, type: 'integer', minimum: 1, description: what });

const storyFilter = digits
  .transform(Number)
  .pipe(z.number().int().min(1, 'story must be a positive integer'))
  .optional()
  .openapi({ param: { name: 'story', in: 'query' }, type: 'integer', minimum: 1, description: 'only this story (merged IDs redirect)' });

function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const day = (name: string, description: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name} must be a date, YYYY-MM-DD`)
    .refine(isCalendarDate, `${name} is not a calendar date`)
    .optional()
    .openapi({ param: { name, in: 'query' }, format: 'date', description });

const text = (name: string, description: string, max = 200) =>
  z.string().trim().min(1, `${name} must not be empty`).max(max, `${name} is longer than ${max} characters`).optional().openapi({ param: { name, in: 'query' }, description });

// ---- queries ----

export const StoriesQuery = z.object({
  since: day('since', 'only stories active on or after this day'),
  entity: text('entity', 'only stories mentioning this person, organisation or place (spelling variants match)'),
  outlet: text('outlet', 'only stories this outlet covered (any case)'),
  limit: limitParam(50),
  offset: offsetParam,
});

export const TimelineQuery = z.object({
  story: storyFilter,
  entity: text('entity', 'only articles mentioning this entity'),
  limit: limitParam(50),
  offset: offsetParam,
});

export const QuotesQuery = z.object({
  speaker: text('speaker', 'only this speaker (spelling variants match)'),
  story: storyFilter,
  limit: limitParam(50),
  offset: offsetParam,
});

export const SearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'q (the words to look for) is required')
    .max(500, 'q is longer than 500 characters')
    .openapi({ param: { name: 'q', in: 'query', required: true }, description: 'words to look for (plain words, not query syntax)' }),
  outlet: text('outlet', 'only this outlet'),
  since: day('since', 'published on or after'),
  until: day('until', 'published on or before'),
  entity: text('entity', 'only articles mentioning this entity'),
  story: storyFilter,
  limit: limitParam(20),
  offset: offsetParam,
});

export const EntitiesQuery = z.object({
  q: text('q', 'part of the name, any case'),
  type: z.enum(['person', 'organization', 'place', 'group']).optional().openapi({ param: { name: 'type', in: 'query' } }),
  limit: limitParam(50),
  offset: offsetParam,
});

export const ArticlesQuery = z.object({
  story: storyFilter,
  outlet: text('outlet', 'only this outlet (any case)'),
  role: z.enum(['main', 'related']).optional().openapi({ param: { name: 'role', in: 'query' }, description: 'main articles or related-article snippets' }),
  copies: z.enum(['include', 'exclude']).default('include').openapi({ param: { name: 'copies', in: 'query' }, description: 'exclude: leave out copies of other articles' }),
  limit: limitParam(50),
  offset: offsetParam,
});

export const PageQuery = z.object({ limit: limitParam(50), offset: offsetParam });

export const StoryParams = z.object({ id: idSchema('id', 'story ID') });
export const ArticleParams = z.object({ id: idSchema('id', 'article ID') });
export const JobParams = z.object({
  id: z.string().regex(/^[0-9a-f-]{36}$/, 'not a job ID').openapi({ param: { name: 'id', in: 'path' }, description: 'job ID (a UUID)' }),
});

// ---- bodies ----

const name = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'name must not contain control characters')
  .optional()
  .openapi({ description: 'stored as the source paste:<name>; the same name with new content is a new version' });
const published = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'published must be a date, YYYY-MM-DD')
  .refine(isCalendarDate, 'published is not a calendar date')
  .optional()
  .openapi({ description: 'publication date for pages that carry none, YYYY-MM-DD' });

export const PagesJsonBody = z
  .strictObject({
    text: z.string().min(1, 'text must not be empty').optional().openapi({ description: 'a pasted plain-text page' }),
    html: z.string().min(1, 'html must not be empty').optional().openapi({ description: 'a pasted HTML page' }),
    url: z
      .string()
      .max(4000)
      .regex(/^https?:\/\/[^\s]+$/i, 'url must be an http(s) URL')
      .refine((v) => URL.canParse(v), 'url is not a valid URL')
      .optional()
      .openapi({ description: 'a page or feed URL; loopback and private addresses are refused' }),
    name,
    published,
  })
  .superRefine((body, ctx) => {
    const given = (['text', 'html', 'url'] as const).filter((key) => body[key] !== undefined);
    if (given.length !== 1) ctx.addIssue({ code: 'custom', message: 'send exactly one of text, html or url' });
    if (body.url !== undefined && body.name !== undefined) ctx.addIssue({ code: 'custom', path: ['name'], message: 'name is for pasted pages; a URL names itself' });
  })
  .openapi('PagesJson', { description: 'exactly one of text, html or url' });

export const PagesFormBody = z
  .record(z.string(), z.any())
  .openapi('PagesUpload', { type: 'object', description: 'one or more files in any field (page files, feeds, .warc/.warc.gz)', additionalProperties: { type: 'string', format: 'binary' } });

// ---- answers ----

export const ErrorBody = z
  .object({ error: z.object({ code: z.string().openapi({ example: 'not_found' }), message: z.string().openapi({ example: 'no story #12' }) }) })
  .openapi('Error');

export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z.object({ items: z.array(item), limit: z.number().int(), offset: z.number().int() }).openapi(name);
}

export const StorySummary = z
  .object({
    id: z.number().int(),
    label: z.string(),
    first: z.string().nullable(),
    last: z.string().nullable(),
    articles: z.number().int(),
    copies: z.number().int(),
    outlets: z.array(z.string()),
  })
  .openapi('StorySummary');

export const EventMention = z
  .object({
    articleId: z.number().int(),
    outlet: z.string().nullable(),
    published: z.string().nullable(),
    value: z.string(),
    text: z.string(),
    sentence: z.string(),
    start: z.number().int(),
    end: z.number().int(),
  })
  .openapi('EventMention');

export const TimelineEvent = z
  .object({
    id: z.string(),
    date: z.string(),
    summary: z.string(),
    mentions: z.array(EventMention),
    articles: z.array(z.number().int()),
    outlets: z.array(z.string()),
    conflicts: z.array(z.string()).openapi({ description: 'IDs of events on other dates that report the same happening' }),
  })
  .openapi('TimelineEvent');

export const QuoteSource = z
  .object({
    articleId: z.number().int(),
    outlet: z.string().nullable(),
    published: z.string().nullable(),
    source: z.string(),
    start: z.number().int(),
    end: z.number().int(),
  })
  .openapi('QuoteSource');

export const SpeakerQuotes = z
  .object({
    speaker: z.string(),
    entity: z.number().int().nullable(),
    descriptions: z.array(z.string()),
    quotes: z.array(z.object({ text: z.string(), kind: z.string(), sources: z.array(QuoteSource) })),
  })
  .openapi('SpeakerQuotes');

export const ArticleRef = z
  .object({
    id: z.number().int(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    published: z.string().nullable(),
    genre: z.string().nullable(),
    source: z.string(),
    url: z.string().nullable(),
    canonical: z.number().int().nullable(),
  })
  .openapi('ArticleRef');

export const StoryDetail = StorySummary.extend({
  redirectedFrom: z.number().int().nullable().openapi({ description: 'set when the ID asked for was merged into this story' }),
  outletCoverage: z.array(
    z.object({ outlet: z.string(), articles: z.number().int(), genres: z.record(z.string(), z.number().int()), events: z.array(z.string()), quotes: z.number().int() }),
  ),
  entities: z.array(z.object({ name: z.string(), type: z.string(), articles: z.number().int() })),
  timeline: z.array(TimelineEvent),
  quotes: z.array(SpeakerQuotes),
  articleList: z.array(ArticleRef),
}).openapi('StoryDetail');

export const SearchHit = z
  .object({
    id: z.number().int(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    published: z.string().nullable(),
    story: z.number().int().nullable(),
    source: z.string(),
    snippet: z.string().openapi({ description: 'a passage with the matched words between [[ and ]]' }),
    rank: z.number(),
  })
  .openapi('SearchHit');

export const EntitySummary = z
  .object({ id: z.number().int(), name: z.string(), type: z.string(), articles: z.number().int() })
  .openapi('EntitySummary');

export const ArticleSummary = z
  .object({
    id: z.number().int(),
    role: z.string(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    published: z.string().nullable(),
    genre: z.string().nullable(),
    story: z.number().int().nullable(),
    canonical: z.number().int().nullable(),
    copyKind: z.string().nullable(),
    source: z.string(),
    url: z.string().nullable(),
    words: z.number().int(),
  })
  .openapi('ArticleSummary');

const Span = z.object({ start: z.number().int(), end: z.number().int() });
const TextSpan = Span.extend({ text: z.string() });

export const ArticleDetail = z
  .object({
    id: z.number().int(),
    role: z.string(),
    title: z.string().nullable(),
    dek: z.string().nullable(),
    outlet: z.string().nullable(),
    authors: z.array(z.string()),
    published: z.object({ date: z.string().nullable(), text: z.string().nullable(), basis: z.string().nullable() }),
    language: z.string(),
    genre: z.string().nullable(),
    genreSignals: z.array(z.object({ signal: z.string(), genre: z.string(), weight: z.number(), evidence: z.string().nullable() })),
    note: z.string().nullable(),
    text: z.string().openapi({ description: 'the clean body; every offset in this object points into it (end exclusive)' }),
    paragraphs: z.array(Span),
    source: z.string(),
    url: z.string().nullable(),
    page: z.object({
      id: z.number().int(),
      source: z.string(),
      url: z.string().nullable(),
      fetched: z.string().nullable(),
      added: z.string(),
      format: z.string(),
      version: z.number().int(),
      superseded: z.boolean(),
    }),
    canonical: z.number().int().nullable(),
    copyKind: z.string().nullable(),
    copies: z.array(z.number().int()),
    story: z.object({ id: z.number().int(), label: z.string() }).nullable(),
    entities: z.array(z.object({ id: z.number().int(), name: z.string(), type: z.string(), aliases: z.array(z.string()), descriptions: z.array(TextSpan), mentions: z.array(TextSpan) })),
    quotes: z.array(
      TextSpan.extend({
        kind: z.string(),
        speaker: z.object({ name: z.string(), entity: z.number().int().nullable(), description: z.string().nullable() }).nullable(),
        cue: z.string().nullable(),
      }),
    ),
    dates: z.array(TextSpan.extend({ value: z.string().nullable(), type: z.string(), basis: z.string(), sentence: Span })),
    numbers: z.array(TextSpan.extend({ value: z.number(), unit: z.string().nullable(), qualifier: z.string().nullable() })),
    removed: z.array(z.object({ text: z.string(), reason: z.string(), rule: z.string() })),
  })
  .openapi('ArticleDetail');

export const OutletSummary = z
  .object({
    outlet: z.string(),
    articles: z.number().int(),
    copies: z.number().int(),
    stories: z.number().int(),
    genres: z.record(z.string(), z.number().int()),
  })
  .openapi('OutletSummary');

export const Job = z
  .object({
    id: z.string(),
    state: z.enum(['queued', 'running', 'done', 'failed']),
    added: z.number().int(),
    duplicates: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    failures: z.array(z.object({ source: z.string(), reason: z.string() })),
    stories: z.number().int().openapi({ description: 'stories in the corpus when the job ended (0 before)' }),
    error: z.string().nullable().openapi({ description: "why the job failed (state 'failed': the database failed)" }),
    started: z.string(),
    finished: z.string().nullable(),
  })
  .openapi('Job');

export type JobStatus = z.infer<typeof Job>;

// ---- the shared queue (PostgreSQL corpora) ----

const count = z.number().int();

export const QueueAnswer = z
  .union([
    z.object({ available: z.literal(false), reason: z.string() }),
    z.object({
      available: z.literal(true),
      queues: z.array(z.object({ name: z.string(), queued: count, active: count, retry: count, failed: count, completed: count })),
      inputs: z.object({ pending: count, done: count, failed: count }),
      pages: z.object({ waiting: count, prepared: count, linked: count, failed: count }),
      throughput: z.object({ lastMinute: z.number(), last5Minutes: z.number() }).openapi({ description: 'pages linked per second' }),
      oldestWaitingSeconds: z.number().nullable().openapi({ description: 'age of the oldest job waiting to run (queue latency)' }),
      deadLetters: z.array(
        z.object({ id: z.string(), queue: z.string(), source: z.string(), reason: z.string(), attempts: count, failedAt: z.string().nullable() }),
      ),
    }),
  ])
  .openapi('QueueStatus');

export const RetryBody = z
  .object({
    ids: z.array(z.string().regex(/^[0-9a-f-]{36}$/, 'not a job ID')).max(1000).optional().openapi({ description: 'dead-lettered job IDs; all of them when left out' }),
  })
  .openapi('RetryRequest');
