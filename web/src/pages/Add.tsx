/**
 * Adding pages: paste text or HTML, give a URL (a page or a feed), or drop/choose files. The
 * server answers 202 with a job; the job is polled until it ends, then what it stored is shown.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, apiUrl, getJson, type PageInput, postPages } from '../api';
import { ErrorBox, PageTitle } from '../components/common';
import { clearSparklines } from '../components/Sparkline';
import { formatDate, plural } from '../format';
import type { ArticleDetail, ArticleSummary, Job, Page } from '../types';

type Mode = 'text' | 'html' | 'url' | 'files';

const MODES: { mode: Mode; label: string }[] = [
  { mode: 'text', label: 'Paste text' },
  { mode: 'html', label: 'Paste HTML' },
  { mode: 'url', label: 'URL or feed' },
  { mode: 'files', label: 'Files' },
];

const POLL_MS = 500;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, ms));
}

interface Stored {
  id: number;
  title: string | null;
  outlet: string | null;
  published: string | null;
  story: number | null;
}

/** The articles a finished job stored: from the job when the server lists them, else found by source. */
async function storedArticles(job: Job, sources: string[]): Promise<Stored[]> {
  if (job.articles && job.articles.length > 0) {
    const details = await Promise.all(job.articles.slice(0, 20).map((id) => getJson<ArticleDetail>(apiUrl(`articles/${id}`)).catch(() => null)));
    return details
      .filter((a): a is ArticleDetail => a !== null)
      .map((a) => ({ id: a.id, title: a.title, outlet: a.outlet, published: a.published.date, story: a.story?.id ?? null }));
  }
  if (sources.length === 0) return [];
  const recent = await getJson<Page<ArticleSummary>>(apiUrl('articles', { limit: 100 }));
  return recent.items.filter((a) => sources.includes(a.source));
}

function JobView({ job, articles }: { job: Job; articles: Stored[] | null }) {
  const done = job.state === 'done' || job.state === 'failed';
  const counts: [string, number][] = [
    ['added', job.added],
    ['updated', job.updated],
    ['duplicates', job.duplicates],
    ['unchanged', job.unchanged],
    ['failed', job.failed],
  ];
  const processed = counts.reduce((n, [, c]) => n + c, 0);
  const stories = [...new Map(articles?.filter((a) => a.story !== null).map((a) => [a.story!, a]) ?? []).keys()];
  return (
    <section class="panel job" aria-labelledby="job-title">
      <h2 id="job-title">{job.state === 'done' ? 'Done' : job.state === 'failed' ? 'Failed' : job.state === 'queued' ? 'Waiting to start…' : 'Adding…'}</h2>
      <div role="status" aria-live="polite" class="job-status">
        {!done ? <progress aria-label="Adding pages" /> : null}
        <p>
          {plural(processed, 'page')} processed: {counts.map(([name, n]) => `${n} ${name}`).join(', ')}.
          {done && job.state === 'done' ? ` The corpus now has ${plural(job.stories, 'story', 'stories')}.` : ''}
        </p>
      </div>
      {job.error ? (
        <div class="error" role="alert">
          {job.error}
        </div>
      ) : null}
      {job.failures.length > 0 ? (
        <ul class="failures">
          {job.failures.map((f, i) => (
            <li key={i}>
              <code>{f.source}</code>: {f.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {done && articles && articles.length > 0 ? (
        <>
          <h3>Stored</h3>
          <ul class="job-articles">
            {articles.map((a) => (
              <li key={a.id}>
                <a href={`/articles/${a.id}`}>{a.title ?? '(untitled article)'}</a> <span class="muted">{[a.outlet, formatDate(a.published)].filter(Boolean).join(', ')}</span>
                {a.story !== null ? (
                  <>
                    {' '}
                    · <a href={`/stories/${a.story}`}>its story</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {done ? (
        <p>
          <a href="/">See the stories</a>
          {stories.length === 1 ? (
            <>
              {' '}
              or <a href={`/stories/${stories[0]}`}>open the story</a>
            </>
          ) : null}
          .
        </p>
      ) : null}
    </section>
  );
}

export function AddPage() {
  const [mode, setMode] = useState<Mode>('text');
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [published, setPublished] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [articles, setArticles] = useState<Stored[] | null>(null);
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const dropped = [...(event.dataTransfer?.files ?? [])];
    if (dropped.length > 0) {
      setFiles(dropped);
      setMode('files');
      return;
    }
    const dropped_text = event.dataTransfer?.getData('text/plain');
    if (dropped_text) {
      if (/^https?:\/\/\S+$/.test(dropped_text.trim())) {
        setUrl(dropped_text.trim());
        setMode('url');
      } else {
        setText(dropped_text);
        setMode('text');
      }
    }
  }

  async function submit(event: Event) {
    event.preventDefault();
    setError(null);
    setJob(null);
    setArticles(null);
    let input: PageInput | FormData;
    let sources: string[] = [];
    const date = published || undefined; // pages and URLs only: uploads carry their own dates
    const label = name.trim() || undefined;
    if (mode === 'files') {
      if (files.length === 0) return setError(new Error('Choose or drop at least one file.'));
      const form = new FormData();
      for (const file of files) form.append('file', file, file.name);
      input = form;
      sources = files.map((f) => `upload:${f.name}`);
    } else if (mode === 'url') {
      if (!url.trim()) return setError(new Error('Enter the address of a page or a feed.'));
      input = { url: url.trim(), published: date };
    } else {
      if (!text.trim()) return setError(new Error(mode === 'html' ? 'Paste the page’s HTML.' : 'Paste the page’s text.'));
      input = mode === 'html' ? { html: text, name: label, published: date } : { text, name: label, published: date };
      if (label) sources = [`paste:${label}`];
    }
    setBusy(true);
    try {
      let current = await postPages(input);
      setJob(current);
      while (current.state === 'queued' || current.state === 'running') {
        await sleep(POLL_MS);
        if (!live.current) return;
        current = await getJson<Job>(apiUrl(`jobs/${encodeURIComponent(current.id)}`));
        setJob(current);
      }
      clearSparklines();
      const stored = await storedArticles(current, sources).catch(() => []);
      if (live.current) setArticles(stored);
    } catch (e) {
      setError(e instanceof Error ? e : new ApiError(0, 'unknown', String(e)));
    } finally {
      if (live.current) setBusy(false);
    }
  }

  return (
    <>
      <PageTitle title="Add pages">Add pages</PageTitle>
      <p class="lead">Pages are cleaned, analysed and filed into stories. Paste a page, give its address (or a feed’s), or drop files: text, HTML, feeds, WARC.</p>
      <form
        class={dragging ? 'add-form dragging' : 'add-form'}
        onSubmit={submit}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={(e) => {
          if (e.currentTarget === e.target) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <fieldset class="modes">
          <legend>What are you adding?</legend>
          {MODES.map((m) => (
            <label key={m.mode} class={mode === m.mode ? 'mode checked' : 'mode'}>
              <input type="radio" name="mode" value={m.mode} checked={mode === m.mode} onChange={() => setMode(m.mode)} /> {m.label}
            </label>
          ))}
        </fieldset>
        {mode === 'text' || mode === 'html' ? (
          <>
            <div class="field">
              <label for="add-text">{mode === 'html' ? 'HTML of the page' : 'Text of the page'}</label>
              <textarea id="add-text" rows={14} value={text} onInput={(e) => setText(e.currentTarget.value)} spellcheck={false} placeholder={mode === 'html' ? '<html>…' : 'Outlet\n\nHeadline\n\nBy …\n\nFirst paragraph…'} />
            </div>
            <div class="field">
              <label for="add-name">Name (optional)</label>
              <input id="add-name" value={name} onInput={(e) => setName(e.currentTarget.value)} placeholder="e.g. bridge-closure-herald" aria-describedby="add-name-help" />
              <small id="add-name-help" class="muted">
                Stored as <code>paste:{name.trim() || '…'}</code>; pasting again under the same name stores a new version.
              </small>
            </div>
          </>
        ) : null}
        {mode === 'url' ? (
          <div class="field">
            <label for="add-url">Address of a page or a feed</label>
            <input id="add-url" type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} placeholder="https://…" inputMode="url" />
          </div>
        ) : null}
        {mode === 'files' ? (
          <div class="field">
            <label for="add-files">Files</label>
            <div class="dropzone">
              <input id="add-files" type="file" multiple onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])} aria-describedby="add-files-help" />
              <p id="add-files-help" class="muted">
                Or drop files anywhere on this form.
              </p>
              {files.length > 0 ? (
                <ul class="file-list" aria-label="Chosen files">
                  {files.map((f) => (
                    <li key={f.name}>
                      {f.name} <span class="muted">({Math.max(1, Math.round(f.size / 1024))} KB)</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </div>
        ) : (
          <p class="muted drop-hint">You can also drop files or text onto this form.</p>
        )}
        {mode === 'files' ? null : (
          <div class="field">
            <label for="add-published">Publication date (optional)</label>
            <input id="add-published" type="date" value={published} onInput={(e) => setPublished(e.currentTarget.value)} aria-describedby="add-published-help" />
            <small id="add-published-help" class="muted">
              Only needed when the page does not say when it was published.
            </small>
          </div>
        )}
        <div class="field actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Adding…' : 'Add'}
          </button>
        </div>
      </form>
      {error ? <ErrorBox error={error} what={undefined} /> : null}
      {job ? <JobView job={job} articles={articles} /> : null}
    </>
  );
}
