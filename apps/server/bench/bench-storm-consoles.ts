import { performance } from 'node:perf_hooks';
import { type LoginResponse } from '@arc/shared/auth';
import { type CaseChange, type QueueSnapshot } from '@arc/shared/case';
import {
  SOCKET_EVENTS,
  SOCKET_PROTOCOL,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@arc/shared/socket-events';
import { io, type Socket } from 'socket.io-client';

/**
 * The consoles of `bench-storm`: socket.io clients signed in as the demo operator, as the
 * console app connects (websocket transport, own connection each). They record, per case, when
 * it first reached any console and when it had reached all of them.
 */

const TIMEOUT_MS = 10_000;
const OPERATOR = 'operator';

/** Epoch ms, the clock of bench-storm-load too. */
const epochMs = (): number => performance.timeOrigin + performance.now();

export interface CaseSeen {
  account: string;
  category: string;
  /** Epoch ms of the first console's first change of the case. */
  firstAt: number;
  /** How many consoles have had a change of it. */
  consoles: number;
  /** Epoch ms when the last console got its first change; NaN until all have. */
  allAt: number;
}

interface Console {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  seen: Set<string>;
  lastSeq: number | null;
  seqGaps: number;
  changes: number;
  messages: number;
  disconnects: number;
  errors: string[];
}

export class ConsoleBoard {
  /** Every case any console was told about, by id (cases of the snapshots are not in it). */
  readonly cases = new Map<string, CaseSeen>();
  private readonly consoles: Console[] = [];
  private expected = 0;

  get count(): number {
    return this.consoles.length;
  }

  totals(): { changes: number; messages: number; seqGaps: number; disconnected: number; errors: string[] } {
    return {
      changes: this.consoles.reduce((sum, c) => sum + c.changes, 0),
      messages: this.consoles.reduce((sum, c) => sum + c.messages, 0),
      seqGaps: this.consoles.reduce((sum, c) => sum + c.seqGaps, 0),
      disconnected: this.consoles.filter((c) => c.disconnects > 0).length,
      errors: [...new Set(this.consoles.flatMap((c) => c.errors))],
    };
  }

  /** Signs in and connects `count` consoles one after the other; resolves when each has its snapshot. */
  async connect(httpUrl: string, password: string, count: number): Promise<void> {
    this.expected += count;
    for (let i = 0; i < count; i += 1) {
      const token = await login(httpUrl, password);
      this.consoles.push(await this.open(httpUrl, token, i));
    }
  }

  close(): void {
    for (const client of this.consoles) client.socket.close();
  }

  private arrived(client: Console, change: CaseChange, at: number): void {
    client.changes += 1;
    if (client.lastSeq !== null && change.seq !== client.lastSeq + 1) client.seqGaps += 1;
    client.lastSeq = change.seq;
    const { id, account, category } = change.summary;
    if (client.seen.has(id)) return;
    client.seen.add(id);
    let entry = this.cases.get(id);
    if (!entry) {
      entry = { account, category, firstAt: at, consoles: 0, allAt: Number.NaN };
      this.cases.set(id, entry);
    }
    entry.consoles += 1;
    if (entry.consoles === this.expected) entry.allAt = at;
  }

  private open(httpUrl: string, token: string, index: number): Promise<Console> {
    return new Promise((resolve, reject) => {
      // forceNew: one connection each, as 20 browsers would have, not 20 namespaces on one.
      const socket: Console['socket'] = io(httpUrl, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        auth: { token, protocol: SOCKET_PROTOCOL },
        timeout: TIMEOUT_MS,
      });
      const client: Console = {
        socket,
        seen: new Set(),
        lastSeq: null,
        seqGaps: 0,
        changes: 0,
        messages: 0,
        disconnects: 0,
        errors: [],
      };
      const timer = setTimeout(() => {
        socket.close();
        reject(new Error(`console ${index + 1} got no queue snapshot within ${TIMEOUT_MS} ms`));
      }, TIMEOUT_MS);
      socket.on('connect_error', (error) => {
        clearTimeout(timer);
        reject(new Error(`console ${index + 1} could not connect: ${error.message}`));
      });
      socket.on('disconnect', () => (client.disconnects += 1));
      socket.on(SOCKET_EVENTS.error, (error) => client.errors.push(`${error.code}: ${error.message}`));
      socket.on(SOCKET_EVENTS.queueSnapshot, (snapshot: QueueSnapshot) => {
        client.lastSeq = snapshot.seq;
        for (const summary of snapshot.cases) client.seen.add(summary.id);
        clearTimeout(timer);
        resolve(client);
      });
      socket.on(SOCKET_EVENTS.caseChanges, (changes: CaseChange[]) => {
        const at = epochMs();
        client.messages += 1;
        for (const change of changes) this.arrived(client, change, at);
      });
    });
  }
}

async function login(httpUrl: string, password: string): Promise<string> {
  const response = await fetch(`${httpUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: OPERATOR, password }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (response.status !== 200) throw new Error(`login as ${OPERATOR} answered ${response.status}`);
  return ((await response.json()) as LoginResponse).accessToken;
}
