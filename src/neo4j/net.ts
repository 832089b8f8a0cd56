// Small loopback network probes for the local Neo4j: is a port free, pick a free port, does Bolt answer.
// The Bolt probe is the protocol's own handshake, so "up" means a Bolt server replied, not just an open socket.

import net from 'node:net';

export const LOOPBACK = '127.0.0.1';

/** True when nothing listens on 127.0.0.1:port (we could bind it ourselves). */
export function isPortFree(port: number, host = LOOPBACK): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the kernel says is free right now; callers retry if someone takes it before they bind. */
export function freePort(host = LOOPBACK): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

// Magic preamble, then four proposed versions: 5.0–5.4 (range form), 4.4, none, none.
const HANDSHAKE = Buffer.from([
  0x60, 0x60, 0xb0, 0x17, 0x00, 0x04, 0x04, 0x05, 0x00, 0x00, 0x04, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0x00,
]);

/** Resolves to the negotiated Bolt version ("5.4") or null when nothing Bolt-speaking answers in time. */
export function boltHandshake(port: number, host = LOOPBACK, timeoutMs = 2000): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    let received = Buffer.alloc(0);
    const done = (result: string | null): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(null));
    socket.once('error', () => done(null));
    socket.once('connect', () => socket.write(HANDSHAKE));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4) return;
      const major = received[3] ?? 0;
      const minor = received[2] ?? 0;
      done(major > 0 ? `${major}.${minor}` : null);
    });
    socket.once('end', () => done(null));
  });
}
