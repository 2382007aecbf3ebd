import { parseArgs } from 'node:util';
import pg from 'pg';
import { SecretBox } from '../common/secret-box.js';
import { ConfigError, loadConfig } from '../config/config.schema.js';
import { generateDirectory, markerCustomerNo } from '../directory-tools/demo/generate-directory.js';
import { sqlOfPg, transactionOfPg } from '../directory-tools/sql.js';
import { validateImport } from '../directory-tools/transfer/validate-import.js';
import { writeImport } from '../directory-tools/transfer/write-import.js';

const USAGE = `Usage: node dist/cli/generate-demo.js --sites 10000 [--seed 1]

Adds a generated Swedish centre (customers, contracts, sites, transmitters, authorization lists
with persons, service companies, contacts, on-call rosters, action plans) to DATABASE_URL.
The same seed gives the same directory; a seed that was generated before is skipped.
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
      process.stdout.write(`Demo directory for seed ${seed} already present (customer ${marker}); nothing added\n`);
      return;
    }
    const document = generateDirectory({ sites, seed });
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

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
