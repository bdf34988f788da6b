// ARNs as S3 Batch Operations uses them: buckets and objects (manifests, reports, copy targets) and jobs.

/** `arn:aws:s3:::bucket` of a bucket. */
export const bucketArn = (bucket: string, partition = 'aws'): string => `arn:${partition}:s3:::${bucket}`;

/** `arn:aws:s3:::bucket/key` of an object (the key as it is, not encoded). */
export const objectArn = (bucket: string, key: string, partition = 'aws'): string =>
  `arn:${partition}:s3:::${bucket}/${key}`;

/** `arn:aws:s3:<region>:<account>:job/<id>` of a Batch Operations job. */
export const jobArn = (region: string, accountId: string, jobId: string, partition = 'aws'): string =>
  `arn:${partition}:s3:${region}:${accountId}:job/${jobId}`;

/** Bucket and key of an object ARN (`arn:<partition>:s3:::bucket/key`), undefined when it is not one. */
export function parseObjectArn(arn: string): { bucket: string; key: string } | undefined {
  const m = arn.match(/^arn:[^:]+:s3:[^:]*:[^:]*:([^/]+)\/(.+)$/);
  return m ? { bucket: m[1] as string, key: m[2] as string } : undefined;
}

/** The bucket name of a bucket ARN or access point ARN; a bare name is returned as it is. */
export function bucketOfArn(arn: string): string {
  const m = arn.match(/^arn:[^:]+:s3:[^:]*:[^:]*:(.+)$/);
  return m ? (m[1] as string).replace(/^accesspoint\//, '') : arn;
}
