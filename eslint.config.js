import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'packages/*/lib/**', '.cache/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object instead of an enum.' },
        { selector: 'TSModuleDeclaration[kind="namespace"]', message: 'No namespaces.' },
        { selector: 'TSParameterProperty', message: 'No parameter properties.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // CommonJS configuration files (.dependency-cruiser.cjs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    // A package reaches another only through its name (`@frenchsouth-digital/feed`, `@frenchsouth-digital/shared`), never through its files.
    files: ['packages/**/*.ts', 'packages/**/*.js', 'packages/**/*.mjs'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+(packages/)?[\\w-]+/src(/|$)', message: "Import another package by its name (e.g. '@frenchsouth-digital/shared'), not through its src folder." }] },
      ],
    },
  },
  {
    files: ['**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Every test runs, every time: an exclusive or skipped test would quietly shrink the suite.
    files: ['**/test/**/*.ts', '**/test/**/*.mjs', '**/test/**/*.js'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test', 'suite', 'context'].flatMap((object) =>
          ['only', 'skip', 'todo'].map((property) => ({ object, property, message: 'Every test runs: no .only, .skip or .todo.' })),
        ),
      ],
      'no-restricted-globals': ['error', ...['xit', 'xdescribe', 'xcontext'].map((name) => ({ name, message: 'Every test runs: no skipped tests.' }))],
    },
  },
);
