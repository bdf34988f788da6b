import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipOf } from '@batchops/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWS_CLI, type LocalAwsFixture, startFixture } from './support/local-aws-fixture.js';

// The Lambda commands of Debian's AWS CLI against local-aws, as a user would type them.

let fx: LocalAwsFixture;

function aws(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    execFile(
      AWS_CLI,
      ['lambda', ...args, '--endpoint-url', fx.aws.url, '--output', 'json'],
      {
        env: {
          ...fx.cliEnv,
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
          AWS_PAGER: '',
        },
        timeout: 60_000,
      },
      (err, stdout, stderr) => ok({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function ok<T = Record<string, unknown>>(...args: string[]): Promise<T> {
  const r = await aws(...args);
  if (r.code !== 0) throw new Error(`aws lambda ${args[0]} failed (${r.code}): ${r.stderr} ${r.stdout}`);
  return (r.stdout.trim() === '' ? {} : JSON.parse(r.stdout)) as T;
}

beforeAll(async () => {
  fx = await startFixture();
  writeFileSync(
    join(fx.dataDir, 'f.zip'),
    zipOf([
      {
        name: 'index.js',
        data: 'exports.handler = async (event) => { if (event.fail) throw new Error("asked to fail"); return { hello: event.name }; };',
        deflate: true,
      },
    ]),
  );
});
afterAll(async () => {
  await fx?.close();
});

/** `aws lambda create-function` of the function `f` from the zip the setup wrote. */
const createFunctionArgs = () => [
  'create-function',
  '--function-name',
  'f',
  '--runtime',
  'nodejs20.x',
  '--handler',
  'index.handler',
  '--role',
  'arn:aws:iam::000000000000:role/x',
  '--zip-file',
  `fileb://${join(fx.dataDir, 'f.zip')}`,
];

describe('aws lambda (Debian AWS CLI)', () => {
  it('create-function, get-function, list-functions, invoke, delete-function', async () => {
    const created = await ok(...createFunctionArgs());
    expect(created).toMatchObject({ FunctionName: 'f', Timeout: 3, MemorySize: 128, Runtime: 'nodejs20.x' });

    const got = await ok<{ Configuration: { FunctionArn: string } }>('get-function', '--function-name', 'f');
    expect(got.Configuration.FunctionArn).toBe('arn:aws:lambda:us-east-1:000000000000:function:f');
    const listed = await ok<{ Functions: Array<{ FunctionName: string }> }>('list-functions');
    expect(listed.Functions.map((f) => f.FunctionName)).toEqual(['f']);

    const out = join(fx.dataDir, 'out.json');
    const invoked = await ok(
      'invoke',
      '--function-name',
      'f',
      '--cli-binary-format',
      'raw-in-base64-out',
      '--payload',
      '{"name":"cli"}',
      out,
    );
    expect(invoked).toMatchObject({ StatusCode: 200, ExecutedVersion: '$LATEST' });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ hello: 'cli' });

    const failed = await ok(
      'invoke',
      '--function-name',
      'arn:aws:lambda:us-east-1:000000000000:function:f',
      '--cli-binary-format',
      'raw-in-base64-out',
      '--payload',
      '{"fail":true}',
      out,
    );
    expect(failed).toMatchObject({ StatusCode: 200, FunctionError: 'Unhandled' });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({
      errorType: 'Error',
      errorMessage: 'asked to fail',
    });

    const dup = await aws(...createFunctionArgs());
    expect(dup.code).not.toBe(0);
    expect(dup.stderr).toContain(
      '(ResourceConflictException) when calling the CreateFunction operation: Function already exist: f',
    );

    await ok('delete-function', '--function-name', 'f');
    const gone = await aws('get-function', '--function-name', 'f');
    expect(gone.stderr).toContain(
      '(ResourceNotFoundException) when calling the GetFunction operation: Function not found: arn:aws:lambda:us-east-1:000000000000:function:f',
    );
  });
});
