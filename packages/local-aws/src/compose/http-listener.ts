import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from '../http/handler-types.js';
import { createNodeServer } from '../http/node-server.js';

/** Serve `handle` over HTTP on host:port (0 picks a free port); resolves once listening. */
export async function listenHttp(
  handle: RequestHandler,
  port: number,
  host: string,
  log: (line: string) => void,
): Promise<{ server: Server; url: string; port: number }> {
  const server = createNodeServer(handle, log);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return { server, url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`, port: bound };
}

/** Stop listening and drop open connections; resolves once the server is closed. */
export function closeHttp(server: Server): Promise<void> {
  return new Promise<void>((ok) => {
    server.close(() => ok());
    server.closeAllConnections();
  });
}
