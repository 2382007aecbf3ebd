// What check-doc-refs.mjs and codemods/doc-refs.mjs share: the tracked text files, the old
// document names, and how a reference with its sections is written.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The design documents that lived outside the repository, and their place in docs/. */
export const MOVED = {
  'DOMAIN.md': 'docs/domain.md',
  'ARCHITECTURE.md': 'docs/architecture.md',
  'CONVENTIONS.md': 'docs/conventions.md',
};

/** Files that name the old documents on purpose (to find or rewrite them). */
export const SELF = new Set([
  'scripts/check-doc-refs.mjs',
  'scripts/codemods/doc-refs.mjs',
  'scripts/lib/doc-refs.mjs',
  'apps/server/test/doc-refs.spec.ts',
]);

/** An old name not already inside a path (`docs/…`, `shared/…`), in any file. */
export const OLD_NAME = /(?<![\w/.-])(?:[\w.-]*\/)*?(DOMAIN|ARCHITECTURE|CONVENTIONS)\.md\b/g;

// Between words of a reference a comment may wrap: spaces, newlines and the comment markers.
const GAP = String.raw`(?:[\s*#>]|//)+`;
/** `docs/<file>.md`, optionally followed by `section 3`, `sections 1-3`, `sections 2, 3 and 5`. */
export const DOC_REF = new RegExp(
  String.raw`docs/([\w.-]+\.md)(?:${GAP}(sections?)${GAP}(\d+(?:(?:\s*[-–]\s*|\s*,\s*|${GAP}and${GAP}|${GAP}or${GAP})\d+)*))?`,
  'g',
);

/** "1-3", "3 and 4", "2, 3, 5" → [1, 2, 3] … */
export function sectionNumbers(list) {
  const out = [];
  for (const part of list.split(/\s*,\s*|\s+and\s+|\s+or\s+|[\s*#>/]+and[\s*#>/]+/)) {
    const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(part.trim());
    if (range) for (let n = Number(range[1]); n <= Number(range[2]); n += 1) out.push(n);
    else if (/^\d+$/.test(part.trim())) out.push(Number(part.trim()));
  }
  return out;
}

/** The `## N.` headings of a Markdown file. */
export function sectionsOf(path) {
  if (!existsSync(path)) return null;
  return new Set([...readFileSync(path, 'utf8').matchAll(/^##\s+(\d+)\./gm)].map((m) => Number(m[1])));
}

/** Tracked text files (git ls-files), without the lock file and binaries. */
export function trackedTextFiles(root) {
  const listed = existsSync(join(root, '.git'))
    ? execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
        .split('\0')
        .filter(Boolean)
    : execFileSync('find', ['.', '-type', 'f', '-not', '-path', '*/node_modules/*', '-not', '-path', './.git/*'], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      })
        .split('\n')
        .filter(Boolean)
        .map((p) => p.replace(/^\.\//, ''));
  return listed.filter(
    (file) =>
      /\.(ts|tsx|js|mjs|cjs|md|json|ya?ml|sh|css|html|sql|txt)$/.test(file) &&
      !file.endsWith('pnpm-lock.yaml') &&
      existsSync(join(root, file)),
  );
}
