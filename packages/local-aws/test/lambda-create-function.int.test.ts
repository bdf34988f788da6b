import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GetFunctionCommand } from '@aws-sdk/client-lambda';
import { type ZipInput, zipOf } from '@batchops/test-support';
import { describe, expect, it } from 'vitest';
import { createFunction } from './support/lambda-functions.js';
import { errorOf, useFixture } from './support/local-aws-fixture.js';

// CreateFunction's upload path: bad zips are 400s that leave nothing behind, a body over the
// limit is a 413 the client reads, and unzipping never stops other requests.

const fx = useFixture();

function create(name: string, zip: Buffer) {
  return createFunction(fx.lambda, name, zip);
}

/** Everything under the function store's code directory. */
function codeEntries(): string[] {
  return readdirSync(join(fx.dataDir, 'lambda', 'code'));
}

describe('CreateFunction uploads', () => {
  it('refuses 95 KB zips that unzip to 95 MB and then fail with a 400, leaving nothing behind', async () => {
    const zeros = Buffer.alloc(95 * 1024 * 1024);
    const bombs: ZipInput[][] = [
      // Sizes that lie: the entry inflates far past what it declares.
      [{ name: 'index.js', data: zeros, deflate: true, declaredSize: 1000 }],
      // Honest sizes, then two entries that cannot both exist (a file and a directory `a`).
      [
        { name: 'big.bin', data: zeros, deflate: true },
        { name: 'a', data: 'file' },
        { name: 'a/index.js', data: 'nested' },
      ],
    ];
    for (const files of bombs) {
      const zip = zipOf(files);
      expect(zip.length).toBeLessThan(200 * 1024);
      const before = codeEntries();
      const err = await errorOf(create('bomb', zip));
      expect(err.$metadata.httpStatusCode).toBe(400);
      expect(err.name).toBe('InvalidParameterValueException');
      expect(err.message).toMatch(/^Could not unzip uploaded file\./);
      expect(codeEntries()).toEqual(before);
      await expect(fx.lambda.send(new GetFunctionCommand({ FunctionName: 'bomb' }))).rejects.toThrow(
        /not found/,
      );
    }
  });

  it('refuses more than 250 MB unzipped, before writing it', async () => {
    const before = codeEntries();
    const err = await errorOf(
      create('huge', zipOf([{ name: 'index.js', data: 'x', deflate: true, declaredSize: 262_144_001 }])),
    );
    expect(err.name).toBe('InvalidParameterValueException');
    expect(err.message).toContain('Unzipped size must be smaller than 262144000 bytes');
    expect(codeEntries()).toEqual(before);
  });

  it('refuses a zip with no files: 400', async () => {
    for (const zip of [zipOf([]), zipOf([{ name: 'empty-dir/', data: '' }])]) {
      const err = await errorOf(create('empty', zip));
      expect(err.$metadata.httpStatusCode).toBe(400);
      expect(err.name).toBe('InvalidParameterValueException');
      expect(err.message).toContain('no files');
    }
  });

  it('answers a body over the limit with 413 RequestEntityTooLargeException, not a cut connection', async () => {
    const err = await errorOf(create('big', Buffer.alloc(53 * 1024 * 1024, 7)));
    expect(err.$metadata.httpStatusCode).toBe(413);
    expect(err.name).toBe('RequestEntityTooLargeException');
  });

  it('unzips off the event loop: other requests are answered while 250 MB unzip', async () => {
    const files = Array.from({ length: 10 }, (_, i) => ({
      name: `blob-${i}.bin`,
      data: Buffer.alloc(24 * 1024 * 1024, i),
      deflate: true,
    }));
    const zip = zipOf([{ name: 'index.js', data: 'exports.handler = async () => 1;' }, ...files]);
    const latencies: number[] = [];
    let done = false;
    const creating = create('large', zip).finally(() => {
      done = true;
    });
    while (!done) {
      const t = performance.now();
      await fetch(`${fx.aws.url}/`, { method: 'HEAD' });
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 5));
    }
    const created = await creating;
    expect(created.CodeSize).toBe(zip.length);
    const worst = Math.max(...latencies);
    console.log(`HEAD during a 240 MB unzip: ${latencies.length} requests, worst ${worst.toFixed(1)} ms`);
    expect(latencies.length).toBeGreaterThan(5);
    expect(worst).toBeLessThan(1000);
  });
});
