import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import checkFile from 'eslint-plugin-check-file';
import i18next from 'eslint-plugin-i18next';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;
const SERVER_SRC = join(ROOT, 'apps/server/src');
const CONSOLE_SRC = join(ROOT, 'apps/console/src');

/** The sub-folders of a folder, read when lint starts: a new module is covered without editing this file. */
const foldersOf = (dir) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

// Server layers (docs/architecture.md section 3). The floors are infrastructure: anyone may import
// their files directly, and they import no domain module. `cli/` is the top: it starts the app
// and may import module index files. Every other folder of src is a domain module whose public
// API is its `index.ts`.
const SERVER_FLOORS = ['common', 'config', 'database', 'redis'];
const SERVER_TOP = ['cli'];
const SERVER_APP_FILES = ['app.module.ts', 'app.factory.ts', 'main.ts', 'entities.ts'];
const SERVER_MODULES = foldersOf(SERVER_SRC).filter((f) => !SERVER_FLOORS.includes(f) && !SERVER_TOP.includes(f));

const server = (path) => join(SERVER_SRC, path);
const serverModuleInternals = (names) => names.map((name) => server(`${name}/**`));
const INDEX_FILES = server('*/index.ts');

const serverZones = [
  // A domain module reaches another module only through its index.ts.
  ...SERVER_MODULES.map((name) => ({
    target: server(`${name}/**`),
    from: serverModuleInternals(SERVER_MODULES.filter((other) => other !== name)),
    except: [INDEX_FILES],
    message: `Import another module only through its public API: '../<module>/index.js' (docs/architecture.md section 3).`,
  })),
  // Inside a module, files import each other directly, never their own barrel (that makes cycles).
  ...SERVER_MODULES.map((name) => ({
    target: server(`${name}/**`),
    from: server(`${name}/index.ts`),
    message: `Inside a module import the file itself, not the module's own index.ts (it would make an import cycle).`,
  })),
  // The floors import no domain module and not the top.
  {
    target: serverModuleInternals(SERVER_FLOORS),
    from: serverModuleInternals([...SERVER_MODULES, ...SERVER_TOP]),
    message: `common/, config/, database/ and redis/ are the floor: they import no domain module (docs/architecture.md section 3).`,
  },
  // Nothing but main.ts and cli/ starts the application.
  {
    target: serverModuleInternals([...SERVER_MODULES, ...SERVER_FLOORS]),
    from: SERVER_APP_FILES.map(server),
    message: `Only main.ts and cli/ may import the application files (app.module.ts, app.factory.ts, main.ts).`,
  },
  // cli/ and the benchmarks are the top: module index files and floors only.
  {
    target: [server('cli/**'), join(ROOT, 'apps/server/bench/**')],
    from: serverModuleInternals(SERVER_MODULES),
    except: [INDEX_FILES],
    message: `cli/ and bench/ import a module only through its index.ts (docs/architecture.md section 3).`,
  },
];

// Console layers (docs/architecture.md section 5): features never import each other; lib/ is
// below the features; the shared components/, hooks/ and utils/ are below features and app/.
const CONSOLE_FEATURES = foldersOf(join(CONSOLE_SRC, 'features'));
const consoleDir = (path) => join(CONSOLE_SRC, path);
const consoleZones = [
  ...CONSOLE_FEATURES.map((name) => ({
    target: consoleDir(`features/${name}/**`),
    from: CONSOLE_FEATURES.filter((other) => other !== name).map((other) => consoleDir(`features/${other}/**`)),
    message: `A feature does not import another feature: move what both need to lib/, components/, hooks/ or utils/, or wire them in app/.`,
  })),
  {
    target: consoleDir('lib/**'),
    from: consoleDir('features/**'),
    message: `lib/ is below the features: it must not import features/ (pass a handler in from app/).`,
  },
  {
    target: ['components/**', 'hooks/**', 'utils/**'].map(consoleDir),
    from: ['features/**', 'app/**'].map(consoleDir),
    message: `components/, hooks/ and utils/ are shared building blocks: they import neither features/ nor app/.`,
  },
];

// The console's components take every text from the catalogues (docs/i18n.md).
const LITERAL_FREE = ['apps/console/src/**/*.tsx'];

/** `*.spec.ts(x)` is the name of a test and nothing else; test code stays in specs and test/ folders. */
const specFilesAreTests = {
  meta: {
    type: 'problem',
    messages: {
      specWithoutTests: 'A *.spec.ts(x) file holds tests: it imports from vitest.',
      vitestOutsideSpec: 'Only *.spec.ts(x) files and test/ folders import vitest; name a test file *.spec.ts(x).',
    },
    schema: [],
  },
  create(context) {
    const isSpec = /\.spec\.tsx?$/.test(context.filename);
    let importsVitest = null;
    return {
      ImportDeclaration(node) {
        if (node.source.value === 'vitest' || node.source.value.startsWith('vitest/')) importsVitest ??= node;
      },
      'Program:exit'(program) {
        if (isSpec && !importsVitest) context.report({ node: program, messageId: 'specWithoutTests' });
        if (!isSpec && importsVitest) context.report({ node: importsVitest, messageId: 'vitestOutsideSpec' });
      },
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/dist-bench/**',
      '**/node_modules/**',
      '**/coverage/**',
      '**/*.config.ts',
      '**/*.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      // An alarm path must never drop a promise on the floor.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // NestJS resolves constructor parameters from their emitted types: those imports must stay values.
    files: ['apps/server/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['apps/console/**/*.tsx', 'apps/console/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // File names: kebab-case with dotted role suffixes (`case-store.ts`, `cases.module.ts`,
    // `queue-list.spec.tsx`); tests are `*.spec.ts(x)`, never `*.test.ts(x)`.
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'check-file': checkFile, local: { rules: { 'spec-files-are-tests': specFilesAreTests } } },
    rules: {
      'check-file/filename-naming-convention': [
        'error',
        // kebab-case; a migration's name starts with its timestamp (`1764300000000-intake.ts`).
        { '**/*.{ts,tsx}': '+([a-z0-9])*(-+([a-z0-9]))' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': ['error', { '**/': 'KEBAB_CASE' }],
      'check-file/filename-blocklist': ['error', { '**/*.test.{ts,tsx}': '*.spec.{ts,tsx}' }],
    },
  },
  {
    files: ['apps/*/src/**/*.{ts,tsx}', 'packages/*/src/**/*.{ts,tsx}'],
    ignores: ['**/test/**'],
    rules: { 'local/spec-files-are-tests': 'error' },
  },
  {
    // Every text the console shows comes from the catalogues (docs/i18n.md): a literal string in
    // JSX (text, an attribute people read, a string in an expression) is an error. Attributes
    // that are code (class names, test ids, ARIA states and references, input types) and words
    // that are no language (punctuation, numbers, CONSTANT codes) are allowed.
    files: LITERAL_FREE,
    ignores: ['**/*.spec.tsx', '**/test/**'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            exclude: [
              'className',
              'style',
              'type',
              'key',
              'id',
              'htmlFor',
              'name',
              'autoComplete',
              'inputMode',
              'role',
              'lang',
              'value',
              'defaultValue',
              'href',
              'rel',
              'target',
              'method',
              'pattern',
              'step',
              'min',
              'max',
              'accept',
              'enterKeyHint',
              'spellCheck',
              'form',
              'data-.*',
              'testId',
              'testIdPrefix',
              'aria-(current|live|haspopup|controls|describedby|labelledby|expanded|pressed|selected|hidden|modal|sort|atomic|relevant|busy|invalid|required|orientation|level|owns|activedescendant|checked|disabled|readonly|multiselectable|autocomplete)',
            ],
          },
          words: { exclude: [/^[\s\p{P}\p{S}\p{N}]+$/u, '[A-Z0-9_-]+'] },
        },
      ],
    },
  },
  {
    // Module boundaries, checked on resolved files (so `.js` specifiers map to their `.ts` sources).
    files: ['apps/server/src/**/*.ts', 'apps/server/bench/**/*.ts', 'apps/console/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          noWarnOnMultipleProjects: true,
          project: ['apps/server/tsconfig.json', 'apps/console/tsconfig.json', 'packages/shared/tsconfig.json'].map(
            (p) => join(ROOT, p),
          ),
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: [...serverZones, ...consoleZones] }],
    },
  },
);
