/**
 * A tree-free reading of HTML for pages a DOM should not be built for (nested 100,000 deep,
 * say): one regular-expression pass over the tags, block boundaries from tag names, entities
 * decoded by `entities`, no recursion.
 */
import { decodeHTML } from 'entities';
import { type Block, makeBlock } from '../blocks.js';
import { normalizeSpaces } from '../text/normalize.js';
import { BLOCK_TAGS, HINT_TAGS } from './tags.js';

/** Skipped up to their closing tag, so only elements that always have one (no void <input>). */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head', 'select', 'textarea', 'math']);
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr']);

/** Deepest element nesting, estimated from tags alone (cheap: no tree is built). */
export function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  const TAG = /<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (VOID.has(name) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)[^>]*>|[^<]+|</g;

export function streamBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let buffer = '';
  let hint: string | null = null;
  let skipping: string | null = null;
  const flush = () => {
    const text = normalizeSpaces(decodeHTML(buffer));
    if (text) blocks.push(makeBlock(text, hint));
    buffer = '';
    hint = null;
  };
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (!name) {
      if (!skipping && !m[0].startsWith('<!--')) buffer += m[0];
      continue;
    }
    const closing = m[1] === '/';
    if (skipping) {
      if (closing && name === skipping) skipping = null;
      continue;
    }
    if (!closing && SKIPPED.has(name)) {
      skipping = name;
      continue;
    }
    const upper = name.toUpperCase();
    if (BLOCK_TAGS.has(upper)) {
      flush();
      if (!closing && HINT_TAGS.has(upper)) hint = name;
    }
  }
  flush();
  return blocks;
}
