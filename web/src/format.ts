/** Display helpers: dates as people read them, safe outbound links, snippet highlights. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-03-10` → `10 Mar 2026`, `2026-03` → `Mar 2026`, anything else as given. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return 'undated';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  if (!mo) return y!;
  const month = MONTHS[Number(mo) - 1] ?? mo;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export function formatSpan(first: string | null, last: string | null): string {
  if (!first && !last) return 'undated';
  if (!first || !last || first === last) return formatDate(first ?? last);
  return `${formatDate(first)} – ${formatDate(last)}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Only http(s) URLs become links: a stored `javascript:` URL must never be clickable. */
export function safeHref(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** Splits a search snippet at the server's [[ and ]] markers; the text itself is never parsed as HTML. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const open = rest.indexOf('[[');
    if (open === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    const close = rest.indexOf(']]', open + 2);
    if (close === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), match: false });
    parts.push({ text: rest.slice(open + 2, close), match: true });
    rest = rest.slice(close + 2);
  }
  return parts.filter((p) => p.text.length > 0);
}

/** Day number since 1970 of `YYYY-MM-DD` (month/year precision: the first day). */
export function dayNumber(value: string): number | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)) / 86_400_000);
}

export function dayText(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Counts per day between the first and last date (at most `maxBins` bins, merged evenly). Short
 * spans are padded on both sides to `minBins` days, so a one-day story is one bar, not a block.
 */
export function histogram(dates: (string | null)[], maxBins = 40, minBins = 15): { bins: number[]; first: number; last: number; perBin: number } | null {
  const days = dates.map((d) => (d ? dayNumber(d) : null)).filter((d): d is number => d !== null);
  if (days.length === 0) return null;
  let first = Math.min(...days);
  let last = Math.max(...days);
  if (last - first + 1 < minBins) {
    const pad = minBins - (last - first + 1);
    first -= Math.floor(pad / 2);
    last += Math.ceil(pad / 2);
  }
  const span = last - first + 1;
  const perBin = Math.max(1, Math.ceil(span / maxBins));
  const bins = new Array<number>(Math.ceil(span / perBin)).fill(0);
  for (const day of days) bins[Math.floor((day - first) / perBin)]!++;
  return { bins, first, last, perBin };
}
