// Lint rules that keep each file in its process: ipcRenderer only in the
// preload, electron never in the renderer, renderer and main never importing
// each other, and Electron at run time only in main's two glue files.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    ignores: ['preload/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcRenderer'], message: 'ipcRenderer belongs in preload/ only.' }] },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/index.ts', 'main/window.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', allowTypeImports: true, message: 'Only main/index.ts and main/window.ts may use Electron at run time; everything else runs in plain Node.' }],
          patterns: [{ group: ['**/renderer/**', '**/renderer'], message: 'main never imports renderer code.' }],
        },
      ],
    },
  },
  {
    files: ['main/index.ts', 'main/window.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', importNames: ['ipcRenderer'], message: 'ipcRenderer belongs in preload/ only.' }],
          patterns: [{ group: ['**/renderer/**', '**/renderer'], message: 'main never imports renderer code.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer never imports electron: use window.momo.' }],
          patterns: [
            { group: ['**/main/**', '**/main'], message: 'The renderer never imports main/: talk to it through the contract.' },
            { group: ['node:*'], message: 'The renderer is sandboxed: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**', '**/main/**'], message: 'The preload stands alone: contract only.' }] },
      ],
    },
  },
);
