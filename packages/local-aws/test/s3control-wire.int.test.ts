import { execFile } from 'node:child_process';
import { Agent } from 'node:http';
import { promisify } from 'node:util';
import { ListAccessPointsCommand, ListJobsCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAwsHandle } from '../src/index.js';
import { AWS_CLI, errorOf, type LocalAwsFixture, startFixture } from './support/local-aws-fixture.js';

const run = promisify(execFile);
const accountId = '000000000000';
let fixture: LocalAwsFixture;
let aws: LocalAwsHandle;
let dataDir: string;

function client(secretAccessKey = 'test', accessKeyId = 'test') {
  return new S3ControlClient({
    region: 'us-east-1',
    credentials: { accessKeyId, secretAccessKey },
    // The rule set would put the account in front of the host; point the client straight at local-aws.
    endpointProvider: () => ({ url: new URL(`${aws.url}/`) }),
  });
}

beforeAll(async () => {
  fixture = await startFixture();
  ({ aws, dataDir } = fixture);
});
afterAll(() => fixture.close());

describe('S3 Control over the wire, stock JS SDK', () => {
  it('ListJobs answers an empty list in the shape the SDK parses', async () => {
    const out = await client().send(new ListJobsCommand({ AccountId: accountId }));
    expect(out.Jobs).toEqual([]);
    expect(out.NextToken).toBeUndefined();
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toMatch(/^[0-9A-F]{16}$/);
  });

  it('answers a wrong secret with 403 SignatureDoesNotMatch', async () => {
    const err = await errorOf(client('wrong').send(new ListJobsCommand({ AccountId: accountId })));
    expect(err.name).toBe('SignatureDoesNotMatch');
    expect(err.$metadata.httpStatusCode).toBe(403);
  });

  it('answers an unknown access key with 403 InvalidAccessKeyId', async () => {
    const err = await errorOf(client('test', 'nobody').send(new ListJobsCommand({ AccountId: accountId })));
    expect(err.name).toBe('InvalidAccessKeyId');
    expect(err.$metadata.httpStatusCode).toBe(403);
  });

  it('refuses another account than the one the keys belong to', async () => {
    const err = await errorOf(client().send(new ListJobsCommand({ AccountId: '111122223333' })));
    expect(err.name).toBe('AccessDenied');
  });

  it('validates ListJobs parameters with the modeled exceptions', async () => {
    const err = await errorOf(client().send(new ListJobsCommand({ AccountId: accountId, MaxResults: 5000 })));
    expect(err.name).toBe('InvalidRequestException');
    expect(err.$metadata.httpStatusCode).toBe(400);
  });

  it('accepts a Host carrying the account prefix, as the default endpoint rules send it', async () => {
    const prefixed = new S3ControlClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      endpoint: `http://localhost:${aws.port}`,
      requestHandler: {
        httpAgent: new Agent({
          // *.localhost does not resolve here; send the prefixed name to loopback ourselves.
          lookup: (_host, opts, cb) =>
            (opts as { all?: boolean }).all
              ? cb(null, [{ address: '127.0.0.1', family: 4 }])
              : cb(null, '127.0.0.1', 4),
        }),
      },
    });
    const out = await prefixed.send(new ListJobsCommand({ AccountId: accountId }));
    expect(out.Jobs).toEqual([]);
  });

  it('answers an S3 Control operation it does not serve with an error, and stays up', async () => {
    const err = await errorOf(client().send(new ListAccessPointsCommand({ AccountId: accountId })));
    expect(err.name).toBe('NotImplemented');
    expect(err.$metadata.httpStatusCode).toBe(501);
    expect((await client().send(new ListJobsCommand({ AccountId: accountId }))).Jobs).toEqual([]);
  });
});

describe('raw HTTP', () => {
  it('answers an unsigned request with 403 AccessDenied in the S3 Control error shape', async () => {
    const res = await fetch(`${aws.url}/v20180820/jobs`, { headers: { 'x-amz-account-id': accountId } });
    expect(res.status).toBe(403);
    const body = await res.text();
    expect(body).toMatch(
      /^<\?xml[^>]*>\n<ErrorResponse xmlns="http:\/\/awss3control\.amazonaws\.com\/doc\/2018-08-20\/">/,
    );
    expect(body).toContain('<Code>AccessDenied</Code>');
    expect(res.headers.get('x-amz-request-id')).toMatch(/^[0-9A-F]{16}$/);
  });

  it('answers an unsigned S3 request with the bare S3 <Error> shape', async () => {
    // A bucket that does not exist is NoSuchBucket to anyone, as S3 answers (decision 0032).
    const res = await fetch(`${aws.url}/some-bucket/key`);
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/^(<\?xml[^>]*>\s*)?<Error><Code>NoSuchBucket<\/Code>/);
  });
});

describe('Debian AWS CLI v2 through HTTP_PROXY (absolute-form target, account-prefixed Host)', () => {
  const cli = (secret: string) =>
    run(AWS_CLI, ['s3control', 'list-jobs', '--account-id', accountId, '--endpoint-url', aws.url], {
      env: {
        PATH: process.env.PATH,
        HOME: dataDir,
        HTTP_PROXY: aws.url,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: secret,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
    });

  it('list-jobs prints {"Jobs": []}', async () => {
    const { stdout } = await cli('test');
    expect(JSON.parse(stdout)).toEqual({ Jobs: [] });
  });

  it('fails with SignatureDoesNotMatch on a wrong secret', async () => {
    const err = (await errorOf(cli('wrong'))) as unknown as { stderr: string };
    expect(err.stderr).toContain('SignatureDoesNotMatch');
  });
});
