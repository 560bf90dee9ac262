/**
 * What the linker compares: an article reduced to weighted terms, weighted entity keys and a
 * date. Computed once per article, next to cleaning and analysis (pure, so it runs in a worker).
 */
import { eng as englishStopwords } from 'stopword';
import { stemmer } from 'stemmer';
import { variantKey } from '../analyze/entities.js';
import type { Article } from '../model.js';

export interface LinkFeatures {
  /** YYYY-MM-DD: publication date, else the day the article's own dates point to, else null. */
  date: string | null;
  /** Stemmed content words and their weights (title and opening count more). */
  terms: Record<string, number>;
  /** Entity keys ("p:zelenski", "o:european commision", "l:kiv") and their weights. */
  entities: Record<string, number>;
  /** Surface title words, unstemmed, for story labels. */
  titleWords: string[];
  /** A display name per entity key (people by surname), for story labels. */
  names: Record<string, string>;
}

/**
 * Words every news story uses, whatever it is about; they would make unrelated stories look alike
 * before the corpus has enough articles for document frequencies to discount them.
 */
const NEWS_FUNCTION_WORDS = new Set([
  'said', 'says', 'told', 'tell', 'according', 'added', 'also', 'would', 'could', 'will', 'one', 'two', 'three',
  'year', 'years', 'week', 'weeks', 'month', 'months', 'day', 'days', 'today', 'yesterday', 'tomorrow', 'last',
  'next', 'new', 'first', 'time', 'people', 'percent', 'per', 'cent', 'million', 'billion', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december', 'mr', 'ms', 'mrs', 'dr', 'statement',
  'reporters', 'news', 'report', 'reported', 'including', 'since', 'still', 'many', 'made', 'make', 'just',
]);
const STOPWORDS = new Set([...englishStopwords, ...NEWS_FUNCTION_WORDS]);

export const FEATURE_SETTINGS = {
  titleWeight: 3,
  leadWeight: 2,
  /** Words of the opening that count as lead. */
  leadWords: 80,
  maxTerms: 40,
  maxEntities: 20,
  /** Entity types and how much a shared one says about being the same story. */
  entityTypeWeight: { person: 1, organization: 0.8, place: 0.6, group: 0.2 } as Record<string, number>,
} as const;

function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const word of text.toLowerCase().match(/[\p{L}][\p{L}'’-]*[\p{L}]|\p{N}{4}/gu) ?? []) {
    const bare = word.replace(/['’]s$/, '');
    if (bare.length < 3 || STOPWORDS.has(bare)) continue;
    out.push(bare);
  }
  return out;
}

function topEntries(weights: Map<string, number>, limit: number): Record<string, number> {
  const sorted = [...weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
  return Object.fromEntries(sorted.map(([key, weight]) => [key, Math.round(weight * 1000) / 1000]));
}

function termWeights(article: Pick<Article, 'title' | 'dek' | 'text'>): Map<string, number> {
  const s = FEATURE_SETTINGS;
  const counts = new Map<string, number>();
  const add = (words: string[], weight: number) => {
    for (const word of words) {
      const stem = stemmer(word);
      counts.set(stem, (counts.get(stem) ?? 0) + weight);
    }
  };
  add(contentWords(article.title ?? ''), s.titleWeight);
  add(contentWords(article.dek ?? ''), s.leadWeight);
  const body = contentWords(article.text);
  add(body.slice(0, s.leadWords), s.leadWeight);
  add(body.slice(s.leadWords), 1);
  // Sub-linear: a word used twenty times is not twenty times as telling.
  for (const [term, count] of counts) counts.set(term, 1 + Math.log(count));
  return counts;
}

const TYPE_PREFIX: Record<string, string> = { person: 'p', organization: 'o', place: 'l', group: 'g' };

/** People are keyed by surname, so "Volodymyr Zelenskyy" and a later "Zelensky" meet across articles. */
export function entityKey(name: string, type: string): string {
  const key = variantKey(name).trim();
  if (type === 'person') return `p:${key.split(/\s+/).at(-1) ?? key}`;
  return `${TYPE_PREFIX[type] ?? 'x'}:${key}`;
}

function entityWeights(article: Pick<Article, 'entities'>, names: Record<string, string>): Map<string, number> {
  const weights = new Map<string, number>();
  for (const entity of article.entities ?? []) {
    const typeWeight = FEATURE_SETTINGS.entityTypeWeight[entity.type] ?? 0.5;
    const key = entityKey(entity.name, entity.type);
    if (key.length < 4) continue;
    weights.set(key, (weights.get(key) ?? 0) + typeWeight * (1 + Math.log(Math.max(1, entity.mentions.length))));
    names[key] ??= entity.type === 'person' ? (entity.name.split(/\s+/).at(-1) ?? entity.name) : entity.name;
  }
  return weights;
}

function featureDate(article: Pick<Article, 'published' | 'dates'>): string | null {
  const published = article.published.date;
  if (published && /^\d{4}-\d{2}-\d{2}$/.test(published)) return published;
  const days = (article.dates ?? []).map((d) => d.value).filter((v): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v)).sort();
  return days.at(-1) ?? (published ? `${published}-01-01`.slice(0, 10) : null);
}

/** Headline words that say what happened: lower-cased, without stopwords or the names of entities. */
function topicWords(article: Pick<Article, 'title' | 'entities'>): string[] {
  const named = new Set<string>();
  for (const entity of article.entities ?? []) {
    for (const form of [entity.name, ...entity.aliases]) for (const word of form.toLowerCase().split(/\s+/)) named.add(word.replace(/['’]s$/, ''));
  }
  const words = (article.title ?? '').toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  return words.map((w) => w.replace(/['’]s$/, '')).filter((w) => w.length > 2 && !STOPWORDS.has(w) && !named.has(w));
}

export function linkFeatures(article: Pick<Article, 'title' | 'dek' | 'text' | 'published' | 'entities' | 'dates'>): LinkFeatures {
  const names: Record<string, string> = {};
  const entities = topEntries(entityWeights(article, names), FEATURE_SETTINGS.maxEntities);
  return {
    date: featureDate(article),
    terms: topEntries(termWeights(article), FEATURE_SETTINGS.maxTerms),
    entities,
    names: Object.fromEntries(Object.keys(entities).map((key) => [key, names[key]!])),
    titleWords: topicWords(article),
  };
}
