#!/usr/bin/env node
// Rewrites cross-module imports in apps/server to go through the imported module's index.ts, and
// adds to that index.ts the exports the importers need (docs/architecture.md section 3).
//
//   node scripts/codemods/module-imports.mjs --dry-run        # print what would change
//   node scripts/codemods/module-imports.mjs                  # change the files
//   node scripts/codemods/module-imports.mjs --root /tmp/copy # another checkout (its apps/server)
//
// `from '../<B>/<anything>.js'` (or `../../<B>/…`, or `../src/<B>/…` from apps/server/bench) in a
// file of module A ≠ B becomes `from '../<B>/index.js'`, and `<B>/index.ts` gets
// `export { names } from './<file>.js'` (or `export type { … }` for interfaces and type aliases)
// for every name not exported there yet. Floors (common, config, database, redis) are imported
// directly and are left alone; a floor that imports a domain module is only reported, as are
// default, namespace and side-effect imports, which a barrel cannot carry.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    root: { type: 'string', default: resolve(import.meta.dirname, '../..') },
    floors: { type: 'string', default: 'common,config,database,redis' },
  },
});
const DRY = values['dry-run'];
const ROOT = resolve(values.root);
const SERVER = join(ROOT, 'apps/server');
const SRC = join(SERVER, 'src');
const FLOORS = new Set(values.floors.split(','));
const TOP = new Set(['cli']);

const IMPORT_RE =
  /(^|\n)([ \t]*)(import|export)(\s+type)?\s+(\{[^}]*\}|\*\s+as\s+\w+|\w+(?:\s*,\s*\{[^}]*\})?)\s+from\s+(['"])(\.[^'"]+)\6/g;

/** All .ts files under a folder. */
function tsFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : tsFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The top folder of src a file lives in, or null for the app files at the root of src. */
function moduleOf(file) {
  const rel = relative(SRC, file);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(sep);
  return parts.length > 1 ? parts[0] : null;
}

const isDomain = (name) => name !== null && !FLOORS.has(name) && !TOP.has(name);
const toTs = (specifierPath) => specifierPath.replace(/\.js$/, '.ts');
const withDot = (path) => (path.startsWith('.') ? path : `./${path}`);
const posix = (path) => path.split(sep).join('/');

// --- What a file exports, and whether each name is a type or a value -------------------------

const declCache = new Map();

/** Map of exported name → 'type' | 'value' for a source file (following re-exports). */
function exportsOf(file, seen = new Set()) {
  if (declCache.has(file)) return declCache.get(file);
  if (seen.has(file) || !existsSync(file)) return new Map();
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  const out = new Map();
  for (const m of text.matchAll(/export\s+(?:declare\s+)?(interface|type)\s+(\w+)/g)) out.set(m[2], 'type');
  for (const m of text.matchAll(
    /export\s+(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:class|function\*?|const|let|var|enum)\s+(\w+)/g,
  ))
    out.set(m[1], 'value');
  for (const m of text.matchAll(/export\s+(type\s+)?\{([^}]*)\}\s*(?:from\s+['"](\.[^'"]+)['"])?/g)) {
    const target = m[3] ? toTs(resolve(dirname(file), m[3])) : null;
    const targetExports = target ? exportsOf(target, seen) : null;
    for (const spec of splitSpecifiers(m[2])) {
      const kind = m[1] || spec.type ? 'type' : (targetExports?.get(spec.name) ?? localKind(text, spec.name));
      out.set(spec.alias, kind);
    }
  }
  for (const m of text.matchAll(/export\s+\*\s+from\s+['"](\.[^'"]+)['"]/g)) {
    for (const [name, kind] of exportsOf(toTs(resolve(dirname(file), m[1])), seen)) out.set(name, kind);
  }
  declCache.set(file, out);
  return out;
}

function localKind(text, name) {
  if (new RegExp(`(?:interface|type)\\s+${name}\\b`).test(text)) return 'type';
  return 'value';
}

/** `{ a, type B, c as d }` → [{ name, alias, type }]. */
function splitSpecifiers(braces) {
  return braces
    .replace(/[{}]/g, '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const type = /^type\s+/.test(s);
      const [name, alias] = s.replace(/^type\s+/, '').split(/\s+as\s+/);
      return { name: name.trim(), alias: (alias ?? name).trim(), type };
    });
}

// --- Rewrite ----------------------------------------------------------------------------------

const files = [...tsFiles(SRC), ...tsFiles(join(SERVER, 'bench'))];
/** module → Map(relative file in module → Map(name → kind)) */
const wanted = new Map();
const problems = [];
const rewrites = [];

for (const file of files) {
  const from = moduleOf(file) ?? (file.startsWith(join(SERVER, 'bench')) ? 'bench' : null);
  if (from === null) continue; // app files: they wire the modules together
  let text = readFileSync(file, 'utf8');
  let changed = false;
  text = text.replace(IMPORT_RE, (whole, lead, indent, keyword, typeKw, clause, quote, specifier) => {
    const target = toTs(resolve(dirname(file), specifier));
    const to = moduleOf(target);
    if (!isDomain(to) || to === from) return whole;
    const index = join(SRC, to, 'index.ts');
    if (target === index) return whole;
    const where = `${posix(relative(ROOT, file))}: ${specifier}`;
    if (FLOORS.has(from)) {
      problems.push(`${where} — a floor imports domain module ${to}: move the code, not the import`);
      return whole;
    }
    if (!clause.startsWith('{')) {
      problems.push(`${where} — default or namespace import: rewrite by hand`);
      return whole;
    }
    const inModule = posix(relative(join(SRC, to), target));
    const kinds = exportsOf(target);
    const names = (wanted.get(to) ?? wanted.set(to, new Map()).get(to)).get(inModule) ?? new Map();
    wanted.get(to).set(inModule, names);
    for (const spec of splitSpecifiers(clause)) {
      const declared = kinds.get(spec.name);
      if (!declared) problems.push(`${where} — '${spec.name}' not found among the exports of ${inModule}`);
      const kind = declared ?? (typeKw || spec.type ? 'type' : 'value');
      if (names.get(spec.name) !== 'value') names.set(spec.name, kind);
    }
    const newSpecifier = withDot(posix(relative(dirname(file), index))).replace(/\.ts$/, '.js');
    rewrites.push(`${where} → ${newSpecifier}`);
    changed = true;
    return `${lead}${indent}${keyword}${typeKw ?? ''} ${clause} from ${quote}${newSpecifier}${quote}`;
  });
  if (changed && !DRY) writeFileSync(file, text);
}

// --- Barrels ----------------------------------------------------------------------------------

const barrelChanges = [];
for (const [mod, byFile] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
  const index = join(SRC, mod, 'index.ts');
  const existing = existsSync(index) ? readFileSync(index, 'utf8') : '';
  const already = exportsOf(index);
  const claimedBy = new Map(); // exported name → file, to catch two files exporting one name
  const lines = [];
  for (const [inModule, names] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const spec = `./${inModule.replace(/\.ts$/, '.js')}`;
    const add = { value: [], type: [] };
    for (const [name, kind] of [...names].sort(([a], [b]) => a.localeCompare(b))) {
      if (already.has(name)) continue;
      if (claimedBy.has(name) && claimedBy.get(name) !== inModule) {
        problems.push(`${mod}/index.ts — '${name}' is exported by both ${claimedBy.get(name)} and ${inModule}`);
        continue;
      }
      claimedBy.set(name, inModule);
      add[kind].push(name);
    }
    if (add.value.length) lines.push(`export { ${add.value.join(', ')} } from '${spec}';`);
    if (add.type.length) lines.push(`export type { ${add.type.join(', ')} } from '${spec}';`);
  }
  if (!lines.length) continue;
  const header = existing
    ? ''
    : `// The public API of ${mod}/: other modules import only from here (docs/architecture.md section 3).\n`;
  const next = `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}${header}${lines.join('\n')}\n`;
  barrelChanges.push(`${posix(relative(ROOT, index))}${existing ? '' : ' (new)'}\n  ${lines.join('\n  ')}`);
  if (!DRY) writeFileSync(index, next);
}

const say = (text) => process.stdout.write(`${text}\n`);
say(`${DRY ? 'Would rewrite' : 'Rewrote'} ${rewrites.length} imports:`);
for (const line of rewrites) say(`  ${line}`);
say(`\n${DRY ? 'Would add to' : 'Added to'} ${barrelChanges.length} index files:`);
for (const line of barrelChanges) say(`  ${line}`);
if (problems.length) {
  say(`\nNot done, by hand (${problems.length}):`);
  for (const line of problems) say(`  ${line}`);
}
