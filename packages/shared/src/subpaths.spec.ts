import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as root from './index.js';

interface PackageJson {
  exports: Record<string, { types: string; default: string }>;
}

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as PackageJson;
const subpaths = Object.keys(pkg.exports).filter((key) => key !== '.');

describe('subpath exports', () => {
  it('point each subpath at the module of the same name', () => {
    for (const key of subpaths) {
      expect(pkg.exports[key]).toEqual({ types: `./dist${key.slice(1)}.d.ts`, default: `./dist${key.slice(1)}.js` });
    }
  });

  it('together export everything the root does', async () => {
    const names = new Set<string>();
    for (const key of subpaths) {
      const module = (await import(`./${key.slice(2)}.js`)) as Record<string, unknown>;
      for (const name of Object.keys(module)) names.add(name);
    }
    expect(Object.keys(root).filter((name) => !names.has(name))).toEqual([]);
  });
});
