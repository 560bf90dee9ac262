/**
 * A story's timeline: an SVG strip placing each dated event on a date axis (size = outlets
 * reporting it, conflicts in the warning colour) above the accessible list of events. Each event
 * lists its outlets and opens the sentences that date it; conflicting events link to each other.
 */
import { useRef, useState } from 'preact/hooks';
import { dayNumber, formatDate, plural } from '../format';
import { useWidth } from '../hooks';
import type { EventMention, TimelineEvent } from '../types';
import { Chips } from './common';

const H = 64;
const PAD = 14;

function Strip({ events, onPick }: { events: TimelineEvent[]; onPick: (id: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const W = useWidth(ref, 800);
  const days = events.map((e) => dayNumber(e.date));
  const known = days.filter((d): d is number => d !== null);
  if (known.length === 0) return <div ref={ref} />;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = Math.max(1, max - min);
  const maxOutlets = Math.max(1, ...events.map((e) => e.outlets.length));
  const stacks = new Map<number, number>();
  const x = (day: number) => (min === max ? W / 2 : PAD + ((day - min) / span) * (W - 2 * PAD));
  const conflicts = events.filter((e) => e.conflicts.length > 0).length;
  const label = `${plural(events.length, 'dated event')} from ${formatDate(events[0]?.date)} to ${formatDate(events.at(-1)?.date)}${conflicts ? `, ${conflicts} with conflicting dates` : ''}. The list below has every event.`;
  return (
    <div ref={ref} class="strip-wrap">
      <svg class="timeline-strip" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label}>
        <line x1={PAD} x2={W - PAD} y1={H - 16} y2={H - 16} class="axis" />
        <text x={PAD} y={H - 2} class="axis-label">
          {formatDate(events[0]?.date)}
        </text>
        {min !== max ? (
          <text x={W - PAD} y={H - 2} class="axis-label end">
            {formatDate(events.at(-1)?.date)}
          </text>
        ) : null}
        {events.map((event, i) => {
          const day = days[i];
          if (day === null || day === undefined) return null;
          const level = stacks.get(day) ?? 0;
          stacks.set(day, level + 1);
          const r = 3 + (4 * event.outlets.length) / maxOutlets;
          const cy = H - 16 - 9 - level * 9;
          if (cy < r) return null;
          return (
            <circle key={event.id} cx={x(day)} cy={cy} r={r} class={event.conflicts.length ? 'event-dot conflict' : 'event-dot'} onClick={() => onPick(event.id)}>
              <title>{`${formatDate(event.date)}: ${event.summary}`}</title>
            </circle>
          );
        })}
      </svg>
    </div>
  );
}

/** The dating sentence with the date expression marked. */
function Sentence({ mention }: { mention: EventMention }) {
  const at = mention.text ? mention.sentence.indexOf(mention.text) : -1;
  if (at === -1) return <>{mention.sentence}</>;
  return (
    <>
      {mention.sentence.slice(0, at)}
      <mark class="date-mark">{mention.text}</mark>
      {mention.sentence.slice(at + mention.text.length)}
    </>
  );
}

function EventItem({ event, byId, open, onToggle }: { event: TimelineEvent; byId: Map<string, TimelineEvent>; open: boolean; onToggle: () => void }) {
  const sourcesId = `event-${event.id}-sources`;
  const conflict = event.conflicts.length > 0;
  return (
    <li id={`event-${event.id}`} class={conflict ? 'event conflict' : 'event'}>
      <div class="event-date">
        <time dateTime={event.date}>{formatDate(event.date)}</time>
      </div>
      <div class="event-body">
        <p class="event-summary">{event.summary}</p>
        <Chips items={event.outlets} label={`Outlets reporting the event of ${formatDate(event.date)}`} />
        {conflict ? (
          <p class="conflict-note">
            <span class="badge warn">Conflict</span> The same happening is reported on{' '}
            {event.conflicts.map((id, i) => (
              <span key={id}>
                {i > 0 ? ', ' : ''}
                <a href={`#event-${id}`}>{formatDate(byId.get(id)?.date)}</a>
              </span>
            ))}
            .
          </p>
        ) : null}
        <button type="button" class="link-button" aria-expanded={open} aria-controls={sourcesId} onClick={onToggle}>
          {open ? 'Hide' : 'Show'} the {plural(event.mentions.length, 'sentence')} that date it
        </button>
        {open ? (
          <ul id={sourcesId} class="mentions">
            {event.mentions.map((m, i) => (
              <li key={i}>
                <blockquote>
                  <Sentence mention={m} />
                </blockquote>
                <p class="meta">
                  <span>{m.outlet ?? 'unknown outlet'}</span>
                  <span>published {formatDate(m.published)}</span>
                  <a href={`/articles/${m.articleId}?at=${m.start}-${m.end}`}>in the article</a>
                </p>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
}

export function Timeline({ events }: { events: TimelineEvent[] }) {
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  if (events.length === 0) return <p class="empty">No dated events found in this story’s articles.</p>;
  const byId = new Map(events.map((e) => [e.id, e]));
  const toggle = (id: string, force?: boolean) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (force ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });
  const pick = (id: string) => {
    toggle(id, true);
    const element = document.getElementById(`event-${id}`);
    element?.scrollIntoView({ block: 'center' });
    element?.querySelector<HTMLButtonElement>('button')?.focus({ preventScroll: true });
  };
  return (
    <>
      <Strip events={events} onPick={pick} />
      <ol class="events">
        {events.map((event) => (
          <EventItem key={event.id} event={event} byId={byId} open={open.has(event.id)} onToggle={() => toggle(event.id)} />
        ))}
      </ol>
    </>
  );
}
