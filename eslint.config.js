// ESLint flat config: @eslint/js + typescript-eslint recommended (syntax-only, no type information, to stay fast).
// Formatting is Prettier's job (npm run lint runs both); tsc --noEmit does the type checking.

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The few runtime globals our plain .js/.mjs files use (no `globals` package needed for that).
const runtimeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'queueMicrotask',
    'structuredClone',
    'fetch',
    'performance',
    'TextEncoder',
    'TextDecoder',
    'AbortController',
    'window',
    'document',
    'navigator',
    'requestAnimationFrame',
    'cancelAnimationFrame',
    'HTMLElement',
    'Event',
    'CustomEvent',
  ].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'viz/dist/**',
      'dist/**',
      '.geokg/**',
      'test-results/**',
      'tools/neo4j-local/lib/**',
      'tools/neo4j-local/target/**',
      'coverage/**',
      '.bench/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: runtimeGlobals },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
);
