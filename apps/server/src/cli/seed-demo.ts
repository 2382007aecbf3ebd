import pg from 'pg';
import { SecretBox } from '../common/secret-box.js';
import { ConfigError, loadConfig } from '../config/config.schema.js';
import { DEMO_SITES, type DemoSite } from './demo-data.js';

interface TransmitterRow {
  protocol: string;
  supervision_interval_seconds: number | null;
  encryption_key_sealed: string | null;
}

/** A sealed key cannot be compared as text (each seal has its own IV): open it. */
function sameKey(box: SecretBox, sealed: string | null, key: string | null): boolean {
  if (sealed === null || key === null) return sealed === key;
  try {
    return box.open(sealed) === key;
  } catch {
    return false; // sealed under another SECRETS_KEY
  }
}

function upToDate(box: SecretBox, row: TransmitterRow, site: DemoSite): boolean {
  return (
    row.protocol === site.protocol &&
    row.supervision_interval_seconds === site.supervisionSeconds &&
    sameKey(box, row.encryption_key_sealed, site.key)
  );
}

/**
 * Adds the demo sites and transmitters, or brings their DC-09 settings up to date (idempotent):
 * `pnpm --filter @arc/server seed-demo`. Keys are sealed with SECRETS_KEY, as the receiver reads them.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const box = new SecretBox(config.secretsKey);
  const client = new pg.Client({ connectionString: config.database.url });
  await client.connect();
  let created = 0;
  let updated = 0;
  try {
    for (const site of DEMO_SITES) {
      await client.query('BEGIN');
      const sealed = site.key === null ? null : box.seal(site.key);
      const existing = await client.query<TransmitterRow>(
        'SELECT protocol, supervision_interval_seconds, encryption_key_sealed FROM transmitters WHERE account = $1 FOR UPDATE',
        [site.account],
      );
      const row = existing.rows[0];
      if (!row) {
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO sites (name, street, postcode, city, municipality) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [site.name, site.street, site.postcode, site.city, site.municipality],
        );
        await client.query(
          `INSERT INTO transmitters (account, site_id, protocol, supervision_interval_seconds, encryption_key_sealed)
           VALUES ($1, $2, $3, $4, $5)`,
          [site.account, rows[0]!.id, site.protocol, site.supervisionSeconds, sealed],
        );
        created += 1;
      } else if (!upToDate(box, row, site)) {
        // updated_at tells the running receiver's directory to reload this transmitter.
        await client.query(
          `UPDATE transmitters SET protocol = $2, supervision_interval_seconds = $3, encryption_key_sealed = $4,
                  updated_at = now()
            WHERE account = $1`,
          [site.account, site.protocol, site.supervisionSeconds, sealed],
        );
        updated += 1;
      }
      await client.query('COMMIT');
    }
  } finally {
    await client.end();
  }
  process.stdout.write(
    `Demo directory: ${created} site(s) added, ${updated} transmitter(s) updated, ` +
      `${DEMO_SITES.length - created - updated} already up to date\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
