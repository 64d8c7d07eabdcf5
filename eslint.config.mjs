// Lint rules, including the layer boundary: domain code in main/ imports neither
// Electron nor the DOM, and the renderer reaches main/ only through the API contract.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['main/**/*.ts', 'db/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only main/electron/ may import electron.' }],
          patterns: [{ group: ['react', 'react-dom', 'react-dom/*', 'zustand', '../renderer/*', '../../renderer/*'], message: 'Domain code must not depend on the UI.' }],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through the preload bridge.' }],
          patterns: [
            {
              group: ['../main/*', '!../main/contract', '../main/*/*', '!../main/contract/*', 'node:*', 'better-sqlite3'],
              message: 'The renderer may import from main/ only the API contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../main/*', '!../main/contract', '../main/*/*', '!../main/contract/*'], message: 'The preload may import from main/ only the API contract.' }] }],
    },
  },
);
