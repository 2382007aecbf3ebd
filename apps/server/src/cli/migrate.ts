import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/config.schema.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { ensureDatabase } from '../database/ensure-database.js';

/** Creates the database if needed and applies pending migrations: `pnpm --filter @arc/server migrate`. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (await ensureDatabase(config.database.url)) process.stdout.write('Created database\n');
  const dataSource = new DataSource(dataSourceOptions(config.database.url, 2));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(
      applied.length > 0 ? `Applied: ${applied.map((m) => m.name).join(', ')}\n` : 'Schema is up to date\n',
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
