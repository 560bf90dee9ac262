/**
 * Story linking against the database: candidate stories come from the `story_keys` index (a
 * story's strongest terms and entities, with its last active day), never from a scan; the
 * decision itself is the pure `fit` in src/link/cluster.ts.
 */
import { sql, type Transaction } from 'kysely';
import { absorb, CLUSTER_SETTINGS, dayNumber, emptyProfile, fit, type Idf, indexKeys, isCommon, mergeProfiles, queryKeys, type StoryProfile, storyFit } from '../link/cluster.js';
import type { LinkFeatures } from '../link/features.js';
import { storyLabel } from '../link/label.js';
import { readPerKey } from './lookups.js';
import type { Database } from './schema.js';

type Tx = Transaction<Database>;

const MAX_CANDIDATES = 12;

/** Every update of a story that changes what its page shows sets this (see story_views). */
const bumped = sql<number>`revision + 1`;

/** An article joined a story without changing its profile or counts (a copied related snippet). */
export async function touchStory(tx: Tx, story: number): Promise<void> {
  await tx.updateTable('stories').set({ revision: bumped }).where('id', '=', story).execute();
}
const DOCUMENTS_KEY = 'documents';

/** Every canonical main article counts once in the document frequencies of its terms and entities. */
export async function recordDocumentFrequencies(tx: Tx, features: LinkFeatures): Promise<void> {
  const keys = [...Object.keys(features.terms), ...Object.keys(features.entities)];
  if (keys.length > 0) {
    await tx
      .insertInto('term_df')
      .values(keys.map((term) => ({ term, df: 1 })))
      .onConflict((c) => c.column('term').doUpdateSet({ df: sql`term_df.df + 1` }))
      .execute();
  }
  await tx
    .insertInto('meta')
    .values({ key: DOCUMENTS_KEY, value: '1' })
    .onConflict((c) => c.column('key').doUpdateSet({ value: sql`cast(cast(meta.value as integer) + 1 as text)` }))
    .execute();
}

/** Inverse document frequencies, read from the store as keys are needed and kept for the transaction. */
interface IdfTable {
  idf: Idf;
  common: (key: string) => boolean;
  load(keys: Iterable<string>): Promise<void>;
}

async function idfTable(tx: Tx): Promise<IdfTable> {
  const documents = Number((await tx.selectFrom('meta').select('value').where('key', '=', DOCUMENTS_KEY).executeTakeFirst())?.value ?? 0);
  const df = new Map<string, number>();
  return {
    // BM25-style: a word in nearly every article weighs almost nothing, however many articles there are.
    idf: (key) => {
      const n = Math.min(df.get(key) ?? 0, documents);
      return Math.log(1 + (documents - n + 0.5) / (n + 0.5));
    },
    common: (key) => isCommon(df.get(key) ?? 0, documents),
    async load(keys) {
      const missing = [...new Set(keys)].filter((k) => !df.has(k));
      for (const k of missing) df.set(k, 0);
      for (let i = 0; i < missing.length; i += 500) {
        const rows = await tx.selectFrom('term_df').select(['term', 'df']).where('term', 'in', missing.slice(i, i + 500)).execute();
        for (const row of rows) df.set(row.term, Number(row.df));
      }
    },
  };
}

interface Candidate {
  id: number;
  profile: StoryProfile;
}

/** Stories sharing the article's telling keys, each key read through its index with a bound. */
async function candidateStories(tx: Tx, features: LinkFeatures, table: IdfTable): Promise<Candidate[]> {
  const keys = queryKeys(features, table.idf, table.common);
  const since = features.date ? dayNumber(features.date) - CLUSTER_SETTINGS.windowDays : null;
  const hits = new Map<number, number>();
  const found = await readPerKey(tx, keys, (key) => {
    const query = tx.selectFrom('story_keys').select('story_id').where('key', '=', key);
    return (since !== null ? query.where('last_day', '>=', since) : query).orderBy('last_day', 'desc').orderBy('story_id', 'desc').limit(CLUSTER_SETTINGS.storiesPerKey);
  });
  for (const { story_id } of found) hits.set(story_id, (hits.get(story_id) ?? 0) + 1);
  const best = [...hits].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_CANDIDATES).map(([id]) => id);
  if (best.length === 0) return [];
  const rows = await tx.selectFrom('stories').select(['id', 'profile']).where('id', 'in', best).where('merged_into', 'is', null).orderBy('id').execute();
  return rows.map((row) => ({ id: row.id, profile: JSON.parse(row.profile) as StoryProfile }));
}

/** Writes the profile; index rows change only where the telling keys or the last day did. */
async function saveStory(tx: Tx, id: number, profile: StoryProfile, now: string, table: IdfTable): Promise<void> {
  await tx
    .updateTable('stories')
    .set({ profile: JSON.stringify(profile), label: storyLabel(profile), first_date: profile.first, last_date: profile.last, updated_at: now, revision: bumped })
    .where('id', '=', id)
    .execute();
  const lastDay = profile.last ? dayNumber(profile.last) : 0;
  const keys = new Set(indexKeys(profile, table.idf, table.common));
  const stored = await tx.selectFrom('story_keys').select(['key', 'last_day']).where('story_id', '=', id).execute();
  const old = new Set(stored.map((r) => r.key));
  const gone = [...old].filter((k) => !keys.has(k));
  if (gone.length > 0) await tx.deleteFrom('story_keys').where('story_id', '=', id).where('key', 'in', gone).execute();
  if (stored.some((r) => r.last_day !== lastDay)) await tx.updateTable('story_keys').set({ last_day: lastDay }).where('story_id', '=', id).execute();
  const added = [...keys].filter((k) => !old.has(k));
  if (added.length > 0) await tx.insertInto('story_keys').values(added.map((key) => ({ key, story_id: id, last_day: lastDay }))).execute();
}

async function createStory(tx: Tx, profile: StoryProfile, now: string): Promise<number> {
  const row = await tx
    .insertInto('stories')
    .values({ label: storyLabel(profile), first_date: profile.first, last_date: profile.last, article_count: 0, copy_count: 0, profile: '{}', merged_into: null, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function bumpCounts(tx: Tx, story: number, isCopy: boolean, delta: 1 | -1): Promise<void> {
  const column = isCopy ? 'copy_count' : 'article_count';
  await tx
    .updateTable('stories')
    .set({ [column]: sql`${sql.ref(column)} + ${delta}`, revision: bumped })
    .where('id', '=', story)
    .execute();
}

/** Follows merge redirects to the story that now holds an ID. */
export async function resolveStoryId(db: Pick<Tx, 'selectFrom'>, id: number): Promise<number | null> {
  let current = id;
  for (let hop = 0; hop < 50; hop++) {
    const row = await db.selectFrom('stories').select(['id', 'merged_into']).where('id', '=', current).executeTakeFirst();
    if (!row) return null;
    if (row.merged_into === null) return row.id;
    current = row.merged_into;
  }
  return null;
}

export async function unlinkFromStory(tx: Tx, _article: number, story: number, isCopy: boolean): Promise<void> {
  const live = await resolveStoryId(tx, story);
  if (live !== null) await bumpCounts(tx, live, isCopy, -1);
}

/**
 * Puts a main article into a story and returns the story's ID. A copy follows its canonical
 * article; anything else joins the best-fitting candidate or starts a story, after which the
 * grown story may absorb a candidate it now fits (merge; the absorbed ID redirects).
 */
export async function linkToStory(tx: Tx, article: number, features: LinkFeatures, canonical: number | null, _outlet: string | null, now: string): Promise<number> {
  if (canonical !== null) {
    const row = await tx.selectFrom('articles').select('story_id').where('id', '=', canonical).executeTakeFirst();
    const story = row?.story_id != null ? await resolveStoryId(tx, row.story_id) : null;
    if (story !== null) {
      await tx.updateTable('articles').set({ story_id: story }).where('id', '=', article).execute();
      await bumpCounts(tx, story, true, 1);
      return story;
    }
  }
  const table = await idfTable(tx);
  await table.load([...Object.keys(features.terms), ...Object.keys(features.entities)]);
  const candidates = await candidateStories(tx, features, table);
  await table.load(candidates.flatMap((c) => [...Object.keys(c.profile.terms), ...Object.keys(c.profile.entities)]));
  const idf = table.idf;
  let best: { candidate: Candidate; score: number } | null = null;
  for (const candidate of candidates) {
    const { score } = fit(features, candidate.profile, idf);
    if (score >= CLUSTER_SETTINGS.joinThreshold && (!best || score > best.score)) best = { candidate, score };
  }
  let story: number;
  let profile: StoryProfile;
  if (best) {
    story = best.candidate.id;
    profile = absorb(best.candidate.profile, features);
  } else {
    profile = absorb(emptyProfile(), features);
    story = await createStory(tx, profile, now);
  }
  for (const other of candidates) {
    if (other.id === story) continue;
    if (storyFit(other.profile, profile, idf).score < CLUSTER_SETTINGS.mergeThreshold) continue;
    profile = mergeProfiles(profile, other.profile);
    await mergeInto(tx, other.id, story);
  }
  await saveStory(tx, story, profile, now, table);
  await tx.updateTable('articles').set({ story_id: story }).where('id', '=', article).execute();
  await bumpCounts(tx, story, false, 1);
  return story;
}

async function mergeInto(tx: Tx, from: number, into: number): Promise<void> {
  const counts = await tx.selectFrom('stories').select(['article_count', 'copy_count']).where('id', '=', from).executeTakeFirstOrThrow();
  await tx.updateTable('articles').set({ story_id: into }).where('story_id', '=', from).execute();
  await tx
    .updateTable('stories')
    .set({ article_count: sql`article_count + ${counts.article_count}`, copy_count: sql`copy_count + ${counts.copy_count}`, revision: bumped })
    .where('id', '=', into)
    .execute();
  await tx.updateTable('stories').set({ merged_into: into, article_count: 0, copy_count: 0, revision: bumped }).where('id', '=', from).execute();
  await tx.deleteFrom('story_keys').where('story_id', '=', from).execute();
  await tx.deleteFrom('story_views').where('story_id', '=', from).execute();
}
