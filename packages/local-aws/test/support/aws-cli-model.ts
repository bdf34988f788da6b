import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_CREDENTIALS, type TestCredentials } from '@batchops/test-support';
import { AWS_CLI, type LocalAwsFixture } from './local-aws-fixture.js';

// Debian's aws-cli 2.9.19 predates S3ComputeObjectChecksum and S3UpdateObjectEncryption: its
// S3 Control model has no such members and the CLI would refuse them. botocore reads models from
// AWS_DATA_PATH before its own, so tests give it its own model with the job shapes local-aws
// serves (src/s3control/model/job-shapes.json, extracted from the current AWS model) put in.

const BUILTIN = '/usr/lib/python3/dist-packages/awscli/botocore/data/s3control/2018-08-20/service-2.json';
const JOB_SHAPES = join(dirname(fileURLToPath(import.meta.url)), '../../src/s3control/model/job-shapes.json');

/** A data directory for AWS_DATA_PATH, or undefined when the CLI's own model is not where Debian puts it. */
export function cliDataPath(dir: string): string | undefined {
  if (!existsSync(BUILTIN)) return undefined;
  const model = JSON.parse(readFileSync(BUILTIN, 'utf8')) as { shapes: Record<string, unknown> };
  const jobs = JSON.parse(readFileSync(JOB_SHAPES, 'utf8')) as { shapes: Record<string, unknown> };
  Object.assign(model.shapes, jobs.shapes);
  const out = join(dir, 's3control', '2018-08-20');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'service-2.json'), JSON.stringify(model));
  return dir;
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run a command with `env`; never rejects (the exit code is in the result). */
export function runCommand(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<CliResult> {
  return new Promise((ok) => {
    execFile(
      command,
      [...args],
      { env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        ok({ code, stdout, stderr });
      },
    );
  });
}

/** Run `aws <args>` with `env`; never rejects (the exit code is in the result). */
export const runCli = (args: readonly string[], env: NodeJS.ProcessEnv) => runCommand(AWS_CLI, args, env);

/**
 * `aws <args>` against a fixture as JSON (`{}` for no output), signed with `credentials`; rejects with
 * the CLI's stderr on failure. S3 Control puts the account in front of the host, so the CLI reaches
 * local-aws as a proxy for it (wire-notes §1); IAM, STS and S3 need none.
 */
export async function awsJson(
  f: Pick<LocalAwsFixture, 'aws' | 'cliEnv'>,
  args: readonly string[],
  credentials: TestCredentials = TEST_CREDENTIALS,
): Promise<Record<string, unknown>> {
  const r = await runCli([...args, '--endpoint-url', f.aws.url, '--output', 'json'], {
    ...f.cliEnv,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
    ...(args[0] === 's3control' ? { HTTP_PROXY: f.aws.url } : {}),
  });
  if (r.code !== 0) throw new Error(`aws ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim() === '' ? {} : (JSON.parse(r.stdout) as Record<string, unknown>);
}
