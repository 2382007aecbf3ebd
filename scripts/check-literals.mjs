#!/usr/bin/env node
// Runs the repository's i18next/no-literal-string rule (its exact options) on the given console
// files or folders, whether or not eslint.config.js lists them yet. Prints problems; exit 1 if any.
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const config = (await import(`${ROOT}/eslint.config.js`)).default;
const block = config.find((entry) => entry.rules && entry.rules['i18next/no-literal-string']);
const targets = process.argv.slice(2).map((p) => resolve(process.cwd(), p));
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: [
    { languageOptions: { parserOptions: { projectService: false, project: null } } },
    {
      files: ['apps/console/src/**/*.tsx'],
      ignores: ['**/*.spec.tsx', '**/test/**'],
      plugins: block.plugins,
      rules: block.rules,
    },
  ],
  ruleFilter: ({ ruleId }) => ruleId === 'i18next/no-literal-string',
});
const results = await eslint.lintFiles(
  targets.map((t) => (t.endsWith('.tsx') || t.endsWith('.ts') ? t : `${t}/**/*.tsx`)),
);
let count = 0;
for (const result of results) {
  for (const m of result.messages) {
    if (m.ruleId !== 'i18next/no-literal-string' && !m.fatal) continue;
    count += 1;
    process.stdout.write(`${result.filePath.replace(`${ROOT}/`, '')}:${m.line}:${m.column} ${m.message}\n`);
  }
}
process.stdout.write(`${count} problems\n`);
if (count) process.exitCode = 1;
