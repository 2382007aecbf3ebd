import pg from 'pg';
import { ConfigError, loadConfig } from '../config/config.schema.js';
import { DEMO_SITES } from './demo-data.js';

/** Adds the demo sites and transmitters (idempotent): `pnpm --filter @arc/server seed-demo`. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const client = new pg.Client({ connectionString: config.database.url });
  await client.connect();
  let created = 0;
  try {
    for (const site of DEMO_SITES) {
      await client.query('BEGIN');
      const exists = await client.query('SELECT 1 FROM transmitters WHERE account = $1', [site.account]);
      if (exists.rowCount === 0) {
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO sites (name, street, postcode, city, municipality) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [site.name, site.street, site.postcode, site.city, site.municipality],
        );
        await client.query('INSERT INTO transmitters (account, site_id) VALUES ($1, $2)', [site.account, rows[0]!.id]);
        created += 1;
      }
      await client.query('COMMIT');
    }
  } finally {
    await client.end();
  }
  process.stdout.write(`Demo directory: ${created} site(s) added, ${DEMO_SITES.length - created} already there\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
