import { join } from 'node:path';
import { ApiError, ConnectionInfo, ListJobsResponse } from '@batchops/contracts';
import { type LocalAwsHandle, startLocalAws } from '@batchops/local-aws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { type RunningConsole, startConsole } from '../src/server.js';
import { type ConsoleFixture, startConsoleFixture } from './support/console-fixture.js';

let c: ConsoleFixture;

beforeAll(async () => {
  c = await startConsoleFixture(false);
});
afterAll(async () => {
  await c.close();
});

const api = (path: string, init?: RequestInit) => c.api(path, init);

describe('BFF in local mode (real local-aws, real SDK over HTTP)', () => {
  it('reports health and the connection, without secrets', async () => {
    expect(await (await api('/api/health')).json()).toMatchObject({ status: 'ok' });
    const res = await api('/api/connection');
    const body = await res.json();
    expect(ConnectionInfo.strict().parse(body)).toEqual({
      mode: 'local',
      region: 'us-east-1',
      accountId: '000000000000',
      endpoint: c.app.localAws?.url,
      // This console was started without the demo seed.
      demo: null,
    });
    expect(JSON.stringify(body)).not.toMatch(/secret|accessKey/i);
  });

  it('lists jobs through S3 Control ListJobs', async () => {
    const res = await api('/api/jobs');
    expect(res.status).toBe(200);
    expect(ListJobsResponse.parse(await res.json())).toEqual({ jobs: [], total: 0, page: 1, pageSize: 50 });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers a bad filter with a field error', async () => {
    const res = await api('/api/jobs?status=Running');
    expect(res.status).toBe(400);
    const body = ApiError.parse(await res.json());
    expect(body.code).toBe('ValidationError');
    expect(body.fieldErrors.map((f) => f.field)).toEqual(['status.0']);
    expect(body.fieldErrors[0]?.message).toMatch(/expected one of/);
  });

  it('answers a bucket that is not a bucket name with a field error, not a 500', async () => {
    // The SDK refuses these before sending (a '/'), or reads them as an access point ARN.
    for (const bucket of ['..%2F..%2Fx', 'arn:aws:s3:us-east-1:999999999999:accesspoint', 'a%3Fb']) {
      for (const path of [`/api/buckets/${bucket}/objects`, `/api/buckets/${bucket}/object?key=k`]) {
        const { status, body } = await c.json('GET', path);
        expect(status, path).toBe(400);
        expect(body.fieldErrors[0].field, path).toBe('bucket');
      }
    }
    // A valid name reaches S3.
    const { body } = await c.json('GET', '/api/buckets/no-such-bucket-here/objects');
    expect(body.code).toBe('NoSuchBucket');
  });

  it('answers unknown API routes with JSON 404 and serves the SPA for client routes', async () => {
    const missing = await api('/api/nope');
    expect(missing.status).toBe(404);
    expect(ApiError.parse(await missing.json()).code).toBe('NotFound');
    const page = await api('/batch-operations/jobs/abc');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  });

  it('refuses cross-site mutating requests', async () => {
    const res = await api('/api/jobs', {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(ApiError.parse(await res.json()).code).toBe('CrossSiteRequest');
  });
});

describe('BFF in aws mode against an endpoint that refuses its keys', () => {
  let other: LocalAwsHandle;
  let remote: RunningConsole;
  beforeAll(async () => {
    other = await startLocalAws({
      port: 0,
      dataDir: join(c.dir, 'other'),
      credentials: [{ accessKeyId: 'AKIDOTHER', secretAccessKey: 'right', accountId: '123456789012' }],
    });
    const config = loadConfig({
      BATCHOPS_MODE: 'aws',
      BATCHOPS_PORT: '0',
      AWS_REGION: 'eu-west-1',
      BATCHOPS_ACCOUNT_ID: '123456789012',
      BATCHOPS_ENDPOINT: other.url,
      BATCHOPS_WEB_DIR: c.webDir,
    });
    process.env.AWS_ACCESS_KEY_ID = 'AKIDOTHER';
    process.env.AWS_SECRET_ACCESS_KEY = 'wrong';
    remote = await startConsole(config, () => {});
  });
  afterAll(async () => {
    await remote.close();
    await other.close();
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
  });

  it('keeps the S3 error code, and says the credentials were refused (502)', async () => {
    const res = await fetch(`http://127.0.0.1:${remote.port}/api/jobs`);
    expect(res.status).toBe(502);
    const body = ApiError.parse(await res.json());
    expect(body.code).toBe('SignatureDoesNotMatch');
    expect(body.message).toMatch(/refused the console's AWS credentials/);
    expect(body.requestId).toMatch(/^[0-9A-F]{16}$/);
  });
});

describe('BFF in aws mode with no credentials at all', () => {
  let remote: RunningConsole;
  const saved = { ...process.env };
  beforeAll(async () => {
    // The standard chain finds nothing: no keys, a profile that does not exist, no instance metadata.
    for (const name of [
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_WEB_IDENTITY_TOKEN_FILE',
    ])
      delete process.env[name];
    process.env.AWS_PROFILE = 'batchops-no-such-profile';
    process.env.AWS_CONFIG_FILE = join(c.dir, 'no-config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(c.dir, 'no-credentials');
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    const config = loadConfig({
      BATCHOPS_MODE: 'aws',
      BATCHOPS_PORT: '0',
      AWS_REGION: 'eu-west-1',
      BATCHOPS_ACCOUNT_ID: '123456789012',
      BATCHOPS_ENDPOINT: 'http://127.0.0.1:9',
      BATCHOPS_WEB_DIR: c.webDir,
    });
    remote = await startConsole(config, () => {});
  });
  afterAll(async () => {
    await remote.close();
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  });

  it('answers 503 CredentialsMissing naming what to set, not a generic 500', async () => {
    const res = await fetch(`http://127.0.0.1:${remote.port}/api/jobs`);
    expect(res.status).toBe(503);
    const body = ApiError.parse(await res.json());
    expect(body.code).toBe('CredentialsMissing');
    expect(body.message).toMatch(/no AWS credentials found: set AWS_PROFILE/);
  });
});
