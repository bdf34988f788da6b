import { describe, expect, it } from 'vitest';
import { estimateJobCost, formatUsd, OPERATION_CHARGES, PRICES, PRICES_READ_ON } from './pricing.js';

describe('estimateJobCost', () => {
  it('a 1,000,000-object tagging job: $0.25 + 1 × $1.00 + 1,000 × $0.005 = $6.25', () => {
    // By hand from the table: the job fee, a million objects processed, a million PUT requests.
    const handComputed = 0.25 + 1.0 + (1_000_000 / 1_000) * 0.005;
    const estimate = estimateJobCost({ operation: 'S3PutObjectTagging', objects: 1_000_000 });
    expect(handComputed).toBe(6.25);
    expect(estimate.total).toBeCloseTo(handComputed, 10);
    expect(estimate.lines.map((l) => [l.label, l.quantity, l.amount])).toEqual([
      ['Batch Operations job', 1, 0.25],
      ['Objects processed', 1_000_000, 1],
      ['PUT, COPY, POST requests', 1_000_000, 5],
    ]);
    expect(formatUsd(estimate.total)).toBe('$6.25');
  });

  it('names its source and the day the prices were read', () => {
    const estimate = estimateJobCost({ operation: 'S3PutObjectTagging', objects: 10 });
    expect(estimate).toMatchObject({ pricesReadOn: PRICES_READ_ON, region: 'us-east-1' });
    expect(PRICES_READ_ON).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const l of estimate.lines)
      expect(l.price.source).toMatch(/^https:\/\/(aws\.amazon\.com|repost\.aws)\//);
  });

  it('restore: the tier and archive class price the requests; retrieved GB when the size is known', () => {
    const glacier = estimateJobCost({
      operation: 'S3InitiateRestoreObject',
      objects: 15_000_000,
      restore: { tier: 'Standard' },
      bytes: 102_400 * 1024 ** 3,
    });
    // AWS re:Post's example: 15,000,000 / 1,000 × $0.05 = $750 and 102,400 GB × $0.01 = $1,024.
    expect(glacier.lines.slice(2).map((l) => l.amount)).toEqual([750, 1024]);
    const deep = estimateJobCost({
      operation: 'S3InitiateRestoreObject',
      objects: 1_000,
      restore: { tier: 'Bulk', archiveClass: 'DEEP_ARCHIVE' },
    });
    expect(deep.lines.at(-1)).toMatchObject({ label: 'Bulk restore requests', amount: 0.025 });
    expect(deep.notes).toContain('Plus $0.0025 per GB retrieved.');
  });

  it('a generated manifest adds the objects it lists; Lambda adds invocations; DELETE is free', () => {
    const replicate = estimateJobCost({
      operation: 'S3ReplicateObject',
      objects: 500_000,
      listedObjects: 2_000_000,
    });
    expect(replicate.lines.find((l) => l.label === 'Manifest generation')?.amount).toBeCloseTo(0.03, 10);
    const lambda = estimateJobCost({ operation: 'LambdaInvoke', objects: 2_000_000 });
    expect(lambda.lines.at(-1)).toMatchObject({ label: 'Lambda invocations', amount: 0.4 });
    const untag = estimateJobCost({ operation: 'S3DeleteObjectTagging', objects: 1_000_000 });
    expect(untag.total).toBeCloseTo(1.25, 10);
  });

  it('every operation row prices at least the job and object fees', () => {
    for (const operation of Object.keys(OPERATION_CHARGES) as (keyof typeof OPERATION_CHARGES)[])
      expect(estimateJobCost({ operation, objects: 1_000_000 }).total).toBeGreaterThanOrEqual(
        PRICES.batchJob.usd + PRICES.batchObjects.usd,
      );
  });
});

describe('formatUsd', () => {
  it.each([
    [0, '$0.00'],
    [0.004, '< $0.01'],
    [1234.5, '$1,234.50'],
  ])('%d → %s', (amount, text) => expect(formatUsd(amount)).toBe(text));
});
