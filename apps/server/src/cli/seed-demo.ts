import pg from 'pg';
import { SecretBox } from '../common/secret-box.js';
import { ConfigError, loadConfig } from '../config/config.schema.js';
import { DEMO_SITES } from './demo-data.js';
import { seedDemoKnowledge } from './demo-knowledge.js';
import { callerLine, seedDemo } from './demo-seed.js';

/**
 * Adds the demo's live sites (transmitters, contacts, authorization lists, action plans, the
 * on-call roster), or completes them (idempotent): `pnpm --filter @arc/server seed-demo`. Keys
 * are sealed with SECRETS_KEY, as the receiver reads them; the authority persons' passwords are
 * derived from DEMO_CALLER_SECRET (demo.sh keeps it in .demo/env). Prints one "Verify caller"
 * line per authority person. Then the site knowledge (zone names, instructions, hazards, temporary
 * notes); `--knowledge-only` does just that, e.g. once the server has created the demo admin, who
 * writes the temporary notes.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const box = new SecretBox(config.secretsKey);
  const secret = process.env.DEMO_CALLER_SECRET?.trim() || null;
  const client = new pg.Client({ connectionString: config.database.url });
  await client.connect();
  try {
    if (process.argv.includes('--knowledge-only')) {
      printKnowledge(await seedDemoKnowledge(client));
      return;
    }
    const report = await seedDemo(client, box, secret);
    process.stdout.write(
      `Demo directory: ${report.created} site(s) added, ${report.updated} transmitter(s) updated, ` +
        `${DEMO_SITES.length - report.created - report.updated} already up to date; ` +
        `${report.completed} site(s) completed with contacts, authorization list or action plans, ` +
        `${report.passwordsSet} caller password(s) set\n`,
    );
    if (secret === null)
      process.stdout.write('DEMO_CALLER_SECRET is not set: the authority persons have no password\n');
    printKnowledge(await seedDemoKnowledge(client));
    for (const caller of report.callers) process.stdout.write(`${callerLine(caller)}\n`);
  } finally {
    await client.end();
  }
}

function printKnowledge(report: { zones: number; sites: number; notes: number }): void {
  process.stdout.write(
    `Demo site knowledge: ${report.zones} zone name(s), instructions for ${report.sites} site(s), ` +
      `${report.notes} temporary note(s) added\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
