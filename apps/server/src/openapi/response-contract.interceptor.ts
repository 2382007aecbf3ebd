import {
  InternalServerErrorException,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import type { z } from 'zod';
import type { Route } from '../common/http/openapi-route.js';

const PREFIX = '/api/v1';

/**
 * Checks every JSON answer against the response schema its route declares in the OpenAPI
 * document (the same schemas the console checks answers with), and answers 500 naming the
 * first mismatch instead. Switched on by the integration tests (AppModuleOptions), so a server
 * that drifts from `@arc/shared`'s contracts fails its own tests before it fails a console.
 */
export class ResponseContractInterceptor implements NestInterceptor {
  private readonly logger = new Logger('ResponseContract');
  /** "get /api/v1/cases/:id" → the route, as Express names the matched route. */
  private readonly byPattern = new Map<string, Route>();

  constructor(routes: readonly Route[]) {
    for (const route of routes) {
      const pattern = `${PREFIX}${route.path.replace(/\{(\w+)\}/g, ':$1')}`;
      this.byPattern.set(`${route.method} ${pattern}`, route);
    }
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const routePath = (request.route as { path?: string } | undefined)?.path;
    const route = routePath ? this.byPattern.get(`${request.method.toLowerCase()} ${routePath}`) : undefined;
    return next.handle().pipe(
      map((body: unknown) => {
        const status = http.getResponse<Response>().statusCode;
        const schema = route ? this.schemaFor(route, status, body) : null;
        if (!schema) return body;
        // What the client receives: dates as strings, undefined fields left out.
        const wire: unknown = JSON.parse(JSON.stringify(body));
        const checked = schema.safeParse(wire);
        if (checked.success) return body;
        const issue = checked.error.issues[0];
        const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
        const message = `Answer of ${request.method} ${routePath} breaks its contract: ${where}${issue?.message ?? ''}`;
        this.logger.error(message);
        throw new InternalServerErrorException(message);
      }),
    );
  }

  /** The schema for this answer; null when the route declares none for it (no body, a file, a 204). */
  private schemaFor(route: Route, status: number, body: unknown): z.ZodType | null {
    if (body === undefined || status === 204) return null;
    if (route.otherBodies?.[status]) return route.otherBodies[status].schema;
    if (route.noBody?.[status]) return null;
    return route.response ?? null;
  }
}
