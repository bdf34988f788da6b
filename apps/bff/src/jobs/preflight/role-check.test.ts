import { GetRoleCommand, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import type { PreflightRequest } from '@batchops/contracts';
import { describe, expect, it } from 'vitest';
import type { JobsServiceDeps } from '../jobs-service-deps.js';
import { roleChecks } from './role-check.js';

// A stand-in for IAM (an AWS service, not our own part): answers by command, records the calls.
function fakeIam(answer: (command: unknown) => unknown) {
  const calls: unknown[] = [];
  const deps = {
    accountId: '000000000000',
    region: 'us-east-1',
    clientsFor: () => ({
      // Buckets without a policy, as S3 answers GetBucketPolicy for them.
      s3: { send: async () => Promise.reject(serviceError('NoSuchBucketPolicy', 404)) },
      iam: {
        send: async (command: unknown) => {
          calls.push(command);
          const out = answer(command);
          if (out instanceof Error) throw out;
          return out;
        },
      },
    }),
  } as unknown as JobsServiceDeps;
  return { deps, calls };
}

const ROLE = 'arn:aws:iam::000000000000:role/jobs';
const trusting = encodeURIComponent(
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'batchoperations.s3.amazonaws.com' },
        Action: 'sts:AssumeRole',
      },
    ],
  }),
);
const model: PreflightRequest = {
  manifest: { format: 'csv', bucket: 'src', key: 'm.csv' },
  operation: { type: 'tagging', tags: [] },
  priority: 10,
  report: { enabled: true, bucket: 'reports', prefix: 'r', scope: 'AllTasks' },
  roleArn: ROLE,
  tags: [],
  runOption: 'wait',
};
const rows = [
  { bucket: 'src', key: 'a.txt' },
  { bucket: 'src', key: 'b.txt' },
  { bucket: 'other', key: 'c.txt' },
];
const serviceError = (name: string, status: number) =>
  Object.assign(new Error(`${name} happened`), {
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: status },
  });

describe('pre-flight role checks', () => {
  it('simulates the operation on one object per manifest bucket, the manifest and the report, and names what is denied', async () => {
    const { deps, calls } = fakeIam((c) => {
      if (c instanceof GetRoleCommand) return { Role: { Arn: ROLE, AssumeRolePolicyDocument: trusting } };
      const input = (c as SimulatePrincipalPolicyCommand).input;
      return {
        EvaluationResults: (input.ActionNames ?? []).flatMap((action) =>
          (input.ResourceArns ?? []).map((resource) => ({
            EvalActionName: action,
            EvalResourceName: resource,
            EvalDecision:
              action === 's3:PutObjectTagging' && resource.includes(':::other/') ? 'implicitDeny' : 'allowed',
          })),
        ),
      };
    });
    const { role, permissions } = await roleChecks(deps, model, rows);
    expect(role.status).toBe('pass');
    const simulated = calls
      .filter((c) => c instanceof SimulatePrincipalPolicyCommand)
      .map((c) => (c as SimulatePrincipalPolicyCommand).input);
    expect(simulated).toEqual([
      // One simulation per bucket, so that each may carry its bucket's policy.
      {
        PolicySourceArn: ROLE,
        ActionNames: ['s3:PutObjectTagging'],
        ResourceArns: ['arn:aws:s3:::src/a.txt'],
      },
      {
        PolicySourceArn: ROLE,
        ActionNames: ['s3:PutObjectTagging'],
        ResourceArns: ['arn:aws:s3:::other/c.txt'],
      },
      { PolicySourceArn: ROLE, ActionNames: ['s3:GetObject'], ResourceArns: ['arn:aws:s3:::src/m.csv'] },
      { PolicySourceArn: ROLE, ActionNames: ['s3:PutObject'], ResourceArns: ['arn:aws:s3:::reports/r/*'] },
      {
        PolicySourceArn: ROLE,
        ActionNames: ['s3:GetBucketLocation'],
        ResourceArns: ['arn:aws:s3:::reports'],
      },
    ]);
    expect(permissions).toMatchObject({
      status: 'fail',
      missing: [
        {
          action: 's3:PutObjectTagging',
          resource: 'arn:aws:s3:::other/c.txt',
          decision: 'implicitDeny',
          purpose: 'operation',
        },
      ],
    });
    expect(permissions.message).toContain('s3:PutObjectTagging on arn:aws:s3:::other/c.txt (operation)');
  });

  it('simulates the version action when the rows name versions', async () => {
    const { deps, calls } = fakeIam((c) =>
      c instanceof GetRoleCommand
        ? { Role: { Arn: ROLE, AssumeRolePolicyDocument: trusting } }
        : { EvaluationResults: [] },
    );
    await roleChecks(deps, model, [{ bucket: 'src', key: 'a.txt', versionId: 'v1' }]);
    expect((calls[1] as SimulatePrincipalPolicyCommand).input.ActionNames).toEqual([
      's3:PutObjectVersionTagging',
    ]);
  });

  it('a role that does not exist, or does not trust Batch Operations, fails; the simulation is then not run', async () => {
    const missing = fakeIam(() => serviceError('NoSuchEntityException', 404));
    const gone = await roleChecks(missing.deps, model, rows);
    expect(gone.role).toEqual({
      status: 'fail',
      message: 'The role jobs does not exist in account 000000000000.',
    });
    expect(gone.permissions.status).toBe('warn');
    const lambdaOnly = encodeURIComponent(
      JSON.stringify({
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
    );
    const untrusted = fakeIam(() => ({ Role: { Arn: ROLE, AssumeRolePolicyDocument: lambdaOnly } }));
    const r = await roleChecks(untrusted.deps, model, rows);
    expect(r.role.status).toBe('fail');
    expect(r.role.message).toContain('does not trust batchoperations.s3.amazonaws.com');
    expect(untrusted.calls).toHaveLength(1);
  });

  it('when the console may not simulate (no iam:SimulatePrincipalPolicy), the check is skipped, not failed', async () => {
    const { deps } = fakeIam((c) =>
      c instanceof GetRoleCommand
        ? { Role: { Arn: ROLE, AssumeRolePolicyDocument: trusting } }
        : serviceError('AccessDenied', 403),
    );
    const { role, permissions } = await roleChecks(deps, model, rows);
    expect(role.status).toBe('pass');
    expect(permissions.status).toBe('warn');
    expect(permissions.message).toMatch(
      /^Not checked: the role's policies could not be simulated \(iam:SimulatePrincipalPolicy: AccessDenied/,
    );
  });

  it('a role ARN of another account, or no ARN, is refused without calling IAM', async () => {
    const { deps, calls } = fakeIam(() => ({}));
    expect(
      (await roleChecks(deps, { ...model, roleArn: 'arn:aws:iam::111122223333:role/x' }, rows)).role.status,
    ).toBe('fail');
    expect((await roleChecks(deps, { ...model, roleArn: 'x' }, rows)).role.status).toBe('fail');
    expect(calls).toHaveLength(0);
  });
});
