import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDc09Key } from '../ingest/index.js';
import {
  buildAck,
  buildDuh,
  buildNak,
  openPayload,
  parseFrame,
  type Dc09Frame,
  type Dc09Payload,
} from '../ingest/index.js';
import { FrameSplitter } from '../ingest/index.js';
import { Transmitter, type TransmitterOptions } from './transmitter.js';

const KEY = 'AAAAAAAAAAAAAAAA';
const EVENT = { code: 'BA', zone: '012', area: '1' };

interface Received {
  frame: Dc09Frame;
  payload: Dc09Payload;
}

type Mode = 'ack' | 'silent' | 'close-after-reply' | 'drop-connection' | 'reverse-pairs';

/** A receiver as the contract describes it, small enough to trust: ACK, NAK for bad frames and stale times, DUH. */
class FakeReceiver {
  readonly received: Received[] = [];
  readonly sockets = new Set<Socket>();
  connections = 0;
  mode: Mode = 'ack';
  private tcp: Server | null = null;
  private udp: UdpSocket | null = null;

  constructor(private readonly keys: Record<string, string> = {}) {}

  reply(bytes: Buffer): Buffer | null {
    if (this.mode === 'silent') return null;
    const parsed = parseFrame(bytes);
    if (!parsed.ok) return buildNak();
    const frame = parsed.value;
    const keyText = this.keys[frame.account];
    const key = keyText ? parseDc09Key(keyText) : null;
    const payload = openPayload(frame, key);
    if (!payload.ok) return buildDuh(frame);
    const at = payload.value.timestamp;
    if (frame.encrypted && (!at || at.getTime() < Date.now() - 40_000 || at.getTime() > Date.now() + 20_000)) {
      return buildNak();
    }
    this.received.push({ frame, payload: payload.value });
    return buildAck(frame, key);
  }

  async listenTcp(): Promise<number> {
    this.tcp = createServer((socket) => {
      this.connections += 1;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      const splitter = new FrameSplitter(2048);
      let held: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => {
        for (const bytes of splitter.push(chunk).frames) {
          if (this.mode === 'drop-connection') {
            socket.destroy();
            return;
          }
          const answer = this.reply(bytes);
          if (!answer) continue;
          if (this.mode === 'reverse-pairs') {
            held.push(answer);
            if (held.length === 2) {
              socket.write(Buffer.concat([held[1]!, held[0]!]));
              held = [];
            }
            continue;
          }
          if (!socket.writable) return;
          socket.write(answer);
          if (this.mode === 'close-after-reply') socket.end();
        }
      });
    });
    await new Promise<void>((resolve) => this.tcp!.listen(0, '127.0.0.1', resolve));
    return (this.tcp.address() as AddressInfo).port;
  }

  async listenUdp(): Promise<number> {
    const socket = createSocket('udp4');
    this.udp = socket;
    socket.on('message', (message, from) => {
      const answer = this.reply(message);
      if (answer) socket.send(answer, from.port, from.address);
    });
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return socket.address().port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    if (this.tcp) await new Promise((resolve) => this.tcp!.close(resolve));
    if (this.udp) await new Promise<void>((resolve) => this.udp!.close(resolve));
  }
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  await new Promise((resolve) => setTimeout(resolve, 20));
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setup(
  transport: 'tcp' | 'udp',
  options: Partial<TransmitterOptions> = {},
  keys: Record<string, string> = {},
): Promise<{ receiver: FakeReceiver; transmitter: Transmitter }> {
  const receiver = new FakeReceiver(keys);
  cleanup.push(() => receiver.close());
  const port = transport === 'tcp' ? await receiver.listenTcp() : await receiver.listenUdp();
  const transmitter = new Transmitter({ account: '1001', port, transport, timeoutMs: 2000, ...options });
  cleanup.push(() => transmitter.close());
  return { receiver, transmitter };
}

describe('Transmitter over TCP', () => {
  it('sends events on one connection and gets each ACKed with a latency', async () => {
    const { receiver, transmitter } = await setup('tcp');
    const results = [
      await transmitter.sendEvent(EVENT),
      await transmitter.sendNull(),
      await transmitter.sendEvent(EVENT),
    ];
    expect(results.map((r) => [r.kind, r.sequence, r.outcome])).toEqual([
      ['event', 1, 'ACK'],
      ['null', 2, 'ACK'],
      ['event', 3, 'ACK'],
    ]);
    expect(results.every((r) => r.latencyMs !== null && r.latencyMs > 0 && r.latencyMs < 2000)).toBe(true);
    expect(receiver.connections).toBe(1);
    expect(receiver.received.map((r) => [r.frame.id, r.frame.sequence, r.payload.data])).toEqual([
      ['SIA-DCS', '0001', 'Nri1/BA012'],
      ['NULL', '0002', ''],
      ['SIA-DCS', '0003', 'Nri1/BA012'],
    ]);
  });

  it('wraps the sequence from 9999 to 0001', async () => {
    const { receiver, transmitter } = await setup('tcp', { firstSequence: 9998 });
    for (let i = 0; i < 3; i += 1) expect((await transmitter.sendNull()).outcome).toBe('ACK');
    expect(receiver.received.map((r) => r.frame.sequence)).toEqual(['9998', '9999', '0001']);
    expect(transmitter.nextSequence).toBe(2);
  });

  it('resends the same sequence and message with a new timestamp', async () => {
    let now = Date.parse('2026-11-22T10:00:00Z');
    const clock = (): Date => new Date((now += 7000));
    const { receiver, transmitter } = await setup('tcp', { protocol: 'ADM-CID', clock });
    await transmitter.sendEvent({ code: '1130', zone: '7', area: '2' });
    const again = await transmitter.resend('retransmit');
    expect(again).toMatchObject({ kind: 'retransmit', sequence: 1, outcome: 'ACK' });
    const [first, second] = receiver.received;
    expect(second!.frame.sequence).toBe(first!.frame.sequence);
    expect(second!.payload.data).toBe('1130 02 007');
    expect(second!.payload.data).toBe(first!.payload.data);
    expect(second!.payload.timestamp!.getTime() - first!.payload.timestamp!.getTime()).toBe(7000);
  });

  it('encrypts with the key and reads the encrypted *ACK', async () => {
    const { receiver, transmitter } = await setup('tcp', { key: KEY }, { '1001': KEY });
    const result = await transmitter.sendEvent(EVENT);
    expect(result.outcome).toBe('ACK');
    expect(result.reply?.timestamp).toBeInstanceOf(Date);
    expect(receiver.received[0]!.frame.encrypted).toBe(true);
    expect(receiver.received[0]!.payload.data).toBe('Nri1/BA012');
  });

  it('gets a DUH when the receiver has another key', async () => {
    const { transmitter } = await setup('tcp', { key: KEY }, { '1001': 'BBBBBBBBBBBBBBBB' });
    expect((await transmitter.sendEvent(EVENT)).outcome).toBe('DUH');
  });

  it('sees the receiver NAK broken frames and stay silent to garbage, and the link still works', async () => {
    const { receiver, transmitter } = await setup('tcp', { key: KEY, silenceMs: 300 }, { '1001': KEY });
    const outcomes: Record<string, string> = {};
    for (const kind of ['bad-crc', 'bad-length', 'truncated', 'garbage', 'stale-time'] as const) {
      outcomes[kind] = (await transmitter.sendMalformed(kind, EVENT)).outcome;
    }
    expect(outcomes).toEqual({
      'bad-crc': 'NAK',
      'bad-length': 'NAK',
      truncated: 'NAK',
      garbage: 'timeout',
      'stale-time': 'NAK',
    });
    expect((await transmitter.sendEvent(EVENT)).outcome).toBe('ACK');
    expect(receiver.received).toHaveLength(1);
    expect(receiver.connections).toBe(1);
  });

  it('matches replies by sequence when they come back out of order', async () => {
    const { receiver, transmitter } = await setup('tcp');
    receiver.mode = 'reverse-pairs';
    const results = await Promise.all(Array.from({ length: 10 }, () => transmitter.sendEvent(EVENT)));
    expect(results.map((r) => r.outcome)).toEqual(Array(10).fill('ACK'));
    expect(results.map((r) => r.reply?.sequence)).toEqual(results.map((r) => String(r.sequence).padStart(4, '0')));
    expect(transmitter.unmatchedReplies).toBe(0);
  });

  it('times out when no reply comes', async () => {
    const { receiver, transmitter } = await setup('tcp', { timeoutMs: 200 });
    receiver.mode = 'silent';
    const started = Date.now();
    const result = await transmitter.sendEvent(EVENT);
    expect(result).toMatchObject({ outcome: 'timeout', latencyMs: null });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('reports a dropped connection at once and reconnects for the next frame', async () => {
    const { receiver, transmitter } = await setup('tcp', { timeoutMs: 5000 });
    receiver.mode = 'drop-connection';
    const started = Date.now();
    expect((await transmitter.sendEvent(EVENT)).outcome).toBe('closed');
    expect(Date.now() - started).toBeLessThan(2000);
    receiver.mode = 'close-after-reply';
    expect((await transmitter.resend('retry')).outcome).toBe('ACK');
    // The receiver's FIN may come just after its ACK; a panel writing in between would lose the frame.
    await until(() => receiver.sockets.size === 0);
    expect((await transmitter.sendEvent(EVENT)).outcome).toBe('ACK');
    expect(receiver.connections).toBe(3);
  });

  it('gets closed when nothing listens', async () => {
    const receiver = new FakeReceiver();
    const port = await receiver.listenTcp();
    await receiver.close();
    const transmitter = new Transmitter({ account: '1001', port, timeoutMs: 500 });
    cleanup.push(() => transmitter.close());
    expect((await transmitter.sendEvent(EVENT)).outcome).toBe('closed');
  });
});

describe('Transmitter over UDP', () => {
  it('sends events and link tests from one socket', async () => {
    const { receiver, transmitter } = await setup('udp', { key: KEY }, { '1001': KEY });
    const results = await Promise.all([transmitter.sendEvent(EVENT), transmitter.sendNull()]);
    expect(results.map((r) => r.outcome)).toEqual(['ACK', 'ACK']);
    expect(receiver.received.map((r) => r.frame.id).sort()).toEqual(['NULL', 'SIA-DCS']);
    expect((await transmitter.sendMalformed('bad-crc', EVENT)).outcome).toBe('NAK');
  });

  it('times out when the datagram goes nowhere', async () => {
    const { receiver, transmitter } = await setup('udp', { timeoutMs: 200 });
    receiver.mode = 'silent';
    expect((await transmitter.sendNull()).outcome).toBe('timeout');
  });
});

describe('loopback only', () => {
  it('refuses any other host', () => {
    expect(() => new Transmitter({ account: '1001', port: 1, host: '10.0.0.1' })).toThrow(/loopback/);
    expect(() => new Transmitter({ account: '1001', port: 1, host: 'example.com' })).toThrow(/loopback/);
    expect(() => new Transmitter({ account: '1001', port: 1, host: '127.0.0.2' })).not.toThrow();
    expect(() => new Transmitter({ account: '1001', port: 1, host: 'localhost' })).not.toThrow();
  });
});
