import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { connect, isIPv6, Socket } from 'node:net';
import { parseDc09Key } from '../ingest/index.js';
import { buildFrame, parseReply, type Dc09Reply } from '../ingest/index.js';
import { FrameSplitter } from '../ingest/index.js';
import {
  eventMessage,
  garbage,
  nextSequence,
  truncated,
  withBadCrc,
  withBadLength,
  type MalformedKind,
  type Protocol,
  type SimEvent,
} from './frames.js';
import { assertLoopback } from './loopback.js';
import type { Outcome } from './stats.js';

export type Transport = 'tcp' | 'udp';

/**
 * `event`: a new event; `retry`: the same event again after a timeout, NAK or lost link;
 * `retransmit`: the same event again although it was ACKed (the panel lost the ACK).
 */
export type FrameKind = 'event' | 'retry' | 'retransmit' | 'null' | `malformed:${MalformedKind}`;

export interface SendResult {
  kind: FrameKind;
  /** The sequence number the frame carried; null for garbage. */
  sequence: number | null;
  outcome: Outcome;
  /** From the write to the reply, in ms; null without a reply. */
  latencyMs: number | null;
  reply: Dc09Reply | null;
}

export interface TransmitterOptions {
  account: string;
  port: number;
  host?: string;
  protocol?: Protocol;
  /**
   * The AES key: its bytes, or text read as a stored key is (32/48/64 hex digits as hex, else
   * 16/24/32 ASCII characters).
   */
  key?: string | Buffer | null;
  transport?: Transport;
  /** How long to wait for a reply. */
  timeoutMs?: number;
  /** How long to listen for an (unexpected) reply to garbage. */
  silenceMs?: number;
  receiver?: string | null;
  line?: string;
  /** The sequence number of the first frame. */
  firstSequence?: number;
  /** Clear frames carry a timestamp too, as most panels send one. */
  timestamps?: boolean;
  clock?: () => Date;
}

interface Pending {
  kind: FrameKind;
  sequence: number | null;
  sequenceText: string | null;
  link: object;
  startedAt: bigint;
  timer: NodeJS.Timeout;
  resolve: (result: SendResult) => void;
}

const MAX_REPLY_BYTES = 4096;
const STALE_MS = 5 * 60_000;

/**
 * A simulated alarm transmitter. Over TCP it keeps one connection and opens a new one when the
 * receiver closed it; over UDP it uses one socket. Frames may be in flight together: ACK and DUH
 * are matched by sequence number, a NAK (which carries sequence 0000) by age, as the receiver
 * answers in order.
 */
export class Transmitter {
  readonly account: string;
  readonly protocol: Protocol;
  readonly transport: Transport;
  readonly encrypted: boolean;
  /** Replies that matched no frame in flight (late ones after a timeout, or wrong ones). */
  unmatchedReplies = 0;
  connects = 0;

  private readonly host: string;
  private readonly key: Buffer | null;
  private readonly timeoutMs: number;
  private readonly silenceMs: number;
  private readonly clock: () => Date;
  private sequence: number;
  private lastEvent: { sequence: number; message: string } | null = null;
  private pending: Pending[] = [];
  private tcp: Socket | null = null;
  private udp: UdpSocket | null = null;
  private opening: Promise<(bytes: Buffer) => object> | null = null;
  private closed = false;

  constructor(private readonly options: TransmitterOptions) {
    this.host = assertLoopback(options.host ?? '127.0.0.1');
    this.account = options.account.toUpperCase();
    this.protocol = options.protocol ?? 'SIA-DCS';
    this.transport = options.transport ?? 'tcp';
    this.key = !options.key ? null : Buffer.isBuffer(options.key) ? options.key : parseDc09Key(options.key);
    this.encrypted = this.key !== null;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.silenceMs = options.silenceMs ?? Math.min(1000, this.timeoutMs);
    this.clock = options.clock ?? (() => new Date());
    this.sequence = (options.firstSequence ?? 1) - 1;
  }

  /** The sequence number the next new frame will carry. */
  get nextSequence(): number {
    return nextSequence(this.sequence);
  }

  get inFlight(): number {
    return this.pending.length;
  }

  sendEvent(event: SimEvent): Promise<SendResult> {
    const sequence = this.takeSequence();
    const message = eventMessage(this.protocol, event);
    this.lastEvent = { sequence, message };
    return this.transmit('event', sequence, this.frame(this.protocol, sequence, message));
  }

  /** The last event again: same sequence and message, a new timestamp (and a new pad when encrypted). */
  resend(kind: 'retry' | 'retransmit' = 'retransmit'): Promise<SendResult> {
    if (!this.lastEvent) throw new Error('no event to send again');
    const { sequence, message } = this.lastEvent;
    return this.transmit(kind, sequence, this.frame(this.protocol, sequence, message));
  }

  /** A NULL link test; it takes a sequence number like any frame. */
  sendNull(): Promise<SendResult> {
    const sequence = this.takeSequence();
    return this.transmit('null', sequence, this.frame('NULL', sequence, ''));
  }

  /** A broken frame built from a fresh event, so a wrong ACK to it would be recognised by its sequence. */
  sendMalformed(kind: MalformedKind, event: SimEvent): Promise<SendResult> {
    if (kind === 'garbage') return this.transmit('malformed:garbage', null, garbage(40), this.silenceMs);
    if (kind === 'stale-time' && !this.key) throw new Error('stale-time needs an encrypted transmitter');
    const sequence = this.takeSequence();
    const message = eventMessage(this.protocol, event);
    const at = kind === 'stale-time' ? new Date(this.clock().getTime() - STALE_MS) : undefined;
    const frame = this.frame(this.protocol, sequence, message, at);
    const bytes =
      kind === 'bad-crc'
        ? withBadCrc(frame)
        : kind === 'bad-length'
          ? withBadLength(frame)
          : kind === 'truncated'
            ? truncated(frame)
            : frame;
    return this.transmit(`malformed:${kind}`, sequence, bytes);
  }

  /** Ends the link; frames still in flight count as `closed`. */
  async close(): Promise<void> {
    this.closed = true;
    for (const entry of [...this.pending]) this.settle(entry, 'closed', null, null);
    const tcp = this.tcp;
    const udp = this.udp;
    this.tcp = null;
    this.udp = null;
    if (tcp && !tcp.destroyed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => tcp.destroy(), 1000);
        tcp.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        tcp.end();
      });
    }
    if (udp) await new Promise<void>((resolve) => udp.close(() => resolve()));
  }

  private takeSequence(): number {
    this.sequence = nextSequence(this.sequence);
    return this.sequence;
  }

  private frame(id: string, sequence: number, message: string, at?: Date): Buffer {
    const stamped = this.key !== null || this.options.timestamps !== false;
    return buildFrame({
      id,
      sequence,
      account: this.account,
      receiver: this.options.receiver ?? null,
      line: this.options.line ?? '0',
      message,
      timestamp: stamped ? (at ?? this.clock()) : null,
      key: this.key,
    });
  }

  private async transmit(
    kind: FrameKind,
    sequence: number | null,
    bytes: Buffer,
    timeoutMs = this.timeoutMs,
  ): Promise<SendResult> {
    if (this.closed) throw new Error(`transmitter ${this.account} is closed`);
    let write: (bytes: Buffer) => object;
    try {
      write = await this.open();
    } catch {
      return { kind, sequence, outcome: 'closed', latencyMs: null, reply: null };
    }
    return new Promise<SendResult>((resolve) => {
      const entry: Pending = {
        kind,
        sequence,
        sequenceText: sequence === null ? null : String(sequence).padStart(4, '0'),
        link: this,
        startedAt: process.hrtime.bigint(),
        timer: setTimeout(() => this.settle(entry, 'timeout', null, null), timeoutMs),
        resolve,
      };
      this.pending.push(entry);
      entry.link = write(bytes);
      // The link may have failed between opening and writing: its 'close' has then passed.
      if (entry.link instanceof Socket && entry.link.destroyed) this.settle(entry, 'closed', null, null);
    });
  }

  private settle(entry: Pending, outcome: Outcome, reply: Dc09Reply | null, at: bigint | null): void {
    const index = this.pending.indexOf(entry);
    if (index < 0) return;
    this.pending.splice(index, 1);
    clearTimeout(entry.timer);
    const latencyMs = at === null ? null : Number(at - entry.startedAt) / 1e6;
    entry.resolve({ kind: entry.kind, sequence: entry.sequence, outcome, latencyMs, reply });
  }

  private onReply(bytes: Buffer, at: bigint): void {
    const parsed = parseReply(bytes, this.key);
    if (!parsed.ok) {
      const oldest = this.pending[0];
      if (oldest) this.settle(oldest, 'bad-reply', null, at);
      else this.unmatchedReplies += 1;
      return;
    }
    const reply = parsed.value;
    const entry =
      reply.type === 'NAK'
        ? this.pending[0]
        : reply.account === this.account
          ? this.pending.find((candidate) => candidate.sequenceText === reply.sequence)
          : undefined;
    if (entry) this.settle(entry, reply.type, reply, at);
    else this.unmatchedReplies += 1;
  }

  /** Frames written on a link that failed get `closed` at once instead of waiting for the timeout. */
  private failLink(link: object): void {
    for (const entry of this.pending.filter((candidate) => candidate.link === link)) {
      this.settle(entry, 'closed', null, null);
    }
  }

  private open(): Promise<(bytes: Buffer) => object> {
    if (this.transport === 'tcp' && this.tcp && !this.tcp.destroyed) {
      const socket = this.tcp;
      return Promise.resolve((bytes) => (socket.write(bytes), socket));
    }
    if (this.transport === 'udp' && this.udp) {
      const socket = this.udp;
      return Promise.resolve((bytes) => (socket.send(bytes), socket));
    }
    this.opening ??= (this.transport === 'tcp' ? this.openTcp() : this.openUdp()).finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  private openTcp(): Promise<(bytes: Buffer) => object> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.options.port });
      socket.setNoDelay(true);
      const splitter = new FrameSplitter(MAX_REPLY_BYTES);
      const timer = setTimeout(() => socket.destroy(new Error('connect timeout')), this.timeoutMs);
      socket.once('error', reject);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.off('error', reject);
        // Errors are followed by 'close', which fails the frames in flight.
        socket.on('error', () => undefined);
        this.connects += 1;
        if (this.closed) socket.destroy();
        else this.tcp = socket;
        resolve((bytes) => (socket.write(bytes), socket));
      });
      socket.on('data', (chunk: Buffer) => {
        const at = process.hrtime.bigint();
        for (const frame of splitter.push(chunk).frames) this.onReply(frame, at);
      });
      // The receiver closed its side: a frame written now would be lost, so the next one opens a new link.
      socket.once('end', () => {
        if (this.tcp === socket) this.tcp = null;
      });
      socket.once('close', () => {
        clearTimeout(timer);
        if (this.tcp === socket) this.tcp = null;
        this.failLink(socket);
      });
    });
  }

  private openUdp(): Promise<(bytes: Buffer) => object> {
    return new Promise((resolve, reject) => {
      const socket = createSocket(isIPv6(this.host) ? 'udp6' : 'udp4');
      socket.once('error', reject);
      socket.on('message', (message: Buffer) => this.onReply(message, process.hrtime.bigint()));
      socket.connect(this.options.port, this.host, () => {
        socket.off('error', reject);
        // A refused datagram (no receiver yet) shows up here; the frame then times out like a lost one.
        socket.on('error', () => undefined);
        this.udp = socket;
        resolve((bytes) => (socket.send(bytes), socket));
      });
    });
  }
}
