import { parseArgs } from 'node:util';
import pg from 'pg';
import { SecretBox } from '../common/secret-box.js';
import { ConfigError, loadConfig } from '../config/config.schema.js';
import { parseDc09Key } from '../ingest/dc09/dc09-crypto.js';

/**
 * Registers (or updates) a DC-09 transmitter and its site until the directory API exists:
 *   node dist/cli/transmitter.js --account 1234 --site "Storgatan 5" --street "Storgatan 5" \
 *     --postcode "722 15" --city Västerås --municipality Västerås \
 *     [--protocol SIA-DCS|ADM-CID|ANY] [--interval 90] [--key <16/24/32 chars or 32/48/64 hex>]
 * The key is stored sealed with SECRETS_KEY; a running server picks the change up within 5 s.
 */
const { values } = parseArgs({
  options: {
    account: { type: 'string' },
    site: { type: 'string' },
    street: { type: 'string', default: '' },
    postcode: { type: 'string', default: '' },
    city: { type: 'string', default: '' },
    municipality: { type: 'string', default: '' },
    protocol: { type: 'string', default: 'ANY' },
    interval: { type: 'string' },
    key: { type: 'string' },
  },
});

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const account = values.account?.toUpperCase() ?? '';
  if (!/^[0-9A-F]{3,16}$/.test(account)) throw new Error('--account must be 3-16 hexadecimal characters');
  if (!values.site) throw new Error('--site (the site name) is required');
  if (!['SIA-DCS', 'ADM-CID', 'ANY'].includes(values.protocol!))
    throw new Error('--protocol must be SIA-DCS, ADM-CID or ANY');
  const interval = values.interval === undefined ? null : Number(values.interval);
  if (interval !== null && !(Number.isInteger(interval) && interval > 0))
    throw new Error('--interval must be whole seconds');
  if (values.key) parseDc09Key(values.key);
  const sealed = values.key ? new SecretBox(config.secretsKey).seal(values.key) : null;

  const client = new pg.Client({ connectionString: config.database.url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const existing = await client.query<{ site_id: string }>('SELECT site_id FROM transmitters WHERE account = $1', [
      account,
    ]);
    let siteId = existing.rows[0]?.site_id;
    if (siteId) {
      await client.query(
        `UPDATE sites SET name = $2, street = $3, postcode = $4, city = $5, municipality = $6 WHERE id = $1`,
        [siteId, values.site, values.street, values.postcode, values.city, values.municipality],
      );
    } else {
      const site = await client.query<{ id: string }>(
        `INSERT INTO sites (name, street, postcode, city, municipality) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [values.site, values.street, values.postcode, values.city, values.municipality],
      );
      siteId = site.rows[0]!.id;
    }
    await client.query(
      `INSERT INTO transmitters (account, site_id, protocol, supervision_interval_seconds, encryption_key_sealed)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (account) DO UPDATE SET protocol = EXCLUDED.protocol,
         supervision_interval_seconds = EXCLUDED.supervision_interval_seconds,
         encryption_key_sealed = EXCLUDED.encryption_key_sealed, updated_at = now()`,
      [account, siteId, values.protocol, interval, sealed],
    );
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  process.stdout.write(
    `Transmitter ${account}: ${values.protocol}, ${values.key ? 'encrypted' : 'clear text'}, ` +
      `${interval ? `supervised every ${interval} s` : 'not supervised'}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).message}\n`);
  process.exit(1);
});
