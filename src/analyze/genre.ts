/**
 * Is an article straight reporting, opinion or analysis? Deterministic and explainable: every
 * signal that fires is returned with the genre it points to, its weight and the words that
 * triggered it, and the genre is the one with the highest total (ties go to reporting, the
 * commonest genre and the safe default; then analysis, which claims less than opinion).
 *
 * The author's own voice is measured outside quotations and outside attributed sentences: a
 * reporting article quoting someone who says "I think we should" is still reporting, and
 * "the minister said the plan was a mistake" is the minister's judgment, not the writer's.
 *
 * Calibration: weights and thresholds were set on the 60-odd English pages of
 * test/fixtures/pages (three columns, one analysis, one explainer, the rest news and sport) and
 * the news gold of test/gold/analyze, so that outlet labels (a disclaimer, a kicker) decide on
 * their own, and body signals need to agree with one another to outvote the reporting signals
 * that every quoted news story carries. They are starting points, not measurements.
 */
import type { Genre, GenreSignal } from './types.js';

export interface GenreOptions {
  title?: string | null;
  authors?: string[];
  /** Disclaimers the clean stage removed ("The views expressed are the author's own"). */
  removedDisclaimers?: string[];
}

export interface GenreResult {
  genre: Genre;
  signals: GenreSignal[];
}

// ---------------------------------------------------------------------------------------------
// Vocabularies and thresholds
// ---------------------------------------------------------------------------------------------

/** Genres in the order that wins a tie: reporting is the default, analysis claims less than opinion. */
const TIE_ORDER: readonly Genre[] = ['reporting', 'analysis', 'opinion'];

/**
 * An outlet's own statement that the piece is opinion. Decisive on its own: it outweighs the
 * strongest set of reporting signals (quotes plus attribution plus dateline, 7 at most).
 */
const DISCLAIMER_WEIGHT = 9;
const DISCLAIMER_PATTERNS: readonly RegExp[] = [
  /\b(?:views|opinions)\s+expressed\b/i,
  /\b(?:author|writer|columnist|contributor)['’]s\s+own\b/i,
  /\bthis\s+is\s+an?\s+(?:opinion|comment|op-ed)\b/i,
  /\bdo(?:es)?\s+not\s+necessarily\s+(?:reflect|represent)\b/i,
];

/**
 * Section labels on the headline ("Opinion: …", "… | Comment", "Analysis: …"): the outlet's own
 * filing, so, like a disclaimer, it outweighs every reporting signal together (7 at most).
 */
const KICKER_WEIGHT = 8;
const KICKERS: Readonly<Record<string, Genre>> = {
  opinion: 'opinion', comment: 'opinion', editorial: 'opinion', column: 'opinion', 'op-ed': 'opinion',
  commentary: 'opinion', 'our view': 'opinion', 'the view': 'opinion', 'guest column': 'opinion',
  letters: 'opinion', perspective: 'opinion', analysis: 'analysis', 'news analysis': 'analysis',
  explainer: 'analysis', explained: 'analysis', 'q&a': 'analysis', 'fact check': 'analysis',
  'in depth': 'analysis', 'what we know': 'analysis',
};

/** Bylines that are an editorial voice by definition. */
const EDITORIAL_BYLINE = /\b(?:editorial\s+board|the\s+editors|editorial)\b/i;
const EDITORIAL_BYLINE_WEIGHT = 6;

/** "Mara Lind: Closing branch libraries is a false economy": a column headline led by its author's name. */
const COLUMN_TITLE_WEIGHT = 4;

/**
 * Headlines that promise an explanation ("Why container shipping costs are climbing", "What the
 * new rules mean"). Weak on its own: news headlines sometimes start this way too.
 */
const EXPLAINER_TITLE = /^(?:why|how|what|who|where|when)\b|\b(?:explained|what (?:it|this) means|what we know|here['’]s (?:why|what|how)|everything you need to know)\b/i;
const EXPLAINER_TITLE_WEIGHT = 1.5;

/** "KYIV, Ukraine (AP) —", "JACKSON, Wyo. (Bramblecast 9) —": a wire dateline opens only news. */
const DATELINE = /^\s*\p{Lu}[\p{Lu}.'’ -]{2,40}(?:,\s+\p{Lu}[\p{L}.'’ -]{1,30})?\s*(?:\([^)\n]{1,40}\))?\s*[—–-]{1,2}\s/u;
const DATELINE_WEIGHT = 2;

/**
 * Density signals: occurrences per 100 words of body. Below `floor` the signal does not fire;
 * between `floor` and `saturation` its weight grows linearly to `maxWeight`. Densities are taken
 * over at least DENSITY_MIN_WORDS words, so one "I" in a 60-word brief does not read as a column.
 */
interface DensityRule {
  genre: Genre;
  floor: number;
  saturation: number;
  maxWeight: number;
}

const DENSITY_MIN_WORDS = 150;
/** One occurrence is an accident of phrasing, not a voice: a density signal needs at least this many. */
const DENSITY_MIN_HITS = 2;

const DENSITY_RULES: Readonly<Record<string, DensityRule>> = {
  /** Columns run at 0.4–2 per 100 words outside quotes; news almost never has any outside quotes. */
  'first-person': { genre: 'opinion', floor: 0.3, saturation: 1.2, maxWeight: 4 },
  /** "we", "our": editorials and community columns; news uses it only in quotes. */
  'first-person-plural': { genre: 'opinion', floor: 0.3, saturation: 1.5, maxWeight: 2 },
  /** Addressing the reader: columns and, more softly, service explainers. */
  'second-person': { genre: 'opinion', floor: 0.3, saturation: 1.5, maxWeight: 2 },
  /** Prescriptions and judgments in the writer's own voice (EVALUATIVE_LEXICON). */
  evaluative: { genre: 'opinion', floor: 0.3, saturation: 1.2, maxWeight: 4 },
  /** Questions inside a paragraph, in the writer's voice ("Is the bus worth $1.25 each way?"). */
  'rhetorical-question': { genre: 'opinion', floor: 0.15, saturation: 0.6, maxWeight: 2 },
  /** Hedged, forward-looking reasoning (HEDGE_LEXICON); news has some, analysis much more. */
  hedging: { genre: 'analysis', floor: 0.4, saturation: 1.2, maxWeight: 2 },
  /** Direct quotes of QUOTE_MIN_WORDS words or more; news stories run at 0.5–1.5 per 100 words. */
  'quote-density': { genre: 'reporting', floor: 0.25, saturation: 1, maxWeight: 2.5 },
  /** Speech verbs outside quotes ("said", "according to"); the backbone of news writing. */
  attribution: { genre: 'reporting', floor: 0.3, saturation: 1.2, maxWeight: 2.5 },
};

/** A quotation shorter than this is a scare quote or a title, not reported speech. */
const QUOTE_MIN_WORDS = 4;

/** A paragraph that is only a question and at most this long is a subheading ("Who pays?"). */
const HEADING_MAX_WORDS = 12;
/** Explainers and analyses are built on question subheadings; a live blog may have one. */
const QUESTION_HEADINGS_MIN = 2;
const QUESTION_HEADING_WEIGHT = 1;
const QUESTION_HEADINGS_MAX_WEIGHT = 4;

/**
 * The writer weighing things up in their own voice: framing the question, answering it, laying
 * options side by side, ranking outcomes. Written as small patterns so one entry covers "three
 * options", "two broad scenarios" and so on. Each occurrence outside quotes and attributed
 * sentences adds ANALYSIS_MARKER_WEIGHT; news rarely uses any of them in its own voice.
 */
const ANALYSIS_MARKERS: readonly string[] = [
  'analysis', 'explainer', 'what (?:it|this) means', "here(?:'s| is) (?:why|what|how)",
  'the (?:key |real |central |bigger |big )?question (?:is|that|now)', 'is a question',
  'on the one hand', 'on the other hand', 'remains to be seen', 'what happens next', 'what to expect',
  'why it matters', 'the (?:short |long )?answer is', 'part of the answer', 'in other words',
  'the (?:bigger |big )picture', 'at stake', 'on paper', 'in practice', 'in theory',
  'the (?:risk|danger|problem|trouble|catch|central problem) is', 'the alternative is',
  '(?:most |least )?(?:likely|likeliest) outcome', 'most obvious',
  '(?:two|three|four|several) (?:broad |main |big )?(?:options|scenarios|things|factors|paths|possibilities|outcomes)',
  'the (?:first|second|third) (?:is|adds|option|scenario)', 'in the (?:first|second|third),',
  '(?:will|would) decide whether', 'each comes with', 'there is also the', 'then there is', 'plausible',
  'start with the', 'harder? to say', 'matters because', 'is different', 'it (?:is|remains) unclear',
];
const ANALYSIS_MARKER_WEIGHT = 1;
const ANALYSIS_MARKERS_MAX_WEIGHT = 5;

/** Hedged, forward-looking words counted by the "hedging" density rule. */
const HEDGE_LEXICON: readonly string[] = [
  'could', 'suggests', 'suggest', 'is likely to', 'are likely to', 'is unlikely to', 'likely', 'may well',
  'might', 'would', 'probably', 'perhaps', 'possibly', 'expect', 'expected to', 'depends on', 'in part',
];

/**
 * The writer's own judgments and prescriptions: modal obligation, stance adverbs and evaluative
 * adjectives. Counted only outside quotes and outside attributed sentences. "welcome" counts only
 * as a judgment ("a welcome step"), never as a greeting ("welcome to this week's edition").
 */
const EVALUATIVE_LEXICON: readonly string[] = [
  'should', 'must', 'ought to', 'needs to', 'need to', 'it is time', "it's time", 'let us', "let's",
  'shameful', 'absurd', 'welcome step', 'welcome move', 'welcome news', 'welcome change', 'disastrous',
  'outrageous', 'ridiculous', 'disgraceful', 'reckless', 'foolish', 'misguided', 'short-sighted', 'cynical', 'hypocritical', 'hypocrisy', 'scandalous',
  'unacceptable', 'inexcusable', 'wrong-headed', 'a mistake', 'folly', 'betrayal', 'false economy',
  'admirable', 'laudable', 'commendable', 'courageous', 'appalling', 'dreadful', 'sensible', 'unwise',
  'naive', 'cowardly', 'clearly', 'obviously', 'surely', 'frankly', 'of course', 'undeniably', 'sadly',
  'regrettably', 'thankfully', 'far too', 'no excuse',
];

/** Speech verbs and source phrases counted by the "attribution" density rule, and that mark a sentence as someone else's. */
const ATTRIBUTION_LEXICON: readonly string[] = [
  'said', 'says', 'told', 'tells', 'according to', 'added', 'announced', 'confirmed', 'stated',
  'in a statement', 'spokesperson', 'spokesman', 'spokeswoman', 'declined to comment', 'told reporters',
  'did not respond', 'warned', 'argued', 'argue', 'argues', 'insisted', 'claimed', 'denied',
];

/** Titles and names after which "I" is a numeral ("World War I", "Elizabeth I"), not the writer. */
const ROMAN_I_HEADS = /(?:War|Phase|Type|Class|Title|Stage|Chapter|Part|Article|Schedule|Category|Tier|Level|Grade|Section|Division|Elizabeth|Charles|James|George|Henry|Edward|Mary|William|John|Louis|Paul|Leo|Francis|Benedict|Pius|Felipe|Harald)\s$/;

const FIRST_PERSON = /\b(?:I(?:['’](?:m|ve|d|ll))?|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b/g;
const FIRST_PERSON_PLURAL = /\b(?:[Ww]e(?:['’](?:re|ve|ll|d))?|[Oo]urs?|[Oo]urselves|us)\b/g;
const SECOND_PERSON = /\b(?:[Yy]ou(?:['’](?:re|ve|ll|d))?|[Yy]ours?|[Yy]ourself|[Yy]ourselves)\b/g;

/** How many distinct triggering words a signal shows as evidence, and how much of a quotation. */
const EVIDENCE_MAX = 6;
const EVIDENCE_QUOTE_CHARS = 60;

// ---------------------------------------------------------------------------------------------
// Reading the body
// ---------------------------------------------------------------------------------------------

interface Body {
  /** Words in the whole body, quotes included. */
  words: number;
  /** Sentences outside quotes, in the writer's voice or attributed. */
  sentences: string[];
  /** The subset of `sentences` with no attribution cue: the writer speaking. */
  voice: string[];
  quotes: string[];
  questionHeadings: string[];
  rhetoricalQuestions: string[];
}

const countWords = (s: string): number => s.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

/** Curly apostrophes straightened, so lexicon phrases written with "'" ("let's") match "let’s" too. */
const plain = (s: string): string => s.replace(/[’‘]/g, "'");

function phrasePattern(phrases: readonly string[]): RegExp {
  const body = phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}'])(?:${body})(?![\\p{L}\\p{N}])`, 'giu');
}

const ATTRIBUTION = phrasePattern(ATTRIBUTION_LEXICON);
const EVALUATIVE = phrasePattern(EVALUATIVE_LEXICON);
const HEDGES = phrasePattern(HEDGE_LEXICON);
const MARKERS = new RegExp(`(?<![\\p{L}\\p{N}'])(?:${ANALYSIS_MARKERS.map((m) => m.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'giu');

/** Where quotations open and close: curly doubles, straight doubles, guillemets, and curly singles used as quotes. */
const OPENERS: Readonly<Record<string, string>> = { '“': '”', '"': '"', '«': '»', '‘': '’' };

/** A quote mark opens a quotation only at the start of a word, so an apostrophe ("don’t") never does. */
function opensAt(p: string, k: number): boolean {
  return k === 0 || /[\s([{—–-]/.test(p[k - 1]!);
}

/** A single closing mark ends a quotation only when no letter follows ("the teachers’ union" is the weak case). */
function closesAt(p: string, k: number, mark: string): boolean {
  if (mark !== '’') return true;
  return !/[\p{L}\p{N}]/u.test(p[k + 1] ?? ' ');
}

/**
 * Splits a paragraph into the writer's text and the quotations. A quotation left open at the
 * paragraph's end runs to that end: news style reopens a long quote in the next paragraph.
 */
function splitQuotes(p: string): { outside: string; quotes: string[] } {
  let outside = '';
  const quotes: string[] = [];
  let k = 0;
  while (k < p.length) {
    const close = OPENERS[p[k]!];
    if (close === undefined || !opensAt(p, k)) {
      outside += p[k++];
      continue;
    }
    let end = k + 1;
    while (end < p.length && !(p[end] === close && closesAt(p, end, close))) end++;
    quotes.push(p.slice(k + 1, end));
    outside += ' ';
    k = end + 1;
  }
  return { outside, quotes };
}

const sentencesOf = (s: string): string[] => s.split(/(?<=[.!?])\s+/).map((x) => x.trim()).filter((x) => countWords(x) > 0);

function readBody(text: string): Body {
  const body: Body = { words: countWords(text), sentences: [], voice: [], quotes: [], questionHeadings: [], rhetoricalQuestions: [] };
  for (const paragraph of text.split(/\n+/).map((p) => p.trim()).filter(Boolean)) {
    const { outside, quotes } = splitQuotes(paragraph);
    body.quotes.push(...quotes);
    if (quotes.length === 0 && paragraph.endsWith('?') && countWords(paragraph) <= HEADING_MAX_WORDS && sentencesOf(paragraph).length === 1) {
      body.questionHeadings.push(paragraph);
      continue;
    }
    for (const sentence of sentencesOf(outside)) {
      body.sentences.push(sentence);
      ATTRIBUTION.lastIndex = 0;
      if (ATTRIBUTION.test(plain(sentence))) continue;
      body.voice.push(sentence);
      if (sentence.endsWith('?')) body.rhetoricalQuestions.push(sentence);
    }
  }
  return body;
}

// ---------------------------------------------------------------------------------------------
// Signals
// ---------------------------------------------------------------------------------------------

interface Hits {
  count: number;
  evidence: string | null;
}

function evidenceOf(found: string[]): string | null {
  const distinct = [...new Set(found.map((f) => f.replace(/\s+/g, ' ')))];
  return distinct.length ? distinct.slice(0, EVIDENCE_MAX).join(', ') : null;
}

function hitsIn(sentences: string[], pattern: RegExp, keep: (s: string, index: number) => boolean = () => true): Hits {
  const found: string[] = [];
  for (const s of sentences) {
    const text = plain(s);
    for (const m of text.matchAll(pattern)) if (keep(text, m.index)) found.push(m[0]);
  }
  return { count: found.length, evidence: evidenceOf(found) };
}

const round = (x: number): number => Math.round(x * 100) / 100;

/** Evidence stays short: a quotation is cut at a word boundary near EVIDENCE_QUOTE_CHARS. */
function clip(q: string): string {
  const t = q.trim();
  if (t.length <= EVIDENCE_QUOTE_CHARS) return t;
  const cut = t.lastIndexOf(' ', EVIDENCE_QUOTE_CHARS);
  return `${t.slice(0, cut > 0 ? cut : EVIDENCE_QUOTE_CHARS)}…`;
}

function densitySignal(signal: string, hits: Hits, words: number): GenreSignal | null {
  const rule = DENSITY_RULES[signal]!;
  const density = (hits.count * 100) / Math.max(words, DENSITY_MIN_WORDS);
  if (hits.count < DENSITY_MIN_HITS || density < rule.floor) return null;
  return { signal, genre: rule.genre, weight: round(rule.maxWeight * Math.min(1, density / rule.saturation)), evidence: hits.evidence };
}

const notRomanNumeral = (s: string, index: number): boolean => s[index] !== 'I' || /^I['’]/.test(s.slice(index)) || !ROMAN_I_HEADS.test(s.slice(Math.max(0, index - 12), index));

function voiceSignals(body: Body): (GenreSignal | null)[] {
  return [
    densitySignal('first-person', hitsIn(body.voice, FIRST_PERSON, notRomanNumeral), body.words),
    densitySignal('first-person-plural', hitsIn(body.voice, FIRST_PERSON_PLURAL), body.words),
    densitySignal('second-person', hitsIn(body.voice, SECOND_PERSON), body.words),
    densitySignal('evaluative', hitsIn(body.voice, EVALUATIVE), body.words),
    densitySignal('rhetorical-question', { count: body.rhetoricalQuestions.length, evidence: evidenceOf(body.rhetoricalQuestions) }, body.words),
    densitySignal('hedging', hitsIn(body.voice, HEDGES), body.words),
  ];
}

function reportingSignals(text: string, body: Body): (GenreSignal | null)[] {
  const spoken = body.quotes.filter((q) => countWords(q) >= QUOTE_MIN_WORDS);
  const quoteHits: Hits = { count: spoken.length, evidence: evidenceOf(spoken.slice(0, 2).map((q) => `“${clip(q)}”`)) };
  const dateline = DATELINE.exec(text.slice(0, 120));
  return [
    densitySignal('quote-density', quoteHits, body.words),
    densitySignal('attribution', hitsIn(body.sentences, ATTRIBUTION), body.words),
    dateline ? { signal: 'dateline', genre: 'reporting', weight: DATELINE_WEIGHT, evidence: dateline[0].trim() } : null,
  ];
}

function analysisSignals(body: Body): (GenreSignal | null)[] {
  const headings = body.questionHeadings;
  const markers = hitsIn(body.voice, MARKERS);
  return [
    headings.length >= QUESTION_HEADINGS_MIN
      ? { signal: 'question-headings', genre: 'analysis', weight: Math.min(QUESTION_HEADINGS_MAX_WEIGHT, headings.length * QUESTION_HEADING_WEIGHT), evidence: evidenceOf(headings) }
      : null,
    markers.count > 0
      ? { signal: 'analysis-markers', genre: 'analysis', weight: round(Math.min(ANALYSIS_MARKERS_MAX_WEIGHT, markers.count * ANALYSIS_MARKER_WEIGHT)), evidence: markers.evidence }
      : null,
  ];
}

function disclaimerSignal(text: string, removed: string[]): GenreSignal | null {
  for (const source of [...removed, text]) {
    for (const pattern of DISCLAIMER_PATTERNS) {
      const m = pattern.exec(source);
      if (m) return { signal: 'disclaimer', genre: 'opinion', weight: DISCLAIMER_WEIGHT, evidence: sentenceAround(source, m.index) };
    }
  }
  return null;
}

/** The sentence containing position `at`, for evidence. */
function sentenceAround(s: string, at: number): string {
  const start = Math.max(s.lastIndexOf('.', at - 1), s.lastIndexOf('\n', at - 1)) + 1;
  const stop = s.slice(at).search(/[.\n]/);
  return s.slice(start, stop < 0 ? s.length : at + stop + 1).trim();
}

function kickerSignal(title: string): GenreSignal | null {
  const lead = /^\s*([\p{L}&' -]{2,20}?)\s*[:|]\s+\S/u.exec(title)?.[1];
  const tail = /\S\s+[|–—-]\s*([\p{L}&' -]{2,20})\s*$/u.exec(title)?.[1];
  for (const label of [lead, tail]) {
    const genre = label ? KICKERS[label.trim().toLowerCase()] : undefined;
    if (genre) return { signal: 'kicker', genre, weight: KICKER_WEIGHT, evidence: label!.trim() };
  }
  return null;
}

const nameKey = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** "Mara Lind: …" (or "Lind: …") where Mara Lind wrote the piece, or a byline gives only "Lind". */
function columnTitleSignal(title: string, authors: string[]): GenreSignal | null {
  const lead = /^\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s*:\s+\S/u.exec(title)?.[1];
  if (!lead) return null;
  const key = nameKey(lead);
  const surname = (name: string) => name.split(/\s+/).at(-1);
  const byAuthor = authors.map(nameKey).some((a) => a === key || surname(a) === key || surname(key) === a);
  return byAuthor ? { signal: 'column-title', genre: 'opinion', weight: COLUMN_TITLE_WEIGHT, evidence: lead } : null;
}

function titleSignals(title: string | null | undefined, authors: string[]): (GenreSignal | null)[] {
  const editorial = authors.find((a) => EDITORIAL_BYLINE.test(a));
  const signals: (GenreSignal | null)[] = [
    editorial ? { signal: 'editorial-byline', genre: 'opinion', weight: EDITORIAL_BYLINE_WEIGHT, evidence: editorial } : null,
  ];
  if (!title) return signals;
  const kicker = kickerSignal(title);
  const explainer = kicker ? null : EXPLAINER_TITLE.exec(title);
  signals.push(
    kicker,
    columnTitleSignal(title, authors),
    explainer ? { signal: 'explainer-title', genre: 'analysis', weight: EXPLAINER_TITLE_WEIGHT, evidence: explainer[0] } : null,
  );
  return signals;
}

function decide(signals: GenreSignal[]): Genre {
  const totals = new Map<Genre, number>(TIE_ORDER.map((g) => [g, 0]));
  for (const s of signals) totals.set(s.genre, totals.get(s.genre)! + s.weight);
  return TIE_ORDER.reduce((best, g) => (totals.get(g)! > totals.get(best)! ? g : best), TIE_ORDER[0]!);
}

/** The genre of an English news body, with every signal that fired. */
export function classifyGenre(text: string, options: GenreOptions = {}): GenreResult {
  const body = readBody(text);
  const signals = [
    disclaimerSignal(text, options.removedDisclaimers ?? []),
    ...titleSignals(options.title, options.authors ?? []),
    ...voiceSignals(body),
    ...analysisSignals(body),
    ...reportingSignals(text, body),
  ].filter((s): s is GenreSignal => s !== null);
  return { genre: decide(signals), signals };
}
