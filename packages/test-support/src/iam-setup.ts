import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  type IAMClient,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { BATCH_OPERATIONS_TRUST, TEST_ACCOUNT_ID, type TestCredentials } from './aws-clients.js';

/** One statement of an IAM policy (Effect, Action, Resource, Condition, …). */
export type PolicyStatement = object;

/** A policy document of these statements, as IAM takes it (a JSON string). */
export function policyDocument(...statements: PolicyStatement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** Put (or replace) an inline policy of a user. */
export async function putUserPolicy(
  iam: IAMClient,
  UserName: string,
  PolicyName: string,
  ...statements: PolicyStatement[]
): Promise<void> {
  await iam.send(
    new PutUserPolicyCommand({ UserName, PolicyName, PolicyDocument: policyDocument(...statements) }),
  );
}

/** A role that `trust` lets assume it, with one inline policy of `statements`; its ARN. */
export async function createRoleWithPolicy(
  iam: IAMClient,
  RoleName: string,
  statements: readonly PolicyStatement[],
  trust = BATCH_OPERATIONS_TRUST,
): Promise<string> {
  const out = await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: trust }));
  await iam.send(
    new PutRolePolicyCommand({
      RoleName,
      PolicyName: `${RoleName}-policy`,
      PolicyDocument: policyDocument(...statements),
    }),
  );
  return out.Role?.Arn ?? '';
}

/** A user with one inline policy (none for no statements) and an access key: its ARN, id and keys. */
export async function createUserWithKey(
  iam: IAMClient,
  UserName: string,
  statements: readonly PolicyStatement[] = [],
): Promise<{ arn: string; userId: string; credentials: TestCredentials }> {
  const { User } = await iam.send(new CreateUserCommand({ UserName }));
  if (statements.length > 0) await putUserPolicy(iam, UserName, `${UserName}-policy`, ...statements);
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName }));
  return {
    arn: User?.Arn ?? `arn:aws:iam::${TEST_ACCOUNT_ID}:user/${UserName}`,
    userId: User?.UserId ?? '',
    credentials: {
      accessKeyId: AccessKey?.AccessKeyId ?? '',
      secretAccessKey: AccessKey?.SecretAccessKey ?? '',
    },
  };
}
