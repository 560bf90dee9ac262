import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'web/dist/', 'node_modules/', 'bench/out/', 'test-output/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
    },
  },
  {
    // The web app runs in the browser (ES modules, DOM globals), never in Node.
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        window: 'readonly', document: 'readonly', location: 'readonly', history: 'readonly', navigator: 'readonly',
        fetch: 'readonly', Response: 'readonly', RequestInit: 'readonly', FormData: 'readonly', File: 'readonly', URLSearchParams: 'readonly',
        AbortController: 'readonly', AbortSignal: 'readonly', Event: 'readonly', DragEvent: 'readonly',
        HTMLElement: 'readonly', HTMLDivElement: 'readonly', HTMLSpanElement: 'readonly', HTMLHeadingElement: 'readonly', HTMLButtonElement: 'readonly', Element: 'readonly',
        IntersectionObserver: 'readonly', ResizeObserver: 'readonly',
      },
    },
    rules: {
      // Text from the corpus is data: it is rendered as text nodes, never parsed as HTML.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text as text nodes; never parse data as HTML.' },
        { property: 'outerHTML', message: 'Render text as text nodes; never parse data as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Render text as text nodes; never parse data as HTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never set HTML from data.' },
        { selector: "JSXAttribute[name.name='style']", message: "The server's CSP forbids inline styles: use a class." },
      ],
    },
  },
);
