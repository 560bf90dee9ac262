/**
 * Temporal expressions in an English article body: where they are (character offsets into the
 * text, end exclusive), what they resolve to, and how (`basis`). The publication date is passed
 * in; nothing reads the clock. Conventions for values are listed in dates/resolve.ts.
 *
 * The pipeline, in order:
 *  1. propose — every rule in dates/rules.ts reads candidates, keeping only what was written;
 *  2. select — overlaps settled, longest span first (dates/select.ts);
 *  3. tense — for expressions whose value depends on it, the nearest verb group of their
 *     sentence says past or future (dates/tense.ts); needs the final spans, so after 2;
 *  4. resolve — in text order, because "a year earlier" and "one day before the talks" count
 *     from dates resolved before them (dates/anchors.ts), and a quoted "today" from the day
 *     the report has reached so far (dates/quotations.ts);
 *  5. clock times — last: a time takes its day from the dates around it, before or after it.
 * Every step is linear in the text (bounded patterns, sweeps, one sort of the candidates).
 */
import type { TemporalBasis, TemporalExpression } from './types.js';
import { indexSentence, type DatedSpan, type EventIndex } from './dates/anchors.js';
import { compareDays, daysBetween, parseDay, type Day, type Point } from './dates/calendar.js';
import { insideQuotations, quotationSpans } from './dates/quotations.js';
import type { Candidate } from './dates/readings.js';
import { clockValue, needsTense, resolveReading, type Resolved } from './dates/resolve.js';
import { propose } from './dates/rules.js';
import { selectCandidates } from './dates/select.js';
import { sentenceIndexes, splitSentences, type Sentences } from './dates/sentences.js';
import { clauseTenses, clauseTokens, clauseTokensFrom, type TenseVerdict } from './dates/tense.js';
import type { TaggedText } from './text.js';

export { chronoBaseline } from './dates/chrono.js';

interface Analysed {
  candidate: Candidate;
  sentence: number;
  tense: TenseVerdict | null;
  resolved: Resolved;
}

/** How long before publication a dated day can still be the day a quoted speaker spoke. */
const SPEECH_WINDOW_DAYS = 7;

interface Placed {
  chosen: readonly Candidate[];
  sentenceOf: readonly number[];
  quoted: readonly boolean[];
  verdicts: readonly (TenseVerdict | null)[];
}

type Wants = (c: Candidate) => boolean;

/**
 * Tense verdicts, computed sentence by sentence and only where some expression needs one, from
 * the whole text's wink pass when there is one, else by tagging those sentences alone.
 */
function tenses(text: string, tokens: TaggedText | null, sentences: Sentences, chosen: readonly Candidate[], sentenceOf: readonly number[], wants: Wants): (TenseVerdict | null)[] {
  const out: (TenseVerdict | null)[] = new Array(chosen.length).fill(null);
  for (let i = 0; i < chosen.length; ) {
    let j = i;
    while (j < chosen.length && sentenceOf[j] === sentenceOf[i]) j++;
    const group = chosen.slice(i, j);
    const wanted = group.map(wants);
    if (wanted.some(Boolean)) {
      const start = sentences.starts[sentenceOf[i]!]!;
      const sentenceEnd = sentences.ends[sentenceOf[i]!]!;
      const end = Math.max(sentenceEnd, group.at(-1)!.end);
      const spans = group.map((c) => ({ start: c.start - start, end: c.end - start }));
      // An expression running past its sentence cuts the next one: wink tags the words before such
      // a cut by what follows them, so that slice is tagged alone, as it always was.
      const shared = tokens && end === sentenceEnd ? clauseTokensFrom(tokens, start, end) : null;
      const clause = shared ?? clauseTokens(text.slice(start, end));
      clauseTenses(clause, spans, wanted).forEach((verdict, k) => (out[i + k] = verdict));
    }
    i = j;
  }
  return out;
}

/**
 * The day a report has reached: the latest day-valued date so far that is on or before
 * publication and within SPEECH_WINDOW_DAYS of it ("on Monday" in the lede, even after a
 * "late on Sunday"). Quotes were given, and past events with a clock time happened, on it.
 */
function laterReportDay(point: Point, published: Day | null, current: Day | null): Day | null {
  if (!published || point.precision !== 'day' || compareDays(point.day, published) > 0) return current;
  if (daysBetween(point.day, published) > SPEECH_WINDOW_DAYS) return current;
  return current && compareDays(current, point.day) >= 0 ? current : point.day;
}

/** Resolves in text order, feeding each date to the narrative anchor and the event index. */
function resolveInOrder(text: string, sentences: Sentences, placed: Placed, published: Day | null): { resolved: Resolved[]; reportDays: (Day | null)[] } {
  const index: EventIndex = new Map();
  const event = (word: string) => index.get(word) ?? null;
  let narrative: Point | null = null;
  let reportDay: Day | null = null;
  let sentenceDay: Day | null = null;
  let pending: DatedSpan[] = [];
  let current = -1;
  const flush = () => current >= 0 && indexSentence(index, text, sentences.starts[current]!, sentences.ends[current]!, pending);
  const reportDays: (Day | null)[] = [];
  const resolved = placed.chosen.map((c, k) => {
    if (placed.sentenceOf[k] !== current) {
      flush();
      pending = [];
      sentenceDay = null;
      current = placed.sentenceOf[k]!;
    }
    reportDays.push(reportDay);
    const speechDay = placed.quoted[k] ? reportDay : null;
    const out = resolveReading(c.reading, { published, tense: placed.verdicts[k]!, narrative, speechDay, sentenceDay, event });
    if (out.point && out.type === 'date') {
      narrative = out.point;
      reportDay = laterReportDay(out.point, published, reportDay);
      if (out.point.precision === 'day') sentenceDay = out.point.day;
      pending.push({ start: c.start, end: c.end, point: out.point });
    }
    return out;
  });
  return { resolved, reportDays };
}

const isDay = (r: Resolved) => r.type === 'date' && r.point?.precision === 'day';

/** For each expression, the nearest day-valued date before (or after) it, as an index or -1. */
function nearestDays(resolved: readonly Resolved[], step: 1 | -1): number[] {
  const out: number[] = new Array(resolved.length).fill(-1);
  let last = -1;
  const n = resolved.length;
  for (let k = step > 0 ? 0 : n - 1; k >= 0 && k < n; k += step) {
    out[k] = last;
    if (isDay(resolved[k]!)) last = k;
  }
  return out;
}

/** Characters between a time and a date that make them one phrase ("2am on Wednesday", "Friday at 9am"). */
const ADJACENT_GAP = 5;

function gapBetween(a: Candidate, b: Candidate): number {
  return a.end <= b.start ? b.start - a.end : a.start - b.end;
}

/** The day a clock time happened on, with how sure that is; null keeps the time alone. */
function dayForTime(analysed: readonly Analysed[], k: number, near: { before: number[]; after: number[] }, reportDay: Day | null, habitual: ReadonlySet<number>): { day: Day; basis: TemporalBasis } | null {
  const a = analysed[k]!;
  if (habitual.has(a.sentence)) return null;
  const same = [near.before[k]!, near.after[k]!].filter((j) => j >= 0 && analysed[j]!.sentence === a.sentence);
  const nearest = same.sort((x, y) => gapBetween(analysed[x]!.candidate, a.candidate) - gapBetween(analysed[y]!.candidate, a.candidate))[0];
  const pastEvent = a.tense?.pastEvent === true;
  if (nearest !== undefined && (pastEvent || gapBetween(analysed[nearest]!.candidate, a.candidate) <= ADJACENT_GAP)) {
    return { day: analysed[nearest]!.resolved.point!.day, basis: analysed[nearest]!.resolved.basis };
  }
  if (!pastEvent) return null;
  const previous = near.before[k]!;
  const day = reportDay ?? (previous >= 0 ? analysed[previous]!.resolved.point!.day : null);
  return day ? { day, basis: 'inferred' } : null;
}

/**
 * A clock time happened on the date next to it ("2am on Wednesday"), or — when its own verb is
 * a past event ("the boat overturned at around 3am") — on the date its sentence gives, else on
 * the day the report has reached. A habit ("answering emails at 11pm", "every evening between
 * 6pm and 10pm") or a standing instruction keeps "T21:00" alone.
 */
function attachTimes(analysed: Analysed[], reportDays: readonly (Day | null)[]): void {
  const resolved = analysed.map((a) => a.resolved);
  const near = { before: nearestDays(resolved, 1), after: nearestDays(resolved, -1) };
  const habitual = new Set(analysed.filter((a) => a.resolved.type === 'set').map((a) => a.sentence));
  analysed.forEach((a, k) => {
    if (a.candidate.reading.kind !== 'time') return;
    const { hour, minute } = a.candidate.reading;
    const dated = dayForTime(analysed, k, near, reportDays[k]!, habitual);
    a.resolved = { value: clockValue(hour, minute, dated?.day ?? null), type: 'time', basis: dated?.basis ?? 'absolute', point: null };
  });
}

function analyse(text: string, tokens: TaggedText | null, published: Day | null, wants: Wants): Analysed[] {
  const sentences = splitSentences(text);
  const chosen = selectCandidates(propose(text), text.length);
  const starts = chosen.map((c) => c.start);
  const sentenceOf = sentenceIndexes(sentences, starts);
  const verdicts = tenses(text, tokens, sentences, chosen, sentenceOf, wants);
  const quoted = insideQuotations(quotationSpans(text), starts);
  const { resolved, reportDays } = resolveInOrder(text, sentences, { chosen, sentenceOf, quoted, verdicts }, published);
  const analysed = chosen.map((candidate, k) => ({ candidate, sentence: sentenceOf[k]!, tense: verdicts[k]!, resolved: resolved[k]! }));
  attachTimes(analysed, reportDays);
  return analysed;
}

function toExpression(text: string, a: Analysed): TemporalExpression {
  const { start, end } = a.candidate;
  const { value, type, basis } = a.resolved;
  return { start, end, text: text.slice(start, end), value, type, basis };
}

/** The analysis stage's wink pass over `text`, if the caller's is of this same text. */
const sameText = (text: string, tokens: TaggedText | undefined): TaggedText | null => (tokens && tokens.text === text ? tokens : null);

/**
 * Every temporal expression in `text`. `published` (YYYY-MM-DD) anchors relative and
 * tense-dependent values; without it only fully written ones get a value. `tokens` is the
 * analysis stage's wink pass over this same text, when the caller has it.
 */
export function findDates(text: string, options: { published: string | null }, tokens?: TaggedText): TemporalExpression[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const published = parseDay(options.published);
  // Without a publication date tense still tells "in two days" (a date) from a duration, and
  // whether a clock time is a past event that takes the narrative's day.
  const wants: Wants = (c) => needsTense(c.reading) && (published !== null || c.reading.kind === 'inUnits' || c.reading.kind === 'time');
  return analyse(text, sameText(text, tokens), published, wants).map((a) => toExpression(text, a));
}

const isFullDate = (c: Candidate) => c.reading.kind === 'calendar' && c.reading.year !== null && c.reading.day !== null;

/**
 * A likely publication date (YYYY-MM-DD) for an article that gives none: the latest fully
 * written date outside a future clause — a report dates its events on or before the day it
 * appears. Null when the text writes no such date.
 */
export function inferPublished(text: string, tokens?: TaggedText): string | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  let latest: string | null = null;
  for (const a of analyse(text, sameText(text, tokens), null, isFullDate)) {
    if (!isFullDate(a.candidate) || a.tense?.direction === 1 || !a.resolved.value) continue;
    if (latest === null || a.resolved.value > latest) latest = a.resolved.value;
  }
  return latest;
}
