/**
 * A story's label from its profile: its key people or organisations, what the headlines say it
 * is about, and where — "Voss–Karimov ceasefire talks in Geneva". Deterministic; ties break
 * alphabetically so the same profile always reads the same.
 */
import type { StoryProfile } from './cluster.js';

function ranked(weights: Record<string, number>): string[] {
  return Object.entries(weights)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([key]) => key);
}

export function storyLabel(profile: StoryProfile): string {
  const keys = ranked(profile.entities);
  // Actors are named: a generic reference ("the government") is not a label.
  const actors = keys
    .filter((k) => (k.startsWith('p:') || k.startsWith('o:')) && /^\p{Lu}/u.test(profile.names[k] ?? ''))
    .slice(0, 2)
    .map((k) => profile.names[k]!);
  const place = keys.find((k) => k.startsWith('l:'));
  const placeName = place ? (profile.names[place] ?? place.slice(2)) : null;
  const named = new Set([...actors, placeName ?? ''].flatMap((n) => n.toLowerCase().split(/\s+/)));
  // Words repeated across headlines say what the story is about; a word from one headline may be its verb.
  const repeated = profile.size >= 3 ? (w: string) => (profile.titleWords[w] ?? 0) >= 2 : () => true;
  const topic = ranked(profile.titleWords)
    .filter((w) => !named.has(w) && repeated(w))
    .slice(0, 2);
  const parts = [actors.join('–'), topic.join(' ')].filter(Boolean).join(' ');
  const label = placeName ? `${parts} in ${placeName}`.trim() : parts;
  return label || ranked(profile.titleWords).slice(0, 4).join(' ') || 'Untitled story';
}
