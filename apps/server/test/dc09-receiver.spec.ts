import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDc09Key } from '../src/ingest/dc09/dc09-crypto.js';
import { buildFrame, parseReply } from '../src/ingest/dc09/dc09-frame.js';
import { Dc09TcpClient, udpExchange } from './support/dc09-client.js';
import { TestEnvironment, eventually } from './support/test-app.js';

const env = new TestEnvironment({
  DC09_MAX_CONNECTIONS: '40',
  DC09_IDLE_TIMEOUT_SECONDS: '5',
  DC09_MAX_FRAME_BYTES: '512',
});
const KEY_TEXT = 'Secret-Key-16chr';
const KEY = parseDc09Key(KEY_TEXT);
let transmitterId: string;

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await env.query<{ n: string }>(sql, params);
  return Number(row!.n);
}
const signalRows = (account: string) => count('SELECT count(*) AS n FROM signals WHERE account = $1', [account]);

/** One sample of GET /api/v1/metrics, 0 when the series does not exist yet. */
async function metric(name: string, labels: string): Promise<number> {
  const text = await (await fetch(`${env.url}/api/v1/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}} `));
  return line ? Number(line.split(' ')[1]) : 0;
}
const unencrypted = (action: string) => metric('arc_receiver_unencrypted_from_keyed_total', `action="${action}"`);

beforeAll(async () => {
  await env.start();
  ({ transmitterId } = await env.createSite('1234', 'Kvarteret Svalan', { supervisionIntervalSeconds: 90 }));
  await env.createSite('AB12', 'Guldsmeden AB', { key: KEY_TEXT, supervisionIntervalSeconds: 3600 });
  await env.createSite('AB13', 'Guldsmeden AB, lagret', { key: KEY_TEXT, requireEncryption: true });
});

afterAll(async () => {
  await env.destroy();
});

describe('DC-09 over TCP', () => {
  it('ACKs after storing, keeps the connection open, and handles split and packed frames', async () => {
    const client = await Dc09TcpClient.open(env.tcpPort);
    const first = buildFrame({ id: 'SIA-DCS', sequence: 1, account: '1234', message: 'Nri1/BA012' });
    // One frame in three packets.
    client.send(first.subarray(0, 5));
    await new Promise((resolve) => setTimeout(resolve, 30));
    client.send(first.subarray(5, 20));
    await new Promise((resolve) => setTimeout(resolve, 30));
    client.send(first.subarray(20));
    expect(await client.nextReply()).toMatchObject({ type: 'ACK', sequence: '0001', account: '1234' });
    expect(await signalRows('1234')).toBe(1);

    // Three frames in one packet, on the same connection: three ACKs, in order.
    client.send(
      Buffer.concat(
        [2, 3, 4].map((seq) =>
          buildFrame({ id: 'ADM-CID', sequence: seq, account: '1234', message: `1130 01 00${seq}` }),
        ),
      ),
    );
    const sequences = [];
    for (let i = 0; i < 3; i += 1) sequences.push((await client.nextReply())?.sequence);
    expect(sequences).toEqual(['0002', '0003', '0004']);
    expect(await signalRows('1234')).toBe(4);
    expect(client.closed).toBe(false);
    client.close();

    const [stored] = await env.query<Record<string, unknown>>(
      `SELECT code, zone, area, sequence, kind, category, source, transmitter_id, raw FROM signals WHERE account = '1234' ORDER BY id LIMIT 1`,
    );
    expect(stored).toMatchObject({
      code: 'BA',
      zone: '012',
      area: '1',
      sequence: '0001',
      kind: 'ALARM',
      category: 'INTRUSION',
      source: 'dc09-tcp',
      transmitter_id: transmitterId,
    });
    expect(stored!.raw).toContain('"SIA-DCS"0001L0#1234[#1234|Nri1/BA012]');
    // The alarms became one open intrusion case for the site.
    await eventually(async () =>
      (await count(
        `SELECT count(*) AS n FROM signals_with_decisions WHERE account = '1234' AND evaluated_at IS NULL`,
      )) === 0
        ? true
        : undefined,
    );
    expect(await env.query(`SELECT signal_count FROM cases WHERE account = '1234' AND category = 'INTRUSION'`)).toEqual(
      [{ signal_count: 4 }],
    );
  });

  it('stores a retransmission (same sequence and message, new timestamp) once and ACKs it again', async () => {
    const client = await Dc09TcpClient.open(env.tcpPort);
    const before = await signalRows('1234');
    const frame = (at: string) =>
      buildFrame({ id: 'SIA-DCS', sequence: 77, account: '1234', message: 'Nri2/FA003', timestamp: new Date(at) });
    client.send(frame('2026-11-22T10:00:00Z'));
    expect((await client.nextReply())?.type).toBe('ACK');
    client.send(frame('2026-11-22T10:00:25Z'));
    expect((await client.nextReply())?.type).toBe('ACK');
    // Both copies in one packet: still one row.
    client.send(Buffer.concat([frame('2026-11-22T10:00:40Z'), frame('2026-11-22T10:00:41Z')]));
    expect((await client.nextReply())?.type).toBe('ACK');
    expect((await client.nextReply())?.type).toBe('ACK');
    expect(await signalRows('1234')).toBe(before + 1);
    client.close();
  });

  it('answers encrypted frames with an encrypted ACK, a NAK with its time when the clock is off, and DUH without a key', async () => {
    const client = await Dc09TcpClient.open(env.tcpPort);
    client.send(buildFrame({ id: 'SIA-DCS', sequence: 12, account: 'AB12', message: 'Nri1/HA001', key: KEY }));
    const ack = await client.nextReply(KEY);
    expect(ack).toMatchObject({ type: 'ACK', sequence: '0012', account: 'AB12' });
    expect(Math.abs(ack!.timestamp!.getTime() - Date.now())).toBeLessThan(5000);
    const [row] = await env.query<{ encrypted: boolean; code: string }>(
      `SELECT encrypted, code FROM signals WHERE account = 'AB12'`,
    );
    expect(row).toEqual({ encrypted: true, code: 'HA' });

    const before = await signalRows('AB12');
    client.send(
      buildFrame({
        id: 'SIA-DCS',
        sequence: 13,
        account: 'AB12',
        message: 'Nri1/HA001',
        key: KEY,
        timestamp: new Date(Date.now() - 120_000),
      }),
    );
    const nak = await client.nextReply();
    expect(nak?.type).toBe('NAK');
    expect(Math.abs(nak!.timestamp!.getTime() - Date.now())).toBeLessThan(5000);

    client.send(buildFrame({ id: 'SIA-DCS', sequence: 14, account: '1234', message: 'Nri1/BA001', key: KEY }));
    expect((await client.nextReply())?.type).toBe('DUH');
    expect(await signalRows('AB12')).toBe(before);
    client.close();
  });

  it('ACKs and stores an unknown event code and an unknown account, and raises them as cases', async () => {
    const client = await Dc09TcpClient.open(env.tcpPort);
    client.send(buildFrame({ id: 'SIA-DCS', sequence: 20, account: '1234', message: 'Nri1/ZZ042' }));
    expect((await client.nextReply())?.type).toBe('ACK');
    client.send(buildFrame({ id: 'ADM-CID', sequence: 21, account: 'C0FFEE', message: '1110 01 001' }));
    expect((await client.nextReply())?.type).toBe('ACK');
    client.close();
    const titles = await eventually(async () => {
      const rows = await env.query<{ title: string }>(
        `SELECT title FROM cases WHERE title LIKE 'Unknown%' ORDER BY title`,
      );
      return rows.length === 2 ? rows.map((r) => r.title) : undefined;
    });
    expect(titles).toEqual(['Unknown event code ZZ, zone 042', 'Unknown transmitter: Fire alarm, zone 001']);
  });

  it('stores the frames of a transmitter deleted after it was cached, without failing the batch', async () => {
    await env.createSite('0DE1', 'Soon deleted');
    const client = await Dc09TcpClient.open(env.tcpPort);
    client.send(buildFrame({ id: 'NULL', sequence: 1, account: '0DE1' }));
    expect((await client.nextReply())?.type).toBe('ACK'); // now cached
    await env.query(`DELETE FROM transmitters WHERE account = '0DE1'`);
    client.send(
      Buffer.concat([
        buildFrame({ id: 'SIA-DCS', sequence: 2, account: '0DE1', message: 'Nri1/BA001' }),
        buildFrame({ id: 'SIA-DCS', sequence: 95, account: '1234', message: 'Nri1/BA095' }),
      ]),
    );
    expect((await client.nextReply())?.type).toBe('ACK');
    expect((await client.nextReply())?.type).toBe('ACK');
    client.close();
    expect(await env.query(`SELECT transmitter_id FROM signals WHERE account = '0DE1'`)).toEqual([
      { transmitter_id: null },
    ]);
    expect(await count(`SELECT count(*) AS n FROM signals WHERE account = '1234' AND zone = '095'`)).toBe(1);
  });

  it('does not store link tests and periodic tests but restarts supervision', async () => {
    const client = await Dc09TcpClient.open(env.tcpPort);
    const before = await count('SELECT count(*) AS n FROM signals');
    client.send(buildFrame({ id: 'NULL', sequence: 30, account: '1234' }));
    expect((await client.nextReply())?.type).toBe('ACK');
    client.send(buildFrame({ id: 'SIA-DCS', sequence: 31, account: '1234', message: 'Nri0/RP0000' }));
    expect((await client.nextReply())?.type).toBe('ACK');
    client.send(buildFrame({ id: 'NULL', sequence: 32, account: 'AB12', key: KEY }));
    expect((await client.nextReply(KEY))?.type).toBe('ACK');
    client.close();
    expect(await count('SELECT count(*) AS n FROM signals')).toBe(before);
    const seen = await eventually(async () => {
      const [row] = await env.query<{ last_seen_at: Date | null }>(
        `SELECT last_seen_at FROM transmitters WHERE account = '1234'`,
      );
      return row?.last_seen_at ?? undefined;
    });
    expect(Math.abs(seen.getTime() - Date.now())).toBeLessThan(15_000);
    const { Redis } = await import('ioredis');
    const redis = new Redis(env.config.redis.url);
    const deadline = await eventually(
      async () => (await redis.zscore(`${env.config.redis.prefix}:supervision:deadlines`, transmitterId)) ?? undefined,
    );
    redis.disconnect();
    // Interval 90 s plus the default grace of 60 s.
    expect(Number(deadline) - Date.now()).toBeGreaterThan(140_000);
    expect(Number(deadline) - Date.now()).toBeLessThan(151_000);
  });

  it('answers NAK to CRC and length errors and DUH to unreadable data, storing nothing', async () => {
    const client = await Dc09TcpClient.open(env.tcpPort);
    const before = await count('SELECT count(*) AS n FROM signals');
    const good = buildFrame({ id: 'SIA-DCS', sequence: 40, account: '1234', message: 'Nri1/BA001' });
    const badCrc = Buffer.from(good);
    badCrc[1] = badCrc[1] === 0x30 ? 0x31 : 0x30;
    client.send(badCrc);
    expect((await client.nextReply())?.type).toBe('NAK');
    client.send(Buffer.from('\n57150047"ADM-CID"0247R4F39L4F39#4F39[#4F39|3401 01 057]\r', 'latin1'));
    expect((await client.nextReply())?.type).toBe('NAK');
    client.send(buildFrame({ id: 'SIA-DCS', sequence: 41, account: '1234', message: '???' }));
    expect((await client.nextReply())?.type).toBe('DUH');
    expect(await count('SELECT count(*) AS n FROM signals')).toBe(before);
    client.close();
  });

  it('NAKs an oversized frame and keeps the connection, and closes idle connections', async () => {
    const big = await Dc09TcpClient.open(env.tcpPort);
    big.send(Buffer.concat([Buffer.from('\n0000FFFF"SIA-DCS"0001L0#1234[', 'latin1'), Buffer.alloc(1000, 0x41)]));
    expect((await big.nextReply())?.type).toBe('NAK');
    // The rest of the oversized frame up to its CR is skipped; the next frame is read.
    big.send(
      Buffer.concat([
        Buffer.alloc(100, 0x41),
        Buffer.from(']\r'),
        buildFrame({ id: 'NULL', sequence: 2, account: '1234' }),
      ]),
    );
    expect(await big.nextReply()).toMatchObject({ type: 'ACK', sequence: '0002' });
    expect(big.closed).toBe(false);
    big.close();

    const idle = await Dc09TcpClient.open(env.tcpPort);
    const started = Date.now();
    expect(await idle.waitClosed(10_000)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_500);
  });

  it('refuses connections over the limit', async () => {
    const clients = await Promise.all(Array.from({ length: 40 }, () => Dc09TcpClient.open(env.tcpPort)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const extra = await Dc09TcpClient.open(env.tcpPort);
    expect(await extra.waitClosed(3000)).toBe(true);
    for (const client of clients) client.close();
  });

  it("listens with an accept queue of DC09_LISTEN_BACKLOG, not Node's 511 (as the kernel reports it)", async () => {
    // For a listening socket, ss's Send-Q is the accept queue's size: the backlog asked for,
    // capped by net.core.somaxconn.
    const somaxconn = Number(readFileSync('/proc/sys/net/core/somaxconn', 'utf8').trim());
    const listening = execFileSync('ss', ['-ltnH', `sport = :${env.tcpPort}`], { encoding: 'utf8' }).trim();
    const sendQ = Number(listening.split(/\s+/)[2]);
    expect(env.config.dc09.listenBacklog).toBe(4096);
    expect(sendQ).toBe(Math.min(4096, somaxconn));
  });

  it('survives random bytes without crashing or storing anything (fuzz)', async () => {
    const before = await count('SELECT count(*) AS n FROM signals');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 200 }), { minLength: 1, maxLength: 10 }),
        async (chunks) => {
          const client = await Dc09TcpClient.open(env.tcpPort);
          for (const chunk of chunks) client.send(Buffer.from(chunk));
          // Random bytes that happen to make a valid frame with a known code are vanishingly rare.
          await new Promise((resolve) => setTimeout(resolve, 5));
          client.close();
        },
      ),
      { numRuns: 60 },
    );
    const health = await fetch(`${env.url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await count('SELECT count(*) AS n FROM signals')).toBe(before);
  });
});

describe('DC-09 over UDP', () => {
  it('answers every frame of a datagram with its own reply datagram', async () => {
    const before = await signalRows('1234');
    const frames = [50, 51].map((seq) =>
      buildFrame({ id: 'SIA-DCS', sequence: seq, account: '1234', message: `Nri1/TA00${seq % 10}` }),
    );
    const replies = await udpExchange(env.udpPort, Buffer.concat(frames));
    const parsed = replies.map((reply) => parseReply(reply));
    expect(parsed.map((r) => r.ok && `${r.value.type}${r.value.sequence}`).sort()).toEqual(['ACK0050', 'ACK0051']);
    expect(await signalRows('1234')).toBe(before + 2);
    const [{ source }] = (await env.query<{ source: string }>(
      `SELECT source FROM signals ORDER BY id DESC LIMIT 1`,
    )) as [{ source: string }];
    expect(source).toBe('dc09-udp');
  });

  it('answers a NULL link test and ignores garbage', async () => {
    const [ack] = await udpExchange(env.udpPort, buildFrame({ id: 'NULL', sequence: 60, account: '1234' }));
    expect(parseReply(ack!)).toMatchObject({ ok: true, value: { type: 'ACK', sequence: '0060' } });
    expect(await udpExchange(env.udpPort, Buffer.from('hello'), 300)).toEqual([]);
  });
});

describe('clear text from a transmitter that has a key', () => {
  /** The flag of the newest signal of the account and of its case, once evaluated. */
  async function flags(account: string, zone: string) {
    return eventually(async () => {
      const [row] = await env.query<{ signal: boolean; case: boolean | null; evaluated: boolean }>(
        `SELECT s.unencrypted_from_keyed AS signal, c.unencrypted_from_keyed AS case,
                s.evaluated_at IS NOT NULL AS evaluated
           FROM signals_with_decisions s LEFT JOIN cases c ON c.id = s.case_id
          WHERE s.account = $1 AND s.zone = $2 ORDER BY s.id DESC LIMIT 1`,
        [account, zone],
      );
      return row?.evaluated ? { signal: row.signal, case: row.case } : undefined;
    });
  }

  it('is stored, acknowledged and marked with its case, and counted (TCP)', async () => {
    const stored = await unencrypted('stored');
    const client = await Dc09TcpClient.open(env.tcpPort);
    client.send(buildFrame({ id: 'SIA-DCS', sequence: 101, account: 'AB12', message: 'Nri1/FA101' }));
    // An alarm is never dropped: the clear-text message gets a clear-text ACK.
    expect(await client.nextReply()).toMatchObject({ type: 'ACK', sequence: '0101', account: 'AB12' });
    client.close();
    expect(await flags('AB12', '101')).toEqual({ signal: true, case: true });
    expect(await unencrypted('stored')).toBe(stored + 1);
  });

  it('is stored, acknowledged, marked and counted over UDP too, and an encrypted one is not marked', async () => {
    const stored = await unencrypted('stored');
    const [ack] = await udpExchange(
      env.udpPort,
      buildFrame({ id: 'SIA-DCS', sequence: 102, account: 'AB12', message: 'Nri1/BA102' }),
    );
    expect(parseReply(ack!)).toMatchObject({ ok: true, value: { type: 'ACK', sequence: '0102' } });
    expect(await flags('AB12', '102')).toEqual({ signal: true, case: true });
    expect(await unencrypted('stored')).toBe(stored + 1);

    const [encryptedAck] = await udpExchange(
      env.udpPort,
      buildFrame({ id: 'SIA-DCS', sequence: 103, account: 'AB12', message: 'Nri1/UT103', key: KEY }),
    );
    expect(parseReply(encryptedAck!, KEY)).toMatchObject({ ok: true, value: { type: 'ACK', sequence: '0103' } });
    expect((await flags('AB12', '103')).signal).toBe(false);
    expect(await unencrypted('stored')).toBe(stored + 1);
  });

  it('counts a clear-text link test of a transmitter with a key and acknowledges it', async () => {
    const heartbeats = await unencrypted('heartbeat');
    const client = await Dc09TcpClient.open(env.tcpPort);
    client.send(buildFrame({ id: 'NULL', sequence: 104, account: 'AB12' }));
    expect((await client.nextReply())?.type).toBe('ACK');
    client.close();
    expect(await unencrypted('heartbeat')).toBe(heartbeats + 1);
  });

  it('is refused with DUH, stored nowhere and counted when the transmitter requires encryption (TCP and UDP)', async () => {
    const before = await count('SELECT count(*) AS n FROM signals');
    const refused = await unencrypted('refused');
    const duh = await metric('arc_receiver_frames_total', 'outcome="duh_unencrypted"');
    const client = await Dc09TcpClient.open(env.tcpPort);
    client.send(buildFrame({ id: 'SIA-DCS', sequence: 110, account: 'AB13', message: 'Nri1/BA110' }));
    expect(await client.nextReply()).toMatchObject({ type: 'DUH', sequence: '0110', account: 'AB13' });
    // A clear-text link test could hide a cut line: refused too.
    client.send(buildFrame({ id: 'NULL', sequence: 111, account: 'AB13' }));
    expect((await client.nextReply())?.type).toBe('DUH');
    const [reply] = await udpExchange(
      env.udpPort,
      buildFrame({ id: 'ADM-CID', sequence: 112, account: 'AB13', message: '1130 01 112' }),
    );
    expect(parseReply(reply!)).toMatchObject({ ok: true, value: { type: 'DUH', sequence: '0112' } });
    expect(await unencrypted('refused')).toBe(refused + 3);
    expect(await metric('arc_receiver_frames_total', 'outcome="duh_unencrypted"')).toBe(duh + 3);
    expect(await count('SELECT count(*) AS n FROM signals')).toBe(before);

    // Encrypted under its key, the same transmitter is heard as usual.
    client.send(buildFrame({ id: 'SIA-DCS', sequence: 113, account: 'AB13', message: 'Nri1/BA113', key: KEY }));
    expect((await client.nextReply(KEY))?.type).toBe('ACK');
    client.close();
    expect(await flags('AB13', '113')).toEqual({ signal: false, case: false });
    expect(await count(`SELECT count(*) AS n FROM signals WHERE account = 'AB13'`)).toBe(1);
  });
});

describe('when PostgreSQL cannot store', () => {
  it('sends no ACK, says so in the health check, and stores the retried frame once when it is back', async () => {
    const database = new URL(env.config.database.url).pathname.slice(1);
    const pg = await import('pg');
    const admin = new pg.default.Client({
      connectionString: env.config.database.url.replace(`/${database}`, '/postgres'),
    });
    await admin.connect();
    await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [database],
    );
    const frame = buildFrame({ id: 'SIA-DCS', sequence: 90, account: '1234', message: 'Nri1/BA090' });
    try {
      const client = await Dc09TcpClient.open(env.tcpPort);
      client.send(frame);
      expect(await client.nextReply(null, 2000)).toBeNull();
      const health = await fetch(`${env.url}/api/v1/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ postgres: 'down', receivers: { acknowledging: false } });
      client.close();
    } finally {
      await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    // The panel retries: now it is stored and acknowledged, once.
    const ack = await eventually(async () => {
      const client = await Dc09TcpClient.open(env.tcpPort);
      client.send(frame);
      const reply = await client.nextReply(null, 2000);
      client.close();
      return reply?.type === 'ACK' ? reply : undefined;
    }, 20_000);
    expect(ack.sequence).toBe('0090');
    expect(await count(`SELECT count(*) AS n FROM signals WHERE account = '1234' AND zone = '090'`)).toBe(1);
    await eventually(async () => ((await fetch(`${env.url}/api/v1/health`)).status === 200 ? true : undefined));
  });
});
