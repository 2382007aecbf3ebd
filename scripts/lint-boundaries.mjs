#!/usr/bin/env node
// Lists the files that break the module rules (import-x/no-restricted-paths in eslint.config.js).
// Fast: only that one rule runs, without type information. Exits 1 when a file breaks them.
//
//   node scripts/lint-boundaries.mjs            # violations, one file a line, and stale exceptions
//   node scripts/lint-boundaries.mjs --verbose  # also each offending import
import { ESLint } from 'eslint';
import { relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const RULE = 'import-x/no-restricted-paths';
const verbose = process.argv.includes('--verbose');

/** ESLint with the repository's config, only the boundary rule, no type-aware parsing. */
export function boundaryLinter() {
  return new ESLint({
    cwd: ROOT,
    overrideConfig: [{ languageOptions: { parserOptions: { projectService: false, project: null } } }],
    ruleFilter: ({ ruleId }) => ruleId === RULE,
  });
}

async function main() {
  const results = await boundaryLinter().lintFiles([
    'apps/server/src/**/*.ts',
    'apps/server/bench/**/*.ts',
    'apps/console/src/**/*.{ts,tsx}',
  ]);
  const failing = new Set();
  for (const result of results) {
    const messages = result.messages.filter((m) => m.ruleId === RULE || m.fatal);
    if (!messages.length) continue;
    const file = relative(ROOT, result.filePath);
    failing.add(file);
    process.stdout.write(`${file}\n`);
    if (verbose) for (const m of messages) process.stdout.write(`  ${m.line}:${m.column} ${m.message}\n`);
  }
  process.stdout.write(`${failing.size} files break the module rules.\n`);
  if (failing.size) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
