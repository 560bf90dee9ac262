/**
 * One article: the clean text with quotes, speakers, entities and dates highlighted from their
 * offsets (text nodes inside <span class>, never HTML), what the cleaner removed and why, and
 * where the page came from.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { apiUrl, useApi } from '../api';
import { Chips, ErrorBox, Loading, PageTitle, Section } from '../components/common';
import { formatDate, plural, safeHref } from '../format';
import { type Location } from '../router';
import { type Kind, type Mark, articleMarks, paragraphSpans, parseTarget, segments } from '../spans';
import type { ArticleDetail } from '../types';

const LAYERS: { kind: Kind; label: string; on: boolean }[] = [
  { kind: 'quote', label: 'Quotes', on: true },
  { kind: 'speaker', label: 'Speakers', on: true },
  { kind: 'entity', label: 'Entities', on: true },
  { kind: 'date', label: 'Dates', on: true },
  { kind: 'number', label: 'Numbers', on: false },
];

function classesOf(marks: Mark[]): string {
  const classes = new Set<string>(['m']);
  for (const m of marks) {
    classes.add(`m-${m.kind}`);
    if (m.extra) classes.add(m.extra);
  }
  return [...classes].join(' ');
}

function ArticleText({ article, target }: { article: ArticleDetail; target: { start: number; end: number } | null }) {
  const [layers, setLayers] = useState(() => new Set(LAYERS.filter((l) => l.on).map((l) => l.kind)));
  const targetRef = useRef<HTMLSpanElement>(null);
  const paragraphs = useMemo(() => {
    const marks = articleMarks(article, target).sort((a, b) => a.start - b.start);
    return paragraphSpans(article).map((p) => ({ span: p, parts: segments(article.text, p, marks) }));
  }, [article, target]);
  useEffect(() => {
    targetRef.current?.scrollIntoView({ block: 'center' });
  }, [paragraphs]);
  let targetSeen = false;
  const shown = ['text', ...[...layers].map((k) => `show-${k}`)].join(' ');
  return (
    <>
      <fieldset class="layers">
        <legend>Highlight</legend>
        {LAYERS.map((layer) => (
          <label key={layer.kind} class={`layer-toggle m-${layer.kind}-key`}>
            <input
              type="checkbox"
              checked={layers.has(layer.kind)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setLayers((prev) => {
                  const next = new Set(prev);
                  if (on) next.add(layer.kind);
                  else next.delete(layer.kind);
                  return next;
                });
              }}
            />{' '}
            <span class="swatch" aria-hidden="true" />
            {layer.label}
          </label>
        ))}
      </fieldset>
      <div class={shown} id="article-text">
        {paragraphs.map(({ span, parts }) => (
          <p key={span.start}>
            {parts.map((part) => {
              if (part.marks.length === 0) return part.text;
              const isTarget = !targetSeen && part.marks.some((m) => m.kind === 'target');
              if (isTarget) targetSeen = true;
              return (
                <span key={part.start} class={classesOf(part.marks)} title={part.marks.map((m) => m.note).join(' · ')} ref={isTarget ? targetRef : undefined}>
                  {part.text}
                </span>
              );
            })}
          </p>
        ))}
      </div>
    </>
  );
}

function Removed({ article }: { article: ArticleDetail }) {
  const [open, setOpen] = useState(false);
  const count = article.removed.length;
  if (count === 0) return <p class="muted">The cleaner removed nothing from this page.</p>;
  const reasons = new Map<string, number>();
  for (const block of article.removed) reasons.set(block.reason, (reasons.get(block.reason) ?? 0) + 1);
  return (
    <>
      <p class="muted">
        {[...reasons].map(([reason, n]) => `${n} ${reason}`).join(', ')}
      </p>
      <button type="button" aria-expanded={open} aria-controls="removed-blocks" onClick={() => setOpen(!open)}>
        {open ? 'Hide' : 'Show'} what the cleaner removed ({plural(count, 'block')})
      </button>
      {open ? (
        <ol id="removed-blocks" class="removed">
          {article.removed.map((block, i) => (
            <li key={i} class={`removed-block reason-${block.reason}`}>
              <p class="meta">
                <span class="badge">{block.reason}</span>
                <span>
                  rule <code>{block.rule}</code>
                </span>
              </p>
              <p class="removed-text">{block.text}</p>
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}

function Sidebar({ article }: { article: ArticleDetail }) {
  const byType = new Map<string, string[]>();
  for (const e of article.entities) byType.set(e.type, [...(byType.get(e.type) ?? []), e.name]);
  return (
    <aside class="article-side" aria-label="In this article">
      <h2>Quotes</h2>
      {article.quotes.length === 0 ? (
        <p class="muted">None found.</p>
      ) : (
        <ul class="side-quotes">
          {article.quotes.map((q, i) => (
            <li key={i}>
              <strong>{q.speaker?.name ?? 'Unattributed'}</strong>
              {q.speaker?.description ? <span class="muted">, {q.speaker.description}</span> : null}
              <span class="badge">{q.kind}</span>
              <p>
                <a href={`?at=${q.start}-${q.end}`}>{q.text.length > 140 ? `${q.text.slice(0, 139)}…` : q.text}</a>
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>Entities</h2>
      {byType.size === 0 ? <p class="muted">None found.</p> : null}
      {[...byType].map(([type, names]) => (
        <div key={type}>
          <h3 class={`type-heading type-${type}`}>{type}</h3>
          <Chips items={names} label={`${type} entities`} href={(n) => `/?entity=${encodeURIComponent(n)}`} />
        </div>
      ))}
      {article.genreSignals.length > 0 ? (
        <details>
          <summary>Why “{article.genre}”</summary>
          <ul class="signals">
            {article.genreSignals.map((s, i) => (
              <li key={i}>
                <code>{s.signal}</code> → {s.genre} ({s.weight}): <span class="muted">{s.evidence}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </aside>
  );
}

export function ArticlePage({ id, location }: { id: number; location: Location }) {
  const { data: article, error, loading } = useApi<ArticleDetail>(apiUrl(`articles/${id}`));
  const at = location.query.get('at');
  const target = useMemo(() => parseTarget(at), [at]);
  if (error) {
    return (
      <>
        <PageTitle title="Article">Article {id}</PageTitle>
        <ErrorBox error={error} what="this article" />
      </>
    );
  }
  if (loading || !article) return <Loading what="the article" />;
  const title = article.title ?? '(untitled article)';
  const sourceHref = safeHref(article.page.url) ?? safeHref(article.url);
  return (
    <article class="article">
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href="/">Stories</a> <span aria-hidden="true">›</span>{' '}
        {article.story ? (
          <>
            <a href={`/stories/${article.story.id}`}>{article.story.label}</a> <span aria-hidden="true">›</span>{' '}
          </>
        ) : null}
        <span aria-current="page">{title}</span>
      </nav>
      <header class="article-header">
        <PageTitle title={title}>{title}</PageTitle>
        {article.dek ? <p class="dek">{article.dek}</p> : null}
        <p class="meta">
          <span>{article.outlet ?? 'unknown outlet'}</span>
          {article.authors.length ? <span>by {article.authors.join(', ')}</span> : null}
          <span>
            <time dateTime={article.published.date ?? undefined}>{formatDate(article.published.date)}</time>
            {article.published.text && article.published.text !== article.published.date ? <span class="muted"> (“{article.published.text}”)</span> : null}
          </span>
          {article.genre ? <span class="badge">{article.genre}</span> : null}
          {article.role === 'related' ? <span class="badge">related-article snippet</span> : null}
        </p>
        {article.canonical !== null ? (
          <p class="notice">
            A {article.copyKind ?? ''} copy of <a href={`/articles/${article.canonical}`}>article {article.canonical}</a>.
          </p>
        ) : null}
        {article.copies.length > 0 ? (
          <p class="notice">
            Copied by:{' '}
            {article.copies.map((c, i) => (
              <span key={c}>
                {i > 0 ? ', ' : ''}
                <a href={`/articles/${c}`}>article {c}</a>
              </span>
            ))}
          </p>
        ) : null}
        {article.note ? <p class="muted">{article.note}</p> : null}
      </header>
      <div class="article-layout">
        <div class="article-main">
          <ArticleText article={article} target={target} />
          <Section id="removed" title="What the cleaner removed">
            <Removed article={article} />
          </Section>
          <Section id="provenance" title="Source">
            <dl class="facts provenance">
              <div>
                <dt>Page</dt>
                <dd>
                  <code>{article.page.source}</code>
                  {article.page.version > 1 ? ` (version ${article.page.version}${article.page.superseded ? ', superseded' : ''})` : ''}
                </dd>
              </div>
              <div>
                <dt>Added</dt>
                <dd>{article.page.added}</dd>
              </div>
              {article.page.fetched ? (
                <div>
                  <dt>Fetched</dt>
                  <dd>{article.page.fetched}</dd>
                </div>
              ) : null}
              <div>
                <dt>Original</dt>
                <dd>
                  {sourceHref ? (
                    <a href={sourceHref} rel="noopener noreferrer" target="_blank" class="external">
                      {sourceHref}
                      <span class="visually-hidden"> (opens in a new tab)</span>
                    </a>
                  ) : (
                    <span class="muted">no web address recorded</span>
                  )}
                </dd>
              </div>
            </dl>
          </Section>
        </div>
        <Sidebar article={article} />
      </div>
    </article>
  );
}
