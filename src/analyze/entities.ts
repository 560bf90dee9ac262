/**
 * Entity recognition without a trained model:
 *  1. words read from the text, with wink's sentence starts and part-of-speech tags (entities/words.ts);
 *  2. candidate names: capitalised runs, titles split off as descriptions (entities/candidates.ts);
 *  3. typing cues, each a named rule with a reason and a strength (entities/cues.ts);
 *  4. mentions of one entity merged: spelling variants, surnames, short forms, bracketed
 *     abbreviations; the strongest cue over all of an entity's mentions types it (entities/merge.ts);
 *  5. common-noun references: institutions ("the government"), kinds of organisation ("the
 *     company"), role nouns ("the foreign minister") (entities/references.ts).
 */
import { METONYM_ALIASES, canonicalPlace, groupName } from './gazetteer.js';
import { type Candidate, blank, findCandidates } from './entities/candidates.js';
import { decidingCue } from './entities/cues.js';
import { type Cluster, type Item, clusterType, groupKey, mergeBracketAliases, mergeOrganisations, mergePeople } from './entities/merge.js';
import { type Draft, isRoleHead, linkInstitutions, linkRoleNouns } from './entities/references.js';
import { type Word, scanWords } from './entities/words.js';
import type { Entity, EntityType, Mention } from './types.js';
import type { TokenizedText } from './text.js';

/** Lower-case, no diacritics, y→i, no doubled letters: "Zelenskyy", "Zelenskiy", "Zelensky" and "Kyiv"/"Kiev" meet. */
export function variantKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/ie/g, 'i')
    .replace(/y/g, 'i')
    // Transliteration of Г as H or G ("Hrytsenko", "Grytsenko"), and of Х as kh or h.
    .replace(/kh/g, 'h')
    .replace(/(^|\s)h/g, '$1g')
    .replace(/(.)\1+/g, '$1')
    .replace(/[^a-z ]/g, '');
}

/** What mentions of one entity share: the group a demonym names, a place's or metonym's canonical name, else the spelling variant. */
function keyOf(text: string): string {
  return groupKey(text) ?? variantKey(canonicalPlace(text) ?? METONYM_ALIASES.get(text) ?? text);
}

/** Nationalities in a capitalised title are mentions of their group ("Russian" Foreign Minister). */
function titleWordCandidates(c: Candidate, words: Word[]): Candidate[] {
  return c.titleWords.map((index) => {
    const w = words[index]!;
    return blank(index, index, w.start, w.end, w.text);
  });
}

function cluster(items: Item[]): Cluster[] {
  const byKey = new Map<string, Item[]>();
  const keys = new Map<string, string>();
  for (const item of items) {
    let key = keys.get(item.c.text);
    if (key === undefined) {
      key = keyOf(item.c.text);
      keys.set(item.c.text, key);
    }
    if (!key.trim()) continue;
    const list = byKey.get(key);
    if (list) list.push(item);
    else byKey.set(key, [item]);
  }
  return [...byKey].map(([key, list]) => {
    const cue = clusterType(list);
    return { items: list, key, type: cue?.type ?? null, cue };
  });
}

/** Names joined by brackets: "Emergency Coordination Authority (ECA)", "Miasto dla Ludzi (A City for People)". */
function bracketPairs(candidates: Candidate[], text: string): [Candidate, Candidate][] {
  const pairs: [Candidate, Candidate][] = [];
  for (let i = 0; i + 1 < candidates.length; i++) {
    const a = candidates[i]!;
    const b = candidates[i + 1]!;
    if (/^\s*\((?:an?\s+|the\s+)?$/i.test(text.slice(a.outer, b.start)) && /^\s*\)/.test(text.slice(b.outer, b.outer + 2))) pairs.push([a, b]);
  }
  return pairs;
}

/** "Anna Koval, the foreign minister," — an apposition describing the person just named. */
function apposition(text: string, end: number): Mention | null {
  const m = /^,\s+((?:the|a|an)\s+(?:[\p{L}-]+\s+){0,4}[\p{L}-]+?)(?=,|\s+(?:said|told|who|has|had|is|was)\b|\.)/u.exec(text.slice(end, end + 80));
  if (!m) return null;
  const head = m[1]!.split(/\s+/).at(-1)!.toLowerCase();
  if (!isRoleHead(head) && !/(ite|er|or|ist|ian|ant|ent)$/.test(head)) return null;
  const start = end + m[0].indexOf(m[1]!);
  return { start, end: start + m[1]!.length, text: m[1]! };
}

/** The longest form among the mentions that carry the entity's own name ("Volodymyr Zelenskyy", "Nordhavn Shipping"). */
function canonicalName(cluster: Cluster): string {
  const group = cluster.type === 'group' ? groupName(cluster.items[0]!.c.text) : null;
  if (group) return group;
  // A dateline's capitals ("KYIV") are the same name shouted; any other spelling is preferred.
  const shouted = (t: string) => t.length > 3 && t === t.toUpperCase();
  let best = cluster.items[0]!.c.text;
  for (const { c } of cluster.items) if ((c.text.length > best.length && !shouted(c.text)) || (shouted(best) && !shouted(c.text))) best = c.text;
  return best;
}

function toDraft(cluster: Cluster, text: string): Draft {
  const type = cluster.type as EntityType;
  const entity: Entity = { name: canonicalName(cluster), type, aliases: [], descriptions: [], mentions: [] };
  const draft: Draft = { entity, roleHeads: new Set(), reference: null };
  for (const { c } of [...cluster.items].sort((a, b) => a.c.start - b.c.start)) {
    const mention = { start: c.start, end: c.outer, text: text.slice(c.start, c.outer) };
    if (!entity.mentions.some((m) => m.start === mention.start)) entity.mentions.push(mention);
    if (mention.text !== entity.name && !entity.aliases.includes(mention.text)) entity.aliases.push(mention.text);
    const description = c.description ?? (type === 'person' ? apposition(text, c.outer) : null);
    if (description && !entity.descriptions.some((d) => d.start === description.start)) entity.descriptions.push(description);
    if (description) draft.roleHeads.add(c.titleHead ?? description.text.split(/\s+/).at(-1)!.toLowerCase());
  }
  return draft;
}

/** Entities in order of first mention; groups last, so that a nationality inside "Ukrainian President Koval" never stands before the person. */
function ordered(entities: Entity[]): Entity[] {
  for (const e of entities) {
    e.mentions.sort((a, b) => a.start - b.start);
    e.descriptions.sort((a, b) => a.start - b.start);
  }
  const rank = (e: Entity) => (e.type === 'group' ? 1 : 0);
  return entities.sort((a, b) => rank(a) - rank(b) || a.mentions[0]!.start - b.mentions[0]!.start);
}

export function findEntities(t: TokenizedText): Entity[] {
  const words = scanWords(t);
  const candidates = findCandidates(words, t.text);
  const all = [...candidates, ...candidates.flatMap((c) => titleWordCandidates(c, words))];
  const clusters = cluster(
    all.map((c) => {
      const cue = decidingCue(c, words, t.text);
      return { c, cues: cue ? [cue] : [] };
    }),
  );
  mergePeople(clusters);
  mergeOrganisations(clusters);
  mergeBracketAliases(clusters, bracketPairs(candidates, t.text));
  const drafts = clusters.filter((c) => c.items.length > 0 && c.type !== null).map((c) => toDraft(c, t.text));
  linkInstitutions(drafts, t.text, words);
  linkRoleNouns(drafts, t.text);
  return ordered(drafts.map((d) => d.entity).filter((e) => e.mentions.length > 0));
}
