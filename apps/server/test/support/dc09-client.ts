import { createSocket } from 'node:dgram';
import { connect, type Socket } from 'node:net';
import { parseReply, type Dc09Reply } from '../../src/ingest/dc09/dc09-frame.js';
import { FrameSplitter } from '../../src/ingest/dc09/frame-splitter.js';

/** A minimal DC-09 panel for tests: sends bytes over TCP and reads the reply frames in order. */
export class Dc09TcpClient {
  private readonly replies: Buffer[] = [];
  private readonly waiters: ((frame: Buffer) => void)[] = [];
  private readonly splitter = new FrameSplitter(4096);
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const frame of this.splitter.push(chunk).frames) {
        const waiter = this.waiters.shift();
        if (waiter) waiter(frame);
        else this.replies.push(frame);
      }
    });
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => undefined);
  }

  static open(port: number): Promise<Dc09TcpClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => resolve(new Dc09TcpClient(socket)));
      socket.once('error', reject);
    });
  }

  send(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** The next reply frame, or null when none comes within the timeout. */
  nextFrame(timeoutMs = 3000): Promise<Buffer | null> {
    const ready = this.replies.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        resolve(null);
      }, timeoutMs);
      const waiter = (frame: Buffer) => {
        clearTimeout(timer);
        resolve(frame);
      };
      this.waiters.push(waiter);
    });
  }

  async nextReply(key: Buffer | null = null, timeoutMs = 3000): Promise<Dc09Reply | null> {
    const frame = await this.nextFrame(timeoutMs);
    if (!frame) return null;
    const reply = parseReply(frame, key);
    if (!reply.ok) throw new Error(`unreadable reply: ${reply.message}`);
    return reply.value;
  }

  waitClosed(timeoutMs = 10_000): Promise<boolean> {
    if (this.closed) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.socket.once('close', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

/** Sends one datagram and collects the reply datagrams that arrive within the wait. */
export function udpExchange(port: number, datagram: Buffer, waitMs = 1000): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    const replies: Buffer[] = [];
    socket.on('message', (message) => replies.push(message));
    socket.on('error', reject);
    socket.send(datagram, port, '127.0.0.1', (error) => {
      if (error) reject(error);
      setTimeout(() => {
        socket.close();
        resolve(replies);
      }, waitMs);
    });
  });
}

/**
 * Sends one datagram from a fresh socket and resolves with the replies once `expected` have
 * arrived (or with what came when the timeout passes): waits for the replies, not for a time.
 */
export function udpRequest(port: number, datagram: Buffer, expected: number, timeoutMs = 10_000): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    const replies: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.close();
      resolve(replies);
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('message', (message) => {
      replies.push(message);
      if (replies.length >= expected) done();
    });
    socket.on('error', reject);
    socket.send(datagram, port, '127.0.0.1', (error) => {
      if (error) reject(error);
    });
  });
}
