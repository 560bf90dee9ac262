/**
 * Marking passes that run before segmentation (each a named rule over the block list)
 * and the context rules that run on the main body after it.
 */
import { type Block, isOpen, removeBlock, repeatKey, wordCount } from './blocks.js';
import { parseByline } from './byline.js';
import { isCreditLine, matchLineRule } from './rules.js';
import { sectionKind } from './sections.js';
import { type StampContext, parseStamp } from './stamps.js';

/** Blocks shorter than this repeat for innocent reasons ("Share", "Advertisement") and keep their own rule. */
const DUPLICATE_MIN_WORDS = 3;
const CAPTION_MAX_WORDS = 45;

/** Rule `repeated-block`: the second copy of a headline, appeal or paragraph. */
export function markDuplicates(blocks: Block[]): void {
  const seen = new Set<string>();
  for (const block of blocks) {
    if (wordCount(block.text) < DUPLICATE_MIN_WORDS) continue;
    const key = repeatKey(block.text);
    if (seen.has(key)) removeBlock(block, 'duplicate', 'repeated-block');
    else seen.add(key);
  }
}

export function applyLineRules(blocks: Block[]): void {
  for (const block of blocks) {
    if (!isOpen(block)) continue;
    const rule = matchLineRule(block.text);
    if (rule) removeBlock(block, rule.reason, rule.name);
  }
}

/** Stamps, bylines and section headings: the anchors segmentation hangs the page on. */
export function markAnchors(blocks: Block[], context: StampContext, lowercase: boolean): void {
  for (const block of blocks) {
    if (!isOpen(block)) continue;
    const section = sectionKind(block.text);
    if (section) {
      block.kind = 'section';
      block.section = section;
      continue;
    }
    const stamp = parseStamp(block.text, context);
    if (stamp) {
      block.kind = 'stamp';
      block.stamp = stamp;
      continue;
    }
    const byline = parseByline(block.text, lowercase);
    if (byline) {
      block.kind = 'byline';
      block.authors = byline.authors;
    }
  }
}

const TRAILING_CREDIT = /(?:\s|\()((photo|image|picture|photograph|credit|video)s?\s*:\s*[^.]{2,60}|[\p{Lu}][\p{L}.'’-]+\s[\p{Lu}][\p{L}.'’-]+\s?\/\s?[\p{Lu}][\p{L}&.' -]{1,40})\)?$/u;

/**
 * Rule `caption-before-credit`: a short block directly followed by a photo credit is its
 * caption. Rule `caption-with-credit`: a caption that carries its credit at the end.
 * Rule `figure-caption`: an HTML figcaption.
 */
export function markCaptions(blocks: Block[]): void {
  blocks.forEach((block, i) => {
    if (!isOpen(block)) return;
    if (block.tag === 'figcaption') {
      removeBlock(block, isCreditLine(block.text) ? 'credit' : 'caption', 'figure-caption');
      return;
    }
    const words = wordCount(block.text);
    if (words > CAPTION_MAX_WORDS) return;
    const next = blocks[i + 1];
    if (next?.removal?.rule === 'photo-credit' && !/[:,]$/.test(block.text)) {
      removeBlock(block, 'caption', 'caption-before-credit');
      return;
    }
    if (words <= CAPTION_MAX_WORDS && TRAILING_CREDIT.test(block.text) && !/["“”]/.test(block.text)) {
      removeBlock(block, 'caption', 'caption-with-credit');
    }
  });
}

const BIO_ROLE =
  /\b(writer|journalist|correspondent|columnist|reporter|editor|author|contributor|professor|lecturer|fellow|analyst|researcher|director|photographer|producer|economist|historian|scientist|consultant|commentator|novelist|broadcaster|blogger|student|graduate|founder)\b/i;
const BIO_SUBJECT = /^([\p{L}][\p{L}'’.-]+(?:\s+[\p{L}][\p{L}'’.-]+){0,3})\s+(is|was|has been|serves as|writes|covers|reports)\b/u;
const BIO_MAX_WORDS = 90;
const BIO_TAIL_BLOCKS = 3;

function isBio(text: string, authors: string[]): boolean {
  if (wordCount(text) > BIO_MAX_WORDS) return false;
  const subject = BIO_SUBJECT.exec(text);
  if (!subject) return false;
  const name = subject[1]!.toLowerCase();
  const namedAuthor = authors.some((a) => name === a.toLowerCase() || a.toLowerCase().endsWith(name));
  const capitalisedName = /^[\p{Lu}][\p{L}'’.-]+\s+[\p{Lu}]/u.test(subject[1]!);
  if (!namedAuthor && !capitalisedName) return false;
  return BIO_ROLE.test(text) || /\b(writes|covers|reports) (about|on|for)\b/.test(text);
}

/**
 * Context rules on the end of the main body: rule `author-bio` (a "X is a writer at ..."
 * paragraph among the last blocks) and rule `repeated-author-name` (the author's name
 * printed again alone).
 */
export function markBodyTail(body: Block[], authors: string[]): Block[] {
  const authorKeys = new Set(authors.map(repeatKey));
  const kept = [...body];
  for (let i = kept.length - 1, seen = 0; i >= 0 && seen < BIO_TAIL_BLOCKS; i--) {
    const block = kept[i]!;
    if (authorKeys.has(repeatKey(block.text))) {
      removeBlock(block, 'duplicate', 'repeated-author-name');
      kept.splice(i, 1);
      continue;
    }
    seen++;
    if (isBio(block.text, authors)) {
      removeBlock(block, 'bio', 'author-bio');
      kept.splice(i, 1);
    }
  }
  return kept;
}
