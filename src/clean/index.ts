/**
 * The clean stage: a decoded page in, contract articles and the removal record out.
 *
 * Order matters and is written down here:
 *  1. normalise blocks (spacing, glued sentences) — every rule below sees tidy text;
 *  2. line rules (ads, promos, widgets, navigation, comments, disclaimers, credits);
 *  3. detect a lower-cased page, on what the line rules left — later steps that read
 *     capitals (names, headlines) relax;
 *  4. repeated blocks — after line rules, so that a second copy of an appeal reads "duplicate"
 *     while a repeated "Advertisement" keeps its reason;
 *  5. captions — after credits exist, since a caption is known by the credit under it;
 *     sponsored tiles and sign-up boxes — after line rules, since they hang on an ad label or a pitch;
 *     fact boxes and pull quotes — before anchors, so their lines never read as headlines;
 *  6. anchors (stamps, bylines, section headings) — the frame segmentation hangs on;
 *  7. segmentation into main body, header fields and related articles;
 *  8. context rules on the end of the body (bio, repeated author name);
 *  9. casing repair — last, so that it never changes what the rules matched.
 */
import type { Article, CleanOptions, DecodedPage, PageResult, Published, Removal, RemovalReason } from '../model.js';
import { assembleArticle } from './assemble.js';
import { type Block, makeBlock, repeatKey } from './blocks.js';
import { properCaseName } from './byline.js';
import { type CasingMemory, isLowercasedPage, rememberName, repairCasing, titleCase } from './casing.js';
import { type HtmlBlocks, htmlToBlocks } from './html/extract.js';
import {
  applyLineRules,
  markAnchors,
  markBodyTail,
  markCaptions,
  markDataBoxes,
  markDuplicates,
  markPromoBoxes,
  markPullQuotes,
  markSponsoredTiles,
} from './mark.js';
import { type Draft, SECTION_HEADING_REASON, segment } from './segment.js';
import { matchLineRule } from './rules.js';
import { sectionKind } from './sections.js';
import { normalizeSpaces, separateGluedSentences, splitTextBlocks } from './text/normalize.js';

/** How far into the body a headline or standfirst printed again is looked for. */
const FIELD_IN_BODY_WINDOW = 3;
const LOWERCASE_GLUE = /(\p{Ll}{2,})([.!?])(\p{Ll}{2,})/gu;
const NOT_SENTENCE_AFTER_DOT = /^(com|org|net|gov|edu|io|co|uk|us|de|fr|info|biz|ru|ua|eu|in|html|php|js|ts|pdf|jpg|png|ly|me|tv)$/;

function fixLowercaseGlue(text: string): string {
  return text.replace(LOWERCASE_GLUE, (m, a: string, p: string, b: string) => (NOT_SENTENCE_AFTER_DOT.test(b) ? m : `${a}${p} ${b}`));
}

function repairDraft(draft: Draft, memory: CasingMemory): void {
  draft.authors = draft.authors.map(properCaseName);
  for (const a of draft.authors) rememberName(memory, a);
  if (draft.outlet) {
    draft.outlet = titleCase(draft.outlet);
    rememberName(memory, draft.outlet);
  }
  const repair = (t: string) => repairCasing(fixLowercaseGlue(t), memory);
  if (draft.title) draft.title = repair(draft.title);
  if (draft.dek) draft.dek = repair(draft.dek);
  for (const block of draft.body) block.text = repair(block.text);
}

interface PageHints {
  title: string | null;
  dek: string | null;
  outlet: string | null;
  authors: string[];
  publishedText: string | null;
  publishedDate: string | null;
  language: string | null;
  url: string | null;
}

function publishedFor(draft: Draft, options: CleanOptions, hints: PageHints | null): Published {
  const stampText = draft.stamp?.text ?? null;
  if (draft.role === 'main' && options.published) return { text: stampText ?? hints?.publishedText ?? null, date: options.published, basis: 'given' };
  if (draft.role === 'main' && hints?.publishedDate) return { text: hints.publishedText, date: hints.publishedDate, basis: 'metadata' };
  if (draft.stamp) return { text: stampText, date: draft.stamp.date, basis: draft.stamp.date ? draft.stamp.basis : null };
  return { text: null, date: null, basis: null };
}

/** A field the metadata names may also be printed at the top of the body: take it out of the body. */
function takeFromBody(main: Draft, text: string, kind: 'title' | 'dek'): void {
  const key = repeatKey(text);
  const shown = main.body.findIndex((b) => repeatKey(b.text) === key);
  if (shown >= 0 && shown < FIELD_IN_BODY_WINDOW) main.body.splice(shown, 1)[0]!.kind = kind;
}

function applyHints(main: Draft, hints: PageHints): void {
  if (hints.title) {
    main.title = hints.title;
    takeFromBody(main, hints.title, 'title');
  }
  if (hints.dek) {
    main.dek = hints.dek;
    takeFromBody(main, hints.dek, 'dek');
  }
  main.outlet = hints.outlet ?? main.outlet;
  if (hints.authors.length > 0) main.authors = hints.authors;
}

const SOURCE_LINK = /^(?:read|continue reading|see|view) (?:the )?(?:full|original|complete|whole)? ?(?:story|article|report)? ?(?:at|on) (?<name>[\p{Lu}][^.|]{1,60}?)\.?$/iu;
const COPYRIGHT_HOLDER =
  /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?<name>[\p{Lu}][\p{L}&'’. -]{1,60}?)(?:\s*[.,|]|\s+(?:ltd|limited|inc|llc|plc|gmbh|a division of|all rights reserved)\b|$)/iu;

/**
 * When nothing near the headline names the publisher, the page's footer usually does: the
 * aggregator's "Read the full story at <outlet>" first, else the copyright holder.
 */
function outletFromFooter(blocks: Block[]): string | null {
  for (const rule of ['read-at-source', 'copyright-line']) {
    for (const block of blocks) {
      if (block.removal?.rule !== rule) continue;
      const name = (rule === 'read-at-source' ? SOURCE_LINK : COPYRIGHT_HOLDER).exec(block.text)?.groups?.name?.trim();
      if (name && name.split(/\s+/).length <= 6) return name.replace(/\s+(Media( Group)?|Group|Holdings|Publishing|Newspapers)$/i, '');
    }
  }
  return null;
}

function cleanBlocks(blocks: Block[], options: CleanOptions, hints: PageHints | null): { articles: Article[]; removed: Removal[] } {
  for (const block of blocks) block.text = separateGluedSentences(normalizeSpaces(block.text));
  const live = blocks.filter((b) => b.text.length > 0);
  applyLineRules(live);
  // Judged on what the rules left: a capitalised "Advertisement" says nothing about the article's casing.
  const lowercase = isLowercasedPage(live.filter((b) => b.kind !== 'removed').map((b) => b.text));
  markDuplicates(live);
  markCaptions(live);
  markSponsoredTiles(live);
  markPromoBoxes(live);
  markDataBoxes(live);
  markPullQuotes(live);
  markAnchors(live, { fetched: options.fetched ?? null, published: options.published ?? null }, lowercase);
  const { main, related } = segment(live, { lowercase });
  if (hints) applyHints(main, hints);
  main.outlet ??= outletFromFooter(live);
  for (const draft of [main, ...related]) draft.body = markBodyTail(draft.body, draft.authors);
  if (lowercase) {
    const memory: CasingMemory = { names: new Map() };
    for (const draft of [main, ...related]) repairDraft(draft, memory);
  }
  const articles = [main, ...related].map((draft) =>
    assembleArticle(draft, publishedFor(draft, options, hints), draft.role === 'main' ? (hints?.url ?? null) : null, hints?.language ?? null),
  );
  const removed = live.filter((b) => b.kind === 'removed' && b.removal).map((b) => ({ text: b.text, ...b.removal! }));
  return { articles, removed };
}

/**
 * Page text outside the chosen content: each block keeps the reason a line rule gives it, or
 * the reason of the section it sits in (a comments thread), or else counts as navigation.
 */
function outsideRemovals(blocks: Block[]): Removal[] {
  let sectionReason: RemovalReason = 'navigation';
  return blocks.map((block) => {
    const section = sectionKind(block.text);
    if (section) {
      sectionReason = SECTION_HEADING_REASON[section];
      return { text: block.text, reason: sectionReason, rule: 'section-heading' };
    }
    const rule = matchLineRule(block.text);
    return rule ? { text: block.text, reason: rule.reason, rule: rule.name } : { text: block.text, reason: sectionReason, rule: 'outside-main-content' };
  });
}

function htmlHints(html: HtmlBlocks): PageHints {
  const m = html.metadata;
  return {
    title: m.title,
    dek: html.header.dek,
    outlet: m.outlet ?? m.titleSuffix,
    authors: m.authors.length > 0 ? m.authors : html.header.authors,
    publishedText: m.publishedText,
    publishedDate: m.publishedDate,
    language: m.language,
    url: m.url,
  };
}

/** Clean one decoded page. Never throws on page content: a page with nothing in it yields an empty main article. */
export function cleanPage(page: DecodedPage, options: CleanOptions = {}): PageResult {
  const merged: CleanOptions = { published: options.published ?? page.context.published, fetched: options.fetched ?? page.context.fetched };
  if (page.format === 'html') {
    const html = htmlToBlocks(page.text);
    const hints = htmlHints(html);
    hints.url ??= page.context.url;
    const { articles, removed } = cleanBlocks(html.blocks, merged, hints);
    const fieldKeys = new Set(articles.flatMap((a) => [a.title, a.dek, a.outlet, ...a.authors, a.published.text]).filter(Boolean));
    const outside = outsideRemovals(html.outside.filter((b) => !fieldKeys.has(b.text)));
    return { source: page.context.source, format: 'html', articles, removed: [...removed, ...outside] };
  }
  const blocks = splitTextBlocks(page.text).map((t) => makeBlock(t));
  const { articles, removed } = cleanBlocks(blocks, merged, null);
  if (page.context.url) articles[0]!.url = page.context.url;
  return { source: page.context.source, format: 'text', articles, removed };
}

/** Convenience for tests and callers holding a string. */
export function cleanText(text: string, options: CleanOptions & { format?: 'text' | 'html'; source?: string } = {}): PageResult {
  return cleanPage(
    {
      context: { source: options.source ?? '-', url: null, published: options.published ?? null, fetched: options.fetched ?? null },
      format: options.format ?? 'text',
      text,
      encoding: 'utf-8',
    },
    options,
  );
}
