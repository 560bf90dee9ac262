/**
 * Outlets compared: how much each wrote and in which genres, and which of the story's events and
 * quotes each one carried (as tables with real headers, so they read well in a screen reader too).
 */
import type { ComponentChildren } from 'preact';
import { formatDate, plural } from '../format';
import type { OutletCoverage, SpeakerQuotes, TimelineEvent } from '../types';

const GENRES = ['reporting', 'analysis', 'opinion'];

interface MatrixRow {
  key: string;
  className?: string;
  head: ComponentChildren;
  has: (outlet: string) => boolean;
}

/** Rows (events or quotes) against outlets, a mark where the outlet has the row; folded away. */
function CoverageMatrix({ summary, corner, outlets, rows, verb, note }: { summary: string; corner: string; outlets: string[]; rows: MatrixRow[]; verb: string; note?: string }) {
  return (
    <details class="matrix">
      <summary>{summary}</summary>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{corner}</th>
              {outlets.map((o) => (
                <th key={o} scope="col" class="rotate">
                  {o}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} class={row.className}>
                <th scope="row">{row.head}</th>
                {outlets.map((o) => (
                  <td key={o} class="cell">
                    <Mark on={row.has(o)} label={`${verb} by ${o}`} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {note ? <p class="muted note">{note}</p> : null}
    </details>
  );
}

function GenreBar({ genres }: { genres: Record<string, number> }) {
  const total = Object.values(genres).reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const order = [...GENRES, ...Object.keys(genres).filter((g) => !GENRES.includes(g)).sort()];
  let x = 0;
  const text = order
    .filter((g) => genres[g])
    .map((g) => `${genres[g]} ${g}`)
    .join(', ');
  return (
    <span class="genre-mix">
      <svg class="genre-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
        {order.map((g) => {
          const n = genres[g] ?? 0;
          if (!n) return null;
          const w = (n / total) * 100;
          const rect = <rect key={g} x={x} y="0" width={w} height="10" class={`genre-${GENRES.includes(g) ? g : 'other'}`} />;
          x += w;
          return rect;
        })}
      </svg>
      <span class="genre-text">{text}</span>
    </span>
  );
}

function Mark({ on, label }: { on: boolean; label: string }) {
  return on ? (
    <span class="dot-on" role="img" aria-label={label}>
      ●
    </span>
  ) : (
    <span class="dot-off" role="img" aria-label={`not ${label}`}>
      ·
    </span>
  );
}

const MATRIX_ROWS = 40;

export function Outlets({ coverage, events, speakers }: { coverage: OutletCoverage[]; events: TimelineEvent[]; speakers: SpeakerQuotes[] }) {
  if (coverage.length === 0) return <p class="empty">No outlets.</p>;
  const outlets = coverage.map((c) => c.outlet);
  const quotes = speakers.flatMap((s) => s.quotes.map((q) => ({ speaker: s.speaker, text: q.text, outlets: new Set(q.sources.map((src) => src.outlet ?? '(unknown outlet)')) })));
  const shownEvents = [...events].sort((a, b) => b.outlets.length - a.outlets.length || (a.date < b.date ? -1 : 1)).slice(0, MATRIX_ROWS).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const shownQuotes = [...quotes].sort((a, b) => b.outlets.size - a.outlets.size).slice(0, MATRIX_ROWS);
  return (
    <>
      <div class="table-wrap">
        <table class="outlets">
          <caption class="visually-hidden">Coverage by outlet</caption>
          <thead>
            <tr>
              <th scope="col">Outlet</th>
              <th scope="col">Articles</th>
              <th scope="col">Genre mix</th>
              <th scope="col">Events</th>
              <th scope="col">Quotes</th>
            </tr>
          </thead>
          <tbody>
            {coverage.map((c) => (
              <tr key={c.outlet}>
                <th scope="row">{c.outlet}</th>
                <td class="num">{c.articles}</td>
                <td>
                  <GenreBar genres={c.genres} />
                </td>
                <td class="num">
                  {c.events.length} of {events.length}
                </td>
                <td class="num">
                  {c.quotes} of {quotes.length}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shownEvents.length > 0 ? (
        <CoverageMatrix
          summary={`Which events each outlet reported${events.length > shownEvents.length ? ` (the ${shownEvents.length} most reported)` : ''}`}
          corner="Event"
          outlets={outlets}
          rows={shownEvents.map((e) => ({
            key: e.id,
            className: e.conflicts.length ? 'conflict' : undefined,
            head: (
              <>
                <a href={`#event-${e.id}`}>{formatDate(e.date)}</a> <span class="muted">{e.summary.slice(0, 70)}{e.summary.length > 70 ? '…' : ''}</span>
              </>
            ),
            has: (o: string) => e.outlets.includes(o),
          }))}
          verb="reported"
        />
      ) : null}
      {shownQuotes.length > 0 ? (
        <CoverageMatrix
          summary={`Which quotes each outlet carried${quotes.length > shownQuotes.length ? ` (the ${shownQuotes.length} most carried)` : ''}`}
          corner="Quote"
          outlets={outlets}
          rows={shownQuotes.map((q, i) => ({
            key: String(i),
            head: (
              <>
                <strong>{q.speaker}</strong>: <span class="muted">{q.text.slice(0, 80)}{q.text.length > 80 ? '…' : ''}</span>
              </>
            ),
            has: (o: string) => q.outlets.has(o),
          }))}
          verb="carried"
          note={`${plural(quotes.length, 'quote')} in all.`}
        />
      ) : null}
    </>
  );
}
