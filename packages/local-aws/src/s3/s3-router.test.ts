import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { MODEL_SUBRESOURCES } from './s3-router.js';

// The S3 model as the installed SDK carries it (every clone has it; the same set as the service
// model in ../shared/reference, plus the SDK's own `x-id` marker, which is no subresource).
const SDK_BUNDLE = createRequire(import.meta.url).resolve('@aws-sdk/client-s3');

describe('MODEL_SUBRESOURCES', () => {
  it('holds every query parameter that names an operation in the S3 model', () => {
    const bundle = readFileSync(SDK_BUNDLE, 'utf8');
    const fromModel = new Set<string>();
    for (const m of bundle.matchAll(/\[_h\]: \["[A-Z]+", "([^"]*)"/g)) {
      const query = m[1]?.split('?')[1];
      for (const part of query?.split('&') ?? []) fromModel.add(part.split('=')[0] as string);
    }
    fromModel.delete('x-id');
    expect(fromModel.size).toBeGreaterThan(30);
    expect([...MODEL_SUBRESOURCES].sort()).toEqual([...fromModel].sort());
  });
});
