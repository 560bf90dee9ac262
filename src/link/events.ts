/**
 * Timeline events from dated sentences. A mention is one date expression in one article with
 * the sentence around it; mentions with the same resolved date whose sentences share enough
 * words are one event, reported by every article and outlet among them. Two events on different
 * dates whose sentences say nearly the same thing are a conflict, and both are shown as such.
 */
import { stemmer } from 'stemmer';
import { eng as englishStopwords } from 'stopword';

export interface EventMention {
  articleId: number;
  outlet: string | null;
  published: string | null;
  /** Resolved value: YYYY-MM-DD, or YYYY-MM for month precision. */
  value: string;
  text: string;
  sentence: string;
  start: number;
  end: number;
}

export interface TimelineEvent {
  id: string;
  date: string;
  /** The sentence that reports it (the earliest-published article's wording). */
  summary: string;
  mentions: EventMention[];
  articles: number[];
  outlets: string[];
  /** IDs of events on other dates that report the same happening. */
  conflicts: string[];
}

/**
 * Sentences are compared by the share of the shorter one's words found in the other (overlap
 * coefficient): a terse "the cracks were found on March 10" and a long wire lead describing the
 * same finding share most of the short one's words, while their Jaccard stays low.
 */
export const EVENT_SETTINGS = {
  /** Same date, this overlap and at least `minShared` shared words: one event. */
  sameEvent: 0.4,
  /** Different dates, sentences this alike: the sources disagree on when it happened. */
  conflict: 0.6,
  minShared: 3,
  /** Longest sentence kept as a summary. */
  summaryChars: 280,
} as const;

const STOP = new Set([...englishStopwords, 'said', 'says', 'told', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'last', 'next', 'week', 'month', 'year', 'day', 'on', 'in']);

export function keywords(sentence: string, dateText: string): Set<string> {
  const without = sentence.replace(dateText, ' ');
  const out = new Set<string>();
  for (const word of without.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []) {
    const bare = word.replace(/['’]s$/, '');
    if (bare.length > 2 && !STOP.has(bare)) out.add(stemmer(bare));
  }
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared < EVENT_SETTINGS.minShared ? 0 : shared / Math.min(a.size, b.size);
}

interface Group {
  value: string;
  mentions: EventMention[];
  words: Set<string>;
}

function byPublication(a: EventMention, b: EventMention): number {
  return (a.published ?? '9999') < (b.published ?? '9999') ? -1 : (a.published ?? '9999') > (b.published ?? '9999') ? 1 : a.articleId - b.articleId || a.start - b.start;
}

/** Groups mentions into events; linear in mentions per date, quadratic only within one date. */
export function buildTimeline(mentions: readonly EventMention[]): TimelineEvent[] {
  const byValue = new Map<string, Group[]>();
  for (const mention of [...mentions].sort(byPublication)) {
    const words = keywords(mention.sentence, mention.text);
    const groups = byValue.get(mention.value) ?? [];
    const home = groups.find((g) => overlap(g.words, words) >= EVENT_SETTINGS.sameEvent);
    if (home) {
      home.mentions.push(mention);
    } else {
      groups.push({ value: mention.value, mentions: [mention], words });
    }
    byValue.set(mention.value, groups);
  }
  const groups = [...byValue.values()].flat().sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.mentions[0]!.articleId - b.mentions[0]!.articleId));
  const events: TimelineEvent[] = groups.map((g, i) => ({
    id: `e${i + 1}`,
    date: g.value,
    summary: g.mentions[0]!.sentence.slice(0, EVENT_SETTINGS.summaryChars),
    mentions: g.mentions,
    articles: [...new Set(g.mentions.map((m) => m.articleId))],
    outlets: [...new Set(g.mentions.map((m) => m.outlet).filter((o): o is string => !!o))].sort(),
    conflicts: [],
  }));
  markConflicts(groups, events);
  return events;
}

function markConflicts(groups: Group[], events: TimelineEvent[]): void {
  // Only day-precision events can disagree; a month and a day inside it do not conflict.
  const days = groups.map((g, i) => ({ g, e: events[i]! })).filter(({ g }) => g.value.length === 10);
  for (let i = 0; i < days.length; i++) {
    for (let j = i + 1; j < days.length; j++) {
      const a = days[i]!;
      const b = days[j]!;
      if (a.g.value === b.g.value) continue;
      const sharedArticle = a.e.articles.some((id) => b.e.articles.includes(id));
      if (sharedArticle) continue;
      if (overlap(a.g.words, b.g.words) >= EVENT_SETTINGS.conflict) {
        a.e.conflicts.push(b.e.id);
        b.e.conflicts.push(a.e.id);
      }
    }
  }
}
