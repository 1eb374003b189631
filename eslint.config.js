// @ts-check
/**
 * Parley's lint: typescript-eslint with type information, React hooks, jsx-a11y, and the
 * import rules that keep the house's rooms apart (docs/ARCHITECTURE.md, "Rooms"):
 *   - src/core imports nothing of ours outside src/core, and no React, zustand, Monaco, DOM or Node API;
 *   - server/ imports only src/core (and itself);
 *   - a feature never imports another feature's internals (only its `*-store.ts` events);
 *   - no import cycles anywhere (static or dynamic imports).
 * `npm run lint` runs this and `prettier --check .`; `npm test` runs lint first.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

const root = import.meta.dirname;

/** Feature folders that are one feature split in two files trees, keyed by the part that may import the other. */
const FEATURE_PARTS = {
  // response-body is the lazily loaded half of the response viewer (its chunk loads after first
  // paint); response-viewer imports it with import(), and response-body never imports back.
  'response-viewer': ['response-body'],
};

const features = readdirSync(join(root, 'src/features'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** One zone per feature: everything in another feature is off limits except that feature's `*-store.ts`. */
const featureZones = features.map((name) => ({
  target: `./src/features/${name}`,
  from: './src/features',
  except: [`./${name}`, ...(FEATURE_PARTS[name] ?? []).map((part) => `./${part}`), ...storeFiles(name)],
  message: `A feature imports another feature only through its *-store.ts events; compose components in src/app.`,
}));

/** `./other/x-store.ts` for every store file of every feature but `self` (relative to src/features). */
function storeFiles(self) {
  return features
    .filter((f) => f !== self)
    .flatMap((f) =>
      readdirSync(join(root, 'src/features', f))
        .filter((file) => file.endsWith('-store.ts'))
        .map((file) => `./${f}/${file}`),
    );
}

const boundaryZones = [
  {
    target: './src/core',
    from: './src',
    except: ['./core'],
    message: 'src/core is pure: it imports nothing from the rest of src/.',
  },
  {
    target: './server',
    from: './src',
    except: ['./core'],
    message: 'server/ imports only src/core (and itself).',
  },
  {
    target: './server',
    from: ['./tests', './bench', './scripts'],
    message: 'server/ imports only src/core (and itself).',
  },
  {
    target: './src',
    from: ['./server', './tests', './bench', './scripts'],
    message: 'src/ (core included) never imports the server, tests, bench or scripts.',
  },
  ...featureZones,
];

/** Globals that are side effects or the DOM: src/core runs in Node tests and in the browser without them. */
const CORE_FORBIDDEN_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'BroadcastChannel',
  'Worker',
  'alert',
  'confirm',
  'prompt',
  'requestAnimationFrame',
  'requestIdleCallback',
  'process',
  'Buffer',
].map((name) => ({ name, message: 'src/core is pure: side effects and the DOM live in src/services.' }));

/** The rooms' import rules (also linted on fixtures by tests/lint/house-rules.test.ts, without type information). */
export const houseRules = [
  {
    plugins: { 'import-x': importX },
    settings: {
      // Our imports name files with their extension (`./x.ts`), so Node's resolution finds them.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
      // no-cycle follows only files it can parse: let it read TypeScript too.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      // Dynamic import() counts: a lazy chunk that imports its importer is still a cycle.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: boundaryZones }],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-globals': ['error', ...CORE_FORBIDDEN_GLOBALS],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'],
              message: 'src/core is pure: no React or zustand (UI lives in features/, state in stores/).',
            },
            {
              group: ['monaco-editor', 'monaco-editor/*', '@monaco-editor/*'],
              message: 'src/core is pure: the editor lives in components/ and services/.',
            },
            {
              group: ['node:*'],
              message: 'src/core runs in the browser too: no Node built-ins.',
            },
          ],
        },
      ],
    },
  },
];

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'public/', 'test-results/', 'coverage/', '.h4-*/']),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs'] },
        tsconfigRootDir: root,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        // A leading underscore marks a parameter kept for its position (callbacks, handlers).
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Off: `async` on a function that has nothing to await is deliberate here: it implements a
      // Promise-returning interface (snippet targets, test doubles) and turns a synchronous throw into
      // a rejected promise that the caller already handles. Forgotten awaits are caught by
      // no-floating-promises and await-thenable, which stay on.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Plain JS files (this config, scripts/*.mjs) have no types to check against.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },

  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      // Off: our async effects (snippet generation, worker-backed body parsing, search) first reset
      // their state to "loading" for the new input, then start the work; the rule (written for the
      // React Compiler, which Parley does not use) reports exactly that reset. Six sites in
      // codegen/ and response-body/; keyed subcomponents would remove them, a refactor for later.
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    files: ['src/**/*.tsx'],
    extends: [jsxA11y.flatConfigs.recommended],
    rules: {
      // A scrollable region must be reachable by keyboard to scroll it (WCAG 2.1.1; axe's
      // scrollable-region-focusable), so role="region" with tabIndex={0} is allowed besides tabpanel.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'] }],
    },
  },
  {
    files: ['src/features/response-body/MediaViews.tsx'],
    rules: {
      // The previews show whatever media a response carried: there is no caption track to offer.
      'jsx-a11y/media-has-caption': 'off',
      // "Response image preview" names what the element is (the response's content is an image);
      // the e2e tests find it by that name.
      'jsx-a11y/img-redundant-alt': 'off',
    },
  },

  ...houseRules,
]);
