// Who signed a request: the account's root (the configured keys, test/test by default), an IAM
// user (keys from CreateAccessKey), or a role session (the engine acting as a job's role).

export type Principal =
  | { readonly kind: 'root'; readonly accountId: string; readonly arn: string; readonly id: string }
  | {
      readonly kind: 'user';
      readonly accountId: string;
      readonly name: string;
      readonly arn: string;
      readonly id: string;
    }
  | {
      readonly kind: 'role';
      readonly accountId: string;
      readonly name: string;
      /** arn:aws:sts::<account>:assumed-role/<role>/<session> */
      readonly arn: string;
      readonly roleArn: string;
      readonly id: string;
    }
  /** An unsigned S3 request: only a bucket policy or ACL granting everyone lets it through (decision 0032). */
  | { readonly kind: 'anonymous'; readonly accountId: ''; readonly arn: '*'; readonly id: 'anonymous' };

export const ANONYMOUS_PRINCIPAL: Principal = { kind: 'anonymous', accountId: '', arn: '*', id: 'anonymous' };

export const rootPrincipal = (accountId: string): Principal => ({
  kind: 'root',
  accountId,
  arn: `arn:aws:iam::${accountId}:root`,
  id: accountId,
});

/** The session name the engine's role sessions carry (it shows in assumed-role ARNs). */
export const BATCH_SESSION_NAME = 's3-batch-operations';

/** The service principal that must be trusted by a job's role. */
export const BATCH_SERVICE_PRINCIPAL = 'batchoperations.s3.amazonaws.com';

/** `arn:aws:iam::<account>:role[/path]/<name>` → account and name, or undefined. */
export function parseRoleArn(arn: string): { accountId: string; name: string } | undefined {
  const m = arn.match(/^arn:aws:iam::(\d{12}):role\/(?:[\x21-\x7e]*\/)?([\w+=,.@-]{1,64})$/);
  return m ? { accountId: m[1] as string, name: m[2] as string } : undefined;
}
