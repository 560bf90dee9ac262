/**
 * What the analysis stage adds to every article. Field names are part of the public output
 * contract (`newsprism extract --json`, `newsprism analyze --json`). All offsets are character
 * offsets into the article's `text`, end exclusive.
 */

export interface Span {
  start: number;
  end: number;
}

export type EntityType = 'person' | 'organization' | 'place' | 'group';

export interface Mention extends Span {
  text: string;
}

export interface Entity {
  /** Canonical name: the longest proper form the article uses ("Volodymyr Zelenskyy"). */
  name: string;
  type: EntityType;
  /** Other surface forms that refer to it ("Zelenskyy", "Zelensky", "the Ukrainian president"). */
  aliases: string[];
  /** Titles and roles the article gives it ("US President", "political scientist"), with where. */
  descriptions: Mention[];
  mentions: Mention[];
}

export type QuoteKind = 'direct' | 'partial' | 'block' | 'indirect' | 'scare';

export interface Speaker {
  name: string;
  /** Index into the article's `entities`, or null when the speaker is not a recognised entity. */
  entity: number | null;
  description: string | null;
}

export interface Quote extends Span {
  /** The quoted words without their quote marks (for indirect speech: the reported clause). */
  text: string;
  kind: QuoteKind;
  speaker: Speaker | null;
  /** The speech verb or phrase that attributes it ("said", "according to"), or null. */
  cue: string | null;
  cueStart: number | null;
  cueEnd: number | null;
}

export type TemporalType = 'date' | 'duration' | 'time' | 'set';
/** How a value was obtained: written out in full, counted from a reference, chosen by tense, or guessed. */
export type TemporalBasis = 'absolute' | 'relative' | 'tense' | 'inferred';

export interface TemporalExpression extends Span {
  text: string;
  /** YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, a duration such as P50D, or null when unresolvable. */
  value: string | null;
  type: TemporalType;
  basis: TemporalBasis;
}

export interface NumericClaim extends Span {
  text: string;
  value: number;
  /** What is counted or measured ("missiles and drones", "percent", "USD"), or null. */
  unit: string | null;
  qualifier: string | null;
}

export type Genre = 'reporting' | 'opinion' | 'analysis';

export interface GenreSignal {
  /** Name of the signal ("disclaimer", "first-person", "quote-density", ...). */
  signal: string;
  /** Which genre it points to and how strongly. */
  genre: Genre;
  weight: number;
  /** The words that triggered it, when there are some. */
  evidence: string | null;
}

export interface Analysis {
  entities: Entity[];
  quotes: Quote[];
  dates: TemporalExpression[];
  numbers: NumericClaim[];
  genre: Genre;
  genreSignals: GenreSignal[];
  /** Why English-only parts were skipped (text in another language), else null. */
  note: string | null;
}

/** Context every analysis sub-stage may read; nothing reads the clock. */
export interface AnalyzeOptions {
  /** The article's publication date, YYYY-MM-DD; relative dates resolve against it. */
  published: string | null;
  language: string;
}
