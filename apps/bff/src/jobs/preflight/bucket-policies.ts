import { GetBucketPolicyCommand, type S3Client } from '@aws-sdk/client-s3';

// The bucket policies pre-flight simulates with the role's policies (decision 0032): read over the
// SDK as any S3 client reads them. S3 answers GetBucketPolicy to the bucket's own account only
// (405 to another account's callers), so a bucket whose policy cannot be read stays unknown.

export type BucketPolicyState =
  | { readonly kind: 'none' }
  | { readonly kind: 'policy'; readonly text: string }
  | { readonly kind: 'unreadable'; readonly why: string };

const errorText = (e: unknown) => `${(e as { name?: string }).name ?? 'Error'}: ${(e as Error).message}`;

/** GetBucketPolicy of each bucket once per pre-flight. */
export function bucketPolicyReader(s3: S3Client): (bucket: string) => Promise<BucketPolicyState> {
  const seen = new Map<string, Promise<BucketPolicyState>>();
  const read = async (Bucket: string): Promise<BucketPolicyState> => {
    try {
      const out = await s3.send(new GetBucketPolicyCommand({ Bucket }));
      return out.Policy ? { kind: 'policy', text: out.Policy } : { kind: 'none' };
    } catch (e) {
      if ((e as { name?: string }).name === 'NoSuchBucketPolicy') return { kind: 'none' };
      return { kind: 'unreadable', why: errorText(e) };
    }
  };
  return (bucket) => {
    const state = seen.get(bucket) ?? read(bucket);
    seen.set(bucket, state);
    return state;
  };
}

/** The bucket of an S3 bucket or object ARN; undefined for other resources (`*`, job ARNs). */
export const bucketOfArn = (arn: string): string | undefined => arn.match(/^arn:[\w-]+:s3:::([^/*?]+)/)?.[1];

/** Resources grouped by their bucket (`undefined` for those that name none), in first-seen order. */
export function byBucket(resources: readonly string[]): Map<string | undefined, string[]> {
  const groups = new Map<string | undefined, string[]>();
  for (const r of resources) {
    const b = bucketOfArn(r);
    groups.set(b, [...(groups.get(b) ?? []), r]);
  }
  return groups;
}
