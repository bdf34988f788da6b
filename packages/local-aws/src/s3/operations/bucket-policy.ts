import { ServiceError } from '../../errors/service-error.js';
import type { HandlerResult } from '../../http/handler-types.js';
import { readBodyText } from '../../xml/xml-reader.js';
import { el } from '../../xml/xml-writer.js';
import { deletesConfig, putsConfig, storedConfig } from '../bucket-config-entry.js';
import { isPublicPolicy, MAX_BUCKET_POLICY_BYTES, parseBucketPolicy } from '../bucket-policy-document.js';
import {
  effectivePublicAccessBlock,
  type PublicAccessBlock,
  parsePublicAccessBlock,
  publicAccessBlockXml,
} from '../public-access-block.js';
import { type S3Context, type S3Handler, type S3Route, subResourceRoutes } from '../s3-context.js';
import { requireBucket } from '../s3-errors.js';
import { s3Xml } from '../s3-xml.js';

// Bucket policies (Put/Get/DeleteBucketPolicy, GetBucketPolicyStatus) and the bucket's Block Public
// Access settings (Put/Get/DeletePublicAccessBlock), decision 0032.

const policyOf = (ctx: S3Context) =>
  storedConfig<string>(ctx, 'policy', 'NoSuchBucketPolicy', 'The bucket policy does not exist');

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
  return { status: 200, headers: { 'content-type': 'application/json' }, body: policyOf(ctx).value };
}

function getBucketPolicyStatus(ctx: S3Context): HandlerResult {
  const { bucket, value } = policyOf(ctx);
  return s3Xml('PolicyStatus', el('IsPublic', isPublicPolicy(parseBucketPolicy(value, bucket.name))));
}

function getPublicAccessBlock(ctx: S3Context): HandlerResult {
  const { value } = storedConfig<PublicAccessBlock>(
    ctx,
    'publicAccessBlock',
    'NoSuchPublicAccessBlockConfiguration',
    'The public access block configuration was not found',
  );
  return s3Xml('PublicAccessBlockConfiguration', publicAccessBlockXml(value));
}

/**
 * Another account's caller whom the bucket's policy lets through still may not read or change the
 * policy: S3 answers 405 MethodNotAllowed (S3 API Reference, GetBucketPolicy / PutBucketPolicy).
 */
const ownerAccountOnly =
  (handler: S3Handler): S3Handler =>
  (ctx) => {
    const bucket = requireBucket(ctx);
    if (bucket.owner !== ctx.identity.accountId)
      throw new ServiceError(
        405,
        'MethodNotAllowed',
        'The specified method is not allowed against this resource.',
        {
          Method: ctx.method,
          ResourceType: 'BUCKETPOLICY',
        },
      );
    return handler(ctx);
  };

export const bucketPolicyRoutes: readonly S3Route[] = [
  ...subResourceRoutes('bucket', 'policy', 'BucketPolicy', {
    PUT: ownerAccountOnly(putBucketPolicy),
    GET: ownerAccountOnly(getBucketPolicy),
    DELETE: ownerAccountOnly(deletesConfig('policy')),
  }),
  ...subResourceRoutes('bucket', 'policyStatus', 'BucketPolicyStatus', { GET: getBucketPolicyStatus }),
  ...subResourceRoutes('bucket', 'publicAccessBlock', 'PublicAccessBlock', {
    PUT: putsConfig('publicAccessBlock', parsePublicAccessBlock),
    GET: getPublicAccessBlock,
    DELETE: deletesConfig('publicAccessBlock'),
  }),
];
