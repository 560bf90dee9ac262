/**
 * Coverage over time as a hand-drawn SVG: one bar per day (or per few days on long stories).
 * In the story list it loads lazily, when its row scrolls into view, from that story's article
 * dates (one bounded request per visible story, a few at a time).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiUrl, getJson, limiter } from '../api';
import { dayText, formatDate, histogram, plural } from '../format';
import type { ArticleSummary, Page } from '../types';

const W = 120;
const H = 28;

export function Sparkline({ dates, label }: { dates: (string | null)[]; label: string }) {
  const h = histogram(dates);
  if (!h) return <span class="spark-empty muted">no dated articles</span>;
  const max = Math.max(...h.bins);
  const peak = h.bins.indexOf(max);
  const step = W / h.bins.length;
  const gap = step > 3 ? 1 : 0;
  const unit = h.perBin === 1 ? 'day' : `${h.perBin} days`;
  const dated = dates.filter((d): d is string => Boolean(d)).sort();
  const description = `${label}: ${plural(dated.length, 'dated article')} from ${formatDate(dated[0])} to ${formatDate(dated.at(-1))}, at most ${max} per ${unit} (around ${formatDate(dayText(h.first + peak * h.perBin))}).`;
  return (
    <svg class="sparkline" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={description}>
      <title>{description}</title>
      <line x1="0" y1={H - 0.5} x2={W} y2={H - 0.5} class="spark-base" />
      {h.bins.map((count, i) =>
        count === 0 ? null : <rect key={i} x={i * step} width={Math.max(1, step - gap)} y={H - 1 - (count / max) * (H - 3)} height={(count / max) * (H - 3)} class={i === peak ? 'spark-bar peak' : 'spark-bar'} />,
      )}
    </svg>
  );
}

const queue = limiter(3);
const cache = new Map<number, Promise<(string | null)[]>>();

function storyDates(id: number): Promise<(string | null)[]> {
  let found = cache.get(id);
  if (!found) {
    found = queue(() => getJson<Page<ArticleSummary>>(apiUrl('articles', { story: id, limit: 500 }))).then((page) => page.items.map((a) => a.published));
    found.catch(() => cache.delete(id));
    cache.set(id, found);
  }
  return found;
}

/** Forget loaded coverage (after pages were added, a story's coverage may have grown). */
export function clearSparklines(): void {
  cache.clear();
}

export function LazyStorySparkline({ id, label }: { id: number; label: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [dates, setDates] = useState<(string | null)[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let live = true;
    const load = () =>
      storyDates(id).then(
        (d) => live && setDates(d),
        () => live && setFailed(true),
      );
    if (typeof IntersectionObserver === 'undefined') {
      void load();
      return () => void (live = false);
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          void load();
        }
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => {
      live = false;
      observer.disconnect();
    };
  }, [id]);
  return (
    <span ref={ref} class="spark-slot">
      {dates ? <Sparkline dates={dates} label={label} /> : failed ? <span class="muted">coverage unavailable</span> : <span class="spark-placeholder" aria-hidden="true" />}
    </span>
  );
}
