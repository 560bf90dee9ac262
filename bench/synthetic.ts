/**
 * A deterministic synthetic news corpus for the corpus benchmarks: stories with a cast, a place
 * and a topic vocabulary, told by several outlets over a few weeks, with wire re-runs. Same seed,
 * same corpus. Names and words are built from syllables, so nothing real is quoted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function rng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'ren', 'tas', 'mi', 'vor', 'ul', 'den', 'sa', 'bri', 'no', 'gal', 'te', 'fin', 'ros', 'a', 'mar', 'el', 'dun', 'ish'];
const TOPIC_WORDS = ['bridge', 'strike', 'tariff', 'flood', 'election', 'merger', 'fire', 'vaccine', 'drought', 'festival', 'pipeline', 'budget', 'court', 'stadium', 'railway', 'harbour', 'mine', 'hospital', 'school', 'refinery', 'satellite', 'museum', 'orchard', 'ferry', 'bank', 'union', 'reactor', 'forest', 'airport', 'dam'];
const VERBS = ['approved', 'blocked', 'delayed', 'announced', 'criticised', 'defended', 'investigated', 'reopened', 'suspended', 'funded'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function word(r: () => number, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += pick(r, SYLLABLES);
  return w;
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export interface SyntheticStory {
  id: number;
  people: string[];
  place: string;
  topic: string[];
  start: number;
}

export interface SyntheticPage {
  path: string;
  story: number;
  text: string;
}

function storyOf(r: () => number, id: number, startDay: number): SyntheticStory {
  return {
    id,
    people: [0, 1, 2].map(() => `${cap(word(r, 2))} ${cap(word(r, 3))}`),
    place: cap(word(r, 3)),
    topic: [pick(r, TOPIC_WORDS), pick(r, TOPIC_WORDS), word(r, 3), word(r, 3)],
    start: startDay,
  };
}

function dateOf(day: number): { iso: string; human: string } {
  const d = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000);
  return { iso: d.toISOString().slice(0, 10), human: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` };
}

function articleText(r: () => number, story: SyntheticStory, outlet: string, day: number): string {
  const [a, b, c] = story.people as [string, string, string];
  const [t1, t2, t3, t4] = story.topic as [string, string, string, string];
  const date = dateOf(day);
  const sentences = [
    `Officials in ${story.place} ${pick(r, VERBS)} the ${t3} ${t1} plan on ${MONTHS[new Date(date.iso).getUTCMonth()]} ${new Date(date.iso).getUTCDate()}, ${a} said.`,
    `The ${t1} affects about ${Math.floor(r() * 9000) + 1000} residents and the ${t2} near ${story.place}.`,
    `"We will not let the ${t4} ${t2} decide this for us," said ${b}, who leads the ${cap(t3)} Council.`,
    `${c} told reporters the ${t1} would be reviewed again within ${Math.floor(r() * 8) + 2} weeks.`,
    `Critics said the ${t2} had already cost more than ${Math.floor(r() * 90) + 10} million euros.`,
    `${a} added that the ${t3} ${t4} was "only the first step" for ${story.place}.`,
  ];
  const shuffled = sentences.map((s) => ({ s, k: r() })).sort((x, y) => x.k - y.k).map((x) => x.s);
  const paragraphs = [0, 2, 4].map((i) => `${shuffled[i]} ${shuffled[i + 1]}`);
  return [outlet, `${cap(t1)} ${t3} row in ${story.place} as ${b.split(' ')[1]} ${pick(r, VERBS)} ${t2}`, `By ${cap(word(r, 2))} ${cap(word(r, 3))}`, `${date.human} 09:00 GMT`, ...paragraphs].join('\n\n');
}

/** `count` pages in about count/8 stories, across 20 outlets, spread over 2026. */
export function* syntheticPages(count: number, seed = 7): Generator<SyntheticPage> {
  const r = rng(seed);
  const outlets = Array.from({ length: 20 }, () => `The ${cap(word(r, 3))} ${pick(r, ['Herald', 'Post', 'Courier', 'Times', 'Ledger'])}`);
  const storyCount = Math.max(1, Math.ceil(count / 8));
  const stories = Array.from({ length: storyCount }, (_, i) => storyOf(r, i + 1, Math.floor((i / storyCount) * 330)));
  let previous: { text: string; story: number } | null = null;
  for (let i = 0; i < count; i++) {
    const story = stories[Math.min(storyCount - 1, Math.floor((i / count) * storyCount + (r() - 0.5) * 3))] ?? stories[0]!;
    const outlet = pick(r, outlets);
    // One page in ten re-runs the previous page with a local intro (a wire copy).
    const text: string = previous && r() < 0.1 ? previous.text.replace(/ GMT\n\n/, ` GMT\n\nReaders in ${outlet.split(' ')[1]} will want to know this.\n\n`) : articleText(r, story, outlet, story.start + Math.floor(r() * 21));
    const page: SyntheticPage = { path: `${String(Math.floor(i / 1000)).padStart(3, '0')}/page-${String(i).padStart(6, '0')}.txt`, story: previous && text.startsWith(previous.text.slice(0, 20)) ? previous.story : story.id, text };
    previous = { text: page.text, story: page.story };
    yield page;
  }
}

export function writeSyntheticCorpus(dir: string, count: number, seed = 7): void {
  for (const page of syntheticPages(count, seed)) {
    const path = join(dir, page.path);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, page.text);
  }
}
