import { type Grant, type ObjectCannedACL, PutObjectAclCommand } from '@aws-sdk/client-s3';
import type { S3Grant } from '@aws-sdk/client-s3-control';
import { JobError } from '../job-types.js';
import { type OperationModule, outcomeOf } from './operation.js';

/** An S3 Control grant (TypeIdentifier id | emailAddress | uri) as an S3 Grant. */
export function toS3Grant(g: S3Grant): Grant {
  const id = g.Grantee?.Identifier;
  const grantee =
    g.Grantee?.TypeIdentifier === 'uri'
      ? { Type: 'Group' as const, URI: id }
      : g.Grantee?.TypeIdentifier === 'emailAddress'
        ? { Type: 'AmazonCustomerByEmail' as const, EmailAddress: id }
        : { Type: 'CanonicalUser' as const, ID: id, DisplayName: g.Grantee?.DisplayName };
  return { Grantee: grantee, Permission: g.Permission };
}

export const putObjectAcl: OperationModule<'S3PutObjectAcl'> = {
  name: 'S3PutObjectAcl',
  check(params) {
    const policy = params.AccessControlPolicy;
    if (!policy || (!policy.AccessControlList && !policy.CannedAccessControlList)) {
      throw new JobError(
        'BadRequestException',
        'Operation.S3PutObjectAcl.AccessControlPolicy: give an AccessControlList or a CannedAccessControlList',
      );
    }
    if (policy.AccessControlList && policy.CannedAccessControlList) {
      throw new JobError(
        'BadRequestException',
        'Operation.S3PutObjectAcl.AccessControlPolicy: AccessControlList and CannedAccessControlList are exclusive',
      );
    }
  },
  run: (task, params, { s3 }) => {
    const policy = params.AccessControlPolicy ?? {};
    const acl = policy.AccessControlList;
    return outcomeOf(() =>
      s3.send(
        new PutObjectAclCommand({
          Bucket: task.bucket,
          Key: task.key,
          VersionId: task.versionId,
          ...(policy.CannedAccessControlList
            ? { ACL: policy.CannedAccessControlList as ObjectCannedACL }
            : {
                AccessControlPolicy: {
                  Owner: { ID: acl?.Owner?.ID, DisplayName: acl?.Owner?.DisplayName },
                  Grants: (acl?.Grants ?? []).map(toS3Grant),
                },
              }),
        }),
      ),
    );
  },
};
