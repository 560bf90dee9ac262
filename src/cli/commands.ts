/** Registers the corpus commands on the program (see corpus.ts for what each does). */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { ExportKind } from '../store/export.js';
import { json, listStories, printDoctor, printExport, quotesBySpeaker, renderQuotes, renderSearch, renderStories, renderStory, renderTimeline, search, storyDetail, timeline, withStore } from './corpus.js';
import { EXIT_OK, EXIT_USAGE, type Io, write } from './io.js';
import { checkDates, positiveNumber, usageProblem } from './options.js';
import { defaultWorkers } from './pool.js';

const DB_HELP = 'database: an SQLite file path or a postgres:// URL (default: $NEWSPRISM_DB or ./newsprism.db)';

interface AddFlags {
  db?: string;
  json?: boolean;
  published?: string;
  fetched?: string;
  allowPrivate?: boolean;
  maxBytes: number;
  timeout: number;
  workers: number;
  queue?: boolean;
}

function integer(name: string) {
  const parse = positiveNumber(name);
  return (value: string) => Math.floor(parse(value));
}

function port(value: string): number {
  const n = Number(value);
  if (!/^\d{1,5}$/.test(value) || n > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return n;
}

function storyId(value: string): number {
  const id = Number(value.replace(/^#/, ''));
  if (!Number.isInteger(id) || id <= 0) throw new Error(`not a story ID: ${value}`);
  return id;
}

export function registerCorpusCommands(program: Command, io: Io, setCode: (code: number) => void): void {
  const out = (text: string) => write(io.stdout, text);

  program
    .command('add')
    .description('Add pages to the corpus: files, directories, http(s) URLs, RSS/Atom/JSON feeds, WARC files; cleans, analyses, de-duplicates and links them into stories.')
    .argument('<inputs...>', 'files, directories, URLs, feed URLs, .warc/.warc.gz files, or - for stdin')
    .option('--db <target>', DB_HELP)
    .option('--json', 'print the summary as JSON on stdout')
    .option('--published <date>', 'publication date for pages that carry none, YYYY-MM-DD')
    .option('--fetched <datetime>', 'when the pages were captured (ISO 8601)')
    .option('--allow-private', 'allow URLs on private or loopback addresses')
    .option('--max-bytes <n>', 'largest input accepted, in bytes', positiveNumber('--max-bytes'), 64 * 1024 * 1024)
    .option('--timeout <seconds>', 'time limit for fetching one URL', positiveNumber('--timeout'), 15)
    .option('--workers <n>', 'worker threads that clean and analyse (0: in the main thread)', (v) => Math.max(0, Math.floor(Number(v)) || 0), defaultWorkers())
    .option('--queue', 'only queue the inputs for `newsprism worker` processes and return at once (PostgreSQL only)')
    .action(async (inputs: string[], flags: AddFlags) => {
      if (await usageProblem(checkDates(flags), io)) return setCode(EXIT_USAGE);
      if (flags.queue) {
        const { enqueueCommand } = await import('./queue.js');
        const options = { db: flags.db, json: flags.json, allowPrivate: !!flags.allowPrivate, maxBytes: flags.maxBytes, timeoutMs: flags.timeout * 1000, published: flags.published ?? null, fetched: flags.fetched ?? null, stdin: io.stdin };
        return setCode(await enqueueCommand(inputs, options, io));
      }
      // Ingest (and the cleaning stack behind it) loads only for the commands that read pages.
      const { addExitCode, addInputs, summaryLine } = await import('./add.js');
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      try {
        setCode(
          await withStore(flags, io, async (store) => {
            const summary = await addInputs(store, inputs, {
              workers: flags.workers,
              json: !!flags.json,
              allowPrivate: !!flags.allowPrivate,
              maxBytes: flags.maxBytes,
              timeoutMs: flags.timeout * 1000,
              published: flags.published ?? null,
              fetched: flags.fetched ?? null,
              stdin: io.stdin,
              signal: controller.signal,
            }, io);
            if (flags.json) await out(json(summary));
            await write(io.stderr, summaryLine(summary));
            return addExitCode(summary);
          }),
        );
      } finally {
        process.removeListener('SIGINT', stop);
      }
    });

  program
    .command('stories')
    .description('Stories in the corpus, newest activity first.')
    .option('--db <target>', DB_HELP)
    .option('--json', 'print JSON')
    .option('--since <date>', 'only stories active on or after this date (YYYY-MM-DD)')
    .option('--entity <name>', 'only stories mentioning this person, organisation or place')
    .option('--outlet <name>', 'only stories this outlet covered')
    .option('--limit <n>', 'how many', integer('--limit'), 50)
    .option('--offset <n>', 'skip this many', (v) => Math.max(0, Math.floor(Number(v)) || 0), 0)
    .action(async (flags: { db?: string; json?: boolean; since?: string; entity?: string; outlet?: string; limit: number; offset: number }) => {
      setCode(await withStore(flags, io, async (store) => {
        const stories = await listStories(store, flags);
        await out(flags.json ? json(stories) : renderStories(stories));
        return EXIT_OK;
      }));
    });

  program
    .command('story')
    .description('One story: outlets and their genre mix, key entities, timeline, who said what, articles.')
    .argument('<id>', 'story ID (merged IDs redirect)', storyId)
    .option('--db <target>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (id: number, flags: { db?: string; json?: boolean }) => {
      setCode(await withStore(flags, io, async (store) => {
        const story = await storyDetail(store, id);
        if (!story) {
          await write(io.stderr, `newsprism: no story #${id}\n`);
          return 1;
        }
        await out(flags.json ? json(story) : renderStory(story));
        return EXIT_OK;
      }));
    });

  program
    .command('timeline')
    .description('Dated events across articles; the same event in several articles is one event, conflicting dates are flagged.')
    .option('--db <target>', DB_HELP)
    .option('--json', 'print JSON')
    .option('--story <id>', 'only this story', storyId)
    .option('--entity <name>', 'only articles mentioning this entity')
    .action(async (flags: { db?: string; json?: boolean; story?: number; entity?: string }) => {
      setCode(await withStore(flags, io, async (store) => {
        const events = await timeline(store, flags);
        await out(flags.json ? json(events) : renderTimeline(events));
        return EXIT_OK;
      }));
    });

  program
    .command('quotes')
    .description('Who said what, grouped by speaker across the corpus; one quote carried by several outlets is listed once with all its sources.')
    .option('--db <target>', DB_HELP)
    .option('--json', 'print JSON')
    .option('--speaker <name>', 'only this speaker (spelling variants match)')
    .option('--story <id>', 'only this story', storyId)
    .action(async (flags: { db?: string; json?: boolean; speaker?: string; story?: number }) => {
      setCode(await withStore(flags, io, async (store) => {
        const speakers = await quotesBySpeaker(store, flags);
        await out(flags.json ? json(speakers) : renderQuotes(speakers));
        return EXIT_OK;
      }));
    });

  program
    .command('search')
    .description('Ranked full-text search with highlighted snippets (matches between [[ and ]]).')
    .argument('<query>', 'words to look for')
    .option('--db <target>', DB_HELP)
    .option('--json', 'print JSON')
    .option('--outlet <name>', 'only this outlet')
    .option('--since <date>', 'published on or after (YYYY-MM-DD)')
    .option('--until <date>', 'published on or before (YYYY-MM-DD)')
    .option('--entity <name>', 'only articles mentioning this entity')
    .option('--story <id>', 'only this story', storyId)
    .option('--limit <n>', 'how many', integer('--limit'), 20)
    .action(async (query: string, flags: { db?: string; json?: boolean; outlet?: string; since?: string; until?: string; entity?: string; story?: number; limit: number }) => {
      setCode(await withStore(flags, io, async (store) => {
        const hits = await search(store, query, flags);
        await out(flags.json ? json(hits) : renderSearch(hits));
        return EXIT_OK;
      }));
    });

  program
    .command('export')
    .description('Export the corpus for other tools, streamed.')
    .option('--db <target>', DB_HELP)
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv']).default('jsonl'))
    .addOption(new Option('--what <kind>', 'what to export').choices(['articles', 'quotes', 'events', 'entities', 'stories']).default('articles'))
    .action(async (flags: { db?: string; format: 'jsonl' | 'csv'; what: ExportKind }) => {
      setCode(await withStore(flags, io, (store) => printExport(store, flags.what, flags.format, io)));
    });

  program
    .command('doctor')
    .description("Check a database: schema version, integrity, full-text index, provenance and story redirects.")
    .option('--db <target>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (flags: { db?: string; json?: boolean }) => {
      setCode(await withStore(flags, io, (store) => printDoctor(store, io, !!flags.json), { migrate: false }));
    });

  program
    .command('serve')
    .description('Serve the HTTP API (/api, see docs/api.md) and the web app (web/dist). Loopback only unless given a token.')
    .option('--db <target>', DB_HELP)
    .option('--port <n>', 'port to listen on (0: any free port)', port, 8080)
    .option('--host <address>', 'address to bind; anything but loopback needs --token', '127.0.0.1')
    .option('--token <token>', 'require this bearer token on every request (default: $NEWSPRISM_TOKEN); at least 16 characters')
    .option('--workers <n>', 'worker threads that clean and analyse added pages (0: in the main thread)', (v) => Math.max(0, Math.floor(Number(v)) || 0), defaultWorkers())
    .option('--readers <n>', 'threads answering reads on an SQLite corpus (0: in the main thread; default: cores + 1, up to 4)', (v) => Math.max(0, Math.floor(Number(v)) || 0))
    .option('--max-upload <bytes>', 'largest request body accepted (413 above it)', integer('--max-upload'), 10 * 1024 * 1024)
    .action(async (flags: { db?: string; port: number; host: string; token?: string; workers: number; readers?: number; maxUpload: number }) => {
      // The server (Hono, ingest) loads only for this command.
      const { serveCommand } = await import('../serve/serve.js');
      setCode(await serveCommand(flags, io));
    });

  program
    .command('watch')
    .description('Poll feeds and add what is new (conditional GET with ETag / Last-Modified).')
    .argument('<feeds...>', 'feed URLs')
    .option('--db <target>', DB_HELP)
    .option('--every <interval>', 'time between polls: 30s, 15m, 1h', '15m')
    .option('--once', 'poll once and exit')
    .option('--allow-private', 'allow feeds on private or loopback addresses')
    .option('--timeout <seconds>', 'time limit for fetching one URL', positiveNumber('--timeout'), 15)
    .option('--queue', 'schedule polls as jobs for `newsprism worker` processes; several watchers share the feeds without double fetches (PostgreSQL only)')
    .action(async (feeds: string[], flags: { db?: string; every: string; once?: boolean; allowPrivate?: boolean; timeout: number; queue?: boolean }) => {
      if (flags.queue) {
        const { watchQueueCommand } = await import('./queue.js');
        return setCode(await watchQueueCommand(feeds, flags, io));
      }
      const { watchFeeds } = await import('./watch.js');
      setCode(await withStore(flags, io, (store) => watchFeeds(store, feeds, flags, io)));
    });

  program
    .command('worker')
    .description('Take jobs from the queue of a PostgreSQL corpus (fetch, clean and analyse, link) until SIGTERM or Ctrl-C; run as many as wanted, on any machines.')
    .option('--db <target>', DB_HELP)
    .option('--concurrency <n>', 'pages cleaned and analysed at once (threads)', integer('--concurrency'), defaultWorkers())
    .option('--no-lane', 'never link (leave linking to other workers)')
    .option('--supervise-every <seconds>', "how often this worker reclaims the jobs of lost workers (pg-boss maintenance)", integer('--supervise-every'))
    .action(async (flags: { db?: string; concurrency: number; lane: boolean; superviseEvery?: number }) => {
      const { workerCommand } = await import('./queue.js');
      setCode(await workerCommand(flags, io));
    });

  program
    .command('status')
    .description('Queue of a PostgreSQL corpus: depth per queue, pages linked, throughput, oldest waiting job, dead letters.')
    .option('--db <target>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (flags: { db?: string; json?: boolean }) => {
      const { statusCommand } = await import('./queue.js');
      setCode(await statusCommand(flags, io));
    });

  program
    .command('retry')
    .description('Re-queue dead-lettered jobs (all, or those given with --id).')
    .option('--db <target>', DB_HELP)
    .option('--id <id...>', 'only these job IDs (from `newsprism status`)')
    .action(async (flags: { db?: string; id?: string[] }) => {
      const { retryCommand } = await import('./queue.js');
      setCode(await retryCommand(flags, io));
    });
}
