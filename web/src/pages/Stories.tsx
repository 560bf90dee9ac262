/**
 * The front page: stories, newest activity first, one server page at a time, with filters by
 * entity, outlet and date, and full-text search across articles.
 */
import { useEffect, useState } from 'preact/hooks';
import { apiUrl, getJson, useApi } from '../api';
import { Chips, ErrorBox, Loading, PageTitle, Pager, Snippet } from '../components/common';
import { LazyStorySparkline } from '../components/Sparkline';
import { formatDate, formatSpan, plural } from '../format';
import { type Location, navigate, withQuery } from '../router';
import type { EntitySummary, OutletSummary, Page, SearchHit, StorySummary } from '../types';

const STORY_PAGE = 20;
const SEARCH_PAGE = 20;

function offsetOf(location: Location): number {
  const n = Number(location.query.get('offset') ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

export function StoriesPage({ location }: { location: Location }) {
  const q = location.query.get('q') ?? '';
  const entity = location.query.get('entity') ?? '';
  const outlet = location.query.get('outlet') ?? '';
  const since = location.query.get('since') ?? '';
  const offset = offsetOf(location);
  const filtered = Boolean(entity || outlet || since);
  return (
    <>
      <PageTitle title={q ? `Search: ${q}` : 'Stories'}>{q ? 'Search' : 'Stories'}</PageTitle>
      <SearchForm key={`s:${q}`} location={location} q={q} />
      <FilterForm key={`f:${entity}|${outlet}|${since}`} location={location} entity={entity} outlet={outlet} since={since} />
      {q ? (
        <SearchResults location={location} q={q} entity={entity} outlet={outlet} since={since} offset={offset} />
      ) : (
        <StoryList location={location} entity={entity} outlet={outlet} since={since} offset={offset} filtered={filtered} />
      )}
    </>
  );
}

function SearchForm({ location, q }: { location: Location; q: string }) {
  const [value, setValue] = useState(q);
  return (
    <form
      class="search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        navigate(withQuery(location, { q: value.trim(), offset: null }));
      }}
    >
      <label for="search-q">Search articles</label>
      <div class="row">
        <input id="search-q" type="search" name="q" value={value} onInput={(e) => setValue(e.currentTarget.value)} placeholder="words, names, places" autoComplete="off" />
        <button type="submit">Search</button>
        {q ? (
          <a class="button secondary" href={withQuery(location, { q: null, offset: null })}>
            Clear search
          </a>
        ) : null}
      </div>
    </form>
  );
}

function EntityOptions({ text }: { text: string }) {
  const [options, setOptions] = useState<EntitySummary[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      getJson<Page<EntitySummary>>(apiUrl('entities', { q: text.trim(), limit: 12 }), controller.signal).then(
        (page) => setOptions(page.items),
        () => setOptions([]),
      );
    }, 200);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text]);
  return (
    <datalist id="entity-options">
      {options.map((e) => (
        <option key={e.id} value={e.name}>
          {`${e.type}, ${plural(e.articles, 'article')}`}
        </option>
      ))}
    </datalist>
  );
}

function FilterForm({ location, entity, outlet, since }: { location: Location; entity: string; outlet: string; since: string }) {
  const [entityText, setEntityText] = useState(entity);
  const [outletValue, setOutletValue] = useState(outlet);
  const [sinceValue, setSinceValue] = useState(since);
  const outlets = useApi<Page<OutletSummary>>(apiUrl('outlets', { limit: 200 }));
  const known = outlets.data?.items.map((o) => o.outlet) ?? [];
  if (outlet && !known.includes(outlet)) known.unshift(outlet);
  const active = Boolean(entity || outlet || since);
  return (
    <form
      class="filters"
      aria-label="Filter stories and search results"
      onSubmit={(e) => {
        e.preventDefault();
        navigate(withQuery(location, { entity: entityText.trim(), outlet: outletValue, since: sinceValue, offset: null }));
      }}
    >
      <div class="field">
        <label for="filter-entity">Entity</label>
        <input id="filter-entity" list="entity-options" value={entityText} onInput={(e) => setEntityText(e.currentTarget.value)} placeholder="person, organisation, place" autoComplete="off" />
        <EntityOptions text={entityText} />
      </div>
      <div class="field">
        <label for="filter-outlet">Outlet</label>
        <select id="filter-outlet" value={outletValue} onChange={(e) => setOutletValue(e.currentTarget.value)}>
          <option value="">All outlets</option>
          {known.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-since">Active since</label>
        <input id="filter-since" type="date" value={sinceValue} onInput={(e) => setSinceValue(e.currentTarget.value)} />
      </div>
      <div class="field actions">
        <button type="submit">Apply filters</button>
        {active ? (
          <a class="button secondary" href={withQuery(location, { entity: null, outlet: null, since: null, offset: null })}>
            Clear filters
          </a>
        ) : null}
      </div>
    </form>
  );
}

function StoryList({ location, entity, outlet, since, offset, filtered }: { location: Location; entity: string; outlet: string; since: string; offset: number; filtered: boolean }) {
  const { data, error, loading } = useApi<Page<StorySummary>>(apiUrl('stories', { entity, outlet, since, limit: STORY_PAGE, offset }));
  if (error) return <ErrorBox error={error} what="stories" />;
  if (loading || !data) return <Loading what="stories" />;
  if (data.items.length === 0) {
    return (
      <p class="empty">
        {filtered ? 'No story matches these filters.' : 'No stories yet.'} <a href="/add">Add pages</a> to build the corpus.
      </p>
    );
  }
  return (
    <>
      <ol class="story-list" aria-label="Stories">
        {data.items.map((story) => (
          <li key={story.id} class="story-card">
            <div class="story-main">
              <h2 class="story-title">
                <a href={`/stories/${story.id}`}>{story.label}</a>
              </h2>
              <p class="meta">
                <span>{formatSpan(story.first, story.last)}</span>
                <span>{plural(story.articles, 'article')}</span>
                {story.copies > 0 ? <span>{plural(story.copies, 'copy', 'copies')}</span> : null}
              </p>
              <Chips items={story.outlets} label={`Outlets covering ${story.label}`} href={(o) => withQuery(location, { outlet: o, offset: null })} />
            </div>
            <div class="story-spark">
              <LazyStorySparkline id={story.id} label={`Coverage of ${story.label}`} />
            </div>
          </li>
        ))}
      </ol>
      <Pager offset={offset} limit={STORY_PAGE} count={data.items.length} hrefFor={(o) => withQuery(location, { offset: o || null })} label="Story pages" />
    </>
  );
}

function SearchResults({ location, q, entity, outlet, since, offset }: { location: Location; q: string; entity: string; outlet: string; since: string; offset: number }) {
  const { data, error, loading } = useApi<Page<SearchHit>>(apiUrl('search', { q, entity, outlet, since, limit: SEARCH_PAGE, offset }));
  if (error) return <ErrorBox error={error} what="search results" />;
  if (loading || !data) return <Loading what="search results" />;
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title" class="results-title" aria-live="polite">
        {data.items.length === 0 ? `No articles match “${q}”.` : `Articles matching “${q}”`}
      </h2>
      <ol class="hits">
        {data.items.map((hit) => (
          <li key={hit.id} class="hit">
            <h3>
              <a href={`/articles/${hit.id}`}>{hit.title ?? '(untitled article)'}</a>
            </h3>
            <p class="meta">
              <span>{hit.outlet ?? 'unknown outlet'}</span>
              <span>{formatDate(hit.published)}</span>
              {hit.story !== null ? (
                <span>
                  <a href={`/stories/${hit.story}`}>its story</a>
                </span>
              ) : null}
            </p>
            <p class="snippet">
              <Snippet text={hit.snippet} />
            </p>
          </li>
        ))}
      </ol>
      <Pager offset={offset} limit={SEARCH_PAGE} count={data.items.length} hrefFor={(o) => withQuery(location, { offset: o || null })} label="Search result pages" />
    </section>
  );
}
