import type { CreateJobRequest } from '@aws-sdk/client-s3-control';
import type { CliCommandResponse } from '@batchops/contracts';
import { boto3Snippet, sdkJsSnippet } from './sdk-snippets.js';

/** POSIX shell quoting: bare when safe, else single quotes with `'` written as `'\''`. */
export function shellQuote(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

const json = (v: unknown): string => JSON.stringify(v, (_k, x) => (x instanceof Date ? x.toISOString() : x));

/**
 * The `aws s3control create-job` argument vector of a CreateJob request (the CLI takes the model's
 * member names in its JSON arguments). A custom endpoint (local-aws) goes in --endpoint-url (and the
 * command runs with HTTP_PROXY, `cliEnv`).
 */
export function createJobArgv(
  request: CreateJobRequest,
  target: { region: string; endpoint: string | null },
): string[] {
  const argv = ['aws', 's3control', 'create-job', '--account-id', request.AccountId ?? ''];
  argv.push('--region', target.region);
  if (target.endpoint) argv.push('--endpoint-url', target.endpoint);
  argv.push('--operation', json(request.Operation));
  if (request.Manifest) argv.push('--manifest', json(request.Manifest));
  if (request.ManifestGenerator) argv.push('--manifest-generator', json(request.ManifestGenerator));
  argv.push('--report', json(request.Report));
  argv.push('--priority', String(request.Priority ?? 0));
  argv.push('--role-arn', request.RoleArn ?? '');
  if (request.ClientRequestToken) argv.push('--client-request-token', request.ClientRequestToken);
  if (request.Description) argv.push('--description', request.Description);
  if (request.Tags?.length) argv.push('--tags', json(request.Tags));
  argv.push(
    request.ConfirmationRequired === false ? '--no-confirmation-required' : '--confirmation-required',
  );
  return argv;
}

export const toCommandLine = (argv: readonly string[]): string => argv.map(shellQuote).join(' ');

/** The CLI puts the account in front of a custom endpoint's host, which does not resolve: local-aws proxies it. */
const cliEnv = (endpoint: string | null): Record<string, string> =>
  endpoint ? { HTTP_PROXY: endpoint } : {};

/** What the request uses that Debian's aws-cli 2.9.19 (and others of its age) refuses before sending. */
function newerShapes(request: CreateJobRequest): string[] {
  const op = request.Operation ?? {};
  const lambda = op.LambdaInvoke;
  return [
    ...(op.S3ComputeObjectChecksum ? ['S3ComputeObjectChecksum'] : []),
    ...(op.S3UpdateObjectEncryption ? ['S3UpdateObjectEncryption'] : []),
    ...(lambda?.InvocationSchemaVersion === '2.0' || lambda?.UserArguments
      ? ['LambdaInvoke with InvocationSchemaVersion 2.0']
      : []),
  ];
}

function cliNotes(request: CreateJobRequest, endpoint: string | null): string[] {
  const newer = newerShapes(request);
  return [
    ...(endpoint
      ? [
          'Run it with the local-aws keys in the environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY: test / test unless the console was configured with others).',
          'HTTP_PROXY sends the request through local-aws: a NO_PROXY (or no_proxy) that covers the endpoint host defeats it, so unset it for this command.',
        ]
      : []),
    ...(newer.length > 0
      ? [
          `${newer.join(' and ')} needs an AWS CLI whose S3 Control model has it (newer than Debian's 2.9.19, which refuses it before sending). With an older CLI, put today's s3control/2018-08-20/service-2.json from a current botocore under a folder and set AWS_DATA_PATH to that folder.`,
        ]
      : []),
  ];
}

/**
 * The command, its notes (the job's cost estimate last, as Review shows it), and the same request
 * for boto3 and the AWS SDK for JavaScript v3.
 */
export function createJobSnippets(
  request: CreateJobRequest,
  target: { region: string; endpoint: string | null },
  costSummary?: string,
): CliCommandResponse {
  const argv = createJobArgv(request, target);
  const env = cliEnv(target.endpoint);
  const prefix = Object.entries(env).map(([name, value]) => `${name}=${shellQuote(value)} `);
  return {
    command: `${prefix.join('')}${toCommandLine(argv)}`,
    argv,
    env,
    notes: [...cliNotes(request, target.endpoint), ...(costSummary ? [costSummary] : [])],
    boto3: boto3Snippet(request, target.region, target.endpoint),
    sdkJs: sdkJsSnippet(request, target.region, target.endpoint),
  };
}
