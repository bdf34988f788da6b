import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliProcess, startCli } from './support/cli-process.js';
import { AWS_CLI } from './support/local-aws-fixture.js';

// Issue 23: the tarball installs with npm into an empty project and runs there, with no file of this
// repository used at run time; the examples of examples/ run from that project too (decision 0027).

const pkgDir = join(import.meta.dirname, '..');
const examples = join(pkgDir, '..', '..', 'examples');
const work = mkdtempSync(join(tmpdir(), 'local-aws-package-'));
const project = join(work, 'project');
const home = join(work, 'home');
const command = join(project, 'node_modules', '.bin', 'batchops-local-aws');
// npm passes its settings to children as npm_config_*, vitest its worker state: the project inherits neither.
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(npm_|VITEST|TINYPOOL)/i.test(k)),
);
// The user's HOME stays: npm's cache and npmrc are theirs.
const env: NodeJS.ProcessEnv = { ...cleanEnv, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
// Nothing compiles at install (decision 0031); the examples' own dependencies may still download.
const INSTALL_MS = 5 * 60_000;

function run(cmd: string, args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return new Promise<{ code: number; out: string }>((ok) => {
    execFile(
      cmd,
      args,
      { cwd: project, env, timeout: INSTALL_MS, maxBuffer: 64 << 20, ...opts },
      (err, stdout, stderr) => ok({ code: err ? Number(err.code ?? 1) || 1 : 0, out: `${stdout}${stderr}` }),
    );
  });
}

/** A Python with boto3 and pytest: the one on PATH, else Debian's (python3-boto3, python3-pytest). */
function pythonWithBoto3(): string | undefined {
  for (const python of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(python, ['-c', 'import boto3, pytest'], { stdio: 'ignore' });
      return python;
    } catch {}
  }
  return undefined;
}

beforeAll(async () => {
  mkdirSync(home, { recursive: true });
  const tarball = execFileSync(
    process.execPath,
    [join(pkgDir, 'scripts', 'pack.mjs'), '--out', join(work, 'pack')],
    {
      encoding: 'utf8',
    },
  )
    .trim()
    .split('\n')
    .at(-1) as string;
  // The examples as a user copies them: their package.json names the tarball beside it.
  cpSync(join(examples, 'node-vitest'), project, { recursive: true });
  cpSync(join(examples, 'python-pytest'), join(project, 'python'), { recursive: true });
  cpSync(tarball, join(project, 'batchops-local-aws.tgz'));
  const install = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
  expect(install.code, install.out).toBe(0);
}, INSTALL_MS);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the installed package', () => {
  let p: CliProcess | undefined;
  afterAll(async () => {
    if (p?.child.exitCode === null) await p.stop();
  });

  it('ships a bundle with no workspace package to resolve', () => {
    const installed = join(project, 'node_modules', '@batchops', 'local-aws');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.engines).toEqual({ node: '>=22.13' });
    expect(existsSync(join(installed, 'dist', 'index.d.ts'))).toBe(true);
    expect(existsSync(join(project, 'node_modules', '@batchops', 'engine'))).toBe(false);
  });

  it('starts with --port 0, runs a tagging job created by the AWS CLI, and stops on SIGTERM', async () => {
    p = await startCli(command, ['--port', '0', '--test-role'], {
      ...env,
      PATH: `${project}/node_modules/.bin:${env.PATH}`,
    });
    const url = p.url;
    expect((await fetch(`${url}/_batchops/health`)).status).toBe(200);
    const cliEnv = {
      PATH: env.PATH,
      HOME: home,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
    };
    const aws = async (...args: string[]) => {
      const r = await run(AWS_CLI, [...args, '--endpoint-url', url, '--output', 'json'], { env: cliEnv });
      expect(r.code, r.out).toBe(0);
      return r.out.trim() === '' ? {} : JSON.parse(r.out);
    };
    await aws('s3api', 'create-bucket', '--bucket', 'cli-pack');
    const body = join(work, 'body.txt');
    writeFileSync(body, 'hello');
    for (const key of ['a.txt', 'b.txt'])
      await aws('s3api', 'put-object', '--bucket', 'cli-pack', '--key', key, '--body', body);
    const csv = join(work, 'manifest.csv');
    writeFileSync(csv, 'cli-pack,a.txt\ncli-pack,b.txt\n');
    const put = await aws(
      's3api',
      'put-object',
      '--bucket',
      'cli-pack',
      '--key',
      'manifest.csv',
      '--body',
      csv,
    );
    // S3 Control puts the account ID in front of the host: the CLI goes through local-aws as its proxy.
    const ctl = (...args: string[]) =>
      run(
        AWS_CLI,
        ['s3control', ...args, '--account-id', '000000000000', '--endpoint-url', url, '--output', 'json'],
        {
          env: { ...cliEnv, HTTP_PROXY: url },
        },
      );
    const created = await ctl(
      'create-job',
      '--no-confirmation-required',
      '--priority',
      '1',
      '--client-request-token',
      'pack-test',
      '--role-arn',
      'arn:aws:iam::000000000000:role/batchops-test',
      '--operation',
      JSON.stringify({ S3PutObjectTagging: { TagSet: [{ Key: 'packed', Value: 'yes' }] } }),
      '--manifest',
      JSON.stringify({
        Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
        Location: { ObjectArn: 'arn:aws:s3:::cli-pack/manifest.csv', ETag: put.ETag },
      }),
      '--report',
      JSON.stringify({ Enabled: false }),
    );
    expect(created.code, created.out).toBe(0);
    const { JobId } = JSON.parse(created.out);
    let status = '';
    for (let i = 0; i < 300 && status !== 'Complete' && status !== 'Failed'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const described = await ctl('describe-job', '--job-id', JobId);
      status = JSON.parse(described.out).Job.Status;
    }
    expect(status).toBe('Complete');
    const tags = await aws('s3api', 'get-object-tagging', '--bucket', 'cli-pack', '--key', 'b.txt');
    expect(tags.TagSet).toEqual([{ Key: 'packed', Value: 'yes' }]);

    const dataDir = p.dataDir;
    expect(existsSync(dataDir)).toBe(true);
    expect(await p.stop()).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
    // A dozen AWS CLI starts (~1.5 s of CPU each): more than the default 60 s on a busy machine.
  }, 180_000);

  it('tells a user on a Node without node:sqlite so in one line, and starts nothing', async () => {
    // Node 20 as the command sees it: the check reads process.version(s) before loading the bundle.
    const asNode20 =
      'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.19.0"});Object.defineProperty(process,"version",{value:"v20.19.0"});';
    const bin = join(project, 'node_modules', '@batchops', 'local-aws', 'bin', 'batchops-local-aws.js');
    const r = await run(process.execPath, ['--import', asNode20, bin, '--port', '0']);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      'batchops-local-aws needs Node.js 22.13 or newer (it uses node:sqlite); this is v20.19.0\n',
    );
  });

  it('runs examples/node-vitest (startLocalAws in a globalSetup, a tagging job, its completion report)', async () => {
    const r = await run(join(project, 'node_modules', '.bin', 'vitest'), ['run']);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/1 passed/);
  });

  it('runs examples/python-pytest (boto3 clients, a tagging job and a LambdaInvoke job)', async () => {
    const python = pythonWithBoto3();
    expect(python, 'no python3 with boto3 and pytest (Debian: python3-boto3 python3-pytest)').toBeDefined();
    const r = await run(python as string, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], {
      cwd: join(project, 'python'),
      env: { ...env, PATH: `${project}/node_modules/.bin:${env.PATH}` },
    });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/2 passed/);
  });
});
