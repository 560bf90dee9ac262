/** Human-readable rendering of a cleaned page for `--format text`. */
import type { PageResult } from '../model.js';

export function renderText(page: PageResult): string {
  const out: string[] = [`=== ${page.source} (${page.format})`];
  for (const article of page.articles) {
    out.push('', `--- ${article.role === 'main' ? 'Main article' : 'Related article'}`);
    if (article.title) out.push(`# ${article.title}`);
    if (article.dek) out.push(`> ${article.dek}`);
    const meta = [
      article.outlet,
      article.authors.length ? `by ${article.authors.join(', ')}` : null,
      article.published.date ?? article.published.text,
    ].filter(Boolean);
    if (meta.length) out.push(meta.join(' · '));
    out.push('', article.text);
  }
  if (page.removed.length) out.push('', `(${page.removed.length} blocks removed; --json lists them with reasons)`);
  return `${out.join('\n')}\n`;
}
