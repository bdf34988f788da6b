import { Readable } from 'node:stream';
import { ListJobsCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toApiError } from './error-handler.js';
import { HttpError } from './http-error.js';

describe('toApiError', () => {
  it('keeps the S3 error code and status of a service error', async () => {
    // A real SDK error: the client parses a canned 403 response from a stand-in HTTP handler.
    const client = new S3ControlClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      endpointProvider: () => ({ url: new URL('http://127.0.0.1:9/') }),
      requestHandler: {
        handle: async () => ({
          response: {
            statusCode: 403,
            headers: { 'x-amz-request-id': 'REQ1' },
            body: Readable.from([
              Buffer.from(
                '<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>bad sig</Message></Error></ErrorResponse>',
              ),
            ]),
          },
        }),
      } as never,
    });
    const err = await client
      .send(new ListJobsCommand({ AccountId: '000000000000' }))
      .catch((e: unknown) => e);
    expect(toApiError(err)).toEqual({
      status: 403,
      body: { code: 'SignatureDoesNotMatch', message: 'bad sig', fieldErrors: [], requestId: 'REQ1' },
    });
  });

  it('turns validation errors into field errors', () => {
    const r = z.object({ priority: z.number() }).safeParse({ priority: 'x' });
    const { status, body } = toApiError(r.error);
    expect(status).toBe(400);
    expect(body.fieldErrors[0]?.field).toBe('priority');
  });

  it('maps an unreachable endpoint to 502 and hides internals of unknown errors', () => {
    expect(toApiError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })).status).toBe(502);
    expect(toApiError(new Error('secret detail')).body.message).not.toContain('secret');
    expect(toApiError(new HttpError(409, 'Conflict', 'c')).status).toBe(409);
  });
});
