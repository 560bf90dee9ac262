/**
 * Online story clustering, the pure part: a story's profile, how well an article fits it, and
 * how a profile absorbs an article. The store finds candidate stories through an index and
 * persists profiles; everything here works on one article and a handful of candidates, so the
 * cost of linking does not grow with the corpus.
 *
 * Fit = (termWeight·cos(terms) + entityWeight·cos(entities)) × time decay, with inverse document
 * frequencies applied to both. Decay is 1 inside the story's span and halves every
 * `halfLifeDays` outside it: May's talks and August's summit stay apart even with the same cast.
 */
import type { LinkFeatures } from './features.js';

export interface StoryProfile {
  terms: Record<string, number>;
  entities: Record<string, number>;
  titleWords: Record<string, number>;
  /** Display names of the profile's entity keys. */
  names: Record<string, string>;
  first: string | null;
  last: string | null;
  size: number;
}

export const CLUSTER_SETTINGS = {
  termWeight: 0.55,
  /** Term similarity at which entity agreement counts in full. */
  entityGateTerms: 0.15,
  entityWeight: 0.45,
  graceDays: 7,
  halfLifeDays: 14,
  /** A fit at or above this joins the story; below, the article starts one. */
  joinThreshold: 0.1,
  /** Two stories whose profiles fit this well become one. */
  mergeThreshold: 0.35,
  profileTerms: 120,
  profileEntities: 50,
  /** How many of a story's strongest terms and entities go into the candidate index. */
  indexTerms: 25,
  /** Stories idle for longer than this are not candidates. */
  windowDays: 60,
  /** Keys in more than this share of articles (and at least commonMinimum of them) are not indexed or looked up. */
  commonShare: 0.2,
  commonMinimum: 50,
  /** Stories read per looked-up key, most recently active first: lookups cost the same at any corpus size. */
  storiesPerKey: 30,
} as const;

export type Idf = (key: string) => number;

const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

function cosine(a: Record<string, number>, b: Record<string, number>, idf: Idf): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [key, weight] of Object.entries(a)) {
    const w = weight * idf(key);
    normA += w * w;
    const other = b[key];
    if (other !== undefined) dot += w * other * idf(key);
  }
  for (const [key, weight] of Object.entries(b)) {
    const w = weight * idf(key);
    normB += w * w;
  }
  return normA > 0 && normB > 0 ? dot / Math.sqrt(normA * normB) : 0;
}

/** Days between a date and a span (0 inside it); unknown dates neither help nor hurt. */
function gapDays(date: string | null, first: string | null, last: string | null): number {
  if (!date || !first || !last) return 0;
  const day = dayNumber(date);
  const a = dayNumber(first);
  const b = dayNumber(last);
  return day < a ? a - day : day > b ? day - b : 0;
}

/** Full weight within a week of the story's span (coverage trails and leads events), then halving. */
export function decay(gap: number): number {
  return Math.pow(0.5, Math.max(0, gap - CLUSTER_SETTINGS.graceDays) / CLUSTER_SETTINGS.halfLifeDays);
}

export interface Fit {
  score: number;
  terms: number;
  entities: number;
  gapDays: number;
}

export function fit(article: LinkFeatures, story: StoryProfile, idf: Idf): Fit {
  const terms = cosine(article.terms, story.terms, idf);
  const entities = cosine(article.entities, story.entities, idf);
  const gap = gapDays(article.date, story.first, story.last);
  const s = CLUSTER_SETTINGS;
  // An article with no entities is judged on its words alone rather than penalised.
  const hasEntities = Object.keys(article.entities).length > 0 && Object.keys(story.entities).length > 0;
  // Shared people alone do not make a story (the same minister appears in many): entity
  // agreement counts in full only once the words agree too.
  const gate = Math.min(1, terms / s.entityGateTerms);
  const similarity = hasEntities ? s.termWeight * terms + s.entityWeight * entities * gate : terms;
  return { score: similarity * decay(gap), terms, entities, gapDays: gap };
}

/** Fit of two stories, for merging: the smaller story's profile as if it were one article. */
export function storyFit(a: StoryProfile, b: StoryProfile, idf: Idf): Fit {
  const gap = Math.max(0, Math.min(...[gapDays(a.first, b.first, b.last), gapDays(a.last, b.first, b.last)]));
  const overlapping = a.first && a.last && b.first && b.last && a.first <= b.last && b.first <= a.last;
  const base = fit({ date: null, terms: a.terms, entities: a.entities, titleWords: [], names: {} }, b, idf);
  const g = overlapping ? 0 : gap;
  return { ...base, score: (base.score) * decay(g), gapDays: g };
}

function topOf(weights: Record<string, number>, limit: number): Record<string, number> {
  const entries = Object.entries(weights).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  return Object.fromEntries(entries.slice(0, limit).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
}

function addWeights(into: Record<string, number>, from: Record<string, number>): Record<string, number> {
  const out = { ...into };
  for (const [key, weight] of Object.entries(from)) out[key] = (out[key] ?? 0) + weight;
  return out;
}

function minDate(a: string | null, b: string | null): string | null {
  return !a ? b : !b ? a : a < b ? a : b;
}

function maxDate(a: string | null, b: string | null): string | null {
  return !a ? b : !b ? a : a > b ? a : b;
}

export function emptyProfile(): StoryProfile {
  return { terms: {}, entities: {}, titleWords: {}, names: {}, first: null, last: null, size: 0 };
}

export function absorb(profile: StoryProfile, article: LinkFeatures): StoryProfile {
  const s = CLUSTER_SETTINGS;
  const titleWords: Record<string, number> = { ...profile.titleWords };
  for (const word of article.titleWords) titleWords[word] = (titleWords[word] ?? 0) + 1;
  const entities = topOf(addWeights(profile.entities, article.entities), s.profileEntities);
  return {
    terms: topOf(addWeights(profile.terms, article.terms), s.profileTerms),
    entities,
    titleWords: topOf(titleWords, 30),
    names: namesOf(entities, { ...article.names, ...profile.names }),
    first: minDate(profile.first, article.date),
    last: maxDate(profile.last, article.date),
    size: profile.size + 1,
  };
}

function namesOf(entities: Record<string, number>, names: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(entities).filter((key) => names[key]).map((key) => [key, names[key]!]));
}

export function mergeProfiles(a: StoryProfile, b: StoryProfile): StoryProfile {
  const s = CLUSTER_SETTINGS;
  const entities = topOf(addWeights(a.entities, b.entities), s.profileEntities);
  return {
    terms: topOf(addWeights(a.terms, b.terms), s.profileTerms),
    entities,
    names: namesOf(entities, { ...b.names, ...a.names }),
    titleWords: topOf(addWeights(a.titleWords, b.titleWords), 30),
    first: minDate(a.first, b.first),
    last: maxDate(a.last, b.last),
    size: a.size + b.size,
  };
}

/**
 * The strongest keys by weight × idf, leaving out keys too common to tell stories apart: an index
 * entry for a word most articles use would make every lookup read most stories.
 */
function telling(weights: Record<string, number>, idf: Idf, common: (key: string) => boolean, limit: number): string[] {
  return Object.entries(weights)
    .filter(([key]) => !common(key))
    .map(([key, weight]) => [key, weight * idf(key)] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([key]) => key);
}

/** The keys a story is found by: its most telling terms and entities. */
export function indexKeys(profile: StoryProfile, idf: Idf, common: (key: string) => boolean): string[] {
  const n = CLUSTER_SETTINGS.indexTerms;
  return [...telling(profile.terms, idf, common, n), ...telling(profile.entities, idf, common, n)];
}

/** The keys an article looks stories up by. */
export function queryKeys(article: LinkFeatures, idf: Idf, common: (key: string) => boolean): string[] {
  return [...telling(article.terms, idf, common, 15), ...telling(article.entities, idf, common, 20)];
}

/** A key in more than `commonShare` of at least `commonMinimum` articles tells no story apart. */
export function isCommon(df: number, documents: number): boolean {
  return df >= CLUSTER_SETTINGS.commonMinimum && df > documents * CLUSTER_SETTINGS.commonShare;
}
