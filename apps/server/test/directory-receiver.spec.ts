import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site, Transmitter } from '@arc/shared/directory';
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
    const input = {
      account: '7E57',
      siteId: site.id,
      protocol: 'SIA-DCS',
      encryptionKey: { format: 'text', value: oldKey },
    };
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

      await send<Transmitter>('PUT', `/transmitters/${transmitter.id}`, {
        ...input,
        encryptionKey: { format: 'hex', value: newKey },
      });
      await eventually(async () => ((await exchange(newKey)) === 'ACK' ? true : undefined), 12_000);
      expect(await exchange(oldKey)).not.toBe('ACK');
    } finally {
      client.close();
    }
  });
});

describe('key format and requireEncryption, from the API to the receiver', () => {
  let siteId: string;
  beforeAll(async () => {
    siteId = (
      await send<Site>('POST', '/sites', {
        name: 'Formatet',
        street: 'Kungsgatan 2',
        postcode: '111 22',
        city: 'Stockholm',
        municipality: 'Stockholm',
      })
    ).id;
  });

  it('ACKs a frame encrypted with an AES-256 text key of 32 hex digits, entered as text', async () => {
    const text = '0123456789ABCDEF0123456789ABCDEF';
    await send<Transmitter>('POST', '/transmitters', {
      account: 'A256',
      siteId,
      encryptionKey: { format: 'text', value: text },
    });
    const key = Buffer.from(text, 'latin1');
    expect(key).toHaveLength(32);
    const client = await Dc09TcpClient.open(env.tcpPort);
    try {
      let sequence = 1;
      const reply = await eventually(async () => {
        client.send(buildFrame({ id: 'SIA-DCS', sequence: sequence++, account: 'A256', message: 'Nri1/BA001', key }));
        const answer = await client.nextReply(key);
        return answer?.type === 'ACK' ? answer : undefined;
      });
      expect(reply).toMatchObject({ type: 'ACK', account: 'A256' });
      const [row] = await env.query<{ encrypted: boolean; unencrypted_from_keyed: boolean }>(
        `SELECT encrypted, unencrypted_from_keyed FROM signals WHERE account = 'A256' LIMIT 1`,
      );
      expect(row).toEqual({ encrypted: true, unencrypted_from_keyed: false });
    } finally {
      client.close();
    }
  });

  it('refuses clear text with DUH within a few seconds of requireEncryption being switched on', async () => {
    const input = { account: 'BEEF', siteId, encryptionKey: { format: 'text', value: 'Kalle-Anka-16chr' } };
    const transmitter = await send<Transmitter>('POST', '/transmitters', input);
    const client = await Dc09TcpClient.open(env.tcpPort);
    try {
      let sequence = 1;
      const plain = async () => {
        client.send(buildFrame({ id: 'SIA-DCS', sequence: sequence++, account: 'BEEF', message: 'Nri1/BA002' }));
        return (await client.nextReply())?.type;
      };
      expect(await plain()).toBe('ACK');
      await send<Transmitter>('PUT', `/transmitters/${transmitter.id}`, {
        account: 'BEEF',
        siteId,
        requireEncryption: true,
      });
      // Until the receiver's copy refreshes, clear text is still stored (marked).
      await eventually(async () => ((await plain()) === 'DUH' ? true : undefined), 12_000);
      const stored = await env.query<{ flagged: boolean }>(
        `SELECT unencrypted_from_keyed AS flagged FROM signals WHERE account = 'BEEF'`,
      );
      expect(stored.length).toBeGreaterThan(0);
      expect(stored.every((row) => row.flagged)).toBe(true);
      expect(await plain()).toBe('DUH');
      expect(await env.query(`SELECT id FROM signals WHERE account = 'BEEF'`)).toHaveLength(stored.length);
    } finally {
      client.close();
    }
  });
});
