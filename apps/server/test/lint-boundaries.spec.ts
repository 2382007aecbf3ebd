import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The repository's lint rules reject what docs/architecture.md sections 3 and 5 forbid: the
 * real eslint.config.js runs on deliberately bad (and good) fixtures given as text with a path
 * inside the tree. Only the layering and file-name rules run, without type information.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SERVER = join(ROOT, 'apps/server/src');
const CONSOLE = join(ROOT, 'apps/console/src');
const RULES = new Set([
  'import-x/no-restricted-paths',
  'check-file/filename-naming-convention',
  'check-file/filename-blocklist',
  'check-file/folder-naming-convention',
  'local/spec-files-are-tests',
  'i18next/no-literal-string',
]);

let eslint: ESLint;
// Loading the config, its plugins and the TypeScript resolver's view of every tsconfig is the slow
// part (seconds); it happens once, here, on a first file that imports across modules.
beforeAll(async () => {
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: [{ languageOptions: { parserOptions: { projectService: false, project: null } } }],
    ruleFilter: ({ ruleId }) => RULES.has(ruleId),
  });
  await eslint.lintText("import { AuditService } from '../audit/index.js';\nexport const x = AuditService;\n", {
    filePath: join(SERVER, 'cases/warm-up.ts'),
  });
}, 120_000);

/** The rule ids lint reports for `code` as the file at `path` (relative to the repository root). */
async function lint(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, 'the fixture parses').toEqual([]);
  return result!.messages.map((m) => m.ruleId ?? '');
}

/** An import specifier from `fromDir` to a real file of `dir`, preferring `preferred` while it exists. */
function specifierTo(fromDir: string, dir: string, preferred: string): string {
  const pick = existsSync(join(dir, preferred))
    ? preferred
    : readdirSync(dir).find((f) => /\.tsx?$/.test(f) && !f.endsWith('.spec.ts') && f !== 'index.ts')!;
  const path = relative(fromDir, join(dir, pick)).replace(/\.tsx?$/, '.js');
  return path.startsWith('.') ? path : `./${path}`;
}

const BOUNDARY = 'import-x/no-restricted-paths';

describe('server module boundaries', () => {
  const cases = join(SERVER, 'cases');

  it("rejects a module importing another module's internal file", async () => {
    const code = `import { contactsOfSite } from '${specifierTo(cases, join(SERVER, 'directory'), 'contacts-db.ts')}';\nexport const x = contactsOfSite;\n`;
    expect(await lint('apps/server/src/cases/x.ts', code)).toContain(BOUNDARY);
    const decide = `import { decide } from '${specifierTo(cases, join(SERVER, 'rules'), 'decide.ts')}';\nexport const x = decide;\n`;
    expect(await lint('apps/server/src/cases/x.ts', decide)).toContain(BOUNDARY);
  });

  it("accepts another module's index.js and the floors", async () => {
    const code = [
      "import { AuditService } from '../audit/index.js';",
      "import { AppError } from '../common/app-error.js';",
      "import { APP_CONFIG } from '../config/config.module.js';",
      'export const x = [AuditService, AppError, APP_CONFIG];',
      '',
    ].join('\n');
    expect(await lint('apps/server/src/cases/x.ts', code)).toEqual([]);
  });

  it('rejects a file importing its own module index.ts', async () => {
    const code = "import { AuditService } from './index.js';\nexport const x = AuditService;\n";
    expect(await lint('apps/server/src/audit/x.ts', code)).toContain(BOUNDARY);
  });

  it('rejects a floor importing a domain module, even through its index.ts', async () => {
    const code = "import { AuditService } from '../audit/index.js';\nexport const x = AuditService;\n";
    expect(await lint('apps/server/src/common/x.ts', code)).toContain(BOUNDARY);
  });

  it('lets only main.ts and cli/ import the application files', async () => {
    const code = "import { AppModule } from '../app.module.js';\nexport const x = AppModule;\n";
    expect(await lint('apps/server/src/cases/x.ts', code)).toContain(BOUNDARY);
    expect(await lint('apps/server/src/cli/x.ts', code)).toEqual([]);
  });

  it("rejects cli/ and bench/ importing a module's internal file", async () => {
    const code = "import { AuditService } from '../audit/audit.service.js';\nexport const x = AuditService;\n";
    expect(await lint('apps/server/src/cli/x.ts', code)).toContain(BOUNDARY);
    const bench = "import { median } from '../src/simulator/stats.js';\nexport const x = median;\n";
    expect(await lint('apps/server/bench/x.ts', bench)).toContain(BOUNDARY);
    const viaIndex = "import { median } from '../src/simulator/index.js';\nexport const x = median;\n";
    expect(await lint('apps/server/bench/x.ts', viaIndex)).toEqual([]);
  });
});

describe('console layers', () => {
  const queue = join(CONSOLE, 'features/queue');

  it('rejects a feature importing another feature', async () => {
    const code = `import { useCaseStore } from '${specifierTo(queue, join(CONSOLE, 'features/case/store'), 'case-store.ts')}';\nexport const x = useCaseStore;\n`;
    expect(await lint('apps/console/src/features/queue/x.ts', code)).toContain(BOUNDARY);
  });

  it('accepts a feature importing lib/, components/, hooks/ and its own files', async () => {
    const code = [
      `import { api } from '${specifierTo(queue, join(CONSOLE, 'lib'), 'api.ts')}';`,
      `import { useNow } from '${specifierTo(queue, join(CONSOLE, 'hooks'), 'use-now.ts')}';`,
      `import { q } from '${specifierTo(queue, join(queue, 'api'), 'queue-api.ts')}';`,
      'export const x = [api, useNow, q];',
      '',
    ].join('\n');
    expect(await lint('apps/console/src/features/queue/x.ts', code)).toEqual([]);
  });

  it('rejects lib/ importing a feature', async () => {
    const lib = join(CONSOLE, 'lib');
    const code = `import { q } from '${specifierTo(lib, join(CONSOLE, 'features/queue/api'), 'queue-api.ts')}';\nexport const x = q;\n`;
    expect(await lint('apps/console/src/lib/x.ts', code)).toContain(BOUNDARY);
  });

  it('rejects components/, hooks/ and utils/ importing features/ or app/', async () => {
    for (const dir of ['components', 'hooks', 'utils']) {
      const from = join(CONSOLE, dir);
      const feature = `import { q } from '${specifierTo(from, join(CONSOLE, 'features/queue/api'), 'queue-api.ts')}';\nexport const x = q;\n`;
      expect(await lint(`apps/console/src/${dir}/x.ts`, feature)).toContain(BOUNDARY);
      const app = `import { v } from '${specifierTo(from, join(CONSOLE, 'app'), 'view-store.ts')}';\nexport const x = v;\n`;
      expect(await lint(`apps/console/src/${dir}/x.ts`, app)).toContain(BOUNDARY);
    }
  });
});

describe('file names', () => {
  const plain = 'export const x = 1;\n';

  it('wants kebab-case, with dotted role suffixes and migration timestamps', async () => {
    expect(await lint('apps/server/src/cases/CaseThing.ts', plain)).toContain('check-file/filename-naming-convention');
    expect(await lint('apps/console/src/lib/socketClient.ts', plain)).toContain(
      'check-file/filename-naming-convention',
    );
    expect(await lint('apps/server/src/cases/case-thing.service.ts', plain)).toEqual([]);
    expect(await lint('apps/server/src/caseThings/x.ts', plain)).toContain('check-file/folder-naming-convention');
    expect(await lint('apps/server/src/database/migrations/1799999999999-next.ts', plain)).toEqual([]);
  });

  it('names tests *.spec.ts(x), and *.spec files hold tests', async () => {
    const test = "import { it } from 'vitest';\nit('works', () => undefined);\n";
    expect(await lint('apps/console/src/lib/x.test.ts', test)).toContain('check-file/filename-blocklist');
    expect(await lint('apps/server/src/cases/x.spec.ts', plain)).toContain('local/spec-files-are-tests');
    expect(await lint('apps/server/src/cases/x.ts', test)).toContain('local/spec-files-are-tests');
    expect(await lint('apps/server/src/cases/x.spec.ts', test)).toEqual([]);
  });
});

describe('texts of the console (docs/i18n.md)', () => {
  const RULE = 'i18next/no-literal-string';
  const component = (body: string) =>
    `import { useTranslation } from 'react-i18next';\nexport function X() {\n  const { t } = useTranslation();\n  return ${body};\n}\n`;

  it('refuses a literal text in JSX, in a readable attribute and in a JSX expression', async () => {
    const path = 'apps/console/src/features/queue/components/x.tsx';
    expect(await lint(path, component('<p>Take next</p>'))).toContain(RULE);
    expect(await lint(path, component('<button aria-label="Close case" />'))).toContain(RULE);
    expect(await lint(path, component('<input placeholder="Search" />'))).toContain(RULE);
    expect(await lint(path, component("<p>{t ? 'Fire' : 'Quiet'}</p>"))).toContain(RULE);
  });

  it('lets catalogue texts, code-like attributes, symbols and codes through; tests may use literals', async () => {
    const path = 'apps/console/src/components/x.tsx';
    expect(await lint(path, component('<p className="muted" data-testid="x">{t(\'action.save\')}</p>'))).toEqual([]);
    expect(
      await lint(path, component('<p aria-live="polite" role="status">▲ · 42 <kbd>N</kbd> <b>FIRE</b></p>')),
    ).toEqual([]);
    expect(
      await lint(
        'apps/console/src/components/x.spec.tsx',
        "import { it } from 'vitest';\nit('renders', () => <p>Take next</p>);\n",
      ),
    ).not.toContain(RULE);
  });
});
