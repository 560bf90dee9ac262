/**
 * The web app's build: Preact + TypeScript into web/dist, which `newsprism serve` serves under a
 * strict CSP (script-src 'self'; style-src 'self'). So: no inline scripts or styles in the output,
 * no module-preload polyfill snippet, assets always as files.
 */
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    // `npx vite web` during development, beside `newsprism serve` on its default port.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
