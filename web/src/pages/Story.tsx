/** One story: timeline, who said what, outlets compared, key entities and the article list. */
import { useEffect } from 'preact/hooks';
import { apiUrl, useApi } from '../api';
import { Chips, ErrorBox, Loading, PageTitle, Section } from '../components/common';
import { Entities } from '../components/Entities';
import { Outlets } from '../components/Outlets';
import { Quotes } from '../components/Quotes';
import { Sparkline } from '../components/Sparkline';
import { Timeline } from '../components/Timeline';
import { formatDate, formatSpan, plural } from '../format';
import { navigate } from '../router';
import type { ArticleRef, StoryDetail } from '../types';

function ArticleTable({ articles }: { articles: ArticleRef[] }) {
  if (articles.length === 0) return <p class="empty">No articles.</p>;
  return (
    <div class="table-wrap">
      <table class="articles">
        <caption class="visually-hidden">Articles in this story</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Outlet</th>
            <th scope="col">Published</th>
            <th scope="col">Genre</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((a) => (
            <tr key={a.id}>
              <td>
                <a href={`/articles/${a.id}`}>{a.title ?? '(untitled article)'}</a>
                {a.canonical !== null ? (
                  <span class="badge" title={`A copy of article ${a.canonical}`}>
                    copy
                  </span>
                ) : null}
              </td>
              <td>{a.outlet ?? '—'}</td>
              <td>
                <time dateTime={a.published ?? undefined}>{formatDate(a.published)}</time>
              </td>
              <td>{a.genre ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StoryPage({ id }: { id: number }) {
  const { data: story, error, loading } = useApi<StoryDetail>(apiUrl(`stories/${id}`));
  // A merged story answers with the story it joined: show that story's own address.
  useEffect(() => {
    if (story && story.id !== id) navigate(`/stories/${story.id}?from=${id}`, { replace: true });
  }, [story, id]);
  if (error) {
    return (
      <>
        <PageTitle title="Story">Story {id}</PageTitle>
        <ErrorBox error={error} what="this story" />
        <p>
          <a href="/">All stories</a>
        </p>
      </>
    );
  }
  if (loading || !story) return <Loading what="the story" />;
  const from = story.redirectedFrom ?? (Number(new URLSearchParams(window.location.search).get('from')) || null);
  const quoteCount = story.quotes.reduce((n, s) => n + s.quotes.length, 0);
  return (
    <article class="story">
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href="/">Stories</a> <span aria-hidden="true">›</span> <span aria-current="page">{story.label}</span>
      </nav>
      <PageTitle title={story.label}>{story.label}</PageTitle>
      {from ? <p class="notice">Story {from} was merged into this one.</p> : null}
      <div class="story-header">
        <dl class="facts">
          <div>
            <dt>Span</dt>
            <dd>{formatSpan(story.first, story.last)}</dd>
          </div>
          <div>
            <dt>Articles</dt>
            <dd>
              {story.articles}
              {story.copies ? ` + ${plural(story.copies, 'copy', 'copies')}` : ''}
            </dd>
          </div>
          <div>
            <dt>Events</dt>
            <dd>{story.timeline.length}</dd>
          </div>
          <div>
            <dt>Quotes</dt>
            <dd>{quoteCount}</dd>
          </div>
        </dl>
        <div class="story-coverage">
          <Sparkline dates={story.articleList.map((a) => a.published)} label={`Coverage of ${story.label}`} />
        </div>
      </div>
      <Chips items={story.outlets} label="Outlets" href={(o) => `/?outlet=${encodeURIComponent(o)}`} />
      <nav class="toc" aria-label="On this page">
        <a href="#timeline">Timeline</a>
        <a href="#quotes">Who said what</a>
        <a href="#outlets">Outlets</a>
        <a href="#entities">Entities</a>
        <a href="#articles">Articles</a>
      </nav>
      <Section id="timeline" title="Timeline" note="Dated events found in the articles; events that different outlets place on different dates are marked as conflicts.">
        <Timeline events={story.timeline} />
      </Section>
      <Section id="quotes" title="Who said what">
        <Quotes speakers={story.quotes} />
      </Section>
      <Section id="outlets" title="Outlets compared">
        <Outlets coverage={story.outletCoverage} events={story.timeline} speakers={story.quotes} />
      </Section>
      <Section id="entities" title="Key entities">
        <Entities entities={story.entities} articles={story.articleList} />
      </Section>
      <Section id="articles" title={`Articles (${story.articleList.length})`}>
        <ArticleTable articles={story.articleList} />
      </Section>
    </article>
  );
}
