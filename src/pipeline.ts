/**
 * The pipeline, in order, in one place. Each stage is a pure function of the document and
 * the options; reading files and URLs happens before (src/ingest), storage after.
 *
 *   decoded page ──clean──▶ articles + removals ──analyze──▶ articles with entities, quotes,
 *                                                            dates, numbers and genre
 */
import { analyzePage } from './analyze/page.js';
import { cleanPage } from './clean/index.js';
import type { CleanOptions, DecodedPage, PageResult } from './model.js';

export interface PipelineOptions extends CleanOptions {
  /** Run the analysis stage (`--no-analyze` turns it off). */
  analyze: boolean;
}

export function processPage(page: DecodedPage, options: PipelineOptions): PageResult {
  const cleaned = cleanPage(page, options);
  return options.analyze ? analyzePage(cleaned) : cleaned;
}
