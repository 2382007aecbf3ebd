import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

/** A port that is free on 127.0.0.1 right now (TCP, or UDP). */
export function freePort(kind: 'tcp' | 'udp' = 'tcp'): Promise<number> {
  return new Promise((resolve, reject) => {
    if (kind === 'udp') {
      const socket = createSocket('udp4');
      socket.bind(0, '127.0.0.1', () => {
        const { port } = socket.address();
        socket.close(() => resolve(port));
      });
      socket.on('error', reject);
      return;
    }
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
