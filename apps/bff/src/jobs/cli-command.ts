import type { CreateJobRequest } from '@aws-sdk/client-s3-control';

/** POSIX shell quoting: bare when safe, else single quotes with `'` written as `'\''`. */
export function shellQuote(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

const json = (v: unknown): string => JSON.stringify(v, (_k, x) => (x instanceof Date ? x.toISOString() : x));

/**
 * The `aws s3control create-job` argument vector of a CreateJob request (the CLI takes the model's
 * member names in its JSON arguments). A custom endpoint (local-aws) goes in --endpoint-url.
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
