/** Turn drafts into contract articles: paragraphs joined by a blank line, offsets, stable ids. */
import { createHash } from 'node:crypto';
import { francAll } from 'franc-min';
import type { Article, Published } from '../model.js';
import type { Draft } from './segment.js';

const PARAGRAPH_SEPARATOR = '\n\n';

/** ISO 639-3 (franc) → 639-1 for the languages news pages come in most. */
const ISO_639_1: Record<string, string> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', ita: 'it', nld: 'nl', rus: 'ru', ukr: 'uk', pol: 'pl', tur: 'tr', arb: 'ar',
  cmn: 'zh', jpn: 'ja', kor: 'ko', hin: 'hi', swe: 'sv', dan: 'da', nob: 'no', fin: 'fi', ces: 'cs', ron: 'ro', hun: 'hu', ell: 'el',
  heb: 'he', pes: 'fa', ind: 'id', vie: 'vi', tha: 'th', bul: 'bg', srp: 'sr', hrv: 'hr', slk: 'sk', cat: 'ca', zlm: 'ms', ben: 'bn', urd: 'ur',
};
const LANGUAGE_SAMPLE_CHARS = 1500;
const LANGUAGE_MIN_CHARS = 60;

/**
 * English news is most of what newsprism reads, and trigram scoring (franc) costs more than
 * the rest of cleaning together; English function words settle the common case first.
 */
const ENGLISH_FUNCTION_WORDS = new Set(['the', 'and', 'of', 'to', 'in', 'a', 'is', 'that', 'for', 'on', 'was', 'with', 'said', 'it', 'as', 'by', 'at', 'he', 'she', 'have', 'has', 'from', 'be', 'this', 'are', 'were', 'but', 'not', 'they', 'would', 'will', 'an', 'which', 'their', 'its', 'after', 'had', 'been']);
const ENGLISH_SHARE = 0.25;
const SAMPLE_WORD = /\p{L}+/gu;

function looksEnglish(sample: string): boolean {
  const words = sample.toLowerCase().match(SAMPLE_WORD) ?? [];
  if (words.length < 12) return false;
  const hits = words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length;
  return hits / words.length >= ENGLISH_SHARE;
}

export function detectLanguage(text: string, declared: string | null): string {
  if (text.length < LANGUAGE_MIN_CHARS) return declared ?? 'en';
  if (looksEnglish(text.slice(0, LANGUAGE_SAMPLE_CHARS))) return 'en';
  const [best] = francAll(text.slice(0, LANGUAGE_SAMPLE_CHARS), { minLength: LANGUAGE_MIN_CHARS });
  const code = best && best[0] !== 'und' ? ISO_639_1[best[0]] ?? best[0] : null;
  return code ?? declared ?? 'en';
}

export function articleId(title: string | null, text: string): string {
  return createHash('sha256').update(`${title ?? ''}\n${text}`).digest('hex').slice(0, 16);
}

export function joinParagraphs(paragraphs: string[]): { text: string; spans: { start: number; end: number }[] } {
  const spans: { start: number; end: number }[] = [];
  let offset = 0;
  for (const p of paragraphs) {
    spans.push({ start: offset, end: offset + p.length });
    offset += p.length + PARAGRAPH_SEPARATOR.length;
  }
  return { text: paragraphs.join(PARAGRAPH_SEPARATOR), spans };
}

export function assembleArticle(draft: Draft, published: Published, url: string | null, declaredLanguage: string | null): Article {
  const { text, spans } = joinParagraphs(draft.body.map((b) => b.text));
  return {
    id: articleId(draft.title, text),
    role: draft.role,
    title: draft.title,
    dek: draft.dek,
    outlet: draft.outlet,
    authors: draft.authors,
    url,
    language: detectLanguage(text, declaredLanguage),
    published,
    text,
    paragraphs: spans,
  };
}
