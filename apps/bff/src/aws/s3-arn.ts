/** `arn:aws:s3:::bucket/key` of an object. */
export const objectArn = (bucket: string, key: string): string => `arn:aws:s3:::${bucket}/${key}`;

/** `arn:aws:s3:::bucket` of a bucket. */
export const bucketArn = (bucket: string): string => `arn:aws:s3:::${bucket}`;

/** Bucket and key of an object ARN (`arn:<partition>:s3:::bucket/key`), undefined when it is not one. */
export function parseObjectArn(arn: string): { bucket: string; key: string } | undefined {
  const m = arn.match(/^arn:[^:]+:s3:::([^/]+)\/(.+)$/);
  return m ? { bucket: m[1] as string, key: m[2] as string } : undefined;
}

/** The bucket name of a bucket ARN or access point ARN; a bare name is returned as it is. */
export function bucketOfArn(arn: string): string {
  const m = arn.match(/^arn:[^:]+:s3:[^:]*:[^:]*:(.+)$/);
  return m ? (m[1] as string).replace(/^accesspoint\//, '') : arn;
}

/** S3 quotes ETags in headers; S3 Control and the console show them bare. */
export const unquoteEtag = (etag: string | undefined): string | undefined => etag?.replace(/^"|"$/g, '');

/** `<prefix>/job-<id>/` of a job's completion report (no leading slash, no double slash). */
export function reportBase(prefix: string | undefined | null, jobId: string): string {
  const p = (prefix ?? '').replace(/\/+$/, '');
  return p ? `${p}/job-${jobId}/` : `job-${jobId}/`;
}
