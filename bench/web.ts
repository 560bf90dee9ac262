/**
 * `npm run bench` (web part): the size of the built web app as a browser downloads it. Builds
 * web/ into a temporary folder with the project's Vite config, then gzips (level 9) and
 * brotli-compresses each file. The budget is on gzipped JavaScript: under 300 KB.
 * Writes bench/out/web.json. Exit code 1 when the budget is exceeded.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { REPO } from './lib.js';

const BUDGET_GZIP_JS_KB = 300;
const KB = 1024;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const out = mkdtempSync(join(tmpdir(), 'newsprism-web-bench-'));
try {
  const t0 = performance.now();
  const build = spawnSync(process.execPath, [join(REPO, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: REPO, encoding: 'utf8' });
  const buildMs = performance.now() - t0;
  if (build.status !== 0) {
    console.error(build.stderr || build.stdout);
    throw new Error('vite build failed');
  }
  const rows = files(out)
    .filter((path) => ['.js', '.css', '.html', '.svg'].includes(extname(path)))
    .map((path) => {
      const bytes = readFileSync(path);
      return {
        file: relative(out, path),
        kind: extname(path).slice(1),
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const sum = (kind: string, key: 'raw' | 'gzip' | 'brotli') => rows.filter((r) => r.kind === kind).reduce((n, r) => n + r[key], 0);
  const js = { raw: sum('js', 'raw'), gzip: sum('js', 'gzip'), brotli: sum('js', 'brotli') };
  const css = { raw: sum('css', 'raw'), gzip: sum('css', 'gzip'), brotli: sum('css', 'brotli') };
  const within = js.gzip <= BUDGET_GZIP_JS_KB * KB;

  console.log(`\n## Web app bundle (vite build in ${(buildMs / 1000).toFixed(1)} s)`);
  console.log('| file | raw KB | gzip KB | brotli KB |');
  console.log('| --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.file} | ${(r.raw / KB).toFixed(1)} | ${(r.gzip / KB).toFixed(1)} | ${(r.brotli / KB).toFixed(1)} |`);
  console.log(`| **all JavaScript** | ${(js.raw / KB).toFixed(1)} | **${(js.gzip / KB).toFixed(1)}** | ${(js.brotli / KB).toFixed(1)} |`);
  console.log(`| all CSS | ${(css.raw / KB).toFixed(1)} | ${(css.gzip / KB).toFixed(1)} | ${(css.brotli / KB).toFixed(1)} |`);
  console.log(`\nGzipped JavaScript: ${(js.gzip / KB).toFixed(1)} KB of a ${BUDGET_GZIP_JS_KB} KB budget — ${within ? 'within budget' : 'OVER BUDGET'}.`);

  const summary = { budgetGzipJsKB: BUDGET_GZIP_JS_KB, withinBudget: within, buildMs: Math.round(buildMs), js, css, files: rows };
  mkdirSync(join(REPO, 'bench', 'out'), { recursive: true });
  writeFileSync(join(REPO, 'bench', 'out', 'web.json'), `${JSON.stringify(summary, null, 2)}\n`);
  if (!within) process.exitCode = 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
