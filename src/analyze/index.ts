/**
 * The analysis stage: an article's text in, its entities, quotes, dates, numbers and genre out.
 *
 * Order matters:
 *  1. tokens, sentences, tags and lemmas (wink-nlp), once — every later step reads them;
 *  2. entities — quotes attribute to them, and pronouns resolve to the last person;
 *  3. quotes and speakers;
 *  4. temporal expressions, resolved against the publication date with the sentence's tense;
 *  5. numeric claims;
 *  6. genre — last, since quote density is one of its signals.
 * Text in another language skips the English-only steps and says so in `note`.
 */
import { findDates } from './dates.js';
import { findEntities } from './entities.js';
import { classifyGenre } from './genre.js';
import { findNumbers } from './numbers.js';
import { findQuotes } from './quotes.js';
import { tokenize } from './text.js';
import type { Analysis, AnalyzeOptions } from './types.js';

export interface ArticleContext {
  title?: string | null;
  authors?: string[];
  /** Disclaimers the clean stage removed ("The views expressed are the author's own"). */
  removedDisclaimers?: string[];
}

export function analyzeText(text: string, options: AnalyzeOptions, context: ArticleContext = {}): Analysis {
  if (options.language !== 'en') {
    return {
      entities: [],
      quotes: [],
      dates: [],
      numbers: [],
      genre: 'reporting',
      genreSignals: [],
      note: `language "${options.language}": English-only analysis skipped`,
    };
  }
  const tokens = tokenize(text);
  const entities = findEntities(tokens);
  const quotes = findQuotes(tokens, entities);
  const dates = findDates(text, { published: options.published }, tokens);
  const numbers = findNumbers(text, tokens);
  const { genre, signals } = classifyGenre(text, { title: context.title ?? null, authors: context.authors ?? [], removedDisclaimers: context.removedDisclaimers ?? [] });
  return { entities, quotes, dates, numbers, genre, genreSignals: signals, note: null };
}

export type { Analysis, AnalyzeOptions } from './types.js';
