import { createHash } from 'node:crypto';
import { ServiceError } from '../errors/service-error.js';
import { LAMBDA_PREFIX } from '../lambda/lambda-router.js';
import { S3CONTROL_PREFIX } from '../s3control/s3control-router.js';
import { parseRequestTarget } from './request-target.js';

/**
 * The services sharing local-aws's one port. Which one a request is for is decided here and
 * nowhere else: by the service of its SigV4 credential scope when it names one that is not `s3`
 * (S3 and S3 Control both sign as `s3`), else by path (`/v20180820/` is S3 Control, Lambda's
 * REST paths are Lambda; an S3 bucket may be named like a Lambda path segment, so a request
 * signed for `s3` stays S3). Add a service: its scope name or path prefix, and its router.
 */
export type Service = 's3' | 's3control' | 'lambda' | 'iam' | 'sts';

const SCOPED: Readonly<Record<string, Service>> = { lambda: 'lambda', iam: 'iam', sts: 'sts' };

/** The service of the credential scope (`Credential=AKID/date/region/<service>/aws4_request`), if any. */
export function scopeService(headers: NodeJS.Dict<string[]>, rawQuery: string): string | undefined {
  const auth = headers.authorization?.[0];
  const m = auth?.match(/Credential=[^/,\s]+\/[^/,\s]+\/[^/,\s]+\/([^/,\s]+)\//);
  if (m) return m[1];
  const q = rawQuery.match(/(?:^|&)X-Amz-Credential=([^&]*)/i);
  if (q) {
    const parts = decodeURIComponent(q[1] as string).split('/');
    return parts[3];
  }
  return undefined;
}

export function serviceOf(url: string, headers: NodeJS.Dict<string[]>): Service {
  return serviceOfTarget(parseRequestTarget(url), headers);
}

/** `serviceOf` for a target already parsed (the request handler parses it once). */
export function serviceOfTarget(
  { rawPath, rawQuery }: { readonly rawPath: string; readonly rawQuery: string },
  headers: NodeJS.Dict<string[]>,
): Service {
  let scope: string | undefined;
  try {
    scope = scopeService(headers, rawQuery);
  } catch {
    scope = undefined;
  }
  const scoped = scope === undefined ? undefined : SCOPED[scope];
  if (scoped) return scoped;
  if (rawPath.startsWith(S3CONTROL_PREFIX) || rawPath === '/v20180820') return 's3control';
  if (scope === undefined && (rawPath.startsWith(LAMBDA_PREFIX) || rawPath === '/2015-03-31'))
    return 'lambda';
  return 's3';
}

/** Largest body read before its signature is checked (Lambda's CreateFunction request limit). */
export const MAX_BUFFERED_BODY = 70_167_211;

/**
 * A whole body of a service that signs its hash without sending it (read before verifying), and
 * that hash: computed chunk by chunk as the body arrives, never in one long stretch of the event loop.
 */
export async function readBufferedBody(
  body: AsyncIterable<Buffer>,
): Promise<{ bytes: Buffer; sha256: string }> {
  const chunks: Buffer[] = [];
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_BUFFERED_BODY) {
      throw new ServiceError(
        413,
        'RequestEntityTooLargeException',
        `Request must be smaller than ${MAX_BUFFERED_BODY} bytes for the operation`,
      );
    }
    hash.update(chunk);
    chunks.push(chunk);
  }
  return { bytes: Buffer.concat(chunks), sha256: hash.digest('hex') };
}
