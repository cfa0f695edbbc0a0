import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'drizzle/', 'data/', 'tmp/', 'bench-results/', 'test-results/', '.kansli-test/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', Blob: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A feature's messages extend the platform's catalogue type by declaration merging (platform/i18n/i18n.ts).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    // The platform stays below the features (ARCHITECTURE.md): features register with it, never the reverse.
    files: ['src/platform/**/*.ts', 'src/platform/**/*.tsx'],
    ignores: ['src/platform/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/features/*', '**/features/**', '**/services.js', '**/routes.js', '**/messages.js', '**/cli/**'], message: 'src/platform imports no feature: let the feature register with the platform instead.' }] }],
    },
  },
  {
    // The domain is pure: no I/O, no framework, no database (STYLE.md).
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'path', 'http', 'crypto', 'fastify', 'drizzle-orm*', 'pg', '@electric-sql/*', '../*', '!./*'], message: 'src/domain is pure: import only sibling domain modules.' }] },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'No I/O in the domain.' }, { name: 'process', message: 'No environment in the domain.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass today in; never read the clock in the domain.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass today in; never read the clock in the domain.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'No randomness in the domain; take a random function.' },
      ],
    },
  },
);
