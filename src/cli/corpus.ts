/**
 * The corpus commands: add, stories, story, timeline, quotes, search, export, doctor, watch.
 * Each opens the database named by --db / NEWSPRISM_DB / ./newsprism.db, prints text for people
 * or JSON with --json, and turns database failures into one line naming the database and cause.
 */
import { stringify } from 'csv-stringify';
import type { TimelineEvent } from '../link/events.js';
import { exportRows, type ExportKind } from '../store/export.js';
import { checkStore } from '../store/doctor.js';
import { describeStoreError, openStore, resolveTarget, type Store } from '../store/open.js';
import { listStories, quotesBySpeaker, storyDetail, type SpeakerQuotes, type StoryDetail, type StorySummary, timeline } from '../store/queries.js';
import { search, type SearchHit } from '../store/search.js';
import { EXIT_INPUT_FAILED, EXIT_OK, EXIT_STORE_FAILED, type Io, write } from './io.js';

export interface DbFlags {
  db?: string;
  json?: boolean;
}

/** Opens the corpus, runs `work`, closes it; a database failure is one line and exit code 3. */
export async function withStore(flags: DbFlags, io: Io, work: (store: Store) => Promise<number>, options: { migrate?: boolean } = {}): Promise<number> {
  const target = resolveTarget(flags.db);
  let store: Store | null = null;
  try {
    store = await openStore(target, options);
    return await work(store);
  } catch (error) {
    const failure = describeStoreError(error, target);
    await write(io.stderr, `newsprism: ${failure.message}\n`);
    return EXIT_STORE_FAILED;
  } finally {
    await store?.close().catch(() => undefined);
  }
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function span(first: string | null, last: string | null): string {
  if (!first) return 'undated';
  return first === last || !last ? first : `${first} – ${last}`;
}

export function renderStories(stories: StorySummary[]): string {
  if (stories.length === 0) return 'No stories.\n';
  return stories
    .map((s) => `#${s.id}  ${s.label}\n     ${span(s.first, s.last)} · ${s.articles} article(s)${s.copies ? ` + ${s.copies} copies` : ''} · ${s.outlets.join(', ') || 'no outlet'}\n`)
    .join('');
}

export function renderTimeline(events: TimelineEvent[]): string {
  if (events.length === 0) return 'No dated events.\n';
  return events
    .map((e) => `${e.date.padEnd(10)}  ${e.summary}\n            reported by ${e.outlets.join(', ') || 'unknown outlet'} (${e.articles.length} article(s))${e.conflicts.length ? `\n            CONFLICT: other sources date this as ${e.conflicts.map((c) => events.find((x) => x.id === c)?.date ?? c).join(', ')}` : ''}\n`)
    .join('');
}

export function renderQuotes(speakers: SpeakerQuotes[]): string {
  if (speakers.length === 0) return 'No attributed quotes.\n';
  const out: string[] = [];
  for (const s of speakers) {
    out.push(`${s.speaker}${s.descriptions.length ? ` (${s.descriptions.slice(0, 3).join('; ')})` : ''}\n`);
    for (const q of s.quotes) {
      const where = q.sources.map((src) => `${src.outlet ?? 'unknown'}${src.published ? ` ${src.published}` : ''}`).join(', ');
      out.push(`  ${q.kind === 'indirect' ? '~' : '“'}${q.text}${q.kind === 'indirect' ? '' : '”'}\n      — ${where}\n`);
    }
  }
  return out.join('');
}

export function renderStory(story: StoryDetail): string {
  const lines = [
    `#${story.id}  ${story.label}${story.redirectedFrom !== null ? `  (story #${story.redirectedFrom} was merged into this one)` : ''}`,
    `${span(story.first, story.last)} · ${story.articles} article(s)${story.copies ? ` + ${story.copies} copies` : ''}`,
    '',
    'Outlets:',
    ...story.outletCoverage.map((o) => `  ${o.outlet}: ${o.articles} article(s), ${Object.entries(o.genres).map(([g, n]) => `${n} ${g}`).join(', ')}; ${o.events.length} event(s), ${o.quotes} quote(s)`),
    '',
    `Key entities: ${story.entities.map((e) => `${e.name} (${e.type})`).join(', ') || 'none'}`,
    '',
    'Timeline:',
    renderTimeline(story.timeline).trimEnd().replace(/^/gm, '  '),
    '',
    'Who said what:',
    renderQuotes(story.quotes).trimEnd().replace(/^/gm, '  '),
    '',
    'Articles:',
    ...story.articleList.map((a) => `  [${a.id}] ${a.published ?? 'undated'} ${a.outlet ?? 'unknown'}: ${a.title ?? '(untitled)'}${a.canonical !== null ? ` (copy of ${a.canonical})` : ''}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function renderSearch(hits: SearchHit[]): string {
  if (hits.length === 0) return 'No matches.\n';
  return hits.map((h) => `[${h.id}] ${h.title ?? '(untitled)'} — ${h.outlet ?? 'unknown'} ${h.published ?? ''}${h.story !== null ? ` · story #${h.story}` : ''}\n    ${h.snippet.replace(/\s+/g, ' ')}\n`).join('');
}

export async function printExport(store: Store, what: ExportKind, format: 'jsonl' | 'csv', io: Io): Promise<number> {
  if (format === 'jsonl') {
    for await (const row of exportRows(store, what)) await write(io.stdout, `${JSON.stringify(row)}\n`);
    return EXIT_OK;
  }
  let csv: ReturnType<typeof stringify> | null = null;
  const done = new Promise<void>((resolve, reject) => {
    const start = (columns: string[]) => {
      csv = stringify({ header: true, columns });
      csv.on('data', (chunk: Buffer) => io.stdout.write(chunk));
      csv.on('end', resolve);
      csv.on('error', reject);
    };
    void (async () => {
      try {
        for await (const row of exportRows(store, what)) {
          if (!csv) start(Object.keys(row));
          if (!csv!.write(row)) await new Promise((r) => csv!.once('drain', r));
        }
        if (!csv) resolve();
        else csv!.end();
      } catch (error) {
        reject(error);
      }
    })();
  });
  await done;
  return EXIT_OK;
}

export async function printDoctor(store: Store, io: Io, asJson: boolean): Promise<number> {
  const report = await checkStore(store);
  if (asJson) await write(io.stdout, json(report));
  else {
    await write(io.stdout, `${report.target} (${report.backend}) schema ${report.schema ?? 'none'}${report.schemaCurrent ? ' (current)' : ' (needs migration)'}\n`);
    for (const check of report.checks) await write(io.stdout, `  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}\n`);
    await write(io.stdout, `  ${report.counts.pages} pages, ${report.counts.articles} articles, ${report.counts.stories} stories, ${report.counts.quotes} quotes\n`);
  }
  return report.ok ? EXIT_OK : EXIT_INPUT_FAILED;
}

export { listStories, quotesBySpeaker, search, storyDetail, timeline };
