/**
 * Word lists the temporal rules read. Each table says why it exists; when one changes, re-run
 * `npx vitest run test/analyze/dates.test.ts` and `npm run quality -- --analysis` (date value
 * accuracy against test/gold/analyze).
 */

export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** Month names as news prose writes them; abbreviations count only beside a day or a year. */
export const MONTHS: readonly { name: string; abbreviations: readonly string[] }[] = [
  { name: 'January', abbreviations: ['Jan'] },
  { name: 'February', abbreviations: ['Feb'] },
  { name: 'March', abbreviations: ['Mar'] },
  { name: 'April', abbreviations: ['Apr'] },
  { name: 'May', abbreviations: [] },
  { name: 'June', abbreviations: ['Jun'] },
  { name: 'July', abbreviations: ['Jul'] },
  { name: 'August', abbreviations: ['Aug'] },
  { name: 'September', abbreviations: ['Sept', 'Sep'] },
  { name: 'October', abbreviations: ['Oct'] },
  { name: 'November', abbreviations: ['Nov'] },
  { name: 'December', abbreviations: ['Dec'] },
];

/**
 * Month names that are also ordinary words or names ("may" the modal, Theresa May, a protest
 * march, April/June/August as given names): standing alone they need a temporal cue before them.
 */
export const AMBIGUOUS_MONTHS: ReadonlySet<number> = new Set([3, 4, 5, 6, 8]);

export const WEEKDAYS: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Words before a bare month that make it a month ("in May", "by March", "booked for June"). */
export const MONTH_CUES: ReadonlySet<string> = new Set([
  'in', 'on', 'during', 'by', 'since', 'until', 'till', 'from', 'through', 'throughout', 'before', 'after',
  'of', 'between', 'for', 'last', 'next', 'this', 'early', 'late', 'mid', 'around', 'as',
]);

/**
 * Prepositions that belong to an expression's span: those that locate it without changing its
 * value ("on Friday", "in May") and "since", which makes the date the start of a period still
 * running ("since 2024"), as the analysis gold annotates it. Others ("until", "before", "by")
 * relate an event to the date and stay outside; the value is still the date they govern.
 */
export const SPAN_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'on', 'at', 'during', 'since']);

/** Named days that contain a weekday name but are holidays or events ("Black Friday"). */
export const WEEKDAY_NAME_PREFIXES: ReadonlySet<string> = new Set([
  'black', 'good', 'cyber', 'super', 'ash', 'holy', 'maundy', 'palm', 'easter', 'bloody', 'shrove', 'blue', 'giving',
]);

/** Publications and shows named after a weekday ("the Sunday Times", "Saturday Night Live"). */
export const WEEKDAY_NAME_SUFFIXES: ReadonlySet<string> = new Set([
  'times', 'telegraph', 'express', 'mirror', 'post', 'herald', 'independent', 'mail', 'night', 'sport', 'people',
  'observer', 'tribune', 'club', 'group',
]);

/** Counts written as words, as they appear before a unit ("two days", "a year", "a few weeks"). */
export const AMOUNT_WORDS: Readonly<Record<string, number | null>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, 'a dozen': 12, 'a couple of': 2, 'a couple': 2,
  // Vague counts keep the unit but not the number (TimeML writes them with X; we write null).
  'a few': null, few: null, several: null, many: null,
};

/** Unit words and the unit they count in; decades and centuries are counted in years. */
export const UNIT_WORDS: Readonly<Record<string, { unit: Unit; factor: number }>> = {
  second: { unit: 'second', factor: 1 }, minute: { unit: 'minute', factor: 1 }, hour: { unit: 'hour', factor: 1 },
  day: { unit: 'day', factor: 1 }, week: { unit: 'week', factor: 1 }, fortnight: { unit: 'week', factor: 2 },
  month: { unit: 'month', factor: 1 }, year: { unit: 'year', factor: 1 }, decade: { unit: 'year', factor: 10 },
  century: { unit: 'year', factor: 100 }, centurie: { unit: 'year', factor: 100 },
};

/** Adjectives news prose puts between a count and its unit ("for three long years"). */
export const DURATION_ADJECTIVES: readonly string[] = [
  'long', 'full', 'whole', 'straight', 'consecutive', 'more', 'additional', 'extra', 'short', 'brief', 'hard',
  'difficult', 'painful', 'grueling', 'gruelling', 'agonizing', 'agonising', 'tense', 'successive', 'entire',
  'bloody', 'bitter', 'turbulent', 'further',
];

/** Hedges before a count that belong to the expression ("just one day before", "nearly two years"). */
export const COUNT_HEDGES: readonly string[] = [
  'just', 'only', 'barely', 'nearly', 'almost', 'about', 'some', 'roughly', 'around', 'more than', 'less than',
  'fewer than', 'exactly', 'at least', 'up to', 'another', 'over', 'under',
];

/** Zone names accepted after a clock time; anything else after it is an ordinary word. */
export const TIME_ZONES: ReadonlySet<string> = new Set([
  'et', 'est', 'edt', 'ct', 'cst', 'cdt', 'mt', 'mst', 'mdt', 'pt', 'pst', 'pdt', 'gmt', 'bst', 'utc', 'cet', 'cest',
  'eet', 'eest', 'msk', 'ist', 'jst', 'kst', 'aest', 'aedt', 'awst', 'sast', 'wat', 'eat', 'local time',
]);

/** Words before a four-digit number that make it a quantity, not a year ("about 2000"). */
export const COUNT_LEADERS: ReadonlySet<string> = new Set([
  'about', 'some', 'nearly', 'almost', 'roughly', 'approximately', 'than', 'least', 'over', 'under', 'around',
  'just', 'only', 'total', 'no', 'number', 'page', 'flight', 'room', 'route', 'code', 'tel', 'model',
]);

/**
 * Nouns that follow a count, not a year: "2019 votes" is caught as a plural, these are the
 * counts English does not spell with -s ("2000 people", "1500 km").
 */
export const COUNT_NOUNS: ReadonlySet<string> = new Set([
  'people', 'children', 'men', 'women', 'police', 'staff', 'personnel', 'cattle', 'feet', 'foot', 'km', 'kg', 'mph',
  'lb', 'lbs', 'ft', 'metres', 'meters', 'miles', 'tonnes', 'tons', 'percent', 'per', 'times', 'of', 'out', 'more',
  'fewer', 'less', 'new', 'other', 'additional', 'extra', 'million', 'billion', 'thousand', 'hundred',
]);

/** Short words ending in -s that are not plural nouns ("1984 was", "2019 has"). */
export const S_ENDING_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'was', 'is', 'has', 'as', 'this', 'his', 'its', 'us', 'does', 'thus', 'plus', 'unless', 'across', 'yes', 'less',
  'whereas', 'always', 'perhaps', 'sees', 'saw', 'marks', 'brings', 'remains', 'proves', 'looks', 'seems', 'becomes',
]);

/** Abbreviations whose full stop does not end a sentence ("Mr. Smith", "Jan. 5", "U.S. officials"). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'maj',
  'st', 'jr', 'sr', 'no', 'vs', 'etc', 'inc', 'corp', 'ltd', 'co', 'u.s', 'u.k', 'u.n', 'e.u', 'a.m', 'p.m',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'rev', 'hon',
  'pres', 'supt', 'det', 'insp', 'fig', 'approx', 'est',
]);

/**
 * Words that end the event noun phrase after "before the"/"after the": verbs (the common
 * irregular pasts; regular ones end in -ed) and function words, so "two days before the talks
 * began in Geneva" looks up "talks".
 */
export const NOUN_PHRASE_STOPS: ReadonlySet<string> = new Set([
  'began', 'begun', 'broke', 'came', 'went', 'ran', 'took', 'gave', 'got', 'made', 'met', 'held', 'left', 'fell',
  'rose', 'won', 'lost', 'was', 'were', 'had', 'did', 'said', 'told', 'struck', 'hit', 'set', 'sat', 'stood',
  'spoke', 'wrote', 'saw', 'is', 'are', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'has',
  'have', 'and', 'or', 'but', 'in', 'on', 'at', 'of', 'with', 'to', 'for', 'by', 'that', 'which', 'when', 'as',
  'start', 'starts', 'begin', 'begins', 'end', 'ends', 'resume', 'resumes', 'opens', 'closes', 'between', 'among',
  'against', 'over', 'about', 'from', 'into', 'across', 'under', 'after', 'before', 'during', 'near', 'than', 'where',
  'while',
]);
