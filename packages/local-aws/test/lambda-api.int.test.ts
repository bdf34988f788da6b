import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  InvokeCommand,
  ListFunctionsCommand,
  paginateListFunctions,
} from '@aws-sdk/client-lambda';
import { zipOf } from '@batchops/test-support';
import { describe, expect, it } from 'vitest';
import { createFunction, invokeJson } from './support/lambda-functions.js';
import { errorOf, startFixture, useFixture } from './support/local-aws-fixture.js';

// The Lambda API of local-aws through @aws-sdk/client-lambda: functions really run in worker
// processes, so these tests prove the wire shapes and the runtime together.

const ROLE = 'arn:aws:iam::000000000000:role/batchops-test';
const fx = useFixture({ lambda: { poolSize: 2 } });

function create(name: string, files: Parameters<typeof zipOf>[0], extra: Record<string, unknown> = {}) {
  return createFunction(fx.lambda, name, files, extra);
}

/** A function whose index.js is `code`. */
function createJs(name: string, code: string, extra: Record<string, unknown> = {}) {
  return create(name, [{ name: 'index.js', data: code }], extra);
}

function invoke(name: string, event: unknown = {}, extra: Record<string, unknown> = {}) {
  return invokeJson(fx.lambda, name, event, extra);
}

describe('CreateFunction / GetFunction / ListFunctions / DeleteFunction', () => {
  it('creates a function with Lambda defaults and reads it back', async () => {
    const created = await create(
      'echo',
      [
        {
          name: 'index.mjs',
          data: 'export const handler = async (e) => ({ got: e, env: process.env.GREETING });',
          deflate: true,
        },
      ],
      { Environment: { Variables: { GREETING: 'hi' } } },
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created).toMatchObject({
      FunctionName: 'echo',
      FunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:echo',
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Role: ROLE,
      Timeout: 3,
      MemorySize: 128,
      Version: '$LATEST',
      State: 'Active',
      PackageType: 'Zip',
      Environment: { Variables: { GREETING: 'hi' } },
    });
    expect(created.CodeSha256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(created.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);

    const got = await fx.lambda.send(new GetFunctionCommand({ FunctionName: 'echo' }));
    expect(got.Configuration?.CodeSha256).toBe(created.CodeSha256);
    expect(got.Code?.RepositoryType).toBe('S3');
    const byArn = await fx.lambda.send(new GetFunctionCommand({ FunctionName: created.FunctionArn }));
    expect(byArn.Configuration?.FunctionName).toBe('echo');
  });

  it('answers Lambda error shapes the SDK parses', async () => {
    const missing = await errorOf(fx.lambda.send(new GetFunctionCommand({ FunctionName: 'nope' })));
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.$metadata.httpStatusCode).toBe(404);
    expect(missing.message).toBe('Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope');

    const again = await errorOf(create('echo', [{ name: 'index.js', data: '' }]));
    expect(again.name).toBe('ResourceConflictException');
    expect(again.$metadata.httpStatusCode).toBe(409);
    expect(again.message).toBe('Function already exist: echo');

    const runtime = await errorOf(create('py', [{ name: 'index.py', data: '' }], { Runtime: 'python3.12' }));
    expect(runtime.name).toBe('InvalidParameterValueException');
    expect(runtime.$metadata.httpStatusCode).toBe(400);

    const timeout = await errorOf(create('slow', [{ name: 'index.js', data: '' }], { Timeout: 901 }));
    expect(timeout.name).toBe('ValidationException');

    const reserved = await errorOf(
      create('env', [{ name: 'index.js', data: '' }], { Environment: { Variables: { AWS_REGION: 'x' } } }),
    );
    expect(reserved.name).toBe('InvalidParameterValueException');
    expect(reserved.message).toContain('Reserved keys used in this request: AWS_REGION');

    const role = await errorOf(create('role', [{ name: 'index.js', data: '' }], { Role: 'not-a-role' }));
    expect(role.name).toBe('ValidationException');
  });

  it('refuses zips that climb out of the code directory or are not zips', async () => {
    for (const name of ['../evil.js', '/etc/evil.js', 'a/../../evil.js']) {
      const err = await errorOf(create('evil', [{ name, data: 'x' }]));
      expect(err.name).toBe('InvalidParameterValueException');
      expect(err.message).toContain('Could not unzip uploaded file');
    }
    const link = await errorOf(create('evil', [{ name: 'index.js', data: '/etc/passwd', mode: 0o120777 }]));
    expect(link.name).toBe('InvalidParameterValueException');
    const notZip = await errorOf(
      fx.lambda.send(
        new CreateFunctionCommand({
          FunctionName: 'evil',
          Runtime: 'nodejs22.x',
          Handler: 'index.handler',
          Role: ROLE,
          Code: { ZipFile: Buffer.from('not a zip at all') },
        }),
      ),
    );
    expect(notZip.name).toBe('InvalidParameterValueException');
    await expect(fx.lambda.send(new GetFunctionCommand({ FunctionName: 'evil' }))).rejects.toThrow(
      /not found/,
    );
  });

  it('lists functions in pages with Marker / MaxItems', async () => {
    for (let i = 0; i < 5; i++)
      await create(`page-${i}`, [{ name: 'index.js', data: 'exports.handler = async () => 1;' }]);
    const first = await fx.lambda.send(new ListFunctionsCommand({ MaxItems: 2 }));
    expect(first.Functions?.map((f) => f.FunctionName)).toEqual(['echo', 'page-0']);
    expect(first.NextMarker).toBeTruthy();
    const names: string[] = [];
    for await (const page of paginateListFunctions({ client: fx.lambda, pageSize: 2 }, {}))
      names.push(...(page.Functions ?? []).map((f) => f.FunctionName as string));
    expect(names).toEqual(['echo', 'page-0', 'page-1', 'page-2', 'page-3', 'page-4']);
    const bad = await errorOf(fx.lambda.send(new ListFunctionsCommand({ Marker: 'garbage' })));
    expect(bad.name).toBe('InvalidParameterValueException');
  });

  it('deletes a function: 204, then 404', async () => {
    await create('doomed', [{ name: 'index.js', data: 'exports.handler = async () => 1;' }]);
    expect((await invoke('doomed')).json).toBe(1);
    const out = await fx.lambda.send(new DeleteFunctionCommand({ FunctionName: 'doomed' }));
    expect(out.$metadata.httpStatusCode).toBe(204);
    const err = await errorOf(fx.lambda.send(new DeleteFunctionCommand({ FunctionName: 'doomed' })));
    expect(err.name).toBe('ResourceNotFoundException');
    expect((await errorOf(invoke('doomed'))).name).toBe('ResourceNotFoundException');
  });
});

describe('Invoke', () => {
  it('runs an ESM async handler with the event and the environment', async () => {
    const out = await invoke('echo', { a: 1 }, { LogType: 'Tail' });
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBeUndefined();
    expect(out.ExecutedVersion).toBe('$LATEST');
    expect(out.json).toEqual({ got: { a: 1 }, env: 'hi' });
    expect(Buffer.from(out.LogResult ?? '', 'base64').toString()).toMatch(
      /^START RequestId: .*REPORT RequestId: /s,
    );
  });

  it('runs CommonJS callback handlers, "type": "module" packages and nested handler paths', async () => {
    await create('cb', [
      {
        name: 'index.js',
        data: 'exports.handler = (event, context, callback) => { setTimeout(() => callback(null, { n: event.n * 2, fn: context.functionName, mem: context.memoryLimitInMB }), 10); };',
      },
    ]);
    expect((await invoke('cb', { n: 21 })).json).toEqual({ n: 42, fn: 'cb', mem: '128' });

    await create(
      'esm-pkg',
      [
        { name: 'package.json', data: '{"type":"module"}' },
        {
          name: 'src/app.js',
          data: 'import { helper } from "./lib.js"; export const run = async () => helper();',
          deflate: true,
        },
        { name: 'src/lib.js', data: 'export const helper = () => "esm";' },
      ],
      { Handler: 'src/app.run', Runtime: 'nodejs22.x' },
    );
    expect((await invoke('esm-pkg')).json).toBe('esm');
  });

  it('reports function errors as Lambda does: X-Amz-Function-Error and {errorMessage, errorType, trace}', async () => {
    await create('thrower', [
      {
        name: 'index.js',
        data: 'exports.handler = async () => { const e = new TypeError("bad input"); throw e; };',
      },
    ]);
    const out = await invoke('thrower');
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe('Unhandled');
    expect(out.json).toMatchObject({ errorType: 'TypeError', errorMessage: 'bad input' });
    expect(out.json.trace[0]).toBe('TypeError: bad input');

    await create('no-handler', [{ name: 'index.js', data: 'exports.other = 1;' }]);
    const missing = await invoke('no-handler');
    expect(missing.FunctionError).toBe('Unhandled');
    expect(missing.json).toMatchObject({
      errorType: 'Runtime.HandlerNotFound',
      errorMessage: 'index.handler is undefined or not exported',
    });

    await create('no-module', [{ name: 'other.js', data: '' }]);
    expect((await invoke('no-module')).json.errorType).toBe('Runtime.ImportModuleError');
  });

  it('kills a function at its timeout and says so as Lambda does, then serves the next invocation', async () => {
    await createJs(
      'sleeper',
      'exports.handler = async (e) => { if (e.sleep) await new Promise((r) => setTimeout(r, 5000)); return "awake"; };',
      { Timeout: 1 },
    );
    const t0 = Date.now();
    const out = await invoke('sleeper', { sleep: true });
    expect(Date.now() - t0).toBeLessThan(4000);
    expect(out.FunctionError).toBe('Unhandled');
    expect(out.json.errorType).toBe('Sandbox.Timedout');
    expect(out.json.errorMessage).toMatch(
      /^RequestId: [0-9a-f-]{36} Error: Task timed out after 1\.00 seconds$/,
    );
    expect((await invoke('sleeper')).json).toBe('awake');
  });

  it('keeps in the log tail every line the invocation printed before it returned', async () => {
    await createJs(
      'chatty',
      'exports.handler = async () => { for (let i = 0; i < 300; i++) console.log("line " + i + " " + "x".repeat(60)); return "said"; };',
    );
    for (let round = 0; round < 5; round++) {
      const out = await invoke('chatty', {}, { LogType: 'Tail' });
      const log = Buffer.from(out.LogResult ?? '', 'base64').toString();
      expect(log).toMatch(/line 299 x+\nEND RequestId: /);
    }
  });

  it("counts the timeout from the handler's call, not a cold start's module load (Lambda's init phase)", async () => {
    await createJs(
      'slow-init',
      'const end = Date.now() + 1500; while (Date.now() < end); exports.handler = async () => "ready";',
      { Timeout: 1 },
    );
    // The module takes 1.5 s to load against a 1 s timeout: the invocation still answers.
    const out = await invoke('slow-init');
    expect([out.FunctionError, out.json]).toEqual([undefined, 'ready']);
  });

  it('ends an out-of-memory invocation as a function error, never the server', async () => {
    await createJs(
      'hog',
      'const keep = []; exports.handler = async (e) => { if (!e.hog) return "ok"; for (;;) keep.push(new Array(1e6).fill(Math.random())); };',
      { Timeout: 30 },
    );
    const out = await invoke('hog', { hog: true });
    expect(out.FunctionError).toBe('Unhandled');
    expect(out.json.errorType).toBe('Runtime.OutOfMemory');
    expect((await invoke('hog')).json).toBe('ok');
    expect((await invoke('echo', { still: 'up' })).json.got).toEqual({ still: 'up' });
  });

  it('refuses a payload that is not JSON and accepts Event invocations', async () => {
    const err = await errorOf(
      fx.lambda.send(new InvokeCommand({ FunctionName: 'echo', Payload: Buffer.from('{nope') })),
    );
    expect(err.name).toBe('InvalidRequestContentException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    const queued = await fx.lambda.send(
      new InvokeCommand({ FunctionName: 'echo', InvocationType: 'Event', Payload: Buffer.from('{}') }),
    );
    expect(queued.StatusCode).toBe(202);
  });

  it('runs invocations of one function in parallel up to its pool, one per process', async () => {
    await create('pid', [
      {
        name: 'index.js',
        data: 'exports.handler = async () => { await new Promise((r) => setTimeout(r, 200)); return process.pid; };',
      },
    ]);
    const pids = await Promise.all(
      Array.from({ length: 6 }, () => invoke('pid').then((o) => o.json as number)),
    );
    expect(new Set(pids).size).toBe(2);
    expect(fx.aws.lambda().processes({ accountId: '000000000000', region: 'us-east-1', name: 'pid' })).toBe(
      2,
    );
  });
});

describe('durability', () => {
  it('keeps functions and their code across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'local-aws-lambda-'));
    try {
      const first = await startFixture({ dataDir });
      const before = first.lambda;
      await before.send(
        new CreateFunctionCommand({
          FunctionName: 'survivor',
          Runtime: 'nodejs20.x',
          Handler: 'index.handler',
          Role: ROLE,
          Timeout: 7,
          Code: {
            ZipFile: zipOf([{ name: 'index.js', data: 'exports.handler = async (e) => ({ back: e });' }]),
          },
        }),
      );
      await first.close();

      const second = await startFixture({ dataDir });
      const after = second.lambda;
      try {
        const got = await after.send(new GetFunctionCommand({ FunctionName: 'survivor' }));
        expect(got.Configuration?.Timeout).toBe(7);
        const out = await after.send(
          new InvokeCommand({ FunctionName: 'survivor', Payload: Buffer.from('{"b":2}') }),
        );
        expect(JSON.parse(Buffer.from(out.Payload ?? []).toString())).toEqual({ back: { b: 2 } });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
