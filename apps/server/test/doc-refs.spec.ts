import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * scripts/check-doc-refs.mjs and scripts/codemods/doc-refs.mjs on a scratch tree: references to
 * the documents that lived outside the repository, or to a docs/ file or section that does not
 * exist, fail the check; the codemod rewrites the old names so that it passes.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'arc-doc-refs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function check(extraEnv: Record<string, string> = {}): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/check-doc-refs.mjs'), '--root', scratch], {
    encoding: 'utf8',
    env: { ...process.env, DOC_REFS_REPORT_ONLY: '', ...extraEnv },
  });
  return { status: run.status, out: run.stdout };
}

describe('document references', () => {
  // The repository's documents as they are (they cite each other), and a source file of old names.
  cpSync(join(ROOT, 'docs'), join(scratch, 'docs'), { recursive: true, filter: (path) => !path.endsWith('.png') });
  mkdirSync(join(scratch, 'src'));
  const source = [
    '/** Who may ask (DOMAIN.md section 3) and when it is ACKed (ARCHITECTURE.md',
    ' * section 4). Also DOMAIN.md sections 1-3. */',
    'export const x = 1;',
    '',
  ].join('\n');
  writeFileSync(join(scratch, 'src/a.ts'), source);

  it('fails on the old names and names the file and line', () => {
    const { status, out } = check();
    expect(status).toBe(1);
    expect(out).toContain('src/a.ts:1: cites DOMAIN.md');
    expect(out).toContain('src/a.ts:1: cites ARCHITECTURE.md');
    expect(out).toContain('src/a.ts:2: cites DOMAIN.md');
  });

  it('only reports when DOC_REFS_REPORT_ONLY is set', () => {
    const { status, out } = check({ DOC_REFS_REPORT_ONLY: '1' });
    expect(status).toBe(0);
    expect(out).toContain('report only');
  });

  it('passes after the codemod, which keeps the sections, also across a wrapped comment', () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/codemods/doc-refs.mjs'), '--root', scratch]);
    expect(readFileSync(join(scratch, 'src/a.ts'), 'utf8')).toBe(
      source
        .replace('DOMAIN.md section 3', 'docs/domain.md section 3')
        .replace('ARCHITECTURE.md', 'docs/architecture.md')
        .replace('DOMAIN.md sections 1-3', 'docs/domain.md sections 1-3'),
    );
    expect(check()).toEqual({ status: 0, out: 'Document references: all resolve inside docs/.\n' });
  });

  it('fails on a docs/ file or a section that does not exist', () => {
    writeFileSync(
      join(scratch, 'src/b.ts'),
      '// docs/domain.md section 12, docs/architecture.md\n//   sections 2 and 11, docs/nowhere.md\nexport const y = 2;\n',
    );
    const { status, out } = check();
    expect(status).toBe(1);
    expect(out.trim().split('\n').slice(0, -1)).toEqual([
      'src/b.ts:1: docs/domain.md has no section 12',
      'src/b.ts:1: docs/architecture.md has no section 11',
      'src/b.ts:2: docs/nowhere.md does not exist',
    ]);
  });
});
