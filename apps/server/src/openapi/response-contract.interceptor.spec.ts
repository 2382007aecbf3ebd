import 'reflect-metadata';
import { Controller, Get, HttpCode, Param, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Route } from '../common/http/openapi-route.js';
import { ResponseContractInterceptor } from './response-contract.interceptor.js';

@Controller('things')
class ThingsController {
  @Get(':id')
  one(@Param('id') id: string): unknown {
    return id === 'bad'
      ? { id: 42, at: new Date('2026-01-01T00:00:00Z') }
      : { id, at: new Date('2026-01-01T00:00:00Z') };
  }

  @Post('quiet')
  @HttpCode(204)
  quiet(): void {}

  @Get()
  undescribed(): unknown {
    return { anything: true };
  }
}

const ROUTES: Route[] = [
  {
    method: 'get',
    path: '/things/{id}',
    tag: 'test',
    summary: 'one thing',
    roles: 'public',
    response: z.object({ id: z.string(), at: z.iso.datetime() }),
  },
  { method: 'post', path: '/things/quiet', tag: 'test', summary: 'no body', roles: 'public', status: 204 },
];

describe('ResponseContractInterceptor', () => {
  let app: INestApplication;
  let base: string;
  beforeAll(async () => {
    const { Module } = await import('@nestjs/common');
    @Module({ controllers: [ThingsController] })
    class ThingsModule {}
    app = await NestFactory.create(ThingsModule, { logger: false });
    app.setGlobalPrefix('api/v1');
    app.useGlobalInterceptors(new ResponseContractInterceptor(ROUTES));
    await app.listen(0, '127.0.0.1');
    base = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api/v1`;
  });
  afterAll(async () => app.close());

  it('lets an answer that keeps its contract through, dates as the wire has them', async () => {
    const res = await fetch(`${base}/things/abc`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 'abc', at: '2026-01-01T00:00:00.000Z' });
  });

  it('answers 500 naming the route and the first mismatch when an answer breaks it', async () => {
    const res = await fetch(`${base}/things/bad`);
    expect(res.status).toBe(500);
    const body = (await res.json()) as { message: string };
    expect(body.message).toMatch(/^Answer of GET \/api\/v1\/things\/:id breaks its contract: id: /);
  });

  it('leaves answers without a body and routes without a description alone', async () => {
    expect((await fetch(`${base}/things/quiet`, { method: 'POST' })).status).toBe(204);
    const res = await fetch(`${base}/things`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ anything: true });
  });
});
