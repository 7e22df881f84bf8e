import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const kebabCase = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = context.filename.split('/').pop() ?? '';
    const base = file
      .replace(/\.(test|spec|integration\.test)?\.?(ts|tsx)$/, '')
      .replace(/\.(test|spec)$/, '');
    return {
      Program(node) {
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(base)) {
          context.report({ node, message: `file name "${file}" must be kebab-case` });
        }
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'e2e/artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { local: { rules: { 'kebab-case-files': kebabCase } } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'], rules: { 'local/kebab-case-files': 'error' } },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.ts', 'src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(\\.\\./)+server/', message: 'the app never imports the server' }] },
      ],
    },
  },
  // Tests read arbitrary JSON frames from the wire; typing every probe would add noise, not safety.
  {
    files: ['**/*.test.ts', 'server/conformance/**', 'e2e/**', 'src/testing/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Architecture boundaries (STYLE.md): the protocol module stands alone; the server sees only it.
  {
    files: ['src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['../*/**', '../../*', '**/server/**', '**/stores/**', '**/socket/**'] },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!protocol(/|$))',
              message: 'server/ may import only src/protocol from src/',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./\\.\\./features/', message: 'features do not import each other' },
            { regex: '/socket/(?!types)', message: 'features reach data through src/stores' },
            { regex: '/stores/.+', message: 'import the src/stores facade, not its internals' },
            { regex: '(\\.\\./)+server/', message: 'the app never imports the server' },
          ],
        },
      ],
    },
  },
);
