import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import local, { queryBuildersOnlyInRepositories } from './eslint-local.js';

const nodeOnly = ['node:*', 'electron', 'better-sqlite3', 'fs', 'path', 'os', 'child_process'];
const restrict = (names) => ({
  'no-restricted-imports': ['error', { patterns: names.map((n) => ({ group: [n], message: 'This layer must stay free of Node and Electron.' })) }],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'react-hooks/incompatible-library': 'off', ...restrict(nodeOnly) },
  },
  { files: ['shared/**/*.ts'], rules: restrict([...nodeOnly, 'react', 'react-dom']) },
  {
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { coopdesk: local },
    rules: { 'coopdesk/feature-faces': 'error', 'coopdesk/faces-offer-no-rows': 'error', 'coopdesk/feature-file-roles': 'error' },
  },
  { files: ['**/*.{ts,tsx}'], plugins: { coopdesk: local }, rules: { 'coopdesk/zod-as-namespace': 'error' } },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/**/*.repository.ts', 'electron/main/db/**', 'electron/main/demo/**'],
    rules: queryBuildersOnlyInRepositories,
  },
);
