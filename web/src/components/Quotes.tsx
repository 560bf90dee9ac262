/** Who said what: quotes grouped by speaker, each with the outlets that carried it. */
import { formatDate, plural } from '../format';
import type { SpeakerQuotes } from '../types';

export function Quotes({ speakers }: { speakers: SpeakerQuotes[] }) {
  if (speakers.length === 0) return <p class="empty">No attributed quotes in this story.</p>;
  return (
    <ul class="speakers">
      {speakers.map((s) => (
        <li key={`${s.entity ?? ''}:${s.speaker}`} class="speaker">
          <h3>
            <a href={`/?entity=${encodeURIComponent(s.speaker)}`} title={`Stories mentioning ${s.speaker}`}>
              {s.speaker}
            </a>{' '}
            <span class="muted count">{plural(s.quotes.length, 'quote')}</span>
          </h3>
          {s.descriptions.length > 0 ? <p class="descriptions">{s.descriptions.join('; ')}</p> : null}
          <ul class="quotes">
            {s.quotes.map((q, i) => {
              const outlets = [...new Set(q.sources.map((src) => src.outlet ?? 'unknown outlet'))];
              return (
                <li key={i} class={`quote kind-${q.kind}`}>
                  <blockquote>{q.text}</blockquote>
                  <p class="meta">
                    <span class="badge">{q.kind}</span>
                    <span>
                      carried by{' '}
                      {q.sources.map((src, j) => (
                        <span key={j}>
                          {j > 0 ? ', ' : ''}
                          <a href={`/articles/${src.articleId}?at=${src.start}-${src.end}`} title={`${src.outlet ?? 'unknown outlet'}, ${formatDate(src.published)}`}>
                            {src.outlet ?? 'unknown outlet'}
                          </a>
                        </span>
                      ))}
                    </span>
                    {outlets.length < q.sources.length ? <span class="muted">({plural(q.sources.length, 'article')})</span> : null}
                  </p>
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}
