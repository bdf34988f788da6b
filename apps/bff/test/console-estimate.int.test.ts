import { PutObjectCommand } from '@aws-sdk/client-s3';
import { PRICES_READ_ON } from '@batchops/batch-formats';
import { CliCommandResponse, CostEstimateResponse, type JobWizardInput } from '@batchops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleFixture, startConsoleFixture } from './support/console-fixture.js';

// Issue 19 §3: Review's estimate of what the job would cost on AWS, from the one price table.
const SOURCE = 'batchops-demo-source';
const REPORTS = 'batchops-demo-reports';
let c: ConsoleFixture;

beforeAll(async () => {
  c = await startConsoleFixture(true);
}, 60_000);
afterAll(() => c.close());

const job = (over: Partial<JobWizardInput> = {}): Omit<JobWizardInput, 'clientRequestToken'> => ({
  manifest: { format: 'csv', bucket: SOURCE, key: 'manifests/demo-manifest.csv' },
  operation: { type: 'tagging', tags: [{ key: 'reviewed', value: 'yes' }] },
  priority: 10,
  report: { enabled: true, bucket: REPORTS, prefix: 'reports', scope: 'AllTasks' },
  roleArn: 'arn:aws:iam::000000000000:role/batchops-demo',
  tags: [],
  runOption: 'wait',
  ...over,
});

async function estimate(over: Partial<JobWizardInput> = {}): Promise<CostEstimateResponse> {
  const { status, body } = await c.json('POST', '/api/jobs/estimate', job(over));
  expect(status, JSON.stringify(body)).toBe(200);
  return CostEstimateResponse.parse(body);
}

describe('POST /api/jobs/estimate', () => {
  it('counts the demo manifest and prices a tagging job: job fee, objects, PUT requests', async () => {
    const e = await estimate();
    expect(e.objects).toMatchObject({ count: 540, basis: 'counted' });
    expect(e.lines.map((l) => [l.label, l.quantity])).toEqual([
      ['Batch Operations job', 1],
      ['Objects processed', 540],
      ['PUT, COPY, POST requests', 540],
    ]);
    // $0.25 + 540 / 1,000,000 × $1.00 + 540 / 1,000 × $0.005.
    expect(e.total).toBeCloseTo(0.25 + 0.00054 + 0.0027, 10);
    expect([e.totalText, e.lines.map((l) => l.amountText)]).toEqual([
      '$0.25',
      ['$0.25', '< $0.01', '< $0.01'],
    ]);
    expect(e.summary).toBe(
      `Nothing is charged here; on AWS this job would cost about $0.25 for 540 objects (estimate, us-east-1 prices of ${PRICES_READ_ON}).`,
    );
    expect(e.lines[0]?.source).toBe('https://aws.amazon.com/s3/pricing/');
  });

  it('extrapolates a manifest larger than what it reads from its size', async () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `${SOURCE},big/object-${String(i).padStart(6, '0')}.bin\n`,
    );
    await c.s3.send(new PutObjectCommand({ Bucket: SOURCE, Key: 'manifests/big.csv', Body: rows.join('') }));
    const e = await estimate({ manifest: { format: 'csv', bucket: SOURCE, key: 'manifests/big.csv' } });
    expect(e.objects.basis).toBe('extrapolated');
    expect(Math.abs(e.objects.count - 20_000)).toBeLessThan(200);
    expect(e.objects.note).toMatch(/^about 20,0\d\d, from [\d,]+ rows in the first 256 KiB of/);
  });

  it("restore: the tier and the objects' archive class price the requests and the GB retrieved", async () => {
    const bulk = await estimate({
      operation: { type: 'restore', expirationInDays: 1, glacierJobTier: 'BULK' },
    });
    expect(bulk.lines.slice(2).map((l) => [l.label, l.quantity > 0, l.amount])).toEqual([
      ['Bulk restore requests', true, 0],
      ['GB retrieved (Bulk)', true, 0],
    ]);
    expect(bulk.notes).toContain('Archive class and GB retrieved from HeadObject of the first 20 object(s).');
    const deepKeys = ['deep/a.bin', 'deep/b.bin'];
    for (const Key of deepKeys)
      await c.s3.send(
        new PutObjectCommand({ Bucket: SOURCE, Key, Body: Buffer.alloc(1024), StorageClass: 'DEEP_ARCHIVE' }),
      );
    const Body = deepKeys.map((k) => `${SOURCE},${k}\n`).join('');
    await c.s3.send(new PutObjectCommand({ Bucket: SOURCE, Key: 'manifests/deep.csv', Body }));
    const deep = await estimate({
      manifest: { format: 'csv', bucket: SOURCE, key: 'manifests/deep.csv' },
      operation: { type: 'restore', expirationInDays: 1, glacierJobTier: 'STANDARD' },
    });
    // S3 Glacier Deep Archive's Standard tier: $0.10 per 1,000 requests, $0.02 per GB.
    expect(deep.lines.slice(2).map((l) => [l.label, l.usd, l.quantity])).toEqual([
      ['Standard restore requests', 0.1, 2],
      ['GB retrieved (Standard)', 0.02, 2048 / 1024 ** 3],
    ]);
    expect(deep.notes).toContain('Priced for objects in S3 Glacier Deep Archive.');
  });

  it('a generated manifest is priced by the versions the generator lists', async () => {
    const replicate = await estimate({
      manifest: { format: 'replication', generator: { sourceBucket: SOURCE, replicationStatuses: [] } },
      operation: { type: 'replicate' },
    });
    expect(replicate.objects.basis).toBe('listed');
    expect(replicate.objects.count).toBeGreaterThanOrEqual(540);
    expect(replicate.lines.map((l) => l.label)).toContain('Manifest generation');
  });

  it('says so when the manifest cannot be read; the CLI command carries the same line', async () => {
    const missing = await estimate({
      manifest: { format: 'csv', bucket: SOURCE, key: 'manifests/none.csv' },
    });
    expect(missing.objects.basis).toBe('unknown');
    expect(missing.summary).toMatch(/^No cost estimate: the manifest could not be read/);
    const { body } = await c.json('POST', '/api/jobs/cli-command', {
      ...job(),
      clientRequestToken: 'estimate-cli',
    });
    expect(CliCommandResponse.parse(body).notes.at(-1)).toBe((await estimate()).summary);
  });
});
