import { Transmitter } from '../../src/simulator/transmitter.js';
import type { TestEnvironment } from './test-app.js';

/** SIA-DCS panels of one test file, connected to its server, all closed by `closeAll`. */
export class TestPanels {
  private readonly open: Transmitter[] = [];

  constructor(
    private readonly env: TestEnvironment,
    private readonly timeoutMs: number,
  ) {}

  panel(account: string): Transmitter {
    const transmitter = new Transmitter({
      account,
      port: this.env.tcpPort,
      timeoutMs: this.timeoutMs,
      protocol: 'SIA-DCS',
    });
    this.open.push(transmitter);
    return transmitter;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.open.splice(0).map((p) => p.close()));
  }
}
