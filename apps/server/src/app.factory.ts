import 'reflect-metadata';
import { type INestApplication, StandardSchemaValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.schema.js';
import { ensureDatabase } from './database/ensure-database.js';

/** Builds and starts the server; used by main.ts and by the integration tests. */
export async function startServer(config: AppConfig): Promise<INestApplication> {
  await ensureDatabase(config.database.url);
  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api/v1');
  app.useGlobalPipes(new StandardSchemaValidationPipe());
  app.enableShutdownHooks();
  await app.listen(config.http.port, config.http.host);
  return app;
}
