#!/usr/bin/env node
// Rewrites `import { … } from '@arc/shared'` (and `export { … } from '@arc/shared'`) in the .ts/.tsx
// files under the given directories into imports from the package's subpaths
// (`@arc/shared/directory`, `@arc/shared/case-handling`, …), one per module, choosing for each
// imported name the module of packages/shared/src that declares it.
//
//   node scripts/codemods/shared-subpaths.mjs <dir>… [--check]
//
// --check changes nothing and exits 1 when a file would change. A name no subpath exports, or a
// namespace import (`import * as shared`), is reported and its declaration left as it is. Run
// prettier on the changed files afterwards (the codemod keeps lines short but does not format).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sharedDir = join(root, 'packages/shared');
const PACKAGE = '@arc/shared';

/** name → subpath ('directory'), from the shared sources the package's exports map names. */
export function exportMap() {
  const pkg = JSON.parse(readFileSync(join(sharedDir, 'package.json'), 'utf8'));
  const declared = new Map();
  const reexported = new Map();
  for (const key of Object.keys(pkg.exports)) {
    if (key === '.') continue;
    const subpath = key.slice(2);
    const source = readFileSync(join(sharedDir, 'src', `${subpath}.ts`), 'utf8');
    const declaration =
      /^export\s+(?:declare\s+)?(?:abstract\s+)?(?:const|let|var|function\*?|async\s+function|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm;
    for (const [, name] of source.matchAll(declaration)) if (!declared.has(name)) declared.set(name, subpath);
    for (const [, list] of source.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}/gm)) {
      for (const spec of splitSpecifiers(list)) {
        if (!reexported.has(spec.exported)) reexported.set(spec.exported, subpath);
      }
    }
  }
  for (const [name, subpath] of reexported) if (!declared.has(name)) declared.set(name, subpath);
  return declared;
}

function splitSpecifiers(list) {
  return list
    .split(',')
    .map((part) =>
      part
        .replace(/\/\/.*$/gm, '')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .trim(),
    )
    .filter(Boolean)
    .map((text) => {
      const type = /^type\s+/.test(text);
      const bare = text.replace(/^type\s+/, '');
      const [imported, local] = bare.split(/\s+as\s+/);
      return { text, type, imported: imported.trim(), exported: (local ?? imported).trim() };
    });
}

const DECLARATION = /^(import|export)(\s+type)?\s*\{([^}]*)\}\s*from\s*(['"])@arc\/shared\4;?/gm;

/** The file's text with its `@arc/shared` declarations split by subpath, and the problems found. */
export function rewrite(text, names) {
  const problems = [];
  if (/^import\s+\*\s+as\s+\w+\s+from\s+['"]@arc\/shared['"]/m.test(text)) {
    problems.push('namespace import of @arc/shared left as it is');
  }
  const output = text.replace(DECLARATION, (whole, keyword, typeOnly, list, quote) => {
    const bySubpath = new Map();
    for (const spec of splitSpecifiers(list)) {
      const subpath = names.get(spec.imported);
      if (!subpath) {
        problems.push(`${spec.imported}: no subpath of ${PACKAGE} exports it`);
        return whole;
      }
      if (!bySubpath.has(subpath)) bySubpath.set(subpath, []);
      bySubpath.get(subpath).push(spec.text);
    }
    return [...bySubpath.keys()]
      .sort()
      .map((subpath) => {
        const specs = bySubpath.get(subpath);
        const head = `${keyword}${typeOnly ?? ''} `;
        const tail = ` from ${quote}${PACKAGE}/${subpath}${quote};`;
        const line = `${head}{ ${specs.join(', ')} }${tail}`;
        return line.length <= 120 ? line : `${head}{\n${specs.map((s) => `  ${s},\n`).join('')}}${tail}`;
      })
      .join('\n');
  });
  return { output, problems };
}

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts)$/.test(entry) && !entry.endsWith('.d.ts')) yield path;
  }
}

function main(argv) {
  const check = argv.includes('--check');
  const dirs = argv.filter((arg) => !arg.startsWith('--'));
  if (dirs.length === 0) {
    console.error('usage: node scripts/codemods/shared-subpaths.mjs <dir>… [--check]');
    return 2;
  }
  const names = exportMap();
  let changed = 0;
  let failed = false;
  for (const dir of dirs) {
    for (const file of sourceFiles(resolve(dir))) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes(PACKAGE)) continue;
      const { output, problems } = rewrite(text, names);
      for (const problem of problems) {
        console.error(`${relative(root, file)}: ${problem}`);
        failed = true;
      }
      if (output === text) continue;
      changed += 1;
      console.log(`${check ? 'would rewrite' : 'rewrote'} ${relative(root, file)}`);
      if (!check) writeFileSync(file, output);
    }
  }
  console.log(`${changed} file(s) ${check ? 'to rewrite' : 'rewritten'}`);
  return failed || (check && changed > 0) ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
