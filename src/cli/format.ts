/** Human-readable rendering of a cleaned page for `--format text`. */
import type { PageResult } from '../model.js';

const MAX_QUOTES_SHOWN = 8;

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
    const voices = (article.quotes ?? []).filter((q) => q.kind !== 'scare' && q.kind !== 'indirect');
    if (voices.length > 0) {
      out.push('', 'Who said what:');
      for (const q of voices.slice(0, MAX_QUOTES_SHOWN)) out.push(`  ${q.speaker?.name ?? '(unattributed)'}: “${q.text.replace(/\s+/g, ' ')}”`);
      if (voices.length > MAX_QUOTES_SHOWN) out.push(`  … ${voices.length - MAX_QUOTES_SHOWN} more (--json lists all)`);
    }
  }
  if (page.removed.length) out.push('', `(${page.removed.length} blocks removed; --json lists them with reasons)`);
  return `${out.join('\n')}\n`;
}
