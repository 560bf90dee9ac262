/**
 * Story pages kept in the store (`story_views`): a story's timeline, who said what, outlets,
 * entities and articles, computed once per change of the story rather than on every request.
 * A view belongs to one revision of its story; any write that changes what the page shows bumps
 * the story's revision (src/store/stories.ts), which makes the view stale until it is recomputed.
 * Readers therefore never see a stale page: without a current view they compute it live.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

/** A story's page as JSON text, in three parts so the timeline and quotes can be served alone. */
export interface StoryViewText {
  detail: string;
  timeline: string;
  quotes: string;
}

/** The stored page of a live story, when it was computed at the story's current revision. */
export async function currentView(db: Db, story: number): Promise<StoryViewText | null> {
  const row = await db
    .selectFrom('story_views')
    .innerJoin('stories', (join) => join.onRef('stories.id', '=', 'story_views.story_id').onRef('stories.revision', '=', 'story_views.revision'))
    .select(['story_views.detail', 'story_views.timeline', 'story_views.quotes'])
    .where('story_views.story_id', '=', story)
    .executeTakeFirst();
  return row ?? null;
}

/** The story's revision now: read before computing a page, so a write during the computation is noticed. */
export async function storyRevision(db: Db, story: number): Promise<number | null> {
  const row = await db.selectFrom('stories').select('revision').where('id', '=', story).where('merged_into', 'is', null).executeTakeFirst();
  return row?.revision ?? null;
}

/**
 * Keeps a page computed at `revision`, unless the story has moved on since (then the page is
 * already stale and is not written). Returns whether it was kept.
 */
export async function saveView(db: Db, story: number, revision: number, view: StoryViewText): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const now = await tx.selectFrom('stories').select('revision').where('id', '=', story).where('merged_into', 'is', null).executeTakeFirst();
    if (now?.revision !== revision) return false;
    await tx
      .insertInto('story_views')
      .values({ story_id: story, revision, ...view })
      .onConflict((c) => c.column('story_id').doUpdateSet({ revision, ...view }))
      .execute();
    return true;
  });
}

/** Live stories whose page is missing or older than the story, lowest ID first, after `after`. */
export async function staleStories(db: Db, after: number, limit: number): Promise<{ id: number; revision: number }[]> {
  return db
    .selectFrom('stories')
    .leftJoin('story_views', 'story_views.story_id', 'stories.id')
    .select(['stories.id', 'stories.revision'])
    .where('stories.id', '>', after)
    .where('stories.merged_into', 'is', null)
    .where('stories.article_count', '>', 0)
    .where((eb) => eb.or([eb('story_views.story_id', 'is', null), eb('story_views.revision', '!=', eb.ref('stories.revision'))]))
    .orderBy('stories.id')
    .limit(limit)
    .execute();
}
