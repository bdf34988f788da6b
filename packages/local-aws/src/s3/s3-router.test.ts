import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_SUBRESOURCES } from './s3-router.js';

const MODEL = new URL(
  '../../../../../shared/reference/aws-models/s3_2006-03-01_service-2.json',
  import.meta.url,
);

describe('MODEL_SUBRESOURCES', () => {
  // The model sits beside the checkout (../shared, as scripts/extract-job-shapes.mjs reads it).
  it.skipIf(!existsSync(MODEL))('holds every query parameter that names an operation in the S3 model', () => {
    const model = JSON.parse(readFileSync(MODEL, 'utf8')) as {
      operations: Record<string, { http: { requestUri: string } }>;
    };
    const fromModel = new Set<string>();
    for (const op of Object.values(model.operations)) {
      const query = op.http.requestUri.split('?')[1];
      for (const part of query?.split('&') ?? []) fromModel.add(part.split('=')[0] as string);
    }
    expect([...MODEL_SUBRESOURCES].sort()).toEqual([...fromModel].sort());
  });
});
