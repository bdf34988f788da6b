import { request } from 'node:http';

export interface RawResponse {
  readonly status: number;
  readonly contentType: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

/** One HTTP request with exactly the given headers (fetch would set Host and Origin itself). */
export function rawRequest(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<RawResponse> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () =>
        ok({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'] ?? '',
          headers: res.headers,
          text,
        }),
      );
    });
    req.on('error', fail);
    req.end(body);
  });
}
