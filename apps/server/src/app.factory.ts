import 'reflect-metadata';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { jsonBodies } from './common/request-body.js';
import { SafeInputValidationPipe } from './common/safe-input.pipe.js';
import { setCentreTimeZone } from './common/centre-time.js';
import type { AppConfig } from './config/config.schema.js';
import { ensureDatabase } from './database/ensure-database.js';
import { ALL_ROUTES, ResponseContractInterceptor } from './openapi/index.js';

/** Headers of a request must arrive within this; a slow-headers client is cut off. */
const HEADERS_TIMEOUT_MS = 20_000;
/** A whole request (the largest, a directory import, included) must arrive within this. */
const REQUEST_TIMEOUT_MS = 120_000;

/** Builds and starts the server; used by main.ts and by the integration tests. */
export async function startServer(config: AppConfig, options: AppModuleOptions = {}): Promise<INestApplication> {
  setCentreTimeZone(config.centre.timeZone);
  await ensureDatabase(config.database.url);
  // Nest's body parsers are off: jsonBodies reads every body with a small limit before any
  // guard runs, except the directory import, whose handler reads it after authentication.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // The source address of a sign-in (login throttling) is the client's, not a proxy's, only when told which proxies to trust.
  if (config.http.trustProxy !== false) app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  app.use(
    helmet({
      // The API serves JSON only (the console is served on its own): nothing may be loaded or framed.
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
      },
    }),
  );
  app.use(jsonBodies());
  app.setGlobalPrefix('api/v1');
  app.useGlobalPipes(new SafeInputValidationPipe());
  if (options.checkResponseContracts) app.useGlobalInterceptors(new ResponseContractInterceptor(ALL_ROUTES));
  app.enableShutdownHooks();
  const server = app.getHttpServer() as Server;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  await app.listen(config.http.port, config.http.host);
  return app;
}
