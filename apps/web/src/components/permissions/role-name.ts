/** The role name of an IAM role ARN (`arn:aws:iam::1:role/path/name` → `name`); null when it is not one. */
export function roleNameOf(arn: string): string | null {
  const m = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]{1,64})$/.exec(arn.trim());
  return m?.[1] ?? null;
}
