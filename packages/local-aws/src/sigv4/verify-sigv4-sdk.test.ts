import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { parseRequestTarget } from '../http/request-target.js';
import { type Credential, verifySigV4 } from './verify-sigv4.js';

// Requests signed by the AWS SDK's own signer (the one every S3 client uses), for what the tests'
// signer cannot express: a query that names one parameter twice, sent in any order.
const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
const root: Credential = { accessKeyId: 'test', secretAccessKey: 'test', accountId: '000000000000' };

async function sdkSigned(query: Record<string, string | string[]>, rawQuery: string) {
  const client = new S3Client({ region: 'us-east-1', credentials: root });
  const signer = await client.config.signer();
  const signed = await signer.sign(
    {
      method: 'GET',
      protocol: 'http:',
      hostname: 'local.test',
      path: '/b/k',
      query,
      headers: { host: 'local.test' },
    },
    { signingDate: at },
  );
  const headers = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k, [v]]));
  return { method: 'GET', target: parseRequestTarget(rawQuery ? `/b/k?${rawQuery}` : '/b/k'), headers };
}

describe('verifySigV4 against the SDK signer', () => {
  it.each([
    ['no query at all (most object requests)', {}, ''],
    ['keys sent in reverse order', { c: '0', b: '1', a: '2' }, 'c=0&b=1&a=2'],
    ['a key sent twice, its values in reverse order', { a: ['3', '2'], b: '0' }, 'b=0&a=3&a=2'],
    ['a key sent twice, its values in order', { a: ['1', '2'] }, 'a=1&a=2'],
    ['a key sent twice among others', { z: '0', a: ['b', 'a'], m: ['2', '1'] }, 'm=2&a=b&z=0&m=1&a=a'],
  ])('sorts the query by key, then by value: %s', async (_what, query, rawQuery) => {
    const req = await sdkSigned(query, rawQuery);
    expect(verifySigV4(req, (id) => (id === 'test' ? root : undefined), at).accountId).toBe('000000000000');
  });
});
