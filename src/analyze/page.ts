/** Analysis over a cleaned page: every article gets the analysis fields; one failing article says why. */
import type { Article, PageResult, Published } from '../model.js';
import { inferPublished } from './dates.js';
import { analyzeText } from './index.js';
import type { Analysis } from './types.js';

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function failed(reason: string): Analysis {
  return { entities: [], quotes: [], dates: [], numbers: [], genre: 'reporting', genreSignals: [], note: `analysis failed: ${reason}` };
}

/** A main article with no known date gets one inferred from its own dated mentions, and says so. */
function publishedFor(article: Article): Published {
  if (article.published.date || article.role !== 'main') return article.published;
  const inferred = inferPublished(article.text);
  return inferred ? { text: article.published.text, date: inferred, basis: 'content' } : article.published;
}

export function analyzePage(page: PageResult): PageResult {
  const disclaimers = page.removed.filter((r) => r.reason === 'disclaimer').map((r) => r.text);
  const articles = page.articles.map((article) => {
    const published = publishedFor(article);
    let analysis: Analysis;
    try {
      analysis = analyzeText(
        article.text,
        { published: published.date && FULL_DATE.test(published.date) ? published.date : null, language: article.language },
        { title: article.title, authors: article.authors, removedDisclaimers: article.role === 'main' ? disclaimers : [] },
      );
    } catch (error) {
      analysis = failed(error instanceof Error ? error.message.split('\n')[0]! : String(error));
    }
    return { ...article, published, ...analysis };
  });
  return { ...page, articles };
}
