import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DeleteUserPolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  type IAMClient,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  PutRolePolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { BATCH_OPERATIONS_TRUST, iamClientFor, putUserPolicy, s3ClientFor } from '@batchops/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT_ID,
  CREDENTIALS,
  errorOf,
  type LocalAwsFixture,
  startFixture,
  TEST_ROLE_ARN,
} from './support/local-aws-fixture.js';
import { errorCode, signedRequest } from './support/signed-http.js';

// The IAM and STS subset through @aws-sdk/client-iam and client-sts (Query protocol, XML), as the
// console's pre-flight and any SDK user call it.

let f: LocalAwsFixture;
let iam: IAMClient;
let sts: STSClient;

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadSource",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:GetObjectVersion"],
      "Resource": "arn:aws:s3:::source/*"
    },
    {
      "Sid": "NoSecrets",
      "Effect": "Deny",
      "Action": "s3:*",
      "Resource": "arn:aws:s3:::source/secret/*"
    }
  ]
}`;

const iamClient = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
  iamClientFor(f.aws.url, credentials);

beforeAll(async () => {
  f = await startFixture();
  iam = iamClient(CREDENTIALS);
  sts = new STSClient({ region: 'us-east-1', endpoint: f.aws.url, credentials: CREDENTIALS });
});
afterAll(async () => {
  iam.destroy();
  sts.destroy();
  await f.close();
});

describe('IAM roles', () => {
  it('creates, reads, lists and deletes a role with its trust policy', async () => {
    const { Role } = await iam.send(
      new CreateRoleCommand({
        RoleName: 'jobs',
        AssumeRolePolicyDocument: BATCH_OPERATIONS_TRUST,
        Description: 'for jobs',
      }),
    );
    expect(Role?.Arn).toBe(`arn:aws:iam::${ACCOUNT_ID}:role/jobs`);
    expect(Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(Role?.CreateDate).toBeInstanceOf(Date);

    const got = await iam.send(new GetRoleCommand({ RoleName: 'jobs' }));
    // IAM returns policy documents URL-encoded.
    expect(JSON.parse(decodeURIComponent(got.Role?.AssumeRolePolicyDocument ?? ''))).toEqual(
      JSON.parse(BATCH_OPERATIONS_TRUST),
    );
    expect(got.Role?.Description).toBe('for jobs');
    expect(got.Role?.MaxSessionDuration).toBe(3600);

    const list = await iam.send(new ListRolesCommand({}));
    expect(list.Roles?.map((r) => r.RoleName)).toEqual(expect.arrayContaining(['batchops-test', 'jobs']));
    expect(list.IsTruncated).toBe(false);
    const paged = await iam.send(new ListRolesCommand({ MaxItems: 1 }));
    expect(paged.Roles).toHaveLength(1);
    expect(paged.IsTruncated).toBe(true);
    const rest = await iam.send(new ListRolesCommand({ Marker: paged.Marker }));
    expect(rest.Roles?.[0]?.RoleName).not.toBe(paged.Roles?.[0]?.RoleName);

    const dup = await errorOf(
      iam.send(new CreateRoleCommand({ RoleName: 'jobs', AssumeRolePolicyDocument: BATCH_OPERATIONS_TRUST })),
    );
    expect(dup.name).toBe('EntityAlreadyExistsException');
    expect(dup.$metadata.httpStatusCode).toBe(409);

    await iam.send(new PutRolePolicyCommand({ RoleName: 'jobs', PolicyName: 'p', PolicyDocument: POLICY }));
    const conflict = await errorOf(iam.send(new DeleteRoleCommand({ RoleName: 'jobs' })));
    expect(conflict.name).toBe('DeleteConflictException');
    expect(conflict.$metadata.httpStatusCode).toBe(409);
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'jobs', PolicyName: 'p' }));
    await iam.send(new DeleteRoleCommand({ RoleName: 'jobs' }));
    const gone = await errorOf(iam.send(new GetRoleCommand({ RoleName: 'jobs' })));
    expect(gone.name).toBe('NoSuchEntityException');
    expect(gone.$metadata.httpStatusCode).toBe(404);
    expect(gone.message).toBe('The role with name jobs cannot be found.');
  });

  it('keeps inline policies: put, get (URL-encoded), list, delete', async () => {
    await iam.send(
      new CreateRoleCommand({ RoleName: 'reader', AssumeRolePolicyDocument: BATCH_OPERATIONS_TRUST }),
    );
    await iam.send(
      new PutRolePolicyCommand({ RoleName: 'reader', PolicyName: 'read', PolicyDocument: POLICY }),
    );
    const got = await iam.send(new GetRolePolicyCommand({ RoleName: 'reader', PolicyName: 'read' }));
    expect(decodeURIComponent(got.PolicyDocument ?? '')).toBe(POLICY);
    expect(got.RoleName).toBe('reader');
    const names = await iam.send(new ListRolePoliciesCommand({ RoleName: 'reader' }));
    expect(names.PolicyNames).toEqual(['read']);
    const missing = await errorOf(
      iam.send(new GetRolePolicyCommand({ RoleName: 'reader', PolicyName: 'nope' })),
    );
    expect(missing.name).toBe('NoSuchEntityException');
    const noRole = await errorOf(iam.send(new ListRolePoliciesCommand({ RoleName: 'nobody' })));
    expect(noRole.name).toBe('NoSuchEntityException');
  });

  it('refuses malformed policies and names as IAM does', async () => {
    // Not JSON, then JSON with an Effect IAM does not know; each a 400 MalformedPolicyDocument.
    for (const PolicyDocument of [
      '{"Statement": [',
      JSON.stringify({ Statement: [{ Effect: 'Maybe', Action: '*', Resource: '*' }] }),
    ]) {
      const bad = await errorOf(
        iam.send(new PutRolePolicyCommand({ RoleName: 'batchops-test', PolicyName: 'x', PolicyDocument })),
      );
      expect(bad.name, PolicyDocument).toBe('MalformedPolicyDocumentException');
      expect(bad.$metadata.httpStatusCode).toBe(400);
    }
    const trustWithoutPrincipal = await errorOf(
      iam.send(new CreateRoleCommand({ RoleName: 'r2', AssumeRolePolicyDocument: POLICY })),
    );
    expect(trustWithoutPrincipal.name).toBe('MalformedPolicyDocumentException');
    const badName = await errorOf(
      iam.send(new CreateRoleCommand({ RoleName: 'a b', AssumeRolePolicyDocument: BATCH_OPERATIONS_TRUST })),
    );
    expect(badName.name).toBe('ValidationError');
    expect(badName.$metadata.httpStatusCode).toBe(400);
  });
});

describe('SimulatePrincipalPolicy', () => {
  it('answers allowed, implicitDeny and explicitDeny with the statements that matched', async () => {
    await iam.send(
      new CreateRoleCommand({ RoleName: 'sim', AssumeRolePolicyDocument: BATCH_OPERATIONS_TRUST }),
    );
    await iam.send(new PutRolePolicyCommand({ RoleName: 'sim', PolicyName: 'read', PolicyDocument: POLICY }));
    const out = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: `arn:aws:iam::${ACCOUNT_ID}:role/sim`,
        ActionNames: ['s3:GetObject', 's3:PutObject'],
        ResourceArns: ['arn:aws:s3:::source/a.txt', 'arn:aws:s3:::source/secret/b.txt'],
      }),
    );
    const byPair = Object.fromEntries(
      (out.EvaluationResults ?? []).map((r) => [`${r.EvalActionName} ${r.EvalResourceName}`, r]),
    );
    expect(Object.keys(byPair)).toHaveLength(4);
    const allowed = byPair['s3:GetObject arn:aws:s3:::source/a.txt'];
    expect(allowed?.EvalDecision).toBe('allowed');
    expect(allowed?.MatchedStatements).toEqual([
      {
        SourcePolicyId: 'read',
        SourcePolicyType: 'role',
        StartPosition: { Line: 4, Column: 5 },
        EndPosition: { Line: 9, Column: 6 },
      },
    ]);
    expect(byPair['s3:PutObject arn:aws:s3:::source/a.txt']?.EvalDecision).toBe('implicitDeny');
    expect(byPair['s3:PutObject arn:aws:s3:::source/a.txt']?.MatchedStatements).toEqual([]);
    const denied = byPair['s3:GetObject arn:aws:s3:::source/secret/b.txt'];
    expect(denied?.EvalDecision).toBe('explicitDeny');
    expect(denied?.MatchedStatements?.[0]?.StartPosition).toEqual({ Line: 10, Column: 5 });
  });

  it('evaluates conditions against ContextEntries and names missing context keys', async () => {
    await iam.send(
      new CreateRoleCommand({ RoleName: 'tagged', AssumeRolePolicyDocument: BATCH_OPERATIONS_TRUST }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'tagged',
        PolicyName: 'finance',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 's3:CreateJob',
              Resource: '*',
              Condition: { StringEquals: { 's3:RequestJobTag/Department': 'Finance' } },
            },
          ],
        }),
      }),
    );
    const simulate = (value?: string) =>
      iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: `arn:aws:iam::${ACCOUNT_ID}:role/tagged`,
          ActionNames: ['s3:CreateJob'],
          ...(value
            ? {
                ContextEntries: [
                  {
                    ContextKeyName: 's3:RequestJobTag/Department',
                    ContextKeyValues: [value],
                    ContextKeyType: 'string',
                  },
                ],
              }
            : {}),
        }),
      );
    expect((await simulate('Finance')).EvaluationResults?.[0]?.EvalDecision).toBe('allowed');
    expect((await simulate('Sales')).EvaluationResults?.[0]?.EvalDecision).toBe('implicitDeny');
    const none = (await simulate()).EvaluationResults?.[0];
    expect(none?.EvalDecision).toBe('implicitDeny');
    expect(none?.EvalResourceName).toBe('*');
    expect(none?.MissingContextValues).toEqual(['s3:RequestJobTag/Department']);
  });

  it('is NoSuchEntity for a role that does not exist', async () => {
    const e = await errorOf(
      iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: `arn:aws:iam::${ACCOUNT_ID}:role/ghost`,
          ActionNames: ['s3:GetObject'],
        }),
      ),
    );
    expect(e.name).toBe('NoSuchEntityException');
  });

  it('says the test role may do anything in S3', async () => {
    const out = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: TEST_ROLE_ARN,
        ActionNames: ['s3:PutObjectTagging'],
      }),
    );
    expect(out.EvaluationResults?.[0]?.EvalDecision).toBe('allowed');
  });
});

describe('IAM users and their keys', () => {
  it('creates a user whose access key signs as that user, checked against its policies', async () => {
    const { User } = await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    expect(User?.Arn).toBe(`arn:aws:iam::${ACCOUNT_ID}:user/alice`);
    expect((await iam.send(new ListUsersCommand({}))).Users?.map((u) => u.UserName)).toContain('alice');
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    expect(AccessKey?.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    const keys = {
      accessKeyId: AccessKey?.AccessKeyId ?? '',
      secretAccessKey: AccessKey?.SecretAccessKey ?? '',
    };

    const aliceSts = new STSClient({ region: 'us-east-1', endpoint: f.aws.url, credentials: keys });
    const aliceIam = iamClient(keys);
    try {
      const me = await aliceSts.send(new GetCallerIdentityCommand({}));
      expect(me.Arn).toBe(`arn:aws:iam::${ACCOUNT_ID}:user/alice`);
      expect(me.Account).toBe(ACCOUNT_ID);
      expect(me.UserId).toBe(User?.UserId);

      const denied = await errorOf(aliceIam.send(new ListRolesCommand({})));
      expect(denied.name).toBe('AccessDenied');
      expect(denied.$metadata.httpStatusCode).toBe(403);
      expect(denied.message).toBe(
        `User: arn:aws:iam::${ACCOUNT_ID}:user/alice is not authorized to perform: iam:ListRoles on resource: * because no identity-based policy allows the iam:ListRoles action`,
      );
      await putUserPolicy(iam, 'alice', 'list', { Effect: 'Allow', Action: 'iam:List*', Resource: '*' });
      expect((await aliceIam.send(new ListRolesCommand({}))).Roles?.length).toBeGreaterThan(0);
      expect((await iam.send(new ListUserPoliciesCommand({ UserName: 'alice' }))).PolicyNames).toEqual([
        'list',
      ]);
      const doc = await iam.send(new GetUserPolicyCommand({ UserName: 'alice', PolicyName: 'list' }));
      expect(decodeURIComponent(doc.PolicyDocument ?? '')).toContain('iam:List*');
      await iam.send(new DeleteUserPolicyCommand({ UserName: 'alice', PolicyName: 'list' }));
      expect((await errorOf(aliceIam.send(new ListRolesCommand({})))).name).toBe('AccessDenied');

      await iam.send(new DeleteAccessKeyCommand({ UserName: 'alice', AccessKeyId: keys.accessKeyId }));
      const revoked = await errorOf(aliceSts.send(new GetCallerIdentityCommand({})));
      expect(revoked.name).toBe('InvalidClientTokenId');
      expect(revoked.$metadata.httpStatusCode).toBe(403);
    } finally {
      aliceSts.destroy();
      aliceIam.destroy();
    }
  });

  it('the configured keys are the root of the account', async () => {
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({
      Arn: `arn:aws:iam::${ACCOUNT_ID}:root`,
      Account: ACCOUNT_ID,
      UserId: ACCOUNT_ID,
    });
  });

  it('a user key for S3 is refused where no policy allows, with the AWS message', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'bob' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'bob' }));
    const bob = s3ClientFor(f.aws.url, {
      accessKeyId: AccessKey?.AccessKeyId ?? '',
      secretAccessKey: AccessKey?.SecretAccessKey ?? '',
    });
    try {
      const { CreateBucketCommand, PutObjectCommand } = await import('@aws-sdk/client-s3');
      await f.s3.send(new CreateBucketCommand({ Bucket: 'bob-bucket' }));
      const e = await errorOf(bob.send(new PutObjectCommand({ Bucket: 'bob-bucket', Key: 'k', Body: 'x' })));
      expect(e.name).toBe('AccessDenied');
      expect(e.$metadata.httpStatusCode).toBe(403);
      expect(e.message).toBe(
        `User: arn:aws:iam::${ACCOUNT_ID}:user/bob is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::bob-bucket/k" because no identity-based policy allows the s3:PutObject action`,
      );
      await putUserPolicy(iam, 'bob', 'put', {
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::bob-bucket/*',
      });
      await bob.send(new PutObjectCommand({ Bucket: 'bob-bucket', Key: 'k', Body: 'x' }));
    } finally {
      bob.destroy();
    }
  });
});

describe('the Query protocol on the wire', () => {
  const form = (body: string, extra: { sendBody?: string } = {}) =>
    signedRequest(f.aws.url, {
      method: 'POST',
      path: '/',
      service: 'iam',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
      ...extra,
    });

  it('answers errors in the IAM shape: unknown action, missing member, body changed after signing, too big', async () => {
    const unknown = await form('Action=MakeCoffee&Version=2010-05-08');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toContain('<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">');
    expect(unknown.body).toContain('<Type>Sender</Type>');
    expect(errorCode(unknown.body)).toBe('InvalidAction');
    expect(unknown.headers['x-amzn-requestid']).toBeTruthy();

    const missing = await form('Action=GetRole&Version=2010-05-08');
    expect(missing.status).toBe(400);
    expect(errorCode(missing.body)).toBe('ValidationError');

    const tampered = await form('Action=GetRole&Version=2010-05-08&RoleName=batchops-test', {
      sendBody: 'Action=DeleteRole&Version=2010-05-08&RoleName=batchops-test',
    });
    // IAM signs the body itself: another body is another signature.
    expect(tampered.status).toBe(403);
    expect(errorCode(tampered.body)).toBe('SignatureDoesNotMatch');

    const big = await form(`Action=GetRole&Version=2010-05-08&RoleName=${'a'.repeat(1024 * 1024 + 1)}`);
    expect(big.status).toBe(400);
    expect(big.body).toContain('<ErrorResponse');
    // Still serving, the role untouched.
    expect((await iam.send(new GetRoleCommand({ RoleName: 'batchops-test' }))).Role?.Arn).toBe(TEST_ROLE_ARN);
  });

  it('refuses an unsigned-header form post as a browser form', async () => {
    const res = await fetch(`${f.aws.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=ListRoles&Version=2010-05-08',
    });
    expect(res.status).toBe(403);
  });
});
