// Starting and stopping the HTTP server: loopback by default, a clear message (or the next free port) when the
// port is taken, and a close() that ends keep-alive connections so Ctrl-C exits at once.

import type { AddressInfo } from 'node:net';
import { GeokgError } from '../errors.js';
import { createApiServer, type AppOptions } from './app.js';

export const DEFAULT_PORT = 8765;
export const DEFAULT_HOST = '127.0.0.1';

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

export interface ListenOptions extends AppOptions {
  host?: string;
  port?: number;
  /** Try the next ports when the requested one is busy (the default port); false fails with a clear message. */
  fallback?: boolean;
  onNotice?: (message: string) => void;
}

export async function startServer(options: ListenOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const wanted = options.port ?? DEFAULT_PORT;
  const loopback = isLoopback(host);
  const server = createApiServer({
    ...options,
    allowedHostnames: options.allowedHostnames ?? (loopback ? ['127.0.0.1', 'localhost', '[::1]', '::1'] : undefined),
  });
  const attempts = options.fallback && wanted !== 0 ? 20 : 1;
  let port = wanted;
  for (let i = 0; i < attempts; i++) {
    port = wanted === 0 ? 0 : wanted + i;
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      const onError = (err: NodeJS.ErrnoException) => resolve(err);
      server.once('error', onError);
      server.listen({ port, host }, () => {
        server.off('error', onError);
        resolve(null);
      });
    });
    if (!error) break;
    if (error.code !== 'EADDRINUSE' || i === attempts - 1) {
      const why = error.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use` : error.message;
      const hint = error.code === 'EADDRINUSE' ? ' (choose another with --port N, or --port 0 for any free port)' : '';
      throw new GeokgError('server', `cannot listen: ${why}${hint}`);
    }
    options.onNotice?.(`port ${port} is busy, trying ${port + 1}`);
  }
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    port: address.port,
    host,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
