import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

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

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * One direction: protocol → lib/components → stores → socket → tools → session → features → app.
 * Each zone names a folder and what it may never import, whatever the relative path.
 */
const layerZones = [
  ...[
    'lib',
    'components',
    'stores',
    'socket',
    'tools',
    'session',
    'features',
    'testing',
    'app',
  ].map((layer) => ({
    target: `./src/protocol`,
    from: `./src/${layer}`,
    message: 'the protocol module stands alone',
  })),
  ...['stores', 'socket', 'tools', 'session', 'features', 'app'].map((layer) => ({
    target: './src/lib',
    from: `./src/${layer}`,
    message: 'src/lib is shared code below the stores',
  })),
  ...['socket', 'tools', 'session', 'features', 'app'].map((layer) => ({
    target: './src/components',
    from: `./src/${layer}`,
    message: 'shared components read stores, never features, the socket or the app',
  })),
  ...['socket', 'tools', 'session', 'features', 'app'].map((layer) => ({
    target: './src/stores',
    from: `./src/${layer}`,
    message: 'stores depend only on protocol and lib; the socket writes them',
  })),
  ...['tools', 'session', 'features', 'app'].map((layer) => ({
    target: './src/socket',
    from: `./src/${layer}`,
    message: 'the socket layer knows nothing of its tools, sessions, pages or the app',
  })),
  ...['session', 'features', 'app'].map((layer) => ({
    target: './src/tools',
    from: `./src/${layer}`,
    message: 'tools watch the stream; they know nothing of sessions, pages or the app',
  })),
  ...['features', 'app'].map((layer) => ({
    target: './src/session',
    from: `./src/${layer}`,
    message: 'the session sits below the pages',
  })),
  { target: './src/features', from: './src/app', message: 'features never import the app' },
  {
    target: './src/features',
    from: './src/tools',
    message: 'features reach the tools through src/stores and src/session',
  },
  {
    target: './src/features',
    from: './src/socket',
    except: ['./types.ts'],
    message: 'features reach data through src/stores and src/session',
  },
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'features do not import each other',
  })),
  { target: './src', from: './server', message: 'the app never imports the server' },
];

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
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: {
      'import-x/no-cycle': 'error',
      // Tests wire layers together on purpose (a store's test may drive the dispatcher).
      'import-x/no-restricted-paths': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'src/testing/**'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] },
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
            { regex: '/stores/.+', message: 'import the src/stores facade, not its internals' },
            { regex: '(\\.\\./)+server/', message: 'the app never imports the server' },
          ],
        },
      ],
    },
  },
);
