/**
 * Directory walking for page collections. Order is byte-wise by name at every level so two runs
 * over the same tree emit pages in the same order on any machine and locale.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { binarySignature, detectUtf16Order, looksBinary, SAMPLE_BYTES } from './binary.js';
import { InputError } from './errors.js';
import { readFileHead } from './file-head.js';
import { fsError } from './fs-errors.js';
import { isWarcPath } from './warc.js';

export const PAGE_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.text', '.html', '.htm', '.xhtml', '.md']);
/**
 * Files that hold many pages: feeds and web archives (.warc.gz too). Generic .xml and .json are
 * left out: in a folder of pages they are far more often sitemaps or metadata than feeds.
 */
export const COLLECTION_EXTENSIONS: ReadonlySet<string> = new Set(['.rss', '.atom', '.warc']);

export type WalkItem = { ok: true; path: string } | { ok: false; error: InputError };

/**
 * Yields the page files under `dir` one at a time, depth first. Paths are joined onto `dir` as
 * given, so they read the way the user named the directory. Hidden entries are skipped, and a
 * directory reached twice (a symlink cycle, or two links to one tree) is walked once.
 */
export async function* walkDirectory(dir: string): AsyncGenerator<WalkItem> {
  const visited = new Set<string>();
  yield* walk(dir, visited);
}

async function* walk(dir: string, visited: Set<string>): AsyncGenerator<WalkItem> {
  const entries = await listDirectory(dir, visited);
  if (entries instanceof InputError) {
    yield { ok: false, error: entries };
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const kind = await entryKind(entry, path);
    if (kind instanceof InputError) yield { ok: false, error: kind };
    else if (kind === 'directory') yield* walk(path, visited);
    else if (kind === 'file' && (await isPageFile(path))) yield { ok: true, path };
  }
}

/** Sorted entries; none when this directory was already walked through another path. */
async function listDirectory(dir: string, visited: Set<string>): Promise<Dirent[] | InputError> {
  try {
    const real = await realpath(dir);
    if (visited.has(real)) return [];
    visited.add(real);
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    return fsError(error, dir);
  }
}

type EntryKind = 'file' | 'directory' | 'other';

/** Follows symlinks, so a link to a page or to a folder of pages is taken like the real thing. */
async function entryKind(entry: Dirent, path: string): Promise<EntryKind | InputError> {
  if (!entry.isSymbolicLink()) return entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
  try {
    const target = await stat(path);
    return target.isDirectory() ? 'directory' : target.isFile() ? 'file' : 'other';
  } catch (error) {
    return fsError(error, path);
  }
}

async function isPageFile(path: string): Promise<boolean> {
  if (isWarcPath(path)) return true;
  const extension = extname(path).toLowerCase();
  if (extension !== '') return PAGE_EXTENSIONS.has(extension) || COLLECTION_EXTENSIONS.has(extension);
  return looksLikeTextFile(path);
}

/**
 * Extensionless files (scraper dumps often have none) are taken when their first bytes read as
 * text. Unreadable ones are taken too, so that reading them reports the problem instead of the
 * file vanishing silently.
 */
async function looksLikeTextFile(path: string): Promise<boolean> {
  let head: Uint8Array;
  try {
    head = await readFileHead(path, SAMPLE_BYTES);
  } catch {
    return true;
  }
  if (head.length === 0 || binarySignature(head)) return false;
  return detectUtf16Order(head) !== null || !looksBinary(head);
}
