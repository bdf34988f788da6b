import {
  CreateFunctionCommand,
  InvokeCommand,
  type InvokeCommandOutput,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { lambdaClientFor, type ZipInput, zipOf } from '@batchops/test-support';

/** The role test functions are created with (it exists in every fixture). */
export const FUNCTION_ROLE = 'arn:aws:iam::000000000000:role/batchops-test';

/** A Lambda client signed with test/test that never retries (a test sees every answer). */
export function lambdaClient(url: string): LambdaClient {
  return lambdaClientFor(url, undefined, { maxAttempts: 1 });
}

/** CreateFunction of a Node.js 20 `index.handler` from files (zipped here) or a zip as is. */
export function createFunction(
  lambda: LambdaClient,
  name: string,
  code: readonly ZipInput[] | Buffer,
  extra: Record<string, unknown> = {},
) {
  return lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Role: FUNCTION_ROLE,
      Code: { ZipFile: Buffer.isBuffer(code) ? code : zipOf(code) },
      ...extra,
    }),
  );
}

/** Invoke with a JSON event; the answer with its payload parsed as `json`. */
export async function invokeJson(
  lambda: LambdaClient,
  name: string,
  event: unknown = {},
  extra: Record<string, unknown> = {},
  // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever JSON the function answered
): Promise<InvokeCommandOutput & { json: any }> {
  const out = await lambda.send(
    new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify(event)), ...extra }),
  );
  return { ...out, json: JSON.parse(Buffer.from(out.Payload ?? []).toString('utf8')) };
}
