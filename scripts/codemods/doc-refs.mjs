#!/usr/bin/env node
// Rewrites references to the design documents that lived outside the repository to their place in
// docs/, keeping the section: `DOMAIN.md section 5` → `docs/domain.md section 5`,
// `ARCHITECTURE.md` → `docs/architecture.md`, `CONVENTIONS.md` → `docs/conventions.md`.
//
//   node scripts/codemods/doc-refs.mjs --dry-run         # print every change
//   node scripts/codemods/doc-refs.mjs                   # change the tracked files
//   node scripts/codemods/doc-refs.mjs --root /tmp/copy  # another checkout
//
// Then `node scripts/check-doc-refs.mjs` must pass (it also checks the sections exist).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MOVED, OLD_NAME, SELF, trackedTextFiles } from '../lib/doc-refs.mjs';

const { values } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    root: { type: 'string', default: resolve(import.meta.dirname, '../..') },
  },
});
const ROOT = resolve(values.root);

let count = 0;
for (const file of trackedTextFiles(ROOT)) {
  if (SELF.has(file)) continue;
  const path = join(ROOT, file);
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const next = text.replace(OLD_NAME, (whole, name, offset) => {
    count += 1;
    const line = text.slice(0, offset).split('\n').length;
    process.stdout.write(`${file}:${line}: ${whole} → ${MOVED[`${name}.md`]}    ${lines[line - 1].trim()}\n`);
    return MOVED[`${name}.md`];
  });
  if (next !== text && !values['dry-run']) writeFileSync(path, next);
}
process.stdout.write(`${values['dry-run'] ? 'Would rewrite' : 'Rewrote'} ${count} references.\n`);
