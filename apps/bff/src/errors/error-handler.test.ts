import { Readable } from 'node:stream';
import { ListJobsCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toApiError } from './error-handler.js';
import { HttpError } from './http-error.js';

/** A real SDK error: the client parses a canned error response from a stand-in HTTP handler. */
function sdkError(status: number, code: string, message: string): Promise<unknown> {
  const client = new S3ControlClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    endpointProvider: () => ({ url: new URL('http://127.0.0.1:9/') }),
    requestHandler: {
      handle: async () => ({
        response: {
          statusCode: status,
          headers: { 'x-amz-request-id': 'REQ1' },
          body: Readable.from([
            Buffer.from(
              `<ErrorResponse><Error><Code>${code}</Code><Message>${message}</Message></Error></ErrorResponse>`,
            ),
          ]),
        },
      }),
    } as never,
  });
  return client.send(new ListJobsCommand({ AccountId: '000000000000' })).catch((e: unknown) => e);
}

describe('toApiError', () => {
  it('keeps the S3 error code and status of a service error', async () => {
    expect(toApiError(await sdkError(403, 'AccessDenied', 'no'))).toEqual({
      status: 403,
      body: { code: 'AccessDenied', message: 'no', fieldErrors: [], requestId: 'REQ1' },
    });
  });

  it("says the console's credentials were refused (502, code kept) for expired or wrong keys", async () => {
    for (const code of ['ExpiredToken', 'InvalidAccessKeyId', 'SignatureDoesNotMatch']) {
      const { status, body } = toApiError(await sdkError(403, code, 'refused'));
      expect(status, code).toBe(502);
      expect(body).toMatchObject({ code, requestId: 'REQ1' });
      expect(body.message).toMatch(/refused the console's AWS credentials \(refused\): set AWS_PROFILE/);
    }
  });

  it('maps credentials the SDK cannot find to 503 CredentialsMissing', async () => {
    const client = new S3ControlClient({
      region: 'us-east-1',
      credentials: async () => {
        // What the standard provider chain throws when nothing is configured.
        throw Object.assign(new Error('Could not load credentials from any providers'), {
          name: 'CredentialsProviderError',
        });
      },
    });
    const err = await client
      .send(new ListJobsCommand({ AccountId: '000000000000' }))
      .catch((e: unknown) => e);
    const { status, body } = toApiError(err);
    expect(status).toBe(503);
    expect(body.code).toBe('CredentialsMissing');
    expect(body.message).toMatch(/^no AWS credentials found: set AWS_PROFILE .*any providers/);
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
