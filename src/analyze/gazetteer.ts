/**
 * Name lists the entity recogniser consults. Countries and capitals come from the
 * `countries-list` package; world cities, regions and first names from the project's own JSON
 * (src/analyze/data/, derived from npm packages by scripts/build-gazetteer.ts, sources noted in
 * each file); the rest are small vocabularies written here, each a kind of word rather than any
 * site's or story's names.
 */
import { countries } from 'countries-list';
import givenNameData from './data/given-names.json' with { type: 'json' };
import placeData from './data/places.json' with { type: 'json' };

/** Folds case and diacritics, so "Kraków", "Krakow" and "Constanța"/"Constanta" meet. */
export function foldName(name: string): string {
  // Most names are plain ASCII: skip the normalisation for them.
  if (!/[^\x00-\x7f]/.test(name)) return name.toLowerCase();
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’]/g, "'").toLowerCase();
}

function foldedSet(names: Iterable<string>): Set<string> {
  const set = new Set<string>();
  for (const n of names) set.add(foldName(n));
  return set;
}

/** Places news names constantly that are not countries, capitals or cities. */
const PLACES_EXTRA = [
  'Europe', 'Asia', 'Africa', 'America', 'North America', 'South America', 'Latin America', 'Middle East', 'Gaza', 'West Bank',
  'Crimea', 'Donbas', 'Siberia', 'Scandinavia', 'Balkans', 'Baltic', 'Caucasus', 'Arctic', 'Antarctica', 'Pacific', 'Atlantic',
  'Mediterranean', 'Black Sea', 'Red Sea', 'North Sea', 'Baltic Sea', 'South China Sea', 'Alaska', 'California', 'Texas', 'Florida',
  'New York', 'Washington', 'Scotland', 'Wales', 'England', 'Northern Ireland', 'Britain', 'Great Britain', 'Bavaria', 'Catalonia', 'Kiev',
  'St Petersburg', 'St. Petersburg', 'Hong Kong', 'Taiwan', 'Kashmir', 'Darfur', 'Sahel', 'Sahara', 'Kurdistan', 'Tibet', 'Xinjiang',
  'US', 'U.S.', 'USA', 'UK', 'U.K.', 'UAE', 'DRC', 'Patagonia', 'Amazon', 'Himalayas', 'Alps', 'Earth', 'Persian Gulf', 'Horn of Africa', 'Indo-Pacific', 'Eurozone',
];

/** Other names of one place: a country's aliases ("US", "Britain") and the spellings news uses for them ("U.S."). */
const CANONICAL_PLACE = new Map<string, string>([['U.S.', 'United States'], ['U.K.', 'United Kingdom'], ['Kiev', 'Kyiv']]);

function countryNames(): string[] {
  const names: string[] = [...PLACES_EXTRA];
  for (const c of Object.values(countries) as { name: string; capital?: string; alias?: string[] }[]) {
    names.push(c.name);
    if (c.capital) for (const cap of c.capital.split(',')) names.push(cap.trim());
    for (const a of c.alias ?? []) {
      names.push(a);
      CANONICAL_PLACE.set(a, c.name);
    }
  }
  return names;
}

/** The name a place's mentions share ("US", "USA", "America" → "United States"), or null when it has no other. */
export function canonicalPlace(name: string): string | null {
  return CANONICAL_PLACE.get(name) ?? null;
}

/** Countries, capitals and the extra list above: a place whatever the context, unless a title says person. */
export const PLACES = new Set(countryNames());
const COUNTRY_KEYS = foldedSet(PLACES);
/** Cities of 150,000 people or more, capitals and first-level regions ("Iowa", "Sylhet"). */
const MAJOR_PLACE_KEYS = foldedSet(placeData.major);
/** Towns of 15,000 or more, and big places whose name is also a word or a first name ("Reading", "Florence"). */
const MINOR_PLACE_KEYS = foldedSet(placeData.minor);
const COMMON_GIVEN_NAMES = new Set(givenNameData.common);
const OTHER_GIVEN_NAMES = new Set(givenNameData.other);

export type PlaceTier = 'country' | 'major' | 'minor';

export function placeTier(name: string): PlaceTier | null {
  const key = foldName(name);
  if (COUNTRY_KEYS.has(key)) return 'country';
  if (MAJOR_PLACE_KEYS.has(key)) return 'major';
  if (MINOR_PLACE_KEYS.has(key)) return 'minor';
  return null;
}

/**
 * How sure the lists are that a word is a first name: "common" for the curated Moby lists
 * ("Dean", "Ruth"), "other" for the long international lists ("Oksana", "Marek"), which also hold
 * rare names that are words or places elsewhere ("Nowa"); null when no list has it ("Enamul").
 */
export function givenNameTier(word: string): 'common' | 'other' | null {
  const lower = word.toLowerCase();
  const folded = foldName(word);
  if (COMMON_GIVEN_NAMES.has(lower) || COMMON_GIVEN_NAMES.has(folded)) return 'common';
  if (OTHER_GIVEN_NAMES.has(lower) || OTHER_GIVEN_NAMES.has(folded)) return 'other';
  return null;
}

export function isGivenName(word: string): boolean {
  return givenNameTier(word) !== null;
}

/** Words that end a place's name ("Lake Van" aside): "Black Sea", "Surma river", "Leith Walk", "Heathrow Airport". */
export const PLACE_SUFFIXES = new Set([
  'mountains', 'river', 'sea', 'ocean', 'gulf', 'bay', 'strait', 'straits', 'island', 'islands', 'peninsula', 'valley', 'desert',
  'province', 'region', 'county', 'district', 'oblast', 'street', 'road', 'avenue', 'square', 'bridge', 'airport', 'harbour', 'harbor',
  'coast', 'canal', 'forest', 'park', 'plain', 'plateau', 'row', 'lane', 'walk', 'field', 'basin', 'delta', 'wall', 'heights', 'hills',
  'range', 'glacier', 'lagoon', 'reef', 'highlands', 'lowlands', 'steppe', 'corridor', 'crossing', 'pass',
  // Compass words end the names of constituencies and districts ("Stoke North", "Sudan South").
  'north', 'south', 'east', 'west', 'central',
]);

/** Words that begin a place's name: "Lake Van", "Mount Ararat", "Port Sudan", "Col de Vassieux". */
export const PLACE_PREFIXES = new Set(['lake', 'mount', 'mt', 'port', 'cape', 'gulf', 'isle', 'fort', 'col', 'sierra', 'monte', 'lago', 'rio', 'bahia', 'wadi', 'jebel']);

/** Lower-case geographic nouns that make "Donetsk region", "Surma river", "Danish straits" one place. */
export const GEO_NOUNS = new Set([
  'region', 'province', 'river', 'valley', 'field', 'strait', 'straits', 'oblast', 'district', 'county', 'mountains', 'island', 'islands',
  'peninsula', 'basin', 'delta', 'coast', 'gas field', 'oilfield', 'lake', 'sea', 'gorge', 'plain',
]);

/** Words that make a capitalised phrase an organisation ("Ministry of Defence", "Harbour Authority", "Batumi Herald"). */
export const ORG_WORDS = new Set([
  'ministry', 'department', 'agency', 'bank', 'council', 'party', 'company', 'inc', 'ltd', 'corp', 'corporation', 'group', 'authority',
  'commission', 'union', 'committee', 'court', 'university', 'institute', 'association', 'federation', 'foundation', 'office', 'service',
  'army', 'navy', 'police', 'parliament', 'government', 'assembly', 'senate', 'congress', 'board', 'fund', 'trust', 'organization',
  'organisation', 'alliance', 'coalition', 'force', 'forces', 'network', 'club', 'league', 'airlines', 'airways', 'holdings', 'partners',
  'plc', 'llc', 'gmbh', 'sa', 'ag', 'times', 'post', 'news', 'press', 'television', 'tv', 'radio', 'school', 'college', 'hospital',
  'centre', 'center', 'society', 'cabinet', 'embassy', 'secretariat', 'directorate', 'regulator', 'exchange', 'reserve', 'guard',
  'brigade', 'battalion', 'movement', 'front', 'watch', 'industries', 'energy', 'steel', 'motors', 'systems', 'labs', 'studio', 'studios',
  'consortium', 'project', 'journal', 'herald', 'courier', 'dispatch', 'ledger', 'gazette', 'tribune', 'chronicle', 'observer', 'review',
  'telegraph', 'guardian', 'independent', 'mirror', 'daily', 'weekly', 'broadcasting', 'broadcaster', 'securities', 'capital', 'shipping',
  'logistics', 'airline', 'pharmaceuticals', 'biologics', 'therapeutics', 'technologies', 'technology', 'research', 'intelligence',
  'consulting', 'analytics', 'ventures', 'investments', 'insurance', 'bancorp', 'mining', 'petroleum', 'oil', 'gas', 'chemicals', 'foods',
  'relief', 'aid', 'rescue', 'initiative', 'institution', 'tribunal', 'prosecutor', 'prosecutors', 'command', 'corps', 'council',
  'united', 'athletic', 'rovers', 'wanderers', 'city fc', 'fc', 'sporting',
]);

/**
 * Organisation words in the languages news most often leaves untranslated ("Deutsche Fernbahn",
 * "Mainzer Tagesblatt", "Agenzia Mare", "Banco Santander"): the word alone says organisation.
 */
export const FOREIGN_ORG_WORDS = new Set([
  'deutsche', 'zeitung', 'kurier', 'tagesblatt', 'tageblatt', 'allgemeine', 'rundschau', 'presse', 'bahn', 'agenzia', 'agence', 'agencia',
  'banca', 'banco', 'banque', 'compagnie', 'société', 'sociedad', 'groupe', 'grupo', 'gruppo', 'partido', 'partia', 'partei', 'instituto',
  'istituto', 'institut', 'universidad', 'università', 'universität', 'fundación', 'fondazione', 'stiftung', 'verband', 'gewerkschaft',
  'corriere', 'gazzetta', 'diario', 'periódico', 'journal', 'hebdo', 'stowarzyszenie', 'asociația', 'ministerul', 'ministerstwo',
]);

/** Legal-form suffixes: the strongest sign of a company ("Meridian Gulf Holdings Ltd"). */
export const CORPORATE_SUFFIXES = new Set(['ltd', 'ltd.', 'inc', 'inc.', 'plc', 'llc', 'gmbh', 'ag', 'sa', 'nv', 'bv', 'spa', 'corp', 'corp.', 'co.']);

/** Letters after a name that only people carry ("Kwame Asante KC"): the name is a person's; they are its description. */
export const POST_NOMINALS = new Set(['KC', 'QC', 'MP', 'MEP', 'MSP', 'OBE', 'CBE', 'MBE', 'KBE', 'DBE', 'Jr', 'Jr.', 'Sr', 'Sr.', 'PhD', 'MD']);

/** Places and buildings that stand for an institution ("the Kremlin said"): organisations, never their leaders. */
/** Metonyms written two ways for one institution ("No 10" is Downing Street). */
export const METONYM_ALIASES = new Map([['No 10', 'Downing Street'], ['Number 10', 'Downing Street'], ['No. 10', 'Downing Street'], ['Elysee', 'Élysée']]);

export const METONYMS = new Set([
  'Kremlin', 'White House', 'Downing Street', 'No 10', 'Number 10', 'No. 10', 'Pentagon', 'Élysée', 'Elysee', 'Whitehall', 'Capitol Hill', 'Vatican', 'Quai d’Orsay',
  'Zhongnanhai', 'Blue House', 'Foggy Bottom',
]);

/** Legislatures and courts news names by their own word ("the Dáil", "the Bundestag", "Congress"): organisations. */
export const LEGISLATURES = new Set([
  'Congress', 'Senate', 'House', 'Commons', 'House of Commons', 'House of Lords', 'Lords', 'Parliament', 'Bundestag', 'Bundesrat', 'Knesset',
  'Duma', 'State Duma', 'Dáil', 'Dail', 'Oireachtas', 'Seanad', 'Sejm', 'Riksdag', 'Storting', 'Folketing', 'Eduskunta', 'Majlis', 'Rada',
  'Verkhovna Rada', 'Cortes', 'Knesset', 'Althing', 'Stortinget', 'Assemblée nationale', 'Bundesversammlung', 'Holyrood', 'Senedd', 'Stormont',
]);

/** Well-known international bodies written as bare acronyms or short names: organisations even after "in" ("in the EU"). */
export const KNOWN_ORGANISATIONS = new Set([
  'EU', 'UN', 'NATO', 'Nato', 'IMF', 'WHO', 'WTO', 'OPEC', 'Opec', 'OECD', 'ASEAN', 'Asean', 'African Union', 'European Union', 'United Nations',
  'World Bank', 'ECB', 'Fed', 'Federal Reserve', 'Red Cross', 'Red Crescent', 'Interpol', 'Europol', 'Frontex', 'UNHCR', 'Unicef', 'UNICEF',
  'G7', 'G20', 'Brics', 'BRICS', 'OSCE', 'IAEA', 'ICC', 'ICJ', 'FIFA', 'Uefa', 'UEFA', 'IOC',
]);

/** Social platforms that reporting cites as where someone "wrote on X": organisations (only after "on"/"via" for one-letter X). */
export const PLATFORMS = new Set([
  'X', 'Twitter', 'Telegram', 'Facebook', 'Instagram', 'TikTok', 'YouTube', 'WhatsApp', 'LinkedIn', 'Threads', 'Bluesky', 'Weibo', 'WeChat',
  'Truth Social', 'Reddit', 'Signal', 'Snapchat', 'Mastodon', 'VKontakte', 'Substack',
]);

/** Events, awards and periods that look like names ("Summer Games", "Tour of the Three Valleys", "World Cup"): not entities. */
export const EVENT_WORDS = new Set([
  'games', 'olympics', 'paralympics', 'cup', 'championship', 'championships', 'tour', 'festival', 'prize', 'award', 'awards', 'summit',
  'conference', 'war', 'expo', 'marathon', 'grand prix', 'open', 'biennale', 'week', 'day', 'era', 'age', 'treaty', 'accord', 'accords',
  'agreement', 'act', 'bill', 'convention', 'protocol', 'plan', 'doctrine', 'index', 'rally', 'classic', 'stage', 'derby', 'league cup',
]);

/** Capitalised abbreviations that name things, not agents ("GDP", "AI", "UTC"): not entities. */
export const NON_ENTITY_ACRONYMS = new Set([
  'GDP', 'GNP', 'AI', 'UTC', 'GMT', 'CEO', 'CFO', 'CTO', 'COO', 'VAT', 'LNG', 'CO2', 'EV', 'EVs', 'IT', 'PR', 'TV', 'OK', 'DNA', 'RNA', 'HIV',
  'AIDS', 'MP', 'MPs', 'MEP', 'MEPs', 'PM', 'AM', 'FM', 'KC', 'QC', 'PhD', 'MBA', 'IPO', 'ETF', 'CPI', 'PMI', 'R&D', 'SUV', 'SUVs', 'USB',
  'GPS', 'ID', 'IDs', 'URL', 'PDF', 'FAQ', 'ATM', 'NGO', 'NGOs', 'VIP', 'ICU', 'ER', 'HQ', 'PPE', 'Covid', 'COVID', 'NB', 'PS', 'BC', 'AD',
  'BCE', 'CE', 'OMG', 'LOL', 'ASAP', 'TBC', 'AGM', 'EGM', 'YoY', 'QoQ', 'BPS', 'GW', 'MW', 'KW', 'KWH', 'MWH', 'GWH', 'TWH', 'EBITDA', 'ESG',
]);

/** Titles written before a name; they become the entity's description ("Foreign Minister", "Dr"). */
export const TITLES = new Set([
  'president', 'vice', 'vice-president', 'prime', 'minister', 'chancellor', 'senator', 'sen.', 'rep.', 'representative', 'governor', 'gov.', 'mayor',
  'secretary', 'judge', 'justice', 'gen.', 'general', 'col.', 'colonel', 'lt.', 'lieutenant', 'capt.', 'captain', 'dr.', 'dr', 'mr',
  'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'sir', 'dame', 'lord', 'lady', 'king', 'queen', 'prince', 'princess', 'pope', 'rev.', 'professor',
  'prof.', 'prof', 'ambassador', 'commissioner', 'sheikh', 'emir', 'sultan', 'premier', 'councillor', 'councilor', 'chief', 'inspector',
  'detective', 'sergeant', 'sgt.', 'officer', 'admiral', 'foreign', 'defence', 'defense', 'finance', 'interior', 'health', 'deputy',
  'speaker', 'leader', 'superintendent', 'director', 'chairman', 'chairwoman', 'chair', 'ceo', 'executive', 'spokesman', 'spokeswoman',
  'spokesperson', 'coach', 'manager', 'striker', 'midfielder', 'defender', 'goalkeeper', 'economist', 'analyst', 'scientist',
  'researcher', 'historian', 'glaciologist', 'lawyer', 'attorney', 'prosecutor', 'constable', 'commander', 'envoy',
  'negotiator', 'mediator', 'state', 'opposition', 'labour', 'trade', 'transport', 'education', 'environment', 'agriculture', 'economy',
  'oil', 'energy', 'justice', 'home', 'majority', 'minority', 'whip', 'auditor', 'attorney-general', 'solicitor-general', 'rabbi', 'imam',
  'bishop', 'archbishop', 'cardinal', 'father', 'sister', 'brother', 'rep', 'sen', 'gov', 'lt', 'col', 'gen', 'capt', 'sgt',
]);

/** Title words that only modify a role ("Foreign" Minister, "opposition" leader): never a role alone. */
export const TITLE_MODIFIERS = new Set([
  'vice', 'prime', 'foreign', 'defence', 'defense', 'finance', 'interior', 'health', 'deputy', 'state', 'opposition', 'labour', 'trade',
  'transport', 'education', 'environment', 'agriculture', 'economy', 'oil', 'energy', 'justice', 'home', 'majority', 'minority',
]);

/**
 * The word of a title that stands for the person ("Minister" in "Disaster Management Minister
 * Enamul Karim"): a capitalised run is split after its last such word, the rest is the name.
 */
export const TITLE_HEADS = new Set([
  'president', 'vice-president', 'minister', 'chancellor', 'senator', 'sen.', 'sen', 'rep.', 'rep', 'representative', 'governor', 'gov.',
  'gov', 'mayor', 'secretary', 'judge', 'justice', 'gen.', 'gen', 'general', 'col.', 'col', 'colonel', 'lt.', 'lt', 'lieutenant', 'capt.',
  'capt', 'captain', 'dr.', 'dr', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'mx', 'sir', 'dame', 'lord', 'lady', 'king', 'queen', 'prince',
  'princess', 'pope', 'rev.', 'professor', 'prof.', 'prof', 'ambassador', 'commissioner', 'sheikh', 'emir', 'sultan', 'premier',
  'councillor', 'councilor', 'inspector', 'detective', 'sergeant', 'sgt.', 'sgt', 'officer', 'admiral', 'speaker', 'leader',
  'superintendent', 'director', 'chairman', 'chairwoman', 'chair', 'ceo', 'spokesman', 'spokeswoman', 'spokesperson', 'coach', 'manager',
  'commander', 'envoy', 'chief', 'executive', 'whip', 'attorney-general', 'solicitor-general', 'rabbi', 'imam', 'bishop', 'archbishop', 'cardinal',
]);

/** Honorifics: a name after them is a person whatever else is known ("Mr Fairbanks", "Dr Ines Valcourt"). */
export const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'mx', 'dr', 'dr.', 'sir', 'dame', 'lord', 'lady', 'prof', 'prof.', 'professor']);

/**
 * Demonyms: the adjective ("Russian"), and the plural noun for the people ("Russians", "Swedes").
 * Regular plurals (-ian → -ians) are derived; irregular ones are listed.
 */
const DEMONYM_TABLE: [string, string][] = [
  ['American', 'Americans'], ['British', 'British'], ['Russian', 'Russians'], ['Ukrainian', 'Ukrainians'], ['Chinese', 'Chinese'],
  ['French', 'French'], ['German', 'Germans'], ['Italian', 'Italians'], ['Spanish', 'Spaniards'], ['Portuguese', 'Portuguese'],
  ['Polish', 'Poles'], ['Finnish', 'Finns'], ['Swedish', 'Swedes'], ['Norwegian', 'Norwegians'], ['Danish', 'Danes'], ['Dutch', 'Dutch'],
  ['Belgian', 'Belgians'], ['Irish', 'Irish'], ['Scottish', 'Scots'], ['Welsh', 'Welsh'], ['English', 'English'], ['Canadian', 'Canadians'],
  ['Mexican', 'Mexicans'], ['Brazilian', 'Brazilians'], ['Argentine', 'Argentines'], ['Argentinian', 'Argentinians'], ['Chilean', 'Chileans'],
  ['Peruvian', 'Peruvians'], ['Colombian', 'Colombians'], ['Indian', 'Indians'], ['Pakistani', 'Pakistanis'], ['Iranian', 'Iranians'],
  ['Iraqi', 'Iraqis'], ['Syrian', 'Syrians'], ['Turkish', 'Turks'], ['Israeli', 'Israelis'], ['Palestinian', 'Palestinians'],
  ['Egyptian', 'Egyptians'], ['Saudi', 'Saudis'], ['Japanese', 'Japanese'], ['Korean', 'Koreans'], ['Vietnamese', 'Vietnamese'],
  ['Thai', 'Thais'], ['Indonesian', 'Indonesians'], ['Filipino', 'Filipinos'], ['Australian', 'Australians'], ['Nigerian', 'Nigerians'],
  ['Kenyan', 'Kenyans'], ['Ethiopian', 'Ethiopians'], ['South African', 'South Africans'], ['Greek', 'Greeks'], ['Hungarian', 'Hungarians'],
  ['Czech', 'Czechs'], ['Slovak', 'Slovaks'], ['Romanian', 'Romanians'], ['Bulgarian', 'Bulgarians'], ['Serbian', 'Serbs'],
  ['Croatian', 'Croats'], ['Estonian', 'Estonians'], ['Latvian', 'Latvians'], ['Lithuanian', 'Lithuanians'], ['Belarusian', 'Belarusians'],
  ['Georgian', 'Georgians'], ['Armenian', 'Armenians'], ['Azerbaijani', 'Azerbaijanis'], ['Kazakh', 'Kazakhs'], ['Afghan', 'Afghans'],
  ['Lebanese', 'Lebanese'], ['Jordanian', 'Jordanians'], ['Moroccan', 'Moroccans'], ['Algerian', 'Algerians'], ['Tunisian', 'Tunisians'],
  ['Libyan', 'Libyans'], ['Sudanese', 'Sudanese'], ['Somali', 'Somalis'], ['European', 'Europeans'], ['Asian', 'Asians'],
  ['African', 'Africans'], ['Arab', 'Arabs'], ['Kurdish', 'Kurds'], ['Taiwanese', 'Taiwanese'], ['Venezuelan', 'Venezuelans'],
  ['Cuban', 'Cubans'], ['Swiss', 'Swiss'], ['Austrian', 'Austrians'], ['Icelandic', 'Icelanders'], ['Muscovite', 'Muscovites'],
  ['Senegalese', 'Senegalese'], ['Malian', 'Malians'], ['Ghanaian', 'Ghanaians'], ['Scandinavian', 'Scandinavians'], ['Western', 'Westerners'],
  ['Bangladeshi', 'Bangladeshis'], ['Sri Lankan', 'Sri Lankans'], ['Nepali', 'Nepalis'], ['Yemeni', 'Yemenis'], ['Qatari', 'Qataris'],
  ['Emirati', 'Emiratis'], ['Omani', 'Omanis'], ['Kuwaiti', 'Kuwaitis'], ['Slovenian', 'Slovenians'], ['Bosnian', 'Bosnians'],
  ['Albanian', 'Albanians'], ['Macedonian', 'Macedonians'], ['Moldovan', 'Moldovans'], ['Cypriot', 'Cypriots'], ['Maltese', 'Maltese'],
  ['Luxembourgish', 'Luxembourgers'], ['New Zealand', 'New Zealanders'], ['Uzbek', 'Uzbeks'], ['Tajik', 'Tajiks'], ['Chechen', 'Chechens'],
  ['Tatar', 'Tatars'], ['Yorkshire', 'Yorkshiremen'], ['Yorkshireman', 'Yorkshiremen'], ['Yorkshirewoman', 'Yorkshirewomen'],
  ['Londoner', 'Londoners'], ['Parisian', 'Parisians'], ['Berliner', 'Berliners'], ['Texan', 'Texans'], ['Californian', 'Californians'],
  ['Catalan', 'Catalans'], ['Basque', 'Basques'], ['Flemish', 'Flemings'], ['Walloon', 'Walloons'], ['Rohingya', 'Rohingya'],
  ['Uyghur', 'Uyghurs'], ['Uighur', 'Uighurs'], ['Pashtun', 'Pashtuns'], ['Baloch', 'Baloch'], ['Sikh', 'Sikhs'], ['Muslim', 'Muslims'],
  ['Christian', 'Christians'], ['Jewish', 'Jews'], ['Hindu', 'Hindus'], ['Buddhist', 'Buddhists'],
];

const DEMONYM_PLURAL = new Map<string, string>();
for (const [adjective, plural] of DEMONYM_TABLE) {
  DEMONYM_PLURAL.set(adjective, plural);
  DEMONYM_PLURAL.set(plural, plural);
}
/** Party and political-group plurals that name a group, not an organisation ("Democrats", "Tories"). */
for (const g of ['Democrats', 'Republicans', 'Conservatives', 'Tories', 'Liberals', 'Socialists', 'Greens', 'Arabs', 'Kurds']) DEMONYM_PLURAL.set(g, g);

/** Adjectives of nationality ("Russian", "Finnish"), as a set for quick look-ups. */
export const NATIONALITY_ADJECTIVES = new Set(DEMONYM_TABLE.map(([adjective]) => adjective));

/** The group a demonym names ("Swedish" → "Swedes", "Ukrainians" → "Ukrainians"), or null. */
export function groupName(word: string): string | null {
  return DEMONYM_PLURAL.get(word) ?? null;
}

/** Plural demonyms: "Ukrainians", "Finns", "the French" take this form. */
export function isGroupName(word: string): boolean {
  return DEMONYM_PLURAL.has(word) && !NATIONALITY_ADJECTIVES.has(word);
}
