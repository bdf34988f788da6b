import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  DeleteBucketPolicyCommand,
  DeletePublicAccessBlockCommand as DeleteBucketPublicAccessBlockCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutObjectAclCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import {
  DeletePublicAccessBlockCommand,
  GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand,
  PutPublicAccessBlockCommand as PutAccountPublicAccessBlockCommand,
} from '@aws-sdk/client-s3-control';
import { iamClientFor, s3ClientFor } from '@batchops/test-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAclBucket } from './support/acl-buckets.js';
import { AWS_CLI, errorOf, type LocalAwsFixture } from './support/local-aws-fixture.js';
import { ACCOUNT_A, ACCOUNT_B, useTwoAccounts } from './support/two-accounts.js';

// Bucket policies and Block Public Access (issue 24 §1, decision 0032), through the SDK and the CLI.

const run = promisify(execFile);
const A = ACCOUNT_A;
const B = ACCOUNT_B;

const accounts = useTwoAccounts();
let fx: LocalAwsFixture;
let a: S3Client;
let b: S3Client;
beforeAll(() => {
  ({ fx, a, b } = accounts);
});

type StatementInput = Record<string, unknown>;
const policy = (...Statement: StatementInput[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const putPolicy = (Bucket: string, ...statements: StatementInput[]) =>
  a.send(new PutBucketPolicyCommand({ Bucket, Policy: policy(...statements) }));

async function bucketWith(Bucket: string, keys: string[]): Promise<void> {
  await createAclBucket(a, Bucket);
  for (const Key of keys) await a.send(new PutObjectCommand({ Bucket, Key, Body: `body of ${Key}` }));
}

const read = async (client: S3Client, Bucket: string, Key: string) =>
  (await client.send(new GetObjectCommand({ Bucket, Key }))).Body?.transformToString();

describe('Put/Get/DeleteBucketPolicy and GetBucketPolicyStatus', () => {
  it('stores the policy as sent, says whether it is public, and deletes it', async () => {
    await bucketWith('bp-crud', []);
    const text = policy({
      Effect: 'Allow',
      Principal: { AWS: B },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::bp-crud/*',
    });
    await a.send(new PutBucketPolicyCommand({ Bucket: 'bp-crud', Policy: text }));
    expect((await a.send(new GetBucketPolicyCommand({ Bucket: 'bp-crud' }))).Policy).toBe(text);
    const status = await a.send(new GetBucketPolicyStatusCommand({ Bucket: 'bp-crud' }));
    expect(status.PolicyStatus?.IsPublic).toBe(false);
    await putPolicy('bp-crud', {
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::bp-crud/*',
    });
    expect(
      (await a.send(new GetBucketPolicyStatusCommand({ Bucket: 'bp-crud' }))).PolicyStatus?.IsPublic,
    ).toBe(true);
    // Pinned to one account by a condition, "*" is not public.
    await putPolicy('bp-crud', {
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::bp-crud/*',
      Condition: { StringEquals: { 'aws:PrincipalAccount': B } },
    });
    expect(
      (await a.send(new GetBucketPolicyStatusCommand({ Bucket: 'bp-crud' }))).PolicyStatus?.IsPublic,
    ).toBe(false);
    await a.send(new DeleteBucketPolicyCommand({ Bucket: 'bp-crud' }));
    const gone = await errorOf(a.send(new GetBucketPolicyCommand({ Bucket: 'bp-crud' })));
    expect([gone.name, gone.$metadata.httpStatusCode]).toEqual(['NoSuchBucketPolicy', 404]);
  });

  const bad: Array<[string, string, string]> = [
    ['not JSON', 'nope', "Policies must be valid JSON and the first byte must be '{'"],
    ['broken JSON', '{"Statement": [', 'This policy contains invalid Json'],
    ['no Statement', '{"Version":"2012-10-17"}', 'Missing required field Statement'],
    [
      'no Principal',
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bp-bad/*' }),
      'Missing required field Principal',
    ],
    [
      'an unknown action',
      policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObjekt', Resource: 'arn:aws:s3:::bp-bad/*' }),
      'Policy has invalid action',
    ],
    [
      'a resource outside the bucket',
      policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::other/*' }),
      'Policy has invalid resource',
    ],
    [
      'an object action on the bucket ARN',
      policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bp-bad' }),
      'Action does not apply to any resource(s) in statement',
    ],
    [
      'an unknown principal form',
      policy({
        Effect: 'Allow',
        Principal: { AWS: 'bob' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::bp-bad/*',
      }),
      'Invalid principal in policy',
    ],
  ];
  it.each(bad)('refuses %s with 400 MalformedPolicy and S3 message', async (_what, Policy, message) => {
    await a.send(new CreateBucketCommand({ Bucket: 'bp-bad' })).catch(() => {});
    const err = await errorOf(a.send(new PutBucketPolicyCommand({ Bucket: 'bp-bad', Policy })));
    expect([err.name, err.$metadata.httpStatusCode, err.message]).toEqual(['MalformedPolicy', 400, message]);
    expect((await errorOf(a.send(new GetBucketPolicyCommand({ Bucket: 'bp-bad' })))).name).toBe(
      'NoSuchBucketPolicy',
    );
  });

  it('refuses a policy over 20 KB', async () => {
    await a.send(new CreateBucketCommand({ Bucket: 'bp-big' }));
    const Resource = Array.from({ length: 800 }, (_, i) => `arn:aws:s3:::bp-big/prefix-${i}/*`);
    const err = await errorOf(
      a.send(
        new PutBucketPolicyCommand({
          Bucket: 'bp-big',
          Policy: policy({ Effect: 'Allow', Principal: { AWS: B }, Action: 's3:GetObject', Resource }),
        }),
      ),
    );
    expect([err.name, err.$metadata.httpStatusCode]).toEqual(['PolicyTooLarge', 400]);
  });

  it('another account may not read or change the policy: 403 without its permission, 405 with it', async () => {
    await a.send(new CreateBucketCommand({ Bucket: 'bp-owner-only' }));
    const getIt = () => errorOf(b.send(new GetBucketPolicyCommand({ Bucket: 'bp-owner-only' })));
    await putPolicy('bp-owner-only', {
      Effect: 'Allow',
      Principal: { AWS: B },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::bp-owner-only/*',
    });
    expect((await getIt()).$metadata.httpStatusCode).toBe(403);
    await putPolicy('bp-owner-only', {
      Effect: 'Allow',
      Principal: { AWS: B },
      Action: ['s3:GetBucketPolicy', 's3:PutBucketPolicy'],
      Resource: 'arn:aws:s3:::bp-owner-only',
    });
    const refused = await getIt();
    expect([refused.name, refused.$metadata.httpStatusCode]).toEqual(['MethodNotAllowed', 405]);
    const put = await errorOf(
      b.send(new PutBucketPolicyCommand({ Bucket: 'bp-owner-only', Policy: policy() })),
    );
    expect(put.$metadata.httpStatusCode).toBe(405);
  });
});

describe('evaluation', () => {
  it('another account reads only what the policy allows it; an explicit Deny wins; s3:prefix conditions', async () => {
    await bucketWith('bp-share', ['public/a', 'secret/b']);
    expect((await errorOf(read(b, 'bp-share', 'public/a'))).name).toBe('AccessDenied');
    await putPolicy(
      'bp-share',
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${B}:root` },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::bp-share/*',
      },
      {
        Effect: 'Deny',
        Principal: { AWS: B },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::bp-share/secret/*',
      },
      {
        Effect: 'Allow',
        Principal: { AWS: B },
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::bp-share',
        Condition: { StringLike: { 's3:prefix': 'public/*' } },
      },
    );
    expect(await read(b, 'bp-share', 'public/a')).toBe('body of public/a');
    const denied = await errorOf(read(b, 'bp-share', 'secret/b'));
    expect(denied.name).toBe('AccessDenied');
    expect(denied.message).toContain('with an explicit deny in a resource-based policy');
    const listed = await b.send(new ListObjectsV2Command({ Bucket: 'bp-share', Prefix: 'public/' }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(['public/a']);
    expect((await errorOf(b.send(new ListObjectsV2Command({ Bucket: 'bp-share' })))).name).toBe(
      'AccessDenied',
    );
  });

  it('within the account, the bucket policy alone may allow a user; its Deny beats the user policy; the root keeps the policy', async () => {
    await bucketWith('bp-same', ['k']);
    const iam = iamClientFor(fx.aws.url);
    await iam.send(new CreateUserCommand({ UserName: 'carol' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'carol' }))).AccessKey;
    const carol = s3ClientFor(fx.aws.url, {
      accessKeyId: key?.AccessKeyId as string,
      secretAccessKey: key?.SecretAccessKey as string,
    });
    expect((await errorOf(read(carol, 'bp-same', 'k'))).name).toBe('AccessDenied');
    const carolArn = `arn:aws:iam::${A}:user/carol`;
    await putPolicy('bp-same', {
      Effect: 'Allow',
      Principal: { AWS: carolArn },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::bp-same/*',
    });
    expect(await read(carol, 'bp-same', 'k')).toBe('body of k');
    // The user's own policy allows everything; the bucket's Deny still wins, for the root too.
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'carol',
        PolicyName: 'all',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
        }),
      }),
    );
    await putPolicy('bp-same', {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::bp-same/*',
    });
    expect((await errorOf(read(carol, 'bp-same', 'k'))).name).toBe('AccessDenied');
    expect((await errorOf(read(a, 'bp-same', 'k'))).name).toBe('AccessDenied');
    await a.send(new DeleteBucketPolicyCommand({ Bucket: 'bp-same' }));
    expect(await read(a, 'bp-same', 'k')).toBe('body of k');
    carol.destroy();
    iam.destroy();
  });
});

describe('Block Public Access', () => {
  const everyone = (Bucket: string) => ({
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: `arn:aws:s3:::${Bucket}/*`,
  });

  it("the bucket's settings refuse public policies and ACLs, and RestrictPublicBuckets keeps other accounts out", async () => {
    await bucketWith('bp-pab', ['k']);
    await putPolicy('bp-pab', everyone('bp-pab'));
    expect(await read(b, 'bp-pab', 'k')).toBe('body of k');
    const settings = {
      BlockPublicAcls: true,
      IgnorePublicAcls: false,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    };
    await a.send(
      new PutPublicAccessBlockCommand({ Bucket: 'bp-pab', PublicAccessBlockConfiguration: settings }),
    );
    expect(
      (await a.send(new GetPublicAccessBlockCommand({ Bucket: 'bp-pab' }))).PublicAccessBlockConfiguration,
    ).toEqual(settings);
    expect((await errorOf(read(b, 'bp-pab', 'k'))).name).toBe('AccessDenied');
    expect(await read(a, 'bp-pab', 'k')).toBe('body of k');
    const refused = await errorOf(putPolicy('bp-pab', everyone('bp-pab')));
    expect([refused.name, refused.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
    expect(refused.message).toContain('BlockPublicPolicy');
    const acl = await errorOf(
      a.send(new PutObjectAclCommand({ Bucket: 'bp-pab', Key: 'k', ACL: 'public-read' })),
    );
    expect(acl.name).toBe('AccessDenied');
  });

  it("the account's settings (S3 Control) hold for every bucket of the account", async () => {
    await bucketWith('bp-acct', []);
    const missing = await errorOf(
      fx.s3control.send(new GetAccountPublicAccessBlockCommand({ AccountId: A })),
    );
    expect(missing.name).toBe('NoSuchPublicAccessBlockConfiguration');
    const settings = {
      BlockPublicAcls: false,
      IgnorePublicAcls: false,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: false,
    };
    await fx.s3control.send(
      new PutAccountPublicAccessBlockCommand({ AccountId: A, PublicAccessBlockConfiguration: settings }),
    );
    const got = await fx.s3control.send(new GetAccountPublicAccessBlockCommand({ AccountId: A }));
    expect(got.PublicAccessBlockConfiguration).toEqual(settings);
    expect((await errorOf(putPolicy('bp-acct', everyone('bp-acct')))).name).toBe('AccessDenied');
    await fx.s3control.send(new DeletePublicAccessBlockCommand({ AccountId: A }));
    await putPolicy('bp-acct', everyone('bp-acct'));
  });
});

describe('AWS CLI', () => {
  it('put-bucket-policy from a file, get-bucket-policy, get-bucket-policy-status, put/get-public-access-block', async () => {
    await bucketWith('bp-cli', []);
    const cli = (...args: string[]) =>
      run(AWS_CLI, [...args, '--endpoint-url', fx.aws.url, '--output', 'json'], { env: fx.cliEnv });
    const file = join(fx.dataDir, 'policy.json');
    const text = policy({
      Effect: 'Allow',
      Principal: { AWS: B },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::bp-cli/*',
    });
    writeFileSync(file, text);
    await cli('s3api', 'put-bucket-policy', '--bucket', 'bp-cli', '--policy', `file://${file}`);
    expect(JSON.parse((await cli('s3api', 'get-bucket-policy', '--bucket', 'bp-cli')).stdout).Policy).toBe(
      text,
    );
    const status = JSON.parse((await cli('s3api', 'get-bucket-policy-status', '--bucket', 'bp-cli')).stdout);
    expect(status).toEqual({ PolicyStatus: { IsPublic: false } });
    await cli(
      's3api',
      'put-public-access-block',
      '--bucket',
      'bp-cli',
      '--public-access-block-configuration',
      'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    );
    const pab = JSON.parse((await cli('s3api', 'get-public-access-block', '--bucket', 'bp-cli')).stdout);
    expect(pab.PublicAccessBlockConfiguration.BlockPublicPolicy).toBe(true);
    const bad = await cli('s3api', 'put-bucket-policy', '--bucket', 'bp-cli', '--policy', 'nope').catch(
      (e) => e,
    );
    expect(String(bad.stderr)).toContain('MalformedPolicy');
  });
});

describe('new buckets as S3 makes them since April 2023', () => {
  it('ACLs off (BucketOwnerEnforced) and public access blocked unless the creator asks for ACLs', async () => {
    await a.send(new CreateBucketCommand({ Bucket: 'sd-new' }));
    const ownership = await a.send(new GetBucketOwnershipControlsCommand({ Bucket: 'sd-new' }));
    expect(ownership.OwnershipControls?.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
    const pab = await a.send(new GetPublicAccessBlockCommand({ Bucket: 'sd-new' }));
    expect(pab.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    await a.send(new PutObjectCommand({ Bucket: 'sd-new', Key: 'k', Body: 'x' }));
    const acl = await errorOf(
      a.send(new PutObjectAclCommand({ Bucket: 'sd-new', Key: 'k', ACL: 'public-read' })),
    );
    expect(acl.name).toBe('AccessControlListNotSupported');
    // A user who wants ACLs asks for them, as on AWS; public ones stay blocked until the block goes.
    await a.send(new CreateBucketCommand({ Bucket: 'sd-acls', ObjectOwnership: 'ObjectWriter' }));
    await a.send(new PutObjectCommand({ Bucket: 'sd-acls', Key: 'k', Body: 'x', ACL: 'bucket-owner-read' }));
    expect(
      (await errorOf(a.send(new PutObjectAclCommand({ Bucket: 'sd-acls', Key: 'k', ACL: 'public-read' }))))
        .name,
    ).toBe('AccessDenied');
    const publicAtCreation = await errorOf(
      a.send(
        new CreateBucketCommand({ Bucket: 'sd-public', ObjectOwnership: 'ObjectWriter', ACL: 'public-read' }),
      ),
    );
    expect([publicAtCreation.name, publicAtCreation.message]).toEqual([
      'InvalidBucketAclWithBlockPublicAccessError',
      'Bucket cannot have public ACLs set with BlockPublicAccess enabled',
    ]);
    await a.send(new DeleteBucketPublicAccessBlockCommand({ Bucket: 'sd-acls' }));
    await a.send(new PutObjectAclCommand({ Bucket: 'sd-acls', Key: 'k', ACL: 'public-read' }));
  });
});
