import 'reflect-metadata';
import { type INestApplication, StandardSchemaValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import express from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.schema.js';
import { ensureDatabase } from './database/ensure-database.js';

/** Builds and starts the server; used by main.ts and by the integration tests. */
export async function startServer(config: AppConfig): Promise<INestApplication> {
  await ensureDatabase(config.database.url);
  // Body parsers are set here so the directory import may be large (a whole directory is
  // megabytes of JSON) while every other route keeps the small default limit.
  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  // The source address of a sign-in (login throttling) is the client's, not a proxy's, only when told which proxies to trust.
  if (config.http.trustProxy !== false) {
    (app.getHttpAdapter().getInstance() as express.Express).set('trust proxy', config.http.trustProxy);
  }
  app.use('/api/v1/directory/import', express.json({ limit: '200mb' }));
  app.use(express.json({ limit: '100kb' }));
  app.setGlobalPrefix('api/v1');
  app.useGlobalPipes(new StandardSchemaValidationPipe());
  app.enableShutdownHooks();
  await app.listen(config.http.port, config.http.host);
  return app;
}
