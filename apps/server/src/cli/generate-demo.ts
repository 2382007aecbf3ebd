import { parseArgs } from 'node:util';
import pg from 'pg';
import { SecretBox } from '../common/secret-box.js';
import { ConfigError, loadConfig } from '../config/config.schema.js';
import { generateDirectory, generatedAccountPrefix, markerCustomerNo } from '../directory-tools/index.js';
import { sqlOfPg, transactionOfPg } from '../database/sql-kit.js';
import { validateImport } from '../directory-tools/index.js';
import { writeImport } from '../directory-tools/index.js';

const USAGE = `Usage: node dist/cli/generate-demo.js --sites 10000 [--seed 1] [--unsupervised]

Adds a generated Swedish centre (customers, contracts, sites, transmitters, authorization lists
with persons, service companies, contacts, on-call rosters, action plans) to DATABASE_URL.
The same seed gives the same directory; a seed that was generated before is skipped.
--unsupervised: the generated transmitters get no supervision interval (the demo: its feed does
not play them); on a seed generated before, switches their supervision off.
`;

/**
 * Goes through the import's validation and set-wise writer, so generated data obeys exactly
 * the rules an imported file does.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sites: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      unsupervised: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const sites = Number(values.sites);
  const seed = Number(values.seed);
  if (!Number.isInteger(sites) || sites < 1 || sites > 1_000_000 || !Number.isInteger(seed) || seed < 0) {
    process.stderr.write(`--sites must be 1..1000000 and --seed a whole number ≥ 0\n\n${USAGE}`);
    process.exit(2);
  }
  const config = loadConfig(process.env);
  const client = new pg.Client({ connectionString: config.database.url });
  await client.connect();
  try {
    const started = performance.now();
    const marker = markerCustomerNo(seed);
    const found = await client.query('SELECT 1 FROM customers WHERE customer_no = $1', [marker]);
    if (found.rowCount) {
      const off = values.unsupervised ? await switchOffSupervision(client, seed) : 0;
      process.stdout.write(
        `Demo directory for seed ${seed} already present (customer ${marker}); nothing added` +
          `${off > 0 ? `; supervision switched off for ${off} generated transmitter(s)` : ''}\n`,
      );
      return;
    }
    const document = generateDirectory({ sites, seed, supervised: !values.unsupervised });
    const generatedMs = performance.now() - started;
    const checked = await validateImport(document, sqlOfPg(client));
    if (!checked.document) {
      const first = checked.rejected.slice(0, 5).map((r) => `${r.section}[${r.index}] ${r.field}: ${r.message}`);
      throw new Error(`generated directory rejected (${checked.rejected.length} problems):\n${first.join('\n')}`);
    }
    const validatedMs = performance.now() - started;
    const box = new SecretBox(config.secretsKey);
    await transactionOfPg(client)((sql) =>
      writeImport(sql, checked.document!, checked.existing, {
        sealKey: (plain) => box.seal(plain),
        passwordHashes: new Map(),
      }),
    );
    const totalMs = performance.now() - started;
    const c = checked.counts;
    process.stdout.write(
      `Demo directory (seed ${seed}): ${c.customers} customers, ${c.contracts} contracts, ${c.sites} sites, ` +
        `${c.transmitters} transmitters, ${c.authorizationLists} authorization lists with ${c.persons} persons, ` +
        `${c.serviceCompanies} service companies with ${c.installers} installers and ${c.approvals} approvals, ` +
        `${c.contacts} contacts, ${c.onCallRosters} on-call rosters, ${c.actionPlans} action plans with ` +
        `${c.actionPlanSteps} steps\n` +
        `  in ${(totalMs / 1000).toFixed(1)} s (generate ${(generatedMs / 1000).toFixed(1)} s, validate ` +
        `${((validatedMs - generatedMs) / 1000).toFixed(1)} s, write ${((totalMs - validatedMs) / 1000).toFixed(1)} s)\n`,
    );
  } finally {
    await client.end();
  }
}

/**
 * A directory generated before with supervision intervals: its transmitters never send in the
 * demo, so they would raise "test signal missing" one after the other. updated_at makes a running
 * receiver reload them; the sweeper drops the deadline of a transmitter without an interval.
 */
async function switchOffSupervision(client: pg.Client, seed: number): Promise<number> {
  const { rowCount } = await client.query(
    `UPDATE transmitters SET supervision_interval_seconds = NULL, updated_at = now()
      WHERE account LIKE $1 || '%' AND supervision_interval_seconds IS NOT NULL`,
    [generatedAccountPrefix(seed)],
  );
  return rowCount ?? 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
