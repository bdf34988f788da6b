import { ServiceError } from '../../errors/service-error.js';
import type { HandlerResult } from '../../http/handler-types.js';
import { readBodyText } from '../../xml/xml-reader.js';
import { el } from '../../xml/xml-writer.js';
import { isPublicPolicy, MAX_BUCKET_POLICY_BYTES, parseBucketPolicy } from '../bucket-policy-document.js';
import {
  effectivePublicAccessBlock,
  type PublicAccessBlock,
  parsePublicAccessBlock,
  publicAccessBlockXml,
} from '../public-access-block.js';
import { type S3Context, type S3Route, subResourceRoutes } from '../s3-context.js';
import { requireBucket } from '../s3-errors.js';
import { s3Xml } from '../s3-xml.js';

// Bucket policies (Put/Get/DeleteBucketPolicy, GetBucketPolicyStatus) and the bucket's Block Public
// Access settings (Put/Get/DeletePublicAccessBlock), decision 0032.

const noSuchPolicy = (bucket: string) =>
  new ServiceError(404, 'NoSuchBucketPolicy', 'The bucket policy does not exist', { BucketName: bucket });

async function putBucketPolicy(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireBucket(ctx);
  // Read a little past the limit, so that the size is S3's PolicyTooLarge rather than a body error.
  const text = await readBodyText(ctx.body, MAX_BUCKET_POLICY_BYTES * 4);
  const doc = parseBucketPolicy(text, bucket.name);
  if (isPublicPolicy(doc) && effectivePublicAccessBlock(bucket, ctx.svc.publicAccessBlocks).BlockPublicPolicy)
    throw new ServiceError(
      403,
      'AccessDenied',
      `User: ${ctx.identity.principal.arn} is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::${bucket.name}" because public policies are blocked by the BlockPublicPolicy block public access setting.`,
    );
  ctx.svc.meta.setBucketConfig(bucket.name, 'policy', text);
  return { status: 204 };
}

function getBucketPolicy(ctx: S3Context): HandlerResult {
  const bucket = requireBucket(ctx);
  const text = bucket.config.policy as string | undefined;
  if (text === undefined) throw noSuchPolicy(bucket.name);
  return { status: 200, headers: { 'content-type': 'application/json' }, body: text };
}

function deleteBucketPolicy(ctx: S3Context): HandlerResult {
  const bucket = requireBucket(ctx);
  ctx.svc.meta.setBucketConfig(bucket.name, 'policy', undefined);
  return { status: 204 };
}

function getBucketPolicyStatus(ctx: S3Context): HandlerResult {
  const bucket = requireBucket(ctx);
  const text = bucket.config.policy as string | undefined;
  if (text === undefined) throw noSuchPolicy(bucket.name);
  return s3Xml('PolicyStatus', el('IsPublic', isPublicPolicy(parseBucketPolicy(text, bucket.name))));
}

async function putPublicAccessBlock(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireBucket(ctx);
  const pab = parsePublicAccessBlock(await readBodyText(ctx.body));
  ctx.svc.meta.setBucketConfig(bucket.name, 'publicAccessBlock', pab);
  return { status: 200 };
}

function getPublicAccessBlock(ctx: S3Context): HandlerResult {
  const bucket = requireBucket(ctx);
  const pab = bucket.config.publicAccessBlock as PublicAccessBlock | undefined;
  if (pab === undefined)
    throw new ServiceError(
      404,
      'NoSuchPublicAccessBlockConfiguration',
      'The public access block configuration was not found',
      { BucketName: bucket.name },
    );
  return s3Xml('PublicAccessBlockConfiguration', publicAccessBlockXml(pab));
}

function deletePublicAccessBlock(ctx: S3Context): HandlerResult {
  const bucket = requireBucket(ctx);
  ctx.svc.meta.setBucketConfig(bucket.name, 'publicAccessBlock', undefined);
  return { status: 204 };
}

export const bucketPolicyRoutes: readonly S3Route[] = [
  ...subResourceRoutes('bucket', 'policy', 'BucketPolicy', {
    PUT: putBucketPolicy,
    GET: getBucketPolicy,
    DELETE: deleteBucketPolicy,
  }),
  ...subResourceRoutes('bucket', 'policyStatus', 'BucketPolicyStatus', { GET: getBucketPolicyStatus }),
  ...subResourceRoutes('bucket', 'publicAccessBlock', 'PublicAccessBlock', {
    PUT: putPublicAccessBlock,
    GET: getPublicAccessBlock,
    DELETE: deletePublicAccessBlock,
  }),
];
