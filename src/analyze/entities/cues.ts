/**
 * Typing rules: each names one kind of evidence that a candidate is a person, an organisation,
 * a place, a group, or no entity at all, with a reason and a strength. Every rule that fires is
 * kept; the strongest across all mentions of one entity decides its type (document-level
 * consistency), ties going to the rule listed first. Extend the table, not the code.
 */
import { commonWord } from './common-word.js';
import {
  CORPORATE_SUFFIXES, EVENT_WORDS, FOREIGN_ORG_WORDS, KNOWN_ORGANISATIONS, LEGISLATURES, METONYMS, NON_ENTITY_ACRONYMS, ORG_WORDS,
  GEO_NOUNS, NATIONALITY_ADJECTIVES, PLACE_PREFIXES, PLACE_SUFFIXES, PLATFORMS, TITLES, givenNameTier, groupName, isGivenName, placeTier,
} from '../gazetteer.js';
import type { PlaceTier } from '../gazetteer.js';
import type { EntityType } from '../types.js';
import type { Candidate } from './candidates.js';
import type { Word } from './words.js';

export interface CueContext {
  c: Candidate;
  words: Word[];
  text: string;
  /** The name's words, lower case, without the surname particles. */
  parts: string[];
  /** The 60 characters before the run and the 90 after the name, read once. */
  left: string;
  right: string;
  appositionHead?: string | null;
  /** The name's gazetteer tier and its first word's, looked up once. */
  tier?: PlaceTier | null;
  firstTier?: PlaceTier | null;
  firstName?: 'common' | 'other' | null;
}

function tierOf(x: CueContext): PlaceTier | null {
  if (x.tier === undefined) x.tier = placeTier(x.c.text);
  return x.tier;
}

function firstWordTier(x: CueContext): PlaceTier | null {
  if (x.firstTier === undefined) x.firstTier = placeTier(firstWord(x));
  return x.firstTier;
}

function firstNameTier(x: CueContext): 'common' | 'other' | null {
  if (x.firstName === undefined) x.firstName = givenNameTier(firstWord(x));
  return x.firstName;
}

export interface CueRule {
  name: string;
  reason: string;
  /** null: the candidate is no entity (an event, an abbreviation for a thing). */
  type: EntityType | null;
  strength: number;
  test: (x: CueContext) => boolean;
}

export interface Cue {
  rule: string;
  type: EntityType | null;
  strength: number;
}

/** Nouns that say what kind of organisation a name is ("the grid operator, Hellas Grid", "a research firm"). */
export const ORG_NOUNS = new Set([
  'firm', 'company', 'consultancy', 'fund', 'group', 'charity', 'agency', 'operator', 'newspaper', 'daily', 'weekly', 'broadcaster',
  'party', 'movement', 'association', 'union', 'club', 'side', 'startup', 'start-up', 'maker', 'manufacturer', 'lender', 'insurer',
  'carrier', 'airline', 'bank', 'regulator', 'watchdog', 'think-tank', 'tank', 'organisation', 'organization', 'ngo', 'institute',
  'university', 'network', 'outlet', 'magazine', 'website', 'platform', 'developer', 'producer', 'retailer', 'supplier', 'chain',
  'conglomerate', 'giant', 'subsidiary', 'utility', 'coalition', 'alliance', 'faction', 'militia', 'body', 'consortium', 'publisher',
  'foundation', 'nonprofit', 'non-profit', 'shipowner', 'miner', 'refiner', 'exchange', 'journal', 'tabloid', 'channel', 'station',
  'federation', 'council', 'committee', 'ministry', 'department', 'court', 'tribunal', 'team', 'brand', 'label', 'bloc', 'cooperative',
  'co-operative', 'trust', 'hospital', 'school', 'college', 'airport operator', 'shipping line', 'trader', 'distributor', 'owner',
]);
/**
 * Nouns for people in an apposition or before "at" ("Henrik Aas, a transport analyst", "a crane
 * operator", "economists at"): titles, learned-profession endings, and a list of everyday ones
 * (an "-er" ending alone would take "border" and "matter" for people).
 */
const PERSON_NOUN_SUFFIX = /(?:ist|ian|ologist|man|woman|men|women|person|people)$/;
const PERSON_NOUNS = new Set([
  'driver', 'teacher', 'farmer', 'worker', 'engineer', 'officer', 'reporter', 'writer', 'editor', 'researcher', 'lecturer', 'banker',
  'broker', 'investor', 'founder', 'partner', 'member', 'player', 'supporter', 'voter', 'resident', 'survivor', 'witness', 'doctor',
  'pensioner', 'student', 'pupil', 'retiree', 'mother', 'father', 'son', 'daughter', 'wife', 'husband', 'child', 'girl', 'boy', 'nurse',
  'chef', 'official', 'head', 'candidate', 'activist', 'veteran', 'expert', 'scholar', 'colleague', 'friend', 'rival', 'aide', 'diplomat',
  'counsel', 'consultant', 'adviser', 'advisor', 'fellow', 'representative', 'volunteer', 'organiser', 'organizer', 'campaigner',
  'protester', 'lawmaker', 'legislator', 'politician', 'owner', 'employee', 'shopkeeper', 'baker', 'fisherman', 'fighter', 'soldier',
  'commentator', 'author', 'novelist', 'poet', 'artist', 'singer', 'actor', 'actress', 'director', 'producer', 'designer', 'planner',
  'architect', 'entrepreneur', 'executive', 'founder', 'chairman', 'chairwoman', 'rider', 'cyclist', 'runner', 'coach', 'captain',
  'teammate', 'winner', 'champion', 'mayor', 'trader', 'operator', 'miner', 'judge', 'justice', 'negotiator', 'mediator', 'envoy',
  'deputy', 'leader', 'whip', 'minister', 'survivor', 'mp', 'mep', 'senator', 'governor', 'physician', 'surgeon', 'pharmacist',
  'epidemiologist', 'virologist', 'immunologist', 'glaciologist', 'lawyer', 'attorney', 'barrister', 'solicitor', 'prosecutor',
  'detective', 'inspector', 'professor', 'analyst', 'economist', 'strategist', 'spokesman', 'spokeswoman', 'spokesperson', 'manager',
  'director-general', 'secretary-general', 'chief', 'ceo', 'accountant', 'auditor', 'clerk', 'vicar', 'priest', 'imam', 'rabbi',
]);
/** Nouns for settlements and areas before "of" ("the village of Limni", "the port of Zuwara"). */
const SETTLEMENT_NOUNS = /\b(?:town|city|village|port|island|islands|region|province|district|county|state|capital|suburb|neighbourhood|neighborhood|municipality|commune|oblast|governorate|area|hamlet|settlement|enclave|city-state|emirate|republic|kingdom|outskirts)\s+of\s+$/;
const PLURAL_SETTLEMENTS = /\b(?:towns|cities|villages|ports|islands|regions|provinces|districts|places|areas|settlements|countries)\s+(?:such\s+as|like|including)\s+$/;
/** Prepositions that place something somewhere, strongest first. */
const STRONG_PLACE_PREP = /\b(?:near|outside|(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)\s+of|based\s+in|born\s+in|flights?\s+to|travell?ed\s+to|flew\s+to|arrived\s+in|returned\s+to|headed\s+to)\s+$/;
/** "return to Geneva", "the lane to Portobello": "to" after a word of movement or route places what follows; after "spoke" it does not. */
const MOTION_TO = /\b(?:return|returned|returning|returns|travel|travels|travelled|traveled|travelling|traveling|fly|flew|flown|flying|go|goes|went|gone|going|move|moved|moving|fled|flee|fleeing|sent|send|deployed|headed|heading|came|come|coming|back|way|route|road|trip|trips|journey|visit|visits|flight|flights|train|trains|extension|lane|link|corridor|pipeline|border|exports|shipments|migrated|emigrated|relocated|deported|extradited|extradition)\s+to\s+$/;
/** Nouns for craft, ships and other named things directly before their name ("ship Aurora", "the lander Ferrow"). */
const THING_NOUNS = /(?:^|\s)(?:ship|vessel|boat|tanker|freighter|ferry|yacht|spacecraft|lander|probe|rocket|aircraft|plane|jet|satellite|rover|telescope|mission|storm|hurricane|typhoon|cyclone|operation|vaccine|drug|app|chatbot|model|software|album|film|book|novel|song|play|painting|horse|dog|cat)\s+$/;
const WEAK_PLACE_PREP = /\b(?:in|into|across|throughout|around|towards|toward|from)\s+(?:(?:northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western|north-east|north-west|south-east|south-west|rural|downtown|greater|coastal|upstate|suburban)\s+)?$/;
/** Agent nouns that name a firm or a person ("the grid operator" / "a crane operator"): with a first name, a person. */
const AGENT_ORG_NOUNS = new Set(['operator', 'owner', 'trader', 'developer', 'producer', 'distributor', 'publisher', 'maker', 'miner', 'carrier', 'supplier', 'retailer', 'manufacturer', 'lender', 'insurer', 'refiner', 'shipowner', 'broadcaster']);
/** Words before a language name ("taught English", "in Russian"): the demonym is a language, not a group. */
const LANGUAGE_BEFORE = /\b(?:in|into|speak|speaks|spoke|speaking|taught|teach|teaches|teaching|learn|learns|learning|learned|learnt|fluent|translated|study|studied|studies)\s+$/;
const SPEECH_VERBS = /^(?:said|says|told|tells|added|adds|stated|wrote|writes|quipped|insisted|warned|continued|reiterated|claimed|argued|noted|explained|asked|replied|tweeted|posted|declared|announced|admitted|acknowledged|conceded|recalled|remarked|countered|stressed|urged|predicted|suggested|cautioned|responded|joked|complained|pledged|vowed|promised|confirmed|denied|shouted|whispered|pleaded|boasted)\b/;
const ACRONYM = /^(?:\p{Lu}\.?){2,6}s?$|^(?:\p{Lu}\.){2,}$/u;
/** Surname-like last words that are also place words ("Sally Field", "Jonathan Hill"): with a first name, a person. */
const SURNAME_PLACE_WORDS = new Set(['field', 'park', 'lane', 'row', 'wall', 'hill', 'hills', 'bay', 'ford', 'walk', 'bridge', 'forest', 'north', 'south', 'east', 'west']);

function before(x: CueContext, chars = 60): string {
  return chars >= x.left.length ? x.left : x.left.slice(x.left.length - chars);
}

function after(x: CueContext, chars = 90): string {
  return chars >= x.right.length ? x.right : x.right.slice(0, chars);
}

function lastPart(x: CueContext): string {
  return x.parts.at(-1) ?? '';
}

/** The head noun of an apposition ", a transport analyst at …," → "analyst". */
function appositionHead(x: CueContext): string | null {
  if (x.appositionHead !== undefined) return x.appositionHead;
  x.appositionHead = readAppositionHead(x);
  return x.appositionHead;
}

function readAppositionHead(x: CueContext): string | null {
  if (!/^,\s/.test(x.right)) return null;
  const m = /^,\s+(?:a|an|the|its|his|her|their)\s+((?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+?)(?=\s*[,.;:)]|\s+(?:who|which|that|at|in|of|for|with|from|based|on|since|whose|and)\b)/u.exec(after(x));
  return m ? m[1]!.split(/\s+/).at(-1)!.toLowerCase() : null;
}

function firstWord(x: CueContext): string {
  return x.c.text.split(/\s+/)[0]!;
}

/** A noun for a person; an agent noun such as "operator" only when the name opens with a first name. */
function isPersonNoun(noun: string, x?: CueContext): boolean {
  if (AGENT_ORG_NOUNS.has(noun)) return x !== undefined && isGivenName(firstWord(x));
  if (ORG_NOUNS.has(noun)) return false;
  return TITLES.has(noun) || PERSON_NOUNS.has(noun) || PERSON_NOUN_SUFFIX.test(noun) || endsInPersonNoun(noun);
}

/** Compounds of a person noun: "schoolteacher", "firefighter", "housewife". */
function endsInPersonNoun(noun: string): boolean {
  for (let i = 1; i <= noun.length - 4; i++) if (PERSON_NOUNS.has(noun.slice(i))) return true;
  return false;
}

function isOrgNoun(noun: string, x: CueContext): boolean {
  return ORG_NOUNS.has(noun) && !isPersonNoun(noun, x);
}

/** "the Aurora", "the Italian": a person's name never takes "the". */
function afterArticle(x: CueContext): boolean {
  return !x.c.withArticle && /(?:^|\s)the\s+$/.test(before(x, 6));
}

/** Context after a name that a person's clause would not start with; used to keep relative clauses of "Calloway of Ohio" on Calloway. */
function afterPreposition(x: CueContext): boolean {
  return /\b(?:of|from|in|at|for|near|to)\s+$/.test(before(x, 8));
}

function followingWord(x: CueContext): Word | undefined {
  const w = x.words[x.c.last + 1];
  return w && !w.sentenceStart && /^[ \u00a0]+$/.test(x.text.slice(x.c.outer, w.start)) ? w : undefined;
}

/** A noun or adjective follows the name: the name modifies it ("Russian forces", "German pre-trial detention"). */
function followsNoun(x: CueContext): boolean {
  return /^(?:NOUN|ADJ|PROPN|NUM)$/.test(followingWord(x)?.pos ?? '');
}

const LIST_BEFORE = /(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)(?:,\s+|\s+and\s+|\s+or\s+)$/u;
const LIST_AFTER = /^(?:,\s+|\s+and\s+|\s+or\s+)(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)/u;

function isKnownPlace(name: string | undefined): boolean {
  if (!name) return false;
  const tier = placeTier(name);
  return (tier === 'country' || tier === 'major') && groupName(name) === null;
}

function listedWithPlace(x: CueContext): boolean {
  return isKnownPlace(LIST_BEFORE.exec(before(x, 40))?.[1]) || isKnownPlace(LIST_AFTER.exec(after(x, 40))?.[1]);
}

function multiword(x: CueContext): boolean {
  return x.parts.length >= 2;
}

export const CUE_RULES: CueRule[] = [
  { name: 'metonym', reason: 'a seat of power standing for its institution ("the Kremlin said")', type: 'organization', strength: 100, test: (x) => METONYMS.has(x.c.text) },
  { name: 'legislature', reason: 'a parliament named by its own word ("the Dáil", "Congress")', type: 'organization', strength: 100, test: (x) => LEGISLATURES.has(x.c.text) },
  { name: 'known-organisation', reason: 'international bodies news names bare ("the EU", "Nato")', type: 'organization', strength: 100, test: (x) => KNOWN_ORGANISATIONS.has(x.c.text) },
  { name: 'event', reason: 'events, treaties and plans look like names but are not annotated ("Summer Games", "Tour of …")', type: null, strength: 100, test: (x) => (multiword(x) && EVENT_WORDS.has(lastPart(x))) || /^(?:tour|battle|siege|treaty|cup)$/.test(x.parts[0] ?? '') && x.parts.length > 1 },
  { name: 'non-entity-acronym', reason: 'abbreviations for things, not agents ("GDP", "AI", "UTC")', type: null, strength: 100, test: (x) => NON_ENTITY_ACRONYMS.has(x.c.text) },
  { name: 'title-only', reason: 'a title with no name after it ("Minister for Sport", "Prime Minister") is a role, not an entity', type: null, strength: 100, test: (x) => x.c.titleOnly },
  { name: 'language', reason: 'a nationality word after "taught", "in", "speaks" names a language, which is not annotated', type: null, strength: 95, test: (x) => groupName(x.c.text) !== null && x.parts.length === 1 && LANGUAGE_BEFORE.test(before(x, 14)) && !followsNoun(x) },
  { name: 'demonym-as-person', reason: '"the Italian said": a nationality adjective after "the" refers to a person, not the group', type: null, strength: 95, test: (x) => NATIONALITY_ADJECTIVES.has(x.c.text) && groupName(x.c.text) !== x.c.text && afterArticle(x) && !followsNoun(x) },
  { name: 'bare-org-word', reason: 'a lone generic organisation word ("the Commission", "Union") refers back; it is linked, not a new name', type: null, strength: 99, test: (x) => x.parts.length === 1 && ORG_WORDS.has(x.parts[0]!) && !LEGISLATURES.has(x.c.text) },
  { name: 'corporate-suffix', reason: 'a legal form ends only a company name ("Ltd", "GmbH")', type: 'organization', strength: 95, test: (x) => multiword(x) && CORPORATE_SUFFIXES.has(lastPart(x)) },
  { name: 'honorific', reason: '"Mr", "Dr", "Dame" stand only before people', type: 'person', strength: 95, test: (x) => x.c.honorific },
  { name: 'post-nominal', reason: 'letters after a name that only people carry ("KC", "MP")', type: 'person', strength: 95, test: (x) => x.c.postNominal },
  { name: 'title', reason: 'a title or role word just before the name ("Foreign Minister", "union leader")', type: 'person', strength: 90, test: (x) => x.c.titleHead !== null },
  { name: 'country', reason: 'countries, capitals and well-known regions from the gazetteer', type: 'place', strength: 90, test: (x) => tierOf(x) === 'country' },
  { name: 'demonym', reason: 'nationalities and other demonyms name groups ("Ukrainians", "Finnish")', type: 'group', strength: 90, test: (x) => groupName(x.c.text) !== null },
  { name: 'geo-noun', reason: 'a lower-case geographic head after the name ("Donetsk region", "Surma river", "Danish straits")', type: 'place', strength: 88, test: (x) => x.c.headNoun !== null && GEO_NOUNS.has(x.c.headNoun) || /^(?:straits|islands|isles|highlands|waters)$/.test(x.c.headNoun ?? '') },
  { name: 'org-head-noun', reason: 'a lower-case organisation head after the name ("the Civic Renewal party", "the Sepehr news agency")', type: 'organization', strength: 85, test: (x) => x.c.headNoun !== null && !GEO_NOUNS.has(x.c.headNoun) && !/^(?:straits|islands|isles|highlands|waters)$/.test(x.c.headNoun) },
  { name: 'org-word', reason: 'an organisation word inside the name ("Harbour Authority", "Nordhavn Shipping", "Mainzer Tagesblatt")', type: 'organization', strength: 85, test: (x) => multiword(x) && x.parts.some((p) => ORG_WORDS.has(p) || FOREIGN_ORG_WORDS.has(p)) },
  {
    name: 'geo-word', reason: 'a geographic word begins or ends the name ("Lake Van", "Leith Walk", "Surma river")', type: 'place', strength: 85,
    test: (x) => multiword(x) && (PLACE_PREFIXES.has(x.parts[0]!) || PLACE_SUFFIXES.has(lastPart(x))) && !(x.parts.length === 2 && SURNAME_PLACE_WORDS.has(lastPart(x)) && givenNameTier(x.parts[0]!) === 'common'),
  },
  { name: 'platform', reason: 'social platforms cited as where words appeared ("wrote on Telegram")', type: 'organization', strength: 85, test: (x) => PLATFORMS.has(x.c.text) && (x.c.text.length > 2 || /\b(?:on|via)\s+$/.test(before(x, 6))) },
  { name: 'settlement-of', reason: '"the village of Limni", "towns such as Siversk": a place by construction', type: 'place', strength: 85, test: (x) => SETTLEMENT_NOUNS.test(before(x)) || PLURAL_SETTLEMENTS.test(before(x)) },
  {
    name: 'person-apposition', reason: 'an apposition naming a person\'s role or age ("Henrik Aas, a transport analyst", "Halina Mazur, 68,")', type: 'person', strength: 80,
    test: (x) => !afterPreposition(x) && (/^,\s+\d{1,3},/.test(after(x, 8)) || /^,\s+who\b/.test(after(x, 8)) || isPersonNoun(appositionHead(x) ?? '', x)),
  },
  { name: 'org-apposition', reason: 'an apposition naming a kind of organisation ("Straits Technology Research, a consultancy in Singapore")', type: 'organization', strength: 80, test: (x) => isOrgNoun(appositionHead(x) ?? '', x) },
  {
    name: 'org-noun-before', reason: 'a kind of organisation just before the name ("operator Deutsche Fernbahn", "the grid operator, Hellas Grid,")', type: 'organization', strength: 80,
    test: (x) => {
      const m = /(?:^|\s)([\p{Ll}-]+)(,?)\s+$/u.exec(before(x, 40));
      if (!m || !isOrgNoun(m[1]!, x)) return false;
      return m[2] === '' || /^,/.test(after(x, 2));
    },
  },
  { name: 'place-apposition', reason: '"Ames, Iowa": a town set beside its region or country', type: 'place', strength: 80, test: (x) => { const m = /^,\s+(\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+)?)(?=[,.;])/u.exec(after(x, 40)); return m !== null && (placeTier(m[1]!) === 'country' || placeTier(m[1]!) === 'major') && !groupName(x.c.text); } },
  { name: 'major-place', reason: 'cities of 150,000 people or more and first-level regions from the gazetteer', type: 'place', strength: 75, test: (x) => tierOf(x) === 'major' },
  { name: 'employer', reason: 'a person\'s workplace after "at" ("an analyst at Skagen Securities")', type: 'organization', strength: 70, test: (x) => { const m = /([\p{Ll}-]+)\s+at\s+(?:the\s+)?$/u.exec(before(x, 40)); return m !== null && isPersonNoun(m[1]!) && !tierOf(x); } },
  { name: 'thing-noun-before', reason: '"ship Aurora", "the lander Ferrow": named craft and things are not annotated', type: null, strength: 70, test: (x) => THING_NOUNS.test(before(x, 20)) },
  { name: 'motion-to', reason: '"return to Geneva", "the lane to Portobello": a destination', type: 'place', strength: 65, test: (x) => MOTION_TO.test(before(x, 30)) && x.c.outer === x.c.end },
  {
    name: 'employer-before-role', reason: 'a name before a role and a person ("Goldman Sachs analyst Jane Hughes", "Labour leader Keir Starmer") is where that person works', type: 'organization', strength: 60,
    test: (x) => /^\s+(?:chief\s+)?([\p{Ll}-]+)\s+\p{Lu}/u.test(after(x, 40)) && isPersonNoun(/^\s+(?:chief\s+)?([\p{Ll}-]+)/u.exec(after(x, 40))![1]!) && !tierOf(x) && groupName(x.c.text) === null,
  },
  { name: 'strong-place-preposition', reason: '"near", "outside", "north of" place what follows', type: 'place', strength: 70, test: (x) => STRONG_PLACE_PREP.test(before(x, 30)) && x.c.outer === x.c.end },
  { name: 'common-given-name', reason: 'a first name common in English-language news opens the name ("Daniel Marsh")', type: 'person', strength: 72, test: (x) => multiword(x) && firstNameTier(x) === 'common' && !ACRONYM.test(firstWord(x)) },
  { name: 'named-person', reason: '"a girl named Maya": named after a word for a person', type: 'person', strength: 65, test: (x) => { const m = /([\p{L}-]+)\s+named\s+$/u.exec(before(x, 40)); return m !== null && isPersonNoun(m[1]!.toLowerCase()); } },
  { name: 'named-thing', reason: '"a lander named Ferrow": craft, ships and storms are not annotated', type: null, strength: 65, test: (x) => { const m = /([\p{L}-]+)\s+(?:named|called|dubbed)\s+$/u.exec(before(x, 40)); return m !== null && !isPersonNoun(m[1]!.toLowerCase()) && !isOrgNoun(m[1]!.toLowerCase(), x); } },
  { name: 'the-name', reason: 'a multi-word name after "the" is not a person ("told the Copenhagen Ledger")', type: 'organization', strength: 62, test: (x) => multiword(x) && afterArticle(x) && !followsNoun(x) },
  { name: 'place-first', reason: 'a known place opens a longer name that is not itself a place ("Copenhagen Ledger", "Batumi Herald")', type: 'organization', strength: 62, test: (x) => multiword(x) && tierOf(x) === null && (firstWordTier(x) === 'country' || firstWordTier(x) === 'major') },
  { name: 'common-noun-last', reason: 'a name ending in an ordinary English noun, with no first name, is an organisation ("Hellas Grid", "Civic Renewal")', type: 'organization', strength: 60, test: (x) => multiword(x) && firstNameTier(x) === null && commonWord(lastPart(x)) && !isGivenName(lastPart(x)) },
  { name: 'other-given-name', reason: 'a first name from the long international lists opens the name ("Marek Zieliński"); weaker, as they hold rare names that are places too ("Nowa Huta")', type: 'person', strength: 56, test: (x) => multiword(x) && firstNameTier(x) === 'other' && !ACRONYM.test(firstWord(x)) },
  { name: 'listed-with-place', reason: '"Athens, Rio and others", "Sylhet and Sunamganj": a name listed with a known place is one too', type: 'place', strength: 60, test: (x) => x.parts.length <= 2 && listedWithPlace(x) },
  { name: 'place-preposition', reason: '"in", "into", "across" usually place what follows', type: 'place', strength: 58, test: (x) => WEAK_PLACE_PREP.test(before(x, 12)) && x.c.outer === x.c.end && !x.c.titleHead },
  { name: 'acronym', reason: 'an unknown abbreviation in capitals is most often an organisation ("NGA", "VBT")', type: 'organization', strength: 55, test: (x) => ACRONYM.test(x.c.text) && x.c.text.length <= 7 },
  { name: 'single-given-name', reason: 'a first name alone, not at a sentence\'s start, is a person ("Maya")', type: 'person', strength: 52, test: (x) => x.parts.length === 1 && isGivenName(x.c.text) && !x.words[x.c.first]!.grammarCap && !afterArticle(x) },
  { name: 'speech-verb', reason: 'a name followed by "said", "told" speaks; people do most often', type: 'person', strength: 50, test: (x) => x.parts.length <= 3 && SPEECH_VERBS.test(after(x, 12).trimStart()) && !afterArticle(x) },
  { name: 'minor-place', reason: 'towns of 15,000 people or more, and places whose name is also a word or a first name', type: 'place', strength: 45, test: (x) => tierOf(x) === 'minor' },
  { name: 'multiword-default', reason: 'a run of two or more capitalised words with no other evidence is most often a person', type: 'person', strength: 40, test: (x) => multiword(x) && !afterArticle(x) },
];

const PARTICLES = /^(?:de|van|von|der|den|da|di|du|del|della|dos|das|do|le|la|les|al|el|bin|ibn|ter|ten|y|of|for|the|and|&|dla|na|für|pour|para|per|des|e)$/;

/** Rules by strength, the table's order kept among equals: the first that fires decides for this mention. */
const BY_STRENGTH = [...CUE_RULES].sort((a, b) => b.strength - a.strength);

function context(c: Candidate, words: Word[], text: string): CueContext {
  const parts = c.text.split(/\s+/).map((p) => p.toLowerCase().replace(/\.$/, '')).filter((p) => !PARTICLES.test(p));
  const runStart = words[c.runFirst]!.start;
  return { c, words, text, parts, left: text.slice(Math.max(0, runStart - 60), runStart), right: text.slice(c.outer, c.outer + 90) };
}

/** Every rule that fires for a mention (for explaining and testing). */
export function cuesFor(c: Candidate, words: Word[], text: string): Cue[] {
  const x = context(c, words, text);
  return CUE_RULES.filter((rule) => rule.test(x)).map((rule) => ({ rule: rule.name, type: rule.type, strength: rule.strength }));
}

/** The mention's strongest cue, found without running the weaker rules. */
export function decidingCue(c: Candidate, words: Word[], text: string): Cue | null {
  const x = context(c, words, text);
  for (const rule of BY_STRENGTH) if (rule.test(x)) return { rule: rule.name, type: rule.type, strength: rule.strength };
  return null;
}

const RULE_ORDER = new Map(CUE_RULES.map((r, i) => [r.name, i]));

/** The deciding cue: the strongest, and among equals the rule listed first. */
export function strongest(cues: Cue[]): Cue | null {
  let best: Cue | null = null;
  for (const cue of cues) {
    if (!best || cue.strength > best.strength || (cue.strength === best.strength && RULE_ORDER.get(cue.rule)! < RULE_ORDER.get(best.rule)!)) best = cue;
  }
  return best;
}
