/**
 * Scores story clustering and copy detection on the labelled corpus in test/gold/stories: every
 * page is added to a fresh in-memory corpus in the order `newsprism add` would walk the folder,
 * then each page's story is compared with the gold story (BCubed precision/recall/F1), and each
 * page's copy link with the gold `duplicateOf` (pairwise precision/recall).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../../src/ingest/index.js';
import { preparePage } from '../../src/link/prepare.js';
import { addPreparedPage } from '../../src/store/add.js';
import { openStore } from '../../src/store/open.js';
import { resolveStoryId } from '../../src/store/stories.js';

export const STORIES_DIR = fileURLToPath(new URL('../gold/stories/', import.meta.url));

interface GoldPage {
  story: string;
  published: string;
  duplicateOf: string | null;
}

export function loadStoryGold(dir = STORIES_DIR): Map<string, GoldPage> {
  const gold = new Map<string, GoldPage>();
  for (const file of ['labels-A.json', 'labels-B.json']) {
    let labels: Record<string, GoldPage>;
    try {
      labels = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, GoldPage>;
    } catch {
      continue;
    }
    for (const [path, label] of Object.entries(labels)) gold.set(path, label);
  }
  return gold;
}

/** BCubed over items: for each item, the share of its predicted cluster that shares its gold cluster, and vice versa. */
export function bcubed(predicted: Map<string, string>, gold: Map<string, string>): { precision: number; recall: number; f1: number } {
  const items = [...gold.keys()].filter((k) => predicted.has(k));
  const byPredicted = new Map<string, string[]>();
  const byGold = new Map<string, string[]>();
  for (const item of items) {
    byPredicted.set(predicted.get(item)!, [...(byPredicted.get(predicted.get(item)!) ?? []), item]);
    byGold.set(gold.get(item)!, [...(byGold.get(gold.get(item)!) ?? []), item]);
  }
  let precision = 0;
  let recall = 0;
  for (const item of items) {
    const same = (other: string) => gold.get(other) === gold.get(item) && predicted.get(other) === predicted.get(item);
    const cluster = byPredicted.get(predicted.get(item)!)!;
    const klass = byGold.get(gold.get(item)!)!;
    precision += cluster.filter(same).length / cluster.length;
    recall += klass.filter(same).length / klass.length;
  }
  precision /= items.length || 1;
  recall /= items.length || 1;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

export interface StoryScores {
  pages: number;
  stories: number;
  goldStories: number;
  precision: number;
  recall: number;
  f1: number;
  copyPrecision: number;
  copyRecall: number;
}

export async function scoreStories(dir = STORIES_DIR): Promise<{ summary: StoryScores; assignments: Map<string, string> }> {
  const gold = loadStoryGold(dir);
  const store = await openStore(':memory:');
  const pagesDir = join(dir, 'pages');
  const articleOf = new Map<string, number>();
  try {
    for await (const item of readInputs([pagesDir])) {
      if (!item.ok) throw new Error(item.error.message);
      const result = await addPreparedPage(store, preparePage(item.page), '2026-11-23T00:00:00Z');
      const path = relative(dir, item.page.context.source);
      if (result.articleId !== null) articleOf.set(path, result.articleId);
    }
    const predicted = new Map<string, string>();
    const canonicalOf = new Map<number, number | null>();
    const rows = await store.db.selectFrom('articles').select(['id', 'story_id', 'canonical_id']).where('role', '=', 'main').execute();
    const storyOf = new Map<number, number | null>();
    for (const row of rows) {
      storyOf.set(row.id, row.story_id === null ? null : await resolveStoryId(store.db, row.story_id));
      canonicalOf.set(row.id, row.canonical_id);
    }
    for (const [path, id] of articleOf) predicted.set(path, `story-${storyOf.get(id) ?? `alone-${id}`}`);
    const goldStory = new Map([...gold].map(([path, g]) => [path, g.story]));
    const { precision, recall, f1 } = bcubed(predicted, goldStory);
    // Copies: a predicted pair is (page, the page of its canonical article); a gold pair is (page, duplicateOf).
    const pathOf = new Map([...articleOf].map(([path, id]) => [id, path]));
    const predictedPairs = new Set<string>();
    for (const [path, id] of articleOf) {
      const canonical = canonicalOf.get(id);
      if (canonical != null && pathOf.has(canonical)) predictedPairs.add([path, pathOf.get(canonical)!].sort().join(' | '));
    }
    const goldPairs = new Set<string>();
    const rootOf = (path: string): string => {
      const next = gold.get(path)?.duplicateOf;
      return next && next !== path ? rootOf(next) : path;
    };
    for (const [path, g] of gold) if (g.duplicateOf) goldPairs.add([path, rootOf(path)].sort().join(' | '));
    const sameRoot = (pair: string) => {
      const [a, b] = pair.split(' | ') as [string, string];
      return rootOf(a) === rootOf(b);
    };
    const truePairs = [...predictedPairs].filter(sameRoot).length;
    const stories = new Set(predicted.values()).size;
    return {
      summary: {
        pages: articleOf.size,
        stories,
        goldStories: new Set(goldStory.values()).size,
        precision,
        recall,
        f1,
        copyPrecision: predictedPairs.size ? truePairs / predictedPairs.size : 1,
        copyRecall: goldPairs.size ? Math.min(1, truePairs / goldPairs.size) : 1,
      },
      assignments: predicted,
    };
  } finally {
    await store.close();
  }
}
