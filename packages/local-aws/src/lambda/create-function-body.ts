import { Worker } from 'node:worker_threads';
import { ServiceError } from '../errors/service-error.js';
import type { RequestContext } from '../http/handler-types.js';
import { readBody } from '../xml/xml-reader.js';

/** A CreateFunction request: its JSON (with `Code.ZipFile` emptied) and the decoded zip, if any. */
export interface CreateFunctionBody {
  readonly body: Record<string, unknown>;
  readonly zip: Buffer | undefined;
}

/** Bodies up to this size are parsed in place; larger ones (a zip of megabytes) on a worker thread. */
const INLINE_PARSE = 1024 * 1024;

/**
 * Parse the JSON and decode the base64 zip: a 50 MB zip is ~70 MB of JSON, seconds of parsing and
 * decoding that must not hold every other request (kept as text so it runs from `src` and `dist`).
 */
const PARSER_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.once('message', (bytes) => {
  let body;
  try {
    body = bytes.length === 0 ? {} : JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'));
  } catch {
    parentPort.postMessage({ ok: false });
    return;
  }
  const code = body && typeof body === 'object' && !Array.isArray(body) ? body.Code : undefined;
  if (code && typeof code === 'object' && typeof code.ZipFile === 'string') {
    const zip = Buffer.from(code.ZipFile, 'base64');
    code.ZipFile = '';
    const out = new Uint8Array(zip.length);
    out.set(zip);
    parentPort.postMessage({ ok: true, body, zip: out }, [out.buffer]);
  } else parentPort.postMessage({ ok: true, body });
});
`;

type ParserReply = { ok: false } | { ok: true; body: unknown; zip?: Uint8Array };

function parseInline(bytes: Buffer): ParserReply {
  try {
    const body = bytes.length === 0 ? {} : JSON.parse(bytes.toString('utf8'));
    const code = body?.Code;
    if (code && typeof code === 'object' && typeof code.ZipFile === 'string') {
      const zip = Buffer.from(code.ZipFile, 'base64');
      code.ZipFile = '';
      return { ok: true, body, zip };
    }
    return { ok: true, body };
  } catch {
    return { ok: false };
  }
}

function parseOnThread(bytes: Buffer): Promise<ParserReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(PARSER_SOURCE, { eval: true });
    worker.once('message', (reply: ParserReply) => {
      resolve(reply);
      worker.terminate();
    });
    worker.once('error', reject);
    // A buffer that owns its memory moves to the thread instead of being copied (70 MB).
    const owns = bytes.byteOffset === 0 && bytes.length === bytes.buffer.byteLength;
    worker.postMessage(bytes, owns ? [bytes.buffer as ArrayBuffer] : []);
  });
}

/** A Lambda request's body, at most `limit` bytes: past it, the operation's 413. */
export async function readLambdaBody(
  ctx: RequestContext,
  limit: number,
  code: 'RequestEntityTooLargeException' | 'RequestTooLargeException',
  operation: string,
): Promise<Buffer> {
  try {
    return await readBody(ctx.body, limit);
  } catch (e) {
    if (e instanceof ServiceError)
      throw new ServiceError(
        413,
        code,
        `Request must be smaller than ${limit} bytes for the ${operation} operation`,
      );
    throw e;
  }
}

/** Read CreateFunction's body (413 past `limit`), parse it and decode its zip off the event loop. */
export async function readCreateFunctionBody(
  ctx: RequestContext,
  limit: number,
): Promise<CreateFunctionBody> {
  const bytes = await readLambdaBody(ctx, limit, 'RequestEntityTooLargeException', 'CreateFunction');
  const reply = bytes.length > INLINE_PARSE ? await parseOnThread(bytes) : parseInline(bytes);
  const body = reply.ok ? reply.body : undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ServiceError(400, 'InvalidRequestContentException', 'Could not parse request body into json');
  const zip =
    reply.ok && reply.zip ? Buffer.from(reply.zip.buffer, reply.zip.byteOffset, reply.zip.length) : undefined;
  return { body: body as Record<string, unknown>, zip };
}
