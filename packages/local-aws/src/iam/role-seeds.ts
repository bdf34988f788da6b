import { DEFAULT_ACCOUNT_ID } from '../defaults.js';
import type { IamStore } from './iam-store.js';

/** A role with its trust policy and inline policies (JSON text). */
export interface RoleSeed {
  readonly accountId?: string;
  readonly name: string;
  readonly trustPolicy: string;
  readonly policies: Readonly<Record<string, string>>;
  readonly description?: string;
}

/** The trust policy that lets S3 Batch Operations assume a role. */
export const BATCH_OPERATIONS_TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'batchoperations.s3.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});

/** The role every test job uses: arn:aws:iam::000000000000:role/batchops-test, allowed s3:* and lambda:InvokeFunction. */
export const TEST_ROLE: RoleSeed = {
  name: 'batchops-test',
  description: 'Test jobs: S3 Batch Operations may do anything in S3 and invoke functions',
  trustPolicy: BATCH_OPERATIONS_TRUST_POLICY,
  policies: {
    'batchops-test': JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:*', 'lambda:InvokeFunction'], Resource: '*' }],
    }),
  },
};
export const TEST_ROLE_ARN = `arn:aws:iam::${DEFAULT_ACCOUNT_ID}:role/batchops-test`;

/** Create the roles that are missing, with their inline policies. */
export function seedRoles(
  iam: IamStore,
  roles: readonly RoleSeed[],
  defaultAccount: string,
  now: Date,
): void {
  for (const seed of roles) {
    const accountId = seed.accountId ?? defaultAccount;
    if (iam.getRole(accountId, seed.name)) continue;
    iam.createRole({
      accountId,
      name: seed.name,
      path: '/',
      trustPolicy: seed.trustPolicy,
      created: now.getTime(),
      ...(seed.description ? { description: seed.description } : {}),
    });
    for (const [policyName, document] of Object.entries(seed.policies))
      iam.putPolicy(accountId, 'role', seed.name, policyName, document);
  }
}
