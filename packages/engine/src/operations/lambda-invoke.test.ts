import type { LambdaClient } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { JobError } from '../job-types.js';
import { invocationEvent, lambdaInvoke } from './lambda-invoke.js';
import type { TaskContext } from './operation.js';

const task = { bucket: 'b', key: 'a b/c.txt' };

/** A context whose Lambda client answers with `reply(event)` (unit test: no server). */
function ctxWith(reply: (event: Record<string, unknown>) => { Payload?: string; FunctionError?: string }) {
  const sent: Array<{ region: string; input: { FunctionName?: string } }> = [];
  const ctx: TaskContext = {
    s3: undefined as never,
    lambda: (region) =>
      ({
        send: async (cmd: { input: { FunctionName?: string; Payload: Uint8Array } }) => {
          sent.push({ region, input: cmd.input });
          const out = reply(JSON.parse(Buffer.from(cmd.input.Payload).toString()));
          return {
            StatusCode: 200,
            ...out,
            Payload: out.Payload === undefined ? undefined : Buffer.from(out.Payload),
          };
        },
      }) as unknown as LambdaClient,
    replicate: undefined as never,
    accountId: '111122223333',
    region: 'eu-west-1',
    jobId: 'job-1',
    now: () => new Date(),
  };
  return { ctx, sent };
}

const answer = (event: Record<string, unknown>, resultCode: string, resultString = 'r') =>
  JSON.stringify({
    invocationSchemaVersion: '1.0',
    invocationId: event.invocationId,
    results: [{ taskId: (event.tasks as Array<{ taskId: string }>)[0]?.taskId, resultCode, resultString }],
  });

describe('LambdaInvoke', () => {
  it('builds the 1.0 and 2.0 events', () => {
    expect(invocationEvent('1.0', 'inv', 't', task, { jobId: 'j' }, undefined)).toEqual({
      invocationSchemaVersion: '1.0',
      invocationId: 'inv',
      job: { id: 'j' },
      tasks: [{ taskId: 't', s3Key: 'a%20b/c.txt', s3VersionId: null, s3BucketArn: 'arn:aws:s3:::b' }],
    });
    expect(
      invocationEvent(
        '2.0',
        'inv',
        't',
        { ...task, versionId: 'v1' },
        { jobId: 'j', encodedKey: 'a+b/c.txt' },
        { k: 'v' },
      ),
    ).toEqual({
      invocationSchemaVersion: '2.0',
      invocationId: 'inv',
      job: { id: 'j', userArguments: { k: 'v' } },
      tasks: [{ taskId: 't', s3Bucket: 'b', s3Key: 'a+b/c.txt', s3VersionId: 'v1' }],
    });
  });

  it('checks FunctionArn, InvocationSchemaVersion and UserArguments at CreateJob', () => {
    const check = (p: object) => () => lambdaInvoke.check?.(p as never);
    expect(check({ FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST' })).not.toThrow();
    expect(
      check({ FunctionArn: 'f', InvocationSchemaVersion: '2.0', UserArguments: { a: 'b' } }),
    ).not.toThrow();
    expect(check({})).toThrow(JobError);
    expect(check({ FunctionArn: 'arn:aws:sqs:us-east-1:123456789012:q' })).toThrow(/FunctionArn/);
    expect(check({ FunctionArn: 'f', InvocationSchemaVersion: '1.1' })).toThrow(/InvocationSchemaVersion/);
    expect(check({ FunctionArn: 'f', UserArguments: { a: 'b' } })).toThrow(/2\.0/);
    expect(check({ FunctionArn: 'f', InvocationSchemaVersion: '2.0', UserArguments: {} })).toThrow(
      /UserArguments/,
    );
    expect(
      check({ FunctionArn: 'f', InvocationSchemaVersion: '2.0', UserArguments: { ['k'.repeat(65)]: 'v' } }),
    ).toThrow(/UserArguments/);
  });

  it('calls the Region of the function ARN, else the job Region', async () => {
    const { ctx, sent } = ctxWith((e) => ({ Payload: answer(e, 'Succeeded') }));
    await lambdaInvoke.run(task, { FunctionArn: 'arn:aws:lambda:us-west-2:111122223333:function:f' }, ctx);
    await lambdaInvoke.run(task, { FunctionArn: 'f' }, ctx);
    expect(sent.map((s) => s.region)).toEqual(['us-west-2', 'eu-west-1']);
  });

  it('maps the answers to task outcomes', async () => {
    const run = (reply: Parameters<typeof ctxWith>[0]) =>
      lambdaInvoke.run(task, { FunctionArn: 'f' }, ctxWith(reply).ctx);
    expect(await run((e) => ({ Payload: answer(e, 'Succeeded', 'fine') }))).toEqual({
      ok: true,
      http: 200,
      message: 'fine',
    });
    expect(await run((e) => ({ Payload: answer(e, 'PermanentFailure', 'no') }))).toEqual({
      ok: false,
      http: 200,
      code: 'PermanentFailure',
      message: 'no',
    });
    expect(await run(() => ({ Payload: '{"errorMessage":"x"}', FunctionError: 'Unhandled' }))).toMatchObject({
      code: 'PermanentFailure',
      message: 'Lambda returned function error: {"errorMessage":"x"}',
    });
    expect(await run(() => ({ Payload: '{"results":[],"treatMissingKeysAs":"Succeeded"}' }))).toMatchObject({
      ok: true,
    });
    expect(await run(() => ({ Payload: 'nope' }))).toMatchObject({
      message: 'Invalid JSON returned in Lambda payload',
    });
    expect(await run((e) => ({ Payload: answer(e, 'Maybe') }))).toMatchObject({ code: 'PermanentFailure' });
  });

  it('redrives TemporaryFailure: a second answer Succeeded ends the task succeeded', async () => {
    let calls = 0;
    const once = await lambdaInvoke.run(
      task,
      { FunctionArn: 'f' },
      ctxWith((e) => ({ Payload: answer(e, ++calls === 1 ? 'TemporaryFailure' : 'Succeeded', 'ok') })).ctx,
    );
    expect(once).toEqual({ ok: true, http: 200, message: 'ok' });
    expect(calls).toBe(2);
  });
});
