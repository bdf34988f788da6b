import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { createRoleWithPolicy, iamClientFor, policyDocument } from '@batchops/test-support';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_ID, errorOf, useFixture } from './support/local-aws-fixture.js';

// SimulatePrincipalPolicy with a ResourcePolicy (and ResourceOwner): the console's pre-flight asks it
// whether a bucket's policy lets a job's role through, with the evaluator S3 requests go through
// (decision 0032): in the bucket's account either policy may allow, from another account both must.

const ROLE = `arn:aws:iam::${ACCOUNT_ID}:role/sim-rp`;
const OTHER = 'arn:aws:iam::222222222222:root';

const fx = useFixture({}, async (f) => {
  await createRoleWithPolicy(iamClientFor(f.aws.url), 'sim-rp', [
    { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' },
  ]);
});

const bucketPolicy = (effect: 'Allow' | 'Deny', action: string, principal: string = ROLE) =>
  policyDocument({
    Effect: effect,
    Principal: { AWS: principal },
    Action: action,
    Resource: 'arn:aws:s3:::data/*',
  });

const simulate = (action: string, ResourcePolicy: string | undefined, ResourceOwner?: string) =>
  iamClientFor(fx.aws.url).send(
    new SimulatePrincipalPolicyCommand({
      PolicySourceArn: ROLE,
      ActionNames: [action],
      ResourceArns: ['arn:aws:s3:::data/a.txt'],
      ...(ResourcePolicy ? { ResourcePolicy } : {}),
      ...(ResourceOwner ? { ResourceOwner } : {}),
    }),
  );

describe('SimulatePrincipalPolicy with a ResourcePolicy', () => {
  it.each([
    ['no resource policy: the identity policy decides', 's3:PutObject', undefined, undefined, 'implicitDeny'],
    [
      "the bucket's account: its policy alone may allow",
      's3:PutObject',
      bucketPolicy('Allow', 's3:PutObject'),
      undefined,
      'allowed',
    ],
    [
      "the bucket's account: its policy's Deny wins",
      's3:GetObject',
      bucketPolicy('Deny', 's3:GetObject'),
      undefined,
      'explicitDeny',
    ],
    ['another account: both allow', 's3:GetObject', bucketPolicy('Allow', 's3:GetObject'), OTHER, 'allowed'],
    [
      'another account: the identity policy alone is not enough',
      's3:GetObject',
      bucketPolicy('Allow', 's3:PutObject'),
      OTHER,
      'implicitDeny',
    ],
    [
      'another account: the bucket policy alone is not enough',
      's3:PutObject',
      bucketPolicy('Allow', 's3:PutObject'),
      OTHER,
      'implicitDeny',
    ],
    [
      "another account: naming the role's account delegates to it",
      's3:GetObject',
      bucketPolicy('Allow', 's3:GetObject', ACCOUNT_ID),
      OTHER,
      'allowed',
    ],
    [
      'a policy naming another role grants nothing',
      's3:PutObject',
      bucketPolicy('Allow', 's3:PutObject', `arn:aws:iam::${ACCOUNT_ID}:role/other`),
      undefined,
      'implicitDeny',
    ],
  ])('%s', async (_name, action, policy, owner, decision) => {
    const out = await simulate(action, policy, owner);
    expect(out.EvaluationResults?.map((r) => r.EvalDecision)).toEqual([decision]);
  });

  it("names the resource policy's statement that decided", async () => {
    const out = await simulate('s3:PutObject', bucketPolicy('Allow', 's3:PutObject'));
    expect(
      out.EvaluationResults?.[0]?.MatchedStatements?.map((s) => [s.SourcePolicyId, s.SourcePolicyType]),
    ).toEqual([['ResourcePolicy', 'resource']]);
  });

  it('refuses a ResourceOwner that is not an account root ARN', async () => {
    const e = await errorOf(simulate('s3:GetObject', bucketPolicy('Allow', 's3:GetObject'), 'not-an-arn'));
    expect([e.name, e.$metadata.httpStatusCode]).toEqual(['InvalidInputException', 400]);
  });
});
