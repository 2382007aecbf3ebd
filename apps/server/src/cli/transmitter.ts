import { parseArgs } from 'node:util';
import pg from 'pg';
import { SecretBox } from '../common/secret-box.js';
import { ConfigError, loadConfig } from '../config/config.schema.js';
import { DC09_KEY_FORMATS, dc09KeyHex, dc09KeyProblem, type Dc09KeyFormat } from '@arc/shared/directory';

/**
 * Registers (or updates) a DC-09 transmitter and its site until the directory API exists:
 *   node dist/cli/transmitter.js --account 1234 --site "Storgatan 5" --street "Storgatan 5" \
 *     --postcode "722 15" --city Västerås --municipality Västerås \
 *     [--protocol SIA-DCS|ADM-CID|ANY] [--interval 90] [--key <key> --key-format hex|text] [--require-encryption]
 * --key-format says how to read --key: `hex` (32/48/64 hex digits) or `text` (16/24/32 ASCII
 * characters); a 32-character key of hex digits only is one or the other. The key is stored sealed with SECRETS_KEY; a running server picks the change up within 5 s.
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
    'key-format': { type: 'string' },
    'require-encryption': { type: 'boolean', default: false },
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
  let sealed: string | null = null;
  if (values.key) {
    const format = values['key-format'];
    if (!DC09_KEY_FORMATS.includes(format as Dc09KeyFormat))
      throw new Error('--key-format must be hex or text (how to read --key)');
    const key = { format: format as Dc09KeyFormat, value: values.key };
    const problem = dc09KeyProblem(key);
    if (problem) throw new Error(`--key ${problem}`);
    sealed = new SecretBox(config.secretsKey).seal(dc09KeyHex(key));
  } else if (values['key-format']) {
    throw new Error('--key-format needs --key');
  }
  const requireEncryption = values['require-encryption'] === true;
  if (requireEncryption && !sealed) throw new Error('--require-encryption needs --key');

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
      `INSERT INTO transmitters (account, site_id, protocol, supervision_interval_seconds, encryption_key_sealed,
                                 require_encryption)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (account) DO UPDATE SET protocol = EXCLUDED.protocol,
         supervision_interval_seconds = EXCLUDED.supervision_interval_seconds,
         encryption_key_sealed = EXCLUDED.encryption_key_sealed,
         require_encryption = EXCLUDED.require_encryption, updated_at = now()`,
      [account, siteId, values.protocol, interval, sealed, requireEncryption],
    );
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  process.stdout.write(
    `Transmitter ${account}: ${values.protocol}, ` +
      `${values.key ? (requireEncryption ? 'encrypted (required)' : 'encrypted') : 'clear text'}, ` +
      `${interval ? `supervised every ${interval} s` : 'not supervised'}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).message}\n`);
  process.exit(1);
});
