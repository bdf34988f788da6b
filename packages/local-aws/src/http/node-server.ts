import { createServer, type RequestListener, type Server } from 'node:http';
import type { RequestHandler } from './handler-types.js';
import { errorResult, internalError, protocolOf } from './request-handler.js';
import { sendResult } from './send-result.js';

/**
 * The node:http server around a request handler: nothing in it throws out of the request listener
 * (a failed write is a 500 or a closed connection), and malformed HTTP gets a bare 400.
 */
export function createNodeServer(handle: RequestHandler, log: (line: string) => void): Server {
  const listener: RequestListener = (req, res) => {
    const request = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headersDistinct,
      body: req,
    };
    handle(request)
      .then((result) => {
        if (res.headersSent || res.destroyed) return;
        sendResult(
          res,
          result,
          () => {
            const protocol = protocolOf(request);
            return errorResult(protocol, internalError(protocol), request.method, {
              requestId: result.headers?.['x-amz-request-id'] ?? '',
              hostId: result.headers?.['x-amz-id-2'] ?? '',
            });
          },
          log,
        );
      })
      .catch((e: unknown) => {
        log(`request failed: ${(e as Error).stack ?? e}`);
        res.destroy();
      });
  };
  const server = createServer(listener);
  // S3 serves a request whose Expect is not 100-continue as if it had none (Node would answer 417).
  server.on('checkExpectation', listener);
  server.on('clientError', (_err, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  server.keepAliveTimeout = 65_000;
  return server;
}
