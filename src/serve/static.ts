/**
 * The built web app (web/dist): files by path, and index.html for any other page path so the
 * app's own router can answer it. Nothing outside the folder is ever read: every path segment is
 * decoded and checked (no "..", ".", hidden names, slashes, backslashes or NUL inside a segment),
 * the joined path must stay under the root, and so must its real path (no symlink escapes).
 * Without a build, every page is a short note saying how to build it.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';
import { errorResponse } from './errors.js';

/** web/dist beside the package: src/serve → ../../web/dist, and dist/serve → the same. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>newsprism</title></head>
<body>
<h1>newsprism</h1>
<p>The web app has not been built. Run <code>npm run build</code> (it builds <code>web/dist</code>), then reload this page.</p>
<p>The HTTP API is running: try <a href="/api/stories">/api/stories</a> or <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body>
</html>
`;

/** The path's segments, decoded and checked; null when any segment could reach outside the root. */
export function safeSegments(path: string): string[] | null {
  const out: string[] = [];
  for (const raw of path.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || segment.startsWith('.')) return null;
    if (/[/\\\0:]/.test(segment) || /[\u0000-\u001f]/.test(segment)) return null;
    out.push(segment);
  }
  return out;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(sep));
}

async function fileAt(root: string, segments: string[]): Promise<string | null> {
  const path = resolve(root, ...segments);
  if (!inside(root, path)) return null;
  try {
    const info = await stat(path);
    if (!info.isFile()) return null;
    const real = await realpath(path);
    const realRoot = await realpath(root);
    return inside(realRoot, real) ? real : null;
  } catch {
    return null;
  }
}

async function send(c: Context, path: string, cache: string): Promise<Response> {
  const body = await readFile(path);
  const headers = {
    'Content-Type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(body.length),
    'Cache-Control': cache,
  };
  return c.req.method === 'HEAD' ? c.body(null, 200, headers) : c.body(new Uint8Array(body), 200, headers);
}

export function webApp(rootDir: string = DEFAULT_WEB_ROOT) {
  const root = resolve(rootDir);
  return async (c: Context): Promise<Response> => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return errorResponse(c, 405, 'method_not_allowed', `${c.req.method} is not allowed here`);
    const segments = safeSegments(new URL(c.req.url).pathname);
    if (segments === null) return errorResponse(c, 404, 'not_found', 'no such file');
    if (segments.length > 0) {
      const file = await fileAt(root, segments);
      // Vite puts content-hashed files under assets/: they never change under the same name.
      if (file) return send(c, file, segments[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    const index = await fileAt(root, ['index.html']);
    if (index) return send(c, index, 'no-cache');
    return c.html(NOT_BUILT_PAGE, 200, { 'Cache-Control': 'no-cache' });
  };
}
