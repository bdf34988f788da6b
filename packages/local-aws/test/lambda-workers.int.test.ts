import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteFunctionCommand, GetFunctionCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFunction, invokeJson } from './support/lambda-functions.js';
import { useFixture } from './support/local-aws-fixture.js';
import { signedRequest } from './support/signed-http.js';

// Worker hygiene (decision 0024): one budget of processes for all functions, throttling past a
// bound, memory limits beyond the V8 heap, process groups killed, no host path shown.

const ACCOUNT = { accountId: '000000000000', region: 'us-east-1' };
const SLEEPY =
  'exports.handler = async (e) => { await new Promise((r) => setTimeout(r, e.ms ?? 0)); return process.pid; };';

describe('one budget of workers for every function', () => {
  const fx = useFixture({ lambda: { poolSize: 2, maxWorkers: 1, maxQueued: 1 } }, async ({ lambda }) => {
    for (const name of ['a', 'b']) await createFunction(lambda, name, [{ name: 'index.js', data: SLEEPY }]);
  });

  it("evicts another function's idle worker when the budget is spent", async () => {
    await invokeJson(fx.lambda, 'a');
    expect(fx.aws.lambda().processes({ ...ACCOUNT, name: 'a' })).toBe(1);
    await invokeJson(fx.lambda, 'b');
    expect(fx.aws.lambda().processes({ ...ACCOUNT, name: 'a' })).toBe(0);
    expect(fx.aws.lambda().processes({ ...ACCOUNT, name: 'b' })).toBe(1);
  });

  it('answers 429 TooManyRequestsException when invocations queue past the bound', async () => {
    const calls = [0, 1, 2].map((i) => invokeJson(fx.lambda, i === 2 ? 'b' : 'a', { ms: 800 }));
    const settled = await Promise.allSettled(calls);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(2);
    const refused = settled.find((s) => s.status === 'rejected');
    const err = (refused as PromiseRejectedResult).reason;
    expect(err.$metadata.httpStatusCode).toBe(429);
    expect(err.name).toBe('TooManyRequestsException');
    expect(err.Reason).toBe('ConcurrentInvocationLimitExceeded');
    expect(err.message).toBe('Rate Exceeded.');
  });
});

describe('a worker’s memory, process group and paths', () => {
  const fx = useFixture({ lambda: { poolSize: 1 } });

  it('ends an invocation whose memory outside the V8 heap passes MemorySize: Runtime.OutOfMemory', async () => {
    await createFunction(
      fx.lambda,
      'buffers',
      [
        {
          name: 'index.js',
          data: 'exports.handler = async () => Buffer.alloc(300 * 1024 * 1024, 1).length;',
        },
      ],
      { MemorySize: 128 },
    );
    const out = await invokeJson(fx.lambda, 'buffers');
    expect(out.FunctionError).toBe('Unhandled');
    expect(out.json.errorType).toBe('Runtime.OutOfMemory');
  });

  it('kills the worker when its function is deleted mid-invocation', async () => {
    await createFunction(fx.lambda, 'doomed', [{ name: 'index.js', data: SLEEPY }], { Timeout: 30 });
    const pid = (await invokeJson(fx.lambda, 'doomed')).json as number;
    expect(existsSync(`/proc/${pid}`)).toBe(true);
    const running = invokeJson(fx.lambda, 'doomed', { ms: 20_000 });
    await new Promise((r) => setTimeout(r, 200));
    await fx.lambda.send(new DeleteFunctionCommand({ FunctionName: 'doomed' }));
    expect((await running).json.errorType).toBe('Runtime.ExitError');
    await new Promise((r) => setTimeout(r, 200));
    expect(existsSync(`/proc/${pid}`)).toBe(false);
  });

  it('shows /var/task, never a host path, in errors, logs and GetFunction', async () => {
    await createFunction(fx.lambda, 'thrower', [
      {
        name: 'index.js',
        data: 'exports.handler = async () => { console.log("at", __filename, require("node:os").tmpdir()); throw new Error("boom at " + __dirname); };',
      },
    ]);
    const out = await invokeJson(fx.lambda, 'thrower', {}, { LogType: 'Tail' });
    expect(out.json.errorMessage).toBe('boom at /var/task');
    expect(out.json.trace.join('\n')).toContain('/var/task/index.js');
    const log = Buffer.from(out.LogResult ?? '', 'base64').toString('utf8');
    expect(log).toContain('at /var/task/index.js /tmp');
    const got = await fx.lambda.send(new GetFunctionCommand({ FunctionName: 'thrower' }));
    const shown = JSON.stringify([out.json, log, got]);
    expect(shown).not.toContain(fx.dataDir);
    expect(shown).not.toContain('batchops-lambda-');
    // The Location serves the zip as uploaded to a signed request.
    const location = got.Code?.Location ?? '';
    expect(location).toBe(`${fx.aws.url}/2015-03-31/functions/thrower/code`);
    const zip = await signedRequest(fx.aws.url, {
      method: 'GET',
      path: new URL(location).pathname,
      service: 'lambda',
    });
    expect(zip.status).toBe(200);
    expect(createHash('sha256').update(zip.bytes).digest('base64')).toBe(got.Configuration?.CodeSha256);
  });
});

describe('CommonJS handlers under a folder whose package.json says "type": "module"', () => {
  const root = mkdtempSync(join(tmpdir(), 'esm-project-'));
  beforeAll(() => {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { mode: 0o755 });
    writeFileSync(join(root, 'package.json'), '{"type":"module"}');
  });
  // The data directory and the sandbox both under it, as `.batchops/` of this repository is.
  const fx = useFixture({
    dataDir: join(root, '.batchops'),
    lambda: { poolSize: 1, sandboxDir: join(root, 'sandbox') },
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('treats .js as CommonJS unless the function’s own package.json says module; .mjs ESM, .cjs CommonJS', async () => {
    const cases: Array<[string, Parameters<typeof createFunction>[2], string]> = [
      ['cjs-js', [{ name: 'index.js', data: 'exports.handler = async () => "cjs";' }], 'index.handler'],
      [
        'cjs-cjs',
        [{ name: 'index.cjs', data: 'module.exports.handler = async () => "cjs2";' }],
        'index.handler',
      ],
      [
        'esm-mjs',
        [{ name: 'index.mjs', data: 'export const handler = async () => "esm";' }],
        'index.handler',
      ],
      [
        'esm-js',
        [
          { name: 'package.json', data: '{"type":"module"}' },
          { name: 'index.js', data: 'export const handler = async () => "esm2";' },
        ],
        'index.handler',
      ],
    ];
    const answers: Record<string, unknown> = {};
    for (const [name, files, handler] of cases) {
      await createFunction(fx.lambda, name, files, { Handler: handler });
      const out = await invokeJson(fx.lambda, name);
      answers[name] = out.FunctionError ? out.json.errorMessage : out.json;
    }
    expect(answers).toEqual({ 'cjs-js': 'cjs', 'cjs-cjs': 'cjs2', 'esm-mjs': 'esm', 'esm-js': 'esm2' });
  });
});
