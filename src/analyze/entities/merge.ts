/**
 * Mentions of one entity, brought together: the same name in any spelling (variantKey), a
 * surname after the full name, a short form of an organisation's name ("Nordhavn" for
 * "Nordhavn Shipping"), a near spelling ("Mr Fairbanks" for Julian Fairbank, "Ioan" for "Ion
 * Cristea"), and a bracketed abbreviation or translation after a name ("… Authority (ECA)").
 */
import { ORG_WORDS, groupName, placeTier } from '../gazetteer.js';
import type { EntityType } from '../types.js';
import type { Candidate } from './candidates.js';
import { type Cue, strongest } from './cues.js';

export interface Item {
  c: Candidate;
  cues: Cue[];
}

export interface Cluster {
  items: Item[];
  /** variantKey of the longest name; the words of it for surname and short-form matching. */
  key: string;
  type: EntityType | null;
  cue: Cue | null;
}

/** Clusters whose own evidence is no stronger than this may be absorbed into a person or organisation. */
const WEAK = 62;

export function clusterType(items: Item[]): Cue | null {
  return strongest(items.flatMap((i) => i.cues));
}

function words(key: string): string[] {
  return key.split(' ').filter(Boolean);
}

function lastMentionBefore(cluster: Cluster, at: number): number {
  let best = -1;
  for (const i of cluster.items) if (i.c.start < at && i.c.start > best) best = i.c.start;
  return best;
}

/** Of several clusters a mention could join, the one mentioned last before it (else the first). */
function nearest(options: Cluster[], at: number): Cluster | undefined {
  return [...options].sort((a, b) => lastMentionBefore(b, at) - lastMentionBefore(a, at))[0];
}

/** Edit distance of at most one (one letter inserted, deleted or changed). */
function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function isPersonName(cluster: Cluster): boolean {
  return cluster.type === 'person' && words(cluster.key).length >= 2;
}

/** "Van Dijk" in "Marieke van Dijk", "Hrytsenko" in "Oksana Hrytsenko": the key is a run of the full name's words. */
function partOf(short: string[], long: string[]): boolean {
  if (short.length >= long.length) return false;
  for (let s = 0; s + short.length <= long.length; s++) if (short.every((w, k) => long[s + k] === w)) return true;
  return false;
}

/** A person's name joins its person; anything else only on weak evidence (a place from "in", a speaker from "said"). */
function absorbable(cluster: Cluster): boolean {
  if (cluster.type === 'person') return true;
  return cluster.type !== 'group' && (cluster.cue?.strength ?? 0) <= WEAK;
}

function moveItems(from: Cluster, to: Cluster): void {
  to.items.push(...from.items);
  from.items = [];
}

/**
 * Surnames join the person they name ("Hrytsenko", "Van Dijk"), the most recently mentioned if
 * several share it; a one-letter variant of a surname ("Mr Fairbanks") or of every word of a full
 * name ("Ioan Cristea" after "Ion Cristea") is the same person.
 */
export function mergePeople(clusters: Cluster[]): void {
  const people = clusters.filter(isPersonName);
  const isPerson = new Set(people);
  const keyWords = new Map(people.map((p) => [p, words(p.key)]));
  for (const cluster of clusters) {
    if (isPerson.has(cluster) || cluster.items.length === 0 || !absorbable(cluster)) continue;
    const short = words(cluster.key);
    const exact = people.filter((p) => partOf(short, keyWords.get(p)!));
    const options = exact.length > 0 || short.length !== 1 || short[0]!.length < 6 ? exact : people.filter((p) => oneEditApart(keyWords.get(p)!.at(-1)!, short[0]!));
    if (options.length === 0) continue;
    for (const item of cluster.items) nearest(options, item.c.start)!.items.push(item);
    cluster.items = [];
  }
  // "Ioan Cristea" after "Ion Cristea": same surname, first names one letter apart.
  for (const a of people) {
    for (const b of people) {
      if (a === b || a.items.length === 0 || b.items.length === 0) continue;
      const wa = keyWords.get(a)!;
      const wb = keyWords.get(b)!;
      if (wa.length === wb.length && wa.at(-1) === wb.at(-1) && wa.every((w, k) => oneEditApart(w, wb[k]!))) moveItems(b, a);
    }
  }
}

/** Short forms join the organisation whose name they open or close ("Nordhavn", "Fernbahn"), unless they name a known place. */
export function mergeOrganisations(clusters: Cluster[]): void {
  const orgs = clusters.filter((c) => c.type === 'organization' && words(c.key).length >= 2);
  for (const cluster of clusters) {
    if (orgs.includes(cluster) || cluster.items.length === 0 || cluster.type === 'group') continue;
    const name = cluster.items[0]!.c.text;
    if (cluster.type === 'person' && (cluster.cue?.strength ?? 0) > WEAK) continue;
    const tier = placeTier(name);
    if (tier === 'country' || tier === 'major' || groupName(name) || ORG_WORDS.has(name.toLowerCase())) continue;
    const short = words(cluster.key);
    const options = orgs.filter((o) => {
      const long = words(o.key);
      if (short.length >= long.length) return false;
      return short.every((w, k) => long[k] === w) || short.every((w, k) => long[long.length - short.length + k] === w);
    });
    const target = nearest(options, cluster.items[0]!.c.start);
    if (target) {
      moveItems(cluster, target);
      target.type = 'organization';
    }
  }
}

/**
 * Pairs "Name (ALIAS)": the alias joins the name when it is an abbreviation ("(ECA)") or the name
 * an organisation ("Miasto dla Ludzi (A City for People)"); "Jane Roe (Labour)" stays two.
 */
export function mergeBracketAliases(clusters: Cluster[], pairs: [Candidate, Candidate][]): void {
  const owner = new Map<Candidate, Cluster>();
  for (const cluster of clusters) for (const item of cluster.items) owner.set(item.c, cluster);
  for (const [outer, inner] of pairs) {
    const a = owner.get(outer);
    const b = owner.get(inner);
    if (!a || !b || a === b || a.items.length === 0) continue;
    const abbreviation = /^\p{Lu}{2,7}s?$/u.test(inner.text);
    if (!abbreviation && a.type !== 'organization') continue;
    if (a.type === 'person' || a.type === 'place' && !abbreviation) continue;
    moveItems(b, a);
    for (const [c, cl] of owner) if (cl === b) owner.set(c, a);
  }
}

/** Demonyms cluster by the group they name ("Swedish" and "Swedes"), everything else by spelling variant. */
export function groupKey(text: string): string | null {
  const g = groupName(text);
  return g ? `group:${g}` : null;
}
