/**
 * Name lists the entity recogniser consults. Countries and capitals come from the
 * `countries-list` package; the rest are small vocabularies written here, each a kind of
 * word rather than any site's or story's names.
 */
import { countries } from 'countries-list';

function placeNames(): Set<string> {
  const names = new Set<string>();
  for (const c of Object.values(countries) as { name: string; capital?: string; alias?: string[] }[]) {
    names.add(c.name);
    if (c.capital) for (const cap of c.capital.split(',')) names.add(cap.trim());
    for (const a of c.alias ?? []) names.add(a);
  }
  // Places news names constantly that are not countries or capitals.
  for (const p of PLACES_EXTRA) names.add(p);
  return names;
}

const PLACES_EXTRA = [
  'Europe', 'Asia', 'Africa', 'America', 'North America', 'South America', 'Latin America', 'Middle East', 'Gaza', 'West Bank',
  'Crimea', 'Donbas', 'Siberia', 'Scandinavia', 'Balkans', 'Baltic', 'Caucasus', 'Arctic', 'Antarctica', 'Pacific', 'Atlantic',
  'Mediterranean', 'Black Sea', 'Red Sea', 'Alaska', 'California', 'Texas', 'Florida', 'New York', 'Washington', 'Scotland', 'Wales',
  'England', 'Northern Ireland', 'Bavaria', 'Catalonia', 'Kiev', 'St Petersburg', 'St. Petersburg', 'Hong Kong', 'Taiwan', 'Kashmir',
];

export const PLACES = placeNames();

/** Words that make a capitalised phrase a place ("Lake Van", "Mount Ararat", "Gulf of Bothnia", "Harbour Row"). */
export const PLACE_WORDS = new Set([
  'lake', 'mount', 'mountains', 'river', 'sea', 'ocean', 'gulf', 'bay', 'strait', 'island', 'islands', 'peninsula', 'valley', 'desert',
  'province', 'region', 'county', 'district', 'oblast', 'state', 'street', 'road', 'avenue', 'square', 'bridge', 'airport', 'port',
  'harbour', 'harbor', 'coast', 'canal', 'forest', 'park', 'city', 'town', 'village', 'plain', 'plateau', 'cape', 'row', 'lane',
]);

/** Words that make a capitalised phrase an organisation ("Ministry of Defence", "Harbour Authority"). */
export const ORG_WORDS = new Set([
  'ministry', 'department', 'agency', 'bank', 'council', 'party', 'company', 'inc', 'ltd', 'corp', 'corporation', 'group', 'authority',
  'commission', 'union', 'committee', 'court', 'university', 'institute', 'association', 'federation', 'foundation', 'office', 'service',
  'army', 'navy', 'police', 'parliament', 'government', 'assembly', 'senate', 'congress', 'board', 'fund', 'trust', 'organization',
  'organisation', 'alliance', 'coalition', 'force', 'forces', 'network', 'club', 'league', 'airlines', 'airways', 'holdings', 'partners',
  'plc', 'llc', 'gmbh', 'sa', 'ag', 'times', 'post', 'news', 'press', 'television', 'tv', 'radio', 'school', 'college', 'hospital',
  'centre', 'center', 'society', 'cabinet', 'embassy', 'secretariat', 'directorate', 'regulator', 'exchange', 'reserve', 'guard',
  'brigade', 'battalion', 'movement', 'front', 'watch', 'industries', 'energy', 'steel', 'motors', 'systems', 'labs', 'studio', 'studios',
]);

/** Places and buildings that stand for an institution ("the Kremlin said"): organisations, never their leaders. */
export const METONYMS = new Set(['Kremlin', 'White House', 'Downing Street', 'Pentagon', 'Élysée', 'Elysee', 'Whitehall', 'Capitol Hill', 'Vatican', 'Bundestag', 'Knesset', 'Duma']);

/** Titles written before a name; they become the entity's description. */
export const TITLES = new Set([
  'president', 'vice', 'prime', 'minister', 'chancellor', 'senator', 'sen.', 'rep.', 'representative', 'governor', 'gov.', 'mayor',
  'secretary', 'judge', 'justice', 'gen.', 'general', 'col.', 'colonel', 'lt.', 'lieutenant', 'capt.', 'captain', 'dr.', 'dr', 'mr',
  'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'sir', 'dame', 'lord', 'lady', 'king', 'queen', 'prince', 'princess', 'pope', 'rev.', 'professor',
  'prof.', 'ambassador', 'commissioner', 'sheikh', 'emir', 'sultan', 'premier', 'councillor', 'councilor', 'chief', 'inspector',
  'detective', 'sergeant', 'sgt.', 'officer', 'admiral', 'foreign', 'defence', 'defense', 'finance', 'interior', 'health', 'deputy',
  'speaker', 'leader', 'superintendent', 'director', 'chairman', 'chairwoman', 'chair', 'ceo', 'executive', 'spokesman', 'spokeswoman',
  'spokesperson', 'coach', 'manager', 'striker', 'midfielder', 'defender', 'goalkeeper', 'economist', 'analyst', 'scientist',
  'researcher', 'historian', 'glaciologist', 'professor', 'lawyer', 'attorney', 'prosecutor', 'constable', 'commander', 'envoy',
  'negotiator', 'mediator', 'chief executive', 'state', 'opposition', 'labour', 'trade', 'transport', 'education', 'environment',
]);

/** Demonyms and group names: plural forms are groups ("Ukrainians"); the adjective describes ("the Ukrainian president"). */
export const NATIONALITY_ADJECTIVES = new Set([
  'American', 'British', 'Russian', 'Ukrainian', 'Chinese', 'French', 'German', 'Italian', 'Spanish', 'Portuguese', 'Polish', 'Finnish',
  'Swedish', 'Norwegian', 'Danish', 'Dutch', 'Belgian', 'Irish', 'Scottish', 'Welsh', 'English', 'Canadian', 'Mexican', 'Brazilian',
  'Argentine', 'Chilean', 'Peruvian', 'Colombian', 'Indian', 'Pakistani', 'Iranian', 'Iraqi', 'Syrian', 'Turkish', 'Israeli',
  'Palestinian', 'Egyptian', 'Saudi', 'Japanese', 'Korean', 'Vietnamese', 'Thai', 'Indonesian', 'Filipino', 'Australian', 'Nigerian',
  'Kenyan', 'Ethiopian', 'South African', 'Greek', 'Hungarian', 'Czech', 'Slovak', 'Romanian', 'Bulgarian', 'Serbian', 'Croatian',
  'Estonian', 'Latvian', 'Lithuanian', 'Belarusian', 'Georgian', 'Armenian', 'Azerbaijani', 'Kazakh', 'Afghan', 'Lebanese', 'Jordanian',
  'Moroccan', 'Algerian', 'Tunisian', 'Libyan', 'Sudanese', 'Somali', 'European', 'Asian', 'African', 'Arab', 'Kurdish', 'Taiwanese',
  'Venezuelan', 'Cuban', 'Swiss', 'Austrian', 'Icelandic', 'Muscovite', 'Senegalese', 'Malian', 'Ghanaian', 'Scandinavian', 'Baltic',
]);

export const GROUP_WORDS = new Set(['Muslims', 'Christians', 'Jews', 'Hindus', 'Buddhists', 'Democrats', 'Republicans', 'Conservatives', 'Tories', 'Liberals', 'Socialists', 'Greens', 'Kurds', 'Arabs', 'Europeans', 'Africans', 'Asians', 'Americans']);

/** Plural demonyms: "Ukrainians", "Finns", "the French" take this form. */
export function isGroupName(word: string): boolean {
  if (GROUP_WORDS.has(word)) return true;
  for (const adjective of NATIONALITY_ADJECTIVES) {
    if (word === `${adjective}s` || word === `${adjective.replace(/an$/, 'ans')}`) return word !== adjective;
  }
  return false;
}
