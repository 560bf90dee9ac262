/**
 * Turns an article's annotations (quotes, entity mentions, dates, numbers — character offsets
 * into its text) into flat segments per paragraph, each carrying the annotations that cover it.
 * Rendering then wraps each segment's text in one <span class> as a text node: offsets decide
 * where highlights go, and the text is never interpreted as markup.
 */
import type { ArticleDetail, Span } from './types';

export type Kind = 'quote' | 'entity' | 'speaker' | 'date' | 'number' | 'target';

export interface Mark extends Span {
  kind: Kind;
  /** CSS classes beyond the kind (e.g. the entity type). */
  extra?: string;
  /** A short description shown as a tooltip. */
  note: string;
}

export interface Segment extends Span {
  text: string;
  marks: Mark[];
}

export function articleMarks(article: ArticleDetail, target: Span | null): Mark[] {
  const marks: Mark[] = [];
  const speakerIds = new Set(article.quotes.map((q) => q.speaker?.entity).filter((id): id is number => typeof id === 'number'));
  for (const q of article.quotes) {
    const who = q.speaker ? `${q.speaker.name}${q.speaker.description ? `, ${q.speaker.description}` : ''}` : 'unattributed';
    marks.push({ start: q.start, end: q.end, kind: 'quote', extra: `kind-${q.kind}`, note: `Quote (${q.kind}): ${who}` });
  }
  for (const e of article.entities) {
    const speaker = speakerIds.has(e.id);
    for (const m of e.mentions) marks.push({ start: m.start, end: m.end, kind: speaker ? 'speaker' : 'entity', extra: `type-${e.type}`, note: `${e.name} (${e.type}${speaker ? ', quoted' : ''})` });
  }
  for (const d of article.dates) marks.push({ start: d.start, end: d.end, kind: 'date', note: `${d.type}${d.value ? `: ${d.value}` : ''} (${d.basis})` });
  for (const n of article.numbers) marks.push({ start: n.start, end: n.end, kind: 'number', note: `${n.value}${n.unit ? ` ${n.unit}` : ''}${n.qualifier ? ` (${n.qualifier})` : ''}` });
  if (target) marks.push({ start: target.start, end: target.end, kind: 'target', note: 'The passage you followed' });
  const length = article.text.length;
  return marks.filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end <= length && m.start < m.end);
}

/** Paragraph spans as given; when missing, the text split at blank lines. */
export function paragraphSpans(article: ArticleDetail): Span[] {
  const valid = article.paragraphs.filter((p) => p.start >= 0 && p.end <= article.text.length && p.start < p.end);
  if (valid.length > 0) return valid;
  const spans: Span[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  for (let m = re.exec(article.text); m; m = re.exec(article.text)) {
    if (m.index > start) spans.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < article.text.length) spans.push({ start, end: article.text.length });
  return spans;
}

/** Splits one paragraph at every mark boundary inside it. Marks are sorted by start once by the caller. */
export function segments(text: string, paragraph: Span, marks: Mark[]): Segment[] {
  const inside = marks.filter((m) => m.start < paragraph.end && m.end > paragraph.start);
  const cuts = new Set<number>([paragraph.start, paragraph.end]);
  for (const m of inside) {
    cuts.add(Math.max(m.start, paragraph.start));
    cuts.add(Math.min(m.end, paragraph.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    out.push({ start, end, text: text.slice(start, end), marks: inside.filter((m) => m.start <= start && m.end >= end) });
  }
  return out;
}

/** Parses `?at=120-184` into a span. */
export function parseTarget(value: string | null): Span | null {
  const m = /^(\d{1,9})-(\d{1,9})$/.exec(value ?? '');
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return start < end ? { start, end } : null;
}
