import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site, Transmitter } from '@arc/shared';
import { parseDc09Key } from '../src/ingest/dc09/dc09-crypto.js';
import { buildFrame } from '../src/ingest/dc09/dc09-frame.js';
import { Dc09TcpClient } from './support/dc09-client.js';
import { TestEnvironment, eventually } from './support/test-app.js';

const env = new TestEnvironment();
let admin: string;

async function send<T>(method: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${env.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

beforeAll(async () => {
  await env.start();
  admin = await env.login('admin');
});

afterAll(async () => {
  await env.destroy();
});

describe('the DC-09 receiver follows key changes made through the API', () => {
  it('accepts frames under the new key within a few seconds of the PUT', async () => {
    const oldKey = 'First-Key-16char';
    const newKey = '0123456789ABCDEF0123456789ABCDEF';
    const site = await send<Site>('POST', '/sites', {
      name: 'Nyckelbytet',
      street: 'Kungsgatan 1',
      postcode: '111 22',
      city: 'Stockholm',
      municipality: 'Stockholm',
    });
    const input = { account: '7E57', siteId: site.id, protocol: 'SIA-DCS', encryptionKey: oldKey };
    const transmitter = await send<Transmitter>('POST', '/transmitters', input);

    const client = await Dc09TcpClient.open(env.tcpPort);
    try {
      let sequence = 1;
      const exchange = async (key: string) => {
        const parsed = parseDc09Key(key);
        client.send(
          buildFrame({ id: 'SIA-DCS', sequence: sequence++, account: '7E57', message: 'Nri1/BA001', key: parsed }),
        );
        return (await client.nextReply(parsed))?.type;
      };
      await eventually(async () => ((await exchange(oldKey)) === 'ACK' ? true : undefined));

      await send<Transmitter>('PUT', `/transmitters/${transmitter.id}`, { ...input, encryptionKey: newKey });
      await eventually(async () => ((await exchange(newKey)) === 'ACK' ? true : undefined), 12_000);
      expect(await exchange(oldKey)).not.toBe('ACK');
    } finally {
      client.close();
    }
  });
});
