import { ConfigError, loadConfig } from './config/config.schema.js';
import { startServer } from './app.factory.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await startServer(config);
  const url = await app.getUrl();
  process.stdout.write(`ARC server listening on ${url} (API under /api/v1)\n`);
  if (config.auth.usingDevSecret) {
    process.stderr.write('WARNING: JWT_SECRET is not set; using the development secret.\n');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Server failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
