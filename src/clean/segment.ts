/**
 * Segmentation: given blocks already marked by the line rules, find the main article's
 * body (the heaviest run of prose), read its header (title, dek, stamp, byline, outlet),
 * and parse what follows into related articles or removals.
 */
import type { RemovalReason } from '../model.js';
import { type Block, type SectionKind, type Stamp, isOpen, isProse, removeBlock, repeatKey, wordCount } from './blocks.js';
import { columnHeadlineName, isOutletName, parseNameOnlyLine } from './byline.js';

export interface Draft {
  role: 'main' | 'related';
  title: string | null;
  dek: string | null;
  outlet: string | null;
  authors: string[];
  stamp: Stamp | null;
  body: Block[];
}

export interface SegmentOptions {
  lowercase: boolean;
}

/*
 * Thresholds, in words. Set by hand against test/fixtures/pages (news paragraphs run 15–60
 * words; headlines 3–20; standfirsts 6–40; related summaries one or two paragraphs). After
 * changing one, run `npm run quality` (the floors) and `npm run quality -- --heldout`.
 */
const TITLE_MIN_WORDS = 3;
const TITLE_MAX_WORDS = 30;
const DEK_MIN_WORDS = 6;
const DEK_MAX_WORDS = 70;
const SNIPPET_MIN_WORDS = 6;
const NON_PROSE_WEIGHT = 0.01;
const SNIPPET_MAX_BLOCKS = 2;
const ITEM_HEAD_WINDOW = 3;
const RESUMED_BODY_MIN_PARAGRAPHS = 2;
const OUTLET_LINE_MAX_WORDS = 5;
/** How many headline-shaped lines above the body compete for the title, and how they are weighed. */
const TITLE_CANDIDATES = 3;
const TITLE_SCORE_WORD_CAP = 16;
const TITLE_ANCHOR_BONUS = 6;
/** A headline-shaped block this long, under a shorter one, is the dek. */
const DEK_VS_TITLE_MIN_WORDS = 8;

const REAL_WORD = /\p{L}{3,}/gu;

function isHeadlineShaped(block: Block, lowercase: boolean, minWords = TITLE_MIN_WORDS): boolean {
  if (!isOpen(block)) return false;
  const words = wordCount(block.text);
  if (words < minWords || words > TITLE_MAX_WORDS) return false;
  // "1D 5D 1M 6M 1Y" has a headline's length but no words.
  if ((block.text.match(REAL_WORD)?.length ?? 0) < Math.min(2, minWords)) return false;
  if (/[,;]$/.test(block.text) || (/[^.]\.$/.test(block.text) && words > 14)) return false;
  return lowercase || /^[\p{Lu}\d"“‘'(¿¡]/u.test(block.text);
}

/** Index of the earlier open block this block repeats (a headline printed twice), or -1. */
function repeatedFrom(blocks: Block[], i: number): number {
  const block = blocks[i]!;
  if (block.removal?.rule !== 'repeated-block') return -1;
  const key = repeatKey(block.text);
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    if (repeatKey(blocks[j]!.text) === key && blocks[j]!.kind !== 'removed') return j;
  }
  return -1;
}

function isHardBreak(blocks: Block[], i: number): boolean {
  const kind = blocks[i]!.kind;
  return kind === 'section' || kind === 'stamp' || kind === 'byline' || repeatedFrom(blocks, i) >= 0;
}

interface Run {
  start: number;
  end: number; // inclusive
  score: number;
}

function proseRuns(blocks: Block[]): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  blocks.forEach((block, i) => {
    if (isHardBreak(blocks, i)) {
      current = null;
      return;
    }
    if (block.kind === 'removed') return;
    if (!current) {
      current = { start: i, end: i, score: 0 };
      runs.push(current);
    }
    current.end = i;
    // Prose decides; other words only break ties between runs without prose.
    current.score += wordCount(block.text) * (isProse(block) ? 1 : NON_PROSE_WEIGHT);
  });
  return runs;
}

/** A run's trailing headline belongs to the item that the following anchor (stamp, repeat) opens. */
function trimTrailingHeadline(blocks: Block[], run: Run, lowercase: boolean): void {
  const next = run.end + 1;
  if (next >= blocks.length || !isHardBreak(blocks, next) || blocks[next]!.kind === 'section') return;
  let last = run.end;
  while (last > run.start && !isOpen(blocks[last]!)) last--;
  const block = blocks[last]!;
  if (last > run.start && !isProse(block) && isHeadlineShaped(block, lowercase, 2)) run.end = last - 1;
}

/** A byline name or outlet line between the stamp and the first paragraph belongs to the header. */
function trimLeadingHeaderLines(blocks: Block[], run: Run, lowercase: boolean): void {
  // May empty the run: a page whose only "body" is an outlet name has no body.
  while (run.start <= run.end) {
    const block = blocks[run.start]!;
    const headerLine = !isOpen(block) || (!isProse(block) && (isOutletLine(block) || parseNameOnlyLine(block.text, lowercase) !== null));
    if (!headerLine) return;
    run.start++;
  }
}

function pickMainRun(blocks: Block[], lowercase: boolean): Run | null {
  const runs = proseRuns(blocks);
  let best: Run | null = null;
  for (const run of runs) if (!best || run.score > best.score) best = run;
  if (!best) return null;
  trimTrailingHeadline(blocks, best, lowercase);
  trimLeadingHeaderLines(blocks, best, lowercase);
  return best;
}

function removeOpen(block: Block, reason: RemovalReason, rule: string): void {
  if (block.kind !== 'removed') removeBlock(block, reason, rule);
}

function isOutletLine(block: Block): boolean {
  return isOpen(block) && (isOutletName(block.text) || /^(source|via|from)\s*:\s*\S/i.test(block.text));
}

function outletFromLine(text: string): string {
  return text.replace(/^(source|via|from)\s*:\s*/i, '').trim();
}

interface Header {
  title: string | null;
  dek: string | null;
  outlet: string | null;
  authors: string[];
  stamp: Stamp | null;
  /** Blocks before the body that turned out to be body (a page without a headline). */
  leadingBody: Block[];
}

/**
 * A standfirst often has a headline's shape (no closing full stop). When a shorter
 * headline-shaped block sits right above the candidate, that one is the headline and the
 * candidate its dek.
 */
function headlineAbove(blocks: Block[], i: number, lowercase: boolean): number {
  const words = wordCount(blocks[i]!.text);
  if (words < DEK_VS_TITLE_MIN_WORDS) return i;
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const above = blocks[j]!;
    if (above.kind === 'removed' || above.kind === 'stamp' || above.kind === 'byline') continue;
    if (isHeadlineShaped(above, lowercase) && !isOutletLine(above)) return j;
    break;
  }
  return i;
}

const LOGO_MAX_WORDS = 5;
const UPDATE_STAMP = /^(last )?(updated|modified|edited)\b/i;

/**
 * The site's name printed as a logo: a short capitalised line at the very top, or one in the
 * header that the page prints again elsewhere (footer, copyright, "keep reading <site>").
 */
function isLogoLine(blocks: Block[], i: number, lowercase: boolean): boolean {
  const text = blocks[i]!.text;
  if (wordCount(text) > LOGO_MAX_WORDS || /[.!?:]$/.test(text)) return false;
  if (i === 0) return lowercase || /^[\p{Lu}]/u.test(text);
  if (!/^[\p{Lu}]/u.test(text)) return false;
  if (!/^(the\s+)?[\p{Lu}][\p{L}&'’-]*(\s+[\p{Lu}][\p{L}&'’-]*)*$/u.test(text)) return false;
  const needle = text.toLowerCase();
  return blocks.some((b, j) => j !== i && b.text.length > text.length && b.text.toLowerCase().includes(needle));
}

function findTitleIndex(blocks: Block[], end: number, lowercase: boolean): number {
  for (let i = end - 1; i >= 0; i--) {
    const from = repeatedFrom(blocks, i);
    // A section name printed twice ("Crime & Courts") is navigation; a headline has some length.
    if (from >= 0 && isHeadlineShaped(blocks[from]!, lowercase)) return from;
  }
  let best = -1;
  let bestScore = -1;
  for (let i = end - 1, seen = 0; i >= 0 && seen < TITLE_CANDIDATES; i--) {
    const block = blocks[i]!;
    if (!isOpen(block)) continue;
    // Long prose above the body that is not a dek ends the search.
    if (wordCount(block.text) > DEK_MAX_WORDS) break;
    if (!isHeadlineShaped(block, lowercase) || isOutletLine(block) || parseNameOnlyLine(block.text, lowercase)) continue;
    seen++;
    const score = titleScore(blocks, i);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best >= 0 ? headlineAbove(blocks, best, lowercase) : -1;
}

/**
 * Among the last few headline-shaped lines above the body, the headline is long and sits on
 * the stamp, byline or repeat that belongs to it; a company name in a stock box
 * ("Ferrovale Steel plc") or a kicker is short and floats.
 */
function titleScore(blocks: Block[], i: number): number {
  let next = i + 1;
  while (next < blocks.length && blocks[next]!.kind === 'removed' && blocks[next]!.removal?.rule !== 'repeated-block') next++;
  const anchored = next < blocks.length && (isHardBreak(blocks, next) || blocks[next]!.kind === 'stamp');
  return Math.min(wordCount(blocks[i]!.text), TITLE_SCORE_WORD_CAP) + (anchored ? TITLE_ANCHOR_BONUS : 0);
}

function readHeader(blocks: Block[], bodyStart: number, options: SegmentOptions): Header {
  const { lowercase } = options;
  const header: Header = { title: null, dek: null, outlet: null, authors: [], stamp: null, leadingBody: [] };
  const titleIndex = findTitleIndex(blocks, bodyStart, lowercase);
  if (titleIndex >= 0) {
    header.title = blocks[titleIndex]!.text;
    blocks[titleIndex]!.kind = 'title';
  }
  // Nearest stamp and byline to the body first: stamps above the headline may belong to other items.
  // A publication stamp outranks an "Updated ..." one.
  const stamps = blocks.slice(0, bodyStart).filter((b) => b.kind === 'stamp').reverse();
  const published = stamps.find((b) => !UPDATE_STAMP.test(b.stamp?.text ?? '')) ?? stamps[0];
  for (const block of stamps) {
    if (block === published) header.stamp = block.stamp;
    else removeBlock(block, 'other', 'secondary-stamp');
  }
  for (let i = bodyStart - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (block.kind === 'byline') {
      if (header.authors.length === 0) header.authors = block.authors ?? [];
      else removeBlock(block, 'duplicate', 'repeated-byline');
    }
  }
  if (header.stamp?.outlet) header.outlet = header.stamp.outlet;
  let logo: Block | null = null;
  for (let i = 0; i < bodyStart; i++) {
    const block = blocks[i]!;
    if (!isOpen(block)) continue;
    const afterTitle = i > titleIndex;
    const names = parseNameOnlyLine(block.text, lowercase);
    if (names && header.authors.length === 0 && (afterTitle || titleIndex < 0)) {
      header.authors = names;
      block.kind = 'byline';
    } else if (isOutletLine(block) && !header.outlet && i > 0) {
      header.outlet = outletFromLine(block.text);
      block.kind = 'outlet';
    } else if (afterTitle && !header.dek && titleIndex >= 0 && wordCount(block.text) >= DEK_MIN_WORDS && wordCount(block.text) <= DEK_MAX_WORDS) {
      header.dek = block.text;
      block.kind = 'dek';
    } else if (titleIndex < 0 && isProse(block)) {
      header.leadingBody.push(block);
    } else if (!logo && isLogoLine(blocks, i, lowercase)) {
      logo = block;
    } else {
      removeOpen(block, 'navigation', 'header-chrome');
    }
  }
  if (logo) {
    // The site's logo word: the outlet when nothing closer to the article names one.
    if (header.outlet) removeBlock(logo, 'navigation', 'site-logo');
    else {
      header.outlet = logo.text;
      logo.kind = 'outlet';
    }
  }
  return header;
}

/** Pages that leave the logo in front even when the stamp names the publisher: keep one outlet. */
function settleOutlet(blocks: Block[], header: Header): void {
  const outletBlocks = blocks.filter((b) => b.kind === 'outlet');
  if (outletBlocks.length <= 1) return;
  for (const b of outletBlocks) if (outletFromLine(b.text) !== header.outlet) removeBlock(b, 'navigation', 'site-logo');
}

interface Segment {
  kind: SectionKind | 'after-body';
  blocks: Block[];
}

/** Recommendation and tag modules are page widgets; their headings and leftovers say so. */
export const SECTION_HEADING_REASON: Record<SectionKind, RemovalReason> = { related: 'widget', list: 'widget', comments: 'comments', tags: 'widget', author: 'bio' };

function splitSections(blocks: Block[]): Segment[] {
  const segments: Segment[] = [{ kind: 'after-body', blocks: [] }];
  for (const block of blocks) {
    if (block.kind === 'section') {
      removeBlock(block, SECTION_HEADING_REASON[block.section ?? 'list'], 'section-heading');
      segments.push({ kind: block.section ?? 'list', blocks: [] });
    } else {
      segments.at(-1)!.blocks.push(block);
    }
  }
  return segments;
}

/** Where related items start, and whether stamps or repeated headlines (rather than shape alone) said so. */
function itemStarts(blocks: Block[], lowercase: boolean): { starts: number[]; anchored: boolean } {
  const starts = new Set<number>();
  blocks.forEach((block, i) => {
    const from = repeatedFrom(blocks, i);
    if (from >= 0) starts.add(from);
    if (block.kind === 'stamp' || block.kind === 'byline') {
      // The headline is the longest headline-shaped line just above the stamp; a short line
      // between them ("The Counting House") is the outlet.
      let best = -1;
      for (let j = i - 1, seen = 0; j >= 0 && seen < ITEM_HEAD_WINDOW; j--) {
        const prev = blocks[j]!;
        if (prev.kind === 'stamp' || isProse(prev)) break;
        if (!isOpen(prev)) continue;
        seen++;
        if (isHeadlineShaped(prev, lowercase, 2) && !isOutletLine(prev) && (best < 0 || wordCount(prev.text) > wordCount(blocks[best]!.text))) best = j;
      }
      if (best >= 0) starts.add(best);
    }
  });
  const anchored = starts.size > 0;
  if (!anchored) {
    // No stamps or repeated headlines: a headline followed by a summary is still an item.
    blocks.forEach((block, i) => {
      const next = blocks.slice(i + 1).find((b) => b.kind !== 'removed');
      const headline = isHeadlineShaped(block, lowercase, 2) && !isProse(block) && !/[.]$/.test(block.text) && !/^["“‘']/.test(block.text);
      if (headline && next && isProse(next)) starts.add(i);
    });
  }
  return { starts: [...starts].sort((a, b) => a - b), anchored };
}

/** A short capitalised line under a related headline, before its summary: the outlet's name. */
function shortNameLine(block: Block): boolean {
  return wordCount(block.text) <= OUTLET_LINE_MAX_WORDS && /^[\p{Lu}\d]/u.test(block.text) && !/[.!?:,]$/.test(block.text);
}

/**
 * A related story carries a paragraph or two; text running on past that is the main body
 * resuming after a box that interrupted it ("Trending Now" in mid-article).
 */
function readItem(blocks: Block[], lowercase: boolean, overflow: Block[]): Draft | null {
  const [head, ...rest] = blocks;
  if (!head) return null;
  const item: Draft = { role: 'related', title: head.text, dek: null, outlet: null, authors: [], stamp: null, body: [] };
  for (const block of rest) {
    if (block.kind === 'removed') continue;
    if (block.kind === 'stamp') {
      if (!item.stamp) {
        item.stamp = block.stamp;
        item.outlet ??= block.stamp?.outlet ?? null;
      } else removeBlock(block, 'other', 'secondary-stamp');
    } else if (block.kind === 'byline' && item.authors.length === 0) {
      item.authors = block.authors ?? [];
    } else if (item.body.length === 0 && !item.outlet && !isProse(block) && (isOutletLine(block) || shortNameLine(block))) {
      item.outlet = outletFromLine(block.text);
      block.kind = 'outlet';
    } else if (item.body.length === 0 && !item.authors.length && parseNameOnlyLine(block.text, lowercase)) {
      item.authors = parseNameOnlyLine(block.text, lowercase)!;
      block.kind = 'byline';
    } else if (block.kind === 'byline') {
      removeBlock(block, 'other', 'secondary-byline');
    } else if (item.body.length < SNIPPET_MAX_BLOCKS) {
      item.body.push(block);
    } else {
      overflow.push(block);
    }
  }
  const words = item.body.reduce((n, b) => n + wordCount(b.text), 0);
  if (words < SNIPPET_MIN_WORDS) {
    // A headline without a summary is a link in a list, not an article.
    for (const b of blocks) if (b.kind !== 'removed') removeBlock(b, 'widget', 'headline-list');
    return null;
  }
  head.kind = 'title';
  for (const b of item.body) b.kind = 'body';
  return item;
}

const SECTION_REMOVAL: Record<'comments' | 'tags' | 'author', [RemovalReason, string]> = {
  comments: ['comments', 'comments-section'],
  tags: ['widget', 'tags-section'],
  author: ['bio', 'author-section'],
};

function readTail(segments: Segment[], main: Draft, options: SegmentOptions): Draft[] {
  const related: Draft[] = [];
  for (const segment of segments) {
    if (segment.kind === 'comments' || segment.kind === 'tags' || segment.kind === 'author') {
      const [reason, rule] = SECTION_REMOVAL[segment.kind];
      for (const b of segment.blocks) removeOpen(b, reason, rule);
      continue;
    }
    const { starts, anchored } = itemStarts(segment.blocks, options.lowercase);
    if (segment.kind === 'after-body' && starts.length === 0) {
      // Unheaded text after a break in the body (a mid-body stamp or byline) is still body.
      for (const b of segment.blocks) {
        if (isOpen(b)) {
          b.kind = 'body';
          main.body.push(b);
        } else if (b.kind === 'stamp' || b.kind === 'byline') removeBlock(b, 'other', `secondary-${b.kind}`);
      }
      continue;
    }
    const firstStart = starts[0] ?? segment.blocks.length;
    for (const b of segment.blocks.slice(0, firstStart)) removeOpen(b, 'widget', 'section-residue');
    starts.forEach((start, n) => {
      const overflow: Block[] = [];
      const item = readItem(segment.blocks.slice(start, starts[n + 1] ?? segment.blocks.length), options.lowercase, overflow);
      // Found by shape alone and running on for paragraphs: a list entry, then the body resuming.
      const resumed = !anchored && item !== null && overflow.length > 0;
      if (item && !resumed) related.push(item);
      if (resumed) {
        removeBlock(segment.blocks[start]!, 'widget', 'headline-list');
        overflow.unshift(...item.body);
      }
      // After a stamped item, only real paragraphs are the body resuming; a footer line is not.
      const bodyResumes = resumed || overflow.filter(isProse).length >= RESUMED_BODY_MIN_PARAGRAPHS;
      for (const b of overflow) {
        if (bodyResumes) {
          b.kind = 'body';
          main.body.push(b);
        } else removeBlock(b, 'navigation', 'after-related');
      }
    });
  }
  return related;
}

/** Split the blocks into the main article and related articles; everything else is marked removed. */
export function segment(blocks: Block[], options: SegmentOptions): { main: Draft; related: Draft[] } {
  const run = pickMainRun(blocks, options.lowercase);
  const bodyStart = run?.start ?? blocks.length;
  const bodyEnd = run ? Math.max(run.start, run.end + 1) : blocks.length;
  const header = readHeader(blocks, bodyStart, options);
  settleOutlet(blocks, header);
  const main: Draft = {
    role: 'main',
    title: header.title,
    dek: header.dek,
    outlet: header.outlet,
    authors: header.authors,
    stamp: header.stamp,
    body: [...header.leadingBody],
  };
  for (const block of blocks.slice(bodyStart, bodyEnd)) {
    if (isOpen(block)) {
      block.kind = 'body';
      main.body.push(block);
    }
  }
  for (const block of header.leadingBody) block.kind = 'body';
  const related = readTail(splitSections(blocks.slice(bodyEnd)), main, options);
  applyColumnAuthor(main, blocks, options.lowercase);
  accountForLeftovers(blocks);
  return { main, related };
}

/** Whatever no step claimed is recorded, never dropped: body + fields + removed cover the page. */
function accountForLeftovers(blocks: Block[]): void {
  for (const block of blocks) {
    if (block.kind === 'section') removeBlock(block, SECTION_HEADING_REASON[block.section ?? 'list'], 'section-heading');
    else if (block.kind === 'unknown') removeBlock(block, 'other', 'unassigned');
  }
}

/** "Jane Roe: Why the ceasefire failed": the name is an author when the page confirms it or holds no ordinary word. */
function applyColumnAuthor(main: Draft, blocks: Block[], lowercase: boolean): void {
  if (!main.title || main.authors.length > 0) return;
  const candidate = columnHeadlineName(main.title, lowercase);
  if (!candidate) return;
  const key = repeatKey(candidate.name);
  const confirmed = blocks.some((b) => b.kind !== 'title' && repeatKey(b.text).startsWith(key));
  if (confirmed || (candidate.plain && !lowercase)) main.authors = [candidate.name];
}
