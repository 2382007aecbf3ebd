import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { dropDatabase, ensureDatabase } from '../src/database/ensure-database.js';
import { searchDirectory } from '../src/directory-tools/index.js';
import { transactionOfPg } from '../src/database/sql-kit.js';
import { serverDist } from './bench-support.js';

const PG_BASE = 'postgres://postgres@127.0.0.1:5432';
const TARGET_MS = 50;

/**
 * Directory search benchmark: its own database with 10,000 generated sites, then many warm
 * searches of each kind through the same code as GET /directory/search. The database is
 * dropped at the end, also on failure.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sites: { type: 'string', default: '10000' }, queries: { type: 'string', default: '200' } },
  });
  const sites = Number(values.sites);
  const queries = Number(values.queries);
  const url = `${PG_BASE}/arc_benchsearch_${randomBytes(4).toString('hex')}`;
  const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' };
  await ensureDatabase(url);
  const client = new pg.Client({ connectionString: url });
  try {
    execFileSync(process.execPath, [serverDist('cli/migrate.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    process.stdout.write(`Database ${url}\n`);
    execFileSync(process.execPath, [serverDist('cli/generate-demo.js'), '--sites', String(sites), '--seed', '1'], {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    await client.connect();
    await client.query('ANALYZE');
    const samples = await sampleQueries(client, queries);
    const inTransaction = transactionOfPg(client);
    const rows: string[][] = [];
    let allMet = true;
    for (const [kind, list] of Object.entries(samples)) {
      for (const q of list.slice(0, 20)) await searchDirectory(inTransaction, q, 20); // warm-up
      const times: number[] = [];
      let found = 0;
      for (const q of list) {
        const started = performance.now();
        const hits = await searchDirectory(inTransaction, q, 20);
        times.push(performance.now() - started);
        if (hits.length > 0) found += 1;
      }
      const median = percentile(times, 50);
      const p95 = percentile(times, 95);
      allMet &&= p95 < TARGET_MS;
      rows.push([
        kind,
        String(list.length),
        `${found}`,
        median.toFixed(1),
        p95.toFixed(1),
        p95 < TARGET_MS ? 'met' : 'MISSED',
      ]);
    }
    process.stdout.write(
      `\n${table(['kind', 'queries', 'with hits', 'median ms', 'p95 ms', `p95 < ${TARGET_MS} ms`], rows)}\n`,
    );
    if (!allMet) process.exitCode = 1;
  } finally {
    await client.end().catch(() => undefined);
    await dropDatabase(url);
  }
}

/** Real keys from the generated data, plus typos made by dropping one letter of a street name. */
async function sampleQueries(client: pg.Client, n: number): Promise<Record<string, string[]>> {
  const column = async (sql: string) => (await client.query<{ v: string }>(sql, [n])).rows.map((r) => r.v);
  return {
    'account (exact)': await column(`SELECT account AS v FROM transmitters ORDER BY md5(account) LIMIT $1`),
    'account (prefix)': await column(`SELECT left(account, 6) AS v FROM transmitters ORDER BY md5(account) LIMIT $1`),
    'site name': await column(`SELECT name AS v FROM sites ORDER BY md5(id::text) LIMIT $1`),
    'address with a typo': (await column(`SELECT street AS v FROM sites ORDER BY md5(id::text) LIMIT $1`)).map(typo),
    // "Bjrken Uppsla": the last word of the site name and the city, a typo in each.
    'name + city, two typos': (
      await column(
        `SELECT regexp_replace(name, '^.* ', '') || ' ' || city AS v FROM sites ORDER BY md5(id::text) LIMIT $1`,
      )
    ).map((v) => v.split(' ').map(typo).join(' ')),
    'customer number': await column(`SELECT customer_no AS v FROM customers ORDER BY md5(customer_no) LIMIT $1`),
    'contract number': await column(`SELECT contract_no AS v FROM contracts ORDER BY md5(contract_no) LIMIT $1`),
    'person name': await column(`SELECT name AS v FROM persons ORDER BY md5(id::text) LIMIT $1`),
    'person phone': await column(`SELECT phone AS v FROM persons ORDER BY md5(id::text) LIMIT $1`),
  };
}

/** Drops the third letter: "Storgatan 5" → "Stogatan 5". */
function typo(value: string): string {
  return value.slice(0, 2) + value.slice(3);
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
