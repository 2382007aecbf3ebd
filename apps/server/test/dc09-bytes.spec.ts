import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDc09Key } from '../src/ingest/dc09/dc09-crypto.js';
import { buildFrame, parseReply, type Dc09Reply } from '../src/ingest/dc09/dc09-frame.js';
import { SignalWriterService, type NewSignal } from '../src/ingest/signal-writer.service.js';
import { Dc09TcpClient, udpRequest } from './support/dc09-client.js';
import { TestEnvironment } from './support/test-app.js';

/**
 * Whatever bytes a panel puts in a frame: stored (the frame byte for byte, the text made safe)
 * and acknowledged, without harming the other frames of the same write or batch (issue 13,
 * items 1 and 8). Uses the default DC09_MAX_FRAME_BYTES.
 */
const env = new TestEnvironment();
const KEY_TEXT = 'Bytes-Key-16chrs';
const KEY = parseDc09Key(KEY_TEXT);

/** NUL, C0 controls, DEL, C1 controls, invalid UTF-8 (C3 28, FF) and an LF, as raw bytes. */
const DIRTY = Buffer.from([0x00, 0x01, 0x1f, 0x7f, 0x80, 0x9f, 0xc3, 0x28, 0xff, 0x0a, 0x41]).toString('latin1');
/** What the text columns hold for DIRTY: controls replaced, Latin-1 letters and LF kept. */
const DIRTY_STORED = '\uFFFD'.repeat(6) + 'Ã(ÿ\nA';

beforeAll(async () => {
  await env.start();
  await env.createSite('B001', 'Bytes 1');
  await env.createSite('B002', 'Bytes 2');
  await env.createSite('B0E1', 'Bytes encrypted', { key: KEY_TEXT });
});

afterAll(async () => {
  await env.destroy();
});

const rowsOf = (frame: Buffer) =>
  env.query<{ text: string | null; xdata: string[] | null; raw: string; occurred_at: Date | null }>(
    `SELECT text, xdata, raw, occurred_at FROM signals WHERE raw_bytes = $1`,
    [frame],
  );

async function replies(client: Dc09TcpClient, count: number, key: Buffer | null = null): Promise<Dc09Reply[]> {
  const result: Dc09Reply[] = [];
  for (let i = 0; i < count; i += 1) {
    const frame = await client.nextFrame(10_000);
    if (!frame) break;
    const reply = parseReply(frame, key);
    if (!reply.ok) throw new Error(reply.message);
    result.push(reply.value);
  }
  return result;
}

async function health(): Promise<{ status: number; body: { receivers: Record<string, unknown> } }> {
  const response = await fetch(`${env.url}/api/v1/health`);
  return { status: response.status, body: (await response.json()) as { receivers: Record<string, unknown> } };
}

/** A sequence whose binary CRC has a 0x00 byte: the text copy of the frame then holds a NUL. */
function binaryCrcWithNul(): { frame: Buffer; sequence: string } {
  for (let seq = 100; seq < 9999; seq += 1) {
    const frame = buildFrame({
      id: 'SIA-DCS',
      sequence: seq,
      account: 'B002',
      message: 'Nri1/BA007',
      crcFormat: 'binary',
    });
    if (frame[1] === 0 || frame[2] === 0) return { frame, sequence: String(seq).padStart(4, '0') };
  }
  throw new Error('no such sequence');
}

describe('bytes a panel may send', () => {
  it('stores and ACKs NUL, controls, 0x80–0xFF and invalid UTF-8 in text and xdata over TCP, frame kept byte for byte', async () => {
    const inText = buildFrame({ id: 'SIA-DCS', sequence: 1, account: 'B001', message: `Nri1/FA001^Brand${DIRTY}^` });
    const inXdata = buildFrame({
      id: 'SIA-DCS',
      sequence: 2,
      account: 'B001',
      message: 'Nri1/BA002',
      xdata: [`X${DIRTY}`, 'Y2'],
    });
    const { frame: binary, sequence } = binaryCrcWithNul();
    const clean = buildFrame({ id: 'SIA-DCS', sequence: 3, account: 'B002', message: 'Nri1/BA003' });
    const client = await Dc09TcpClient.open(env.tcpPort);
    // One write, as a panel (or an attacker) may send them.
    client.send(Buffer.concat([inText, clean, inXdata, binary]));
    expect((await replies(client, 4)).map((r) => `${r.type}${r.account}:${r.sequence}`)).toEqual([
      'ACKB001:0001',
      'ACKB002:0003',
      'ACKB001:0002',
      `ACKB002:${sequence}`,
    ]);

    const [text] = await rowsOf(inText);
    expect(text).toMatchObject({ text: `Brand${DIRTY_STORED}`, xdata: null });
    expect(text!.raw).toContain(`^Brand${DIRTY_STORED}^`);
    // Two blocks, even though the first holds 0x1F (which used to split it).
    expect((await rowsOf(inXdata))[0]!.xdata).toEqual([`X${DIRTY_STORED}`, 'Y2']);
    expect(await rowsOf(binary)).toHaveLength(1);
    expect(await rowsOf(clean)).toHaveLength(1);

    // The panel retransmits the frame: ACK again, still one row.
    client.send(inText);
    expect((await replies(client, 1))[0]).toMatchObject({ type: 'ACK', sequence: '0001' });
    expect(await rowsOf(inText)).toHaveLength(1);
    expect(client.closed).toBe(false);
    client.close();
    expect((await health()).status).toBe(200);
  });

  it('stores and ACKs them over UDP, plain and encrypted', async () => {
    const plain = buildFrame({ id: 'SIA-DCS', sequence: 11, account: 'B001', message: `Nri1/FA011^${DIRTY}^` });
    const encrypted = buildFrame({
      id: 'SIA-DCS',
      sequence: 12,
      account: 'B0E1',
      message: `Nri1/FA012^${DIRTY}^`,
      xdata: [`X${DIRTY}`],
      key: KEY,
    });
    const answers = await udpRequest(env.udpPort, Buffer.concat([plain, encrypted]), 2);
    const parsed = answers.map((answer) => parseReply(answer, KEY));
    expect(parsed.map((r) => r.ok && `${r.value.type}${r.value.sequence}`).sort()).toEqual(['ACK0011', 'ACK0012']);
    expect(await rowsOf(plain)).toMatchObject([{ text: DIRTY_STORED }]);
    expect(await rowsOf(encrypted)).toMatchObject([{ text: DIRTY_STORED, xdata: [`X${DIRTY_STORED}`] }]);

    // Encrypted over TCP as well, with a clean frame in the same write.
    const client = await Dc09TcpClient.open(env.tcpPort);
    const again = buildFrame({
      id: 'SIA-DCS',
      sequence: 13,
      account: 'B0E1',
      message: `Nri1/FA013^${DIRTY}^`,
      key: KEY,
    });
    const clean = buildFrame({ id: 'SIA-DCS', sequence: 14, account: 'B002', message: 'Nri1/BA014' });
    client.send(Buffer.concat([again, clean]));
    expect((await replies(client, 2, KEY)).map((r) => `${r.type}${r.sequence}`)).toEqual(['ACK0013', 'ACK0014']);
    expect(await rowsOf(again)).toHaveLength(1);
    client.close();
  });

  it('makes the text of HTTP-ingested signals storable in the writer too, without merging distinct event ids', async () => {
    const writer = env.app!.get(SignalWriterService);
    const signal = (eventId: string, text: string): NewSignal => ({
      source: 'http',
      raw: JSON.stringify({ account: 'B001', code: 'BA', text, eventId }),
      account: 'B001',
      transmitterId: null,
      protocol: 'SIA',
      code: 'BA',
      zone: null,
      area: null,
      text,
      kind: 'ALARM',
      category: 'INTRUSION',
      occurredAt: null,
      dedupKey: `http:${eventId}`,
    });
    const [a, b, c] = await writer.storeAll([
      signal('ev\u0000', 'a\u0000b\uD800c'),
      signal('ev\u0001', 'a\u0000b'),
      signal('ev\u0000', 'repeated'),
    ]);
    expect(a!.duplicate).toBe(false);
    expect(b!.duplicate).toBe(false);
    expect(b!.id).not.toBe(a!.id);
    expect(c).toMatchObject({ duplicate: true, id: a!.id });
    const rows = await env.query<{ text: string }>(
      `SELECT text FROM signals WHERE id = ANY($1::bigint[]) ORDER BY id`,
      [[a!.id, b!.id]],
    );
    expect(rows.map((row) => row.text)).toEqual(['a\uFFFDb\uFFFDc', 'a\uFFFDb']);
  });
});

describe('a row PostgreSQL refuses', () => {
  // Stand-ins for data PostgreSQL refuses although it passed the writer's checks.
  beforeAll(async () => {
    await env.query(
      `ALTER TABLE signals ADD CONSTRAINT test_refuse_old CHECK (occurred_at IS NULL OR occurred_at > '2001-01-01')`,
    );
    await env.query(`ALTER TABLE signals ADD CONSTRAINT test_refuse_zone CHECK (zone IS DISTINCT FROM '666')`);
  });
  afterAll(async () => {
    await env.query(`ALTER TABLE signals DROP CONSTRAINT test_refuse_old, DROP CONSTRAINT test_refuse_zone`);
  });

  const signal = (zone: string, occurredAt: Date | null = null): NewSignal => ({
    source: 'http',
    raw: `refused-batch-${zone}`,
    account: 'B002',
    transmitterId: null,
    protocol: 'SIA',
    code: 'BA',
    zone,
    area: null,
    text: null,
    kind: 'ALARM',
    category: 'INTRUSION',
    occurredAt,
    dedupKey: `test:${zone}`,
  });

  it('never fails the other rows of its batch, is stored without its details if it can be, and health stays 200', async () => {
    const writer = env.app!.get(SignalWriterService);
    // One call: one batch.
    const outcomes = await Promise.allSettled(
      ['101', '666', '102', 'old', '103'].map((zone) =>
        writer.store(signal(zone, zone === 'old' ? new Date('2000-06-01T00:00:00Z') : null)),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'UNPROCESSABLE' });
    const rows = await env.query<{ zone: string; occurred_at: Date | null }>(
      `SELECT zone, occurred_at FROM signals WHERE raw LIKE 'refused-batch-%' ORDER BY id`,
    );
    expect(rows).toEqual([
      { zone: '101', occurred_at: null },
      { zone: '102', occurred_at: null },
      { zone: 'old', occurred_at: null },
      { zone: '103', occurred_at: null },
    ]);
    expect(writer.storageHealthy).toBe(true);
    // The retransmission of the row stored without its details is recognised.
    expect(await writer.store(signal('old', new Date('2000-06-01T00:00:00Z')))).toMatchObject({ duplicate: true });
    expect((await health()).status).toBe(200);
  });

  it('over TCP: the other frames of the write are ACKed, the refused one gets no reply, nothing unstored is ACKed', async () => {
    const client = await Dc09TcpClient.open(env.tcpPort);
    const frames = [
      buildFrame({ id: 'SIA-DCS', sequence: 21, account: 'B001', message: 'Nri1/BA021' }),
      buildFrame({ id: 'SIA-DCS', sequence: 22, account: 'B002', message: 'Nri1/BA666' }),
      buildFrame({
        id: 'SIA-DCS',
        sequence: 23,
        account: 'B002',
        message: 'Nri1/BA023',
        timestamp: new Date('2000-06-01T00:00:00Z'),
      }),
      buildFrame({ id: 'SIA-DCS', sequence: 24, account: 'B001', message: 'Nri1/BA024' }),
    ];
    client.send(Buffer.concat(frames));
    expect((await replies(client, 3)).map((r) => `${r.type}${r.sequence}`)).toEqual(['ACK0021', 'ACK0023', 'ACK0024']);
    expect(await rowsOf(frames[0]!)).toHaveLength(1);
    expect(await rowsOf(frames[1]!)).toHaveLength(0);
    expect(await rowsOf(frames[2]!)).toMatchObject([{ occurred_at: null }]);
    expect(await rowsOf(frames[3]!)).toHaveLength(1);
    const report = await health();
    expect(report.status).toBe(200);
    expect(report.body.receivers).toMatchObject({ acknowledging: true, frames: { no_reply_unstorable: 1 } });
    client.close();
  });
});

describe('frame size (DC09_MAX_FRAME_BYTES, default 4105)', () => {
  it('takes a 2.1 kB frame with xdata, NAKs a longer one in its place and keeps reading the connection', async () => {
    const client = await Dc09TcpClient.open(env.tcpPort);
    const long = buildFrame({
      id: 'SIA-DCS',
      sequence: 31,
      account: 'B001',
      message: 'Nri1/BA031',
      xdata: ['X'.padEnd(1100, 'x'), 'Y'.padEnd(1000, 'y')],
    });
    expect(long.length).toBeGreaterThan(2100);
    const tooLong = buildFrame({
      id: 'SIA-DCS',
      sequence: 32,
      account: 'B001',
      message: 'Nri1/BA032',
      xdata: ['X'.padEnd(4200, 'x')],
    });
    const after = buildFrame({ id: 'SIA-DCS', sequence: 33, account: 'B001', message: 'Nri1/BA033' });
    const before = (await health()).body.receivers;
    client.send(Buffer.concat([long, tooLong, after]));
    expect((await replies(client, 3)).map((r) => `${r.type}${r.sequence}`)).toEqual(['ACK0031', 'NAK0000', 'ACK0033']);
    expect(await rowsOf(long)).toHaveLength(1);
    expect(await rowsOf(tooLong)).toHaveLength(0);

    // 64 KiB without an LF never forms a frame: counted as garbage, no reply, the connection works.
    client.send(Buffer.alloc(65_536, 0x41));
    client.send(buildFrame({ id: 'NULL', sequence: 34, account: 'B001' }));
    expect((await replies(client, 1))[0]).toMatchObject({ type: 'ACK', sequence: '0034' });
    expect(client.closed).toBe(false);
    client.close();

    // Over UDP the datagram gets a NAK.
    const [nak] = await udpRequest(env.udpPort, tooLong, 1);
    expect(parseReply(nak!)).toMatchObject({ ok: true, value: { type: 'NAK' } });

    const { receivers } = (await health()).body;
    expect(receivers.oversizedFrames).toBe((before.oversizedFrames as number) + 2);
    expect(receivers.garbageBytes).toBe((before.garbageBytes as number) + 65_536);
    expect((receivers.frames as Record<string, number>).nak_oversized).toBe(2);
  });
});
