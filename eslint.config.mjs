// ESLint 9 flat config: typescript-eslint, the Office Add-in rules the yo-office template ships
// (eslint-plugin-office-addins: load before read, sync before read, no sync in loops, isNullObject…),
// and the React hooks rules. Formatting is prettier's job (`npm run format:check`), so rules that
// fight it are turned off by eslint-config-prettier.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-e2e/', 'dist-cli/', 'lib/', 'release/', 'coverage/', 'rubrics/rubric.schema.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Chinese text is full of ideographic spaces (U+3000) on purpose: only code must be free of them.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true }],
    },
  },
  {
    // Office.js code: where a proxy object is read, a missing load or sync is a bug in Excel. Not for
    // src/xlsx (exceljs objects look alike to the rule: cell.isMerged is a plain property there).
    files: [
      'src/excel/**/*.ts',
      'src/commands/**/*.ts',
      'src/taskpane/**/*.{ts,tsx}',
      'bench/excel.ts',
      'test/excel/**/*.ts',
      'test/e2e/**/*.ts',
    ],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  { files: ['src/taskpane/**/*.tsx', 'test/taskpane/**/*.tsx'], ...reactHooks.configs.flat['recommended-latest'] },
  {
    // The in-memory Excel mirrors Office.js's own typings (@types/office-js declares values,
    // formulas, number formats, event handlers and validation rules as any): narrowing them here
    // would make the host's classes incompatible with the Excel.* interfaces the add-in is typed against.
    files: ['test/excel-host/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The old-Office check runs as a classic script in the page (no module, no bundler).
    files: ['src/taskpane/legacy-office.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
