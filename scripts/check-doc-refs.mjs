#!/usr/bin/env node
// Every reference to a document resolves inside the repository: fails when a tracked file (code
// comment, README, docs) cites DOMAIN.md, ARCHITECTURE.md or CONVENTIONS.md — documents that lived
// outside the repository and are now docs/domain.md, docs/architecture.md, docs/conventions.md —
// or cites a `docs/<file>.md` that does not exist, or a section (`section 3`, `sections 1-3`) that
// the file has no `## 3.` heading for.
//
//   node scripts/check-doc-refs.mjs                 # exit 1 on any problem
//   DOC_REFS_REPORT_ONLY=1 node scripts/check-doc-refs.mjs   # print them, exit 0
//   node scripts/check-doc-refs.mjs --root /tmp/copy         # check another checkout
//
// `node scripts/codemods/doc-refs.mjs` rewrites the old names (DOMAIN.md section 5 → docs/domain.md section 5).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DOC_REF, MOVED, OLD_NAME, SELF, sectionNumbers, sectionsOf, trackedTextFiles } from './lib/doc-refs.mjs';

const { values } = parseArgs({ options: { root: { type: 'string', default: resolve(import.meta.dirname, '..') } } });
const ROOT = resolve(values.root);
const reportOnly = Boolean(process.env.DOC_REFS_REPORT_ONLY);

const lineOf = (text, index) => text.slice(0, index).split('\n').length;
const sectionCache = new Map();
const sections = (doc) => {
  if (!sectionCache.has(doc)) sectionCache.set(doc, sectionsOf(join(ROOT, 'docs', doc)));
  return sectionCache.get(doc);
};

const problems = [];
for (const file of trackedTextFiles(ROOT)) {
  if (SELF.has(file)) continue;
  const text = readFileSync(join(ROOT, file), 'utf8');
  for (const m of text.matchAll(OLD_NAME)) {
    problems.push(
      `${file}:${lineOf(text, m.index)}: cites ${m[0]}, which is not in the repository: use ${MOVED[`${m[1]}.md`]}`,
    );
  }
  for (const m of text.matchAll(DOC_REF)) {
    const [, doc, word, list] = m;
    const where = `${file}:${lineOf(text, m.index)}`;
    const known = sections(doc);
    if (known === null) {
      problems.push(`${where}: docs/${doc} does not exist`);
      continue;
    }
    if (!word) continue;
    for (const n of sectionNumbers(list)) {
      if (!known.has(n)) problems.push(`${where}: docs/${doc} has no section ${n}`);
    }
  }
}

for (const problem of problems) process.stdout.write(`${problem}\n`);
if (problems.length === 0) process.stdout.write('Document references: all resolve inside docs/.\n');
else if (reportOnly)
  process.stdout.write(`${problems.length} document references to fix (report only: DOC_REFS_REPORT_ONLY is set).\n`);
else {
  process.stdout.write(
    `${problems.length} document references to fix; node scripts/codemods/doc-refs.mjs rewrites the old names.\n`,
  );
  process.exitCode = 1;
}
