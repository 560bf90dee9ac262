import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { snippetParts } from '../format';

export function Loading({ what }: { what: string }) {
  return (
    <p class="status" role="status">
      Loading {what}…
    </p>
  );
}

export function ErrorBox({ error, what }: { error: Error; what?: string }) {
  const code = (error as { code?: string }).code;
  return (
    <div class="error" role="alert">
      <strong>{what ? `Could not load ${what}.` : 'Something went wrong.'}</strong> {error.message}
      {code ? <span class="muted"> ({code})</span> : null}
    </div>
  );
}

/** A search snippet: the server's [[matches]] wrapped in <mark>, everything as text nodes. */
export function Snippet({ text }: { text: string }) {
  return (
    <>
      {snippetParts(text).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}
    </>
  );
}

export function Chips({ items, label, href }: { items: string[]; label: string; href?: (item: string) => string }) {
  if (items.length === 0) return null;
  return (
    <ul class="chips" aria-label={label}>
      {items.map((item) => (
        <li key={item} class="chip">
          {href ? <a href={href(item)}>{item}</a> : item}
        </li>
      ))}
    </ul>
  );
}

export function Pager({ offset, limit, count, hrefFor, label }: { offset: number; limit: number; count: number; hrefFor: (offset: number) => string; label: string }) {
  const hasPrev = offset > 0;
  const hasNext = count >= limit;
  if (!hasPrev && !hasNext) return null;
  return (
    <nav class="pager" aria-label={label}>
      {hasPrev ? (
        <a class="button" href={hrefFor(Math.max(0, offset - limit))} rel="prev">
          ← Previous
        </a>
      ) : null}
      <span class="muted">
        {offset + 1}–{offset + count}
      </span>
      {hasNext ? (
        <a class="button" href={hrefFor(offset + limit)} rel="next">
          Next →
        </a>
      ) : null}
    </nav>
  );
}

/** Focus stays where the browser puts it on the first page load (the skip link comes first). */
let firstPage = true;

/** The page's main heading; it takes focus after a navigation so screen readers announce the page. */
export function PageTitle({ children, title }: { children: ComponentChildren; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · newsprism`;
    if (firstPage) {
      firstPage = false;
      return;
    }
    const active = document.activeElement;
    // Keep focus where the user put it inside the page (e.g. a filter field); otherwise move it here.
    if (!active || active === document.body || !document.getElementById('main')?.contains(active)) ref.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function Section({ id, title, children, note }: { id: string; title: string; children: ComponentChildren; note?: ComponentChildren }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} class="panel">
      <h2 id={`${id}-title`}>{title}</h2>
      {note ? <p class="muted note">{note}</p> : null}
      {children}
    </section>
  );
}
