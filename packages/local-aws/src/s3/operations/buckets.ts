import { ServiceError } from '../../errors/service-error.js';
import { header } from '../../http/handler-types.js';
import { REGION_NAME } from '../../sigv4/verify-sigv4.js';
import { child, parseXml, readBodyText, text } from '../../xml/xml-reader.js';
import { el, opt } from '../../xml/xml-writer.js';
import {
  aclFromHeaders,
  aclsWithEnforcedOwnership,
  allowedWithoutAcls,
  isPublicAcl,
} from '../access-control.js';
import { ALL_BLOCKED } from '../public-access-block.js';
import type { S3Context, S3Route } from '../s3-context.js';
import { invalidArgument, requireBucket } from '../s3-errors.js';
import { ownerXml, s3Xml } from '../s3-xml.js';
import { parseObjectOwnership } from './bucket-acl.js';

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

// Prefixes and suffixes S3 reserves for its own names (access point aliases, directory buckets…).
const RESERVED_PREFIX = /^(?:xn--|sthree-|amzn-s3-demo-)/;
const RESERVED_SUFFIX = /(?:-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/;

export function validateBucketName(name: string): void {
  if (
    !BUCKET_NAME.test(name) ||
    // Every dot-separated label starts and ends with a letter or digit (`foo.-bar`, `a..b` are not names).
    /\.[.-]|-\./.test(name) ||
    /^\d+\.\d+\.\d+\.\d+$/.test(name) ||
    RESERVED_PREFIX.test(name) ||
    RESERVED_SUFFIX.test(name)
  ) {
    throw new ServiceError(400, 'InvalidBucketName', 'The specified bucket is not valid.', {
      BucketName: name,
    });
  }
}

async function createBucket(ctx: S3Context) {
  const name = ctx.bucket as string;
  validateBucketName(name);
  let region = ctx.svc.region;
  const body = await readBodyText(ctx.body);
  if (body.trim() !== '') {
    const location = text(parseXml(body, 'CreateBucketConfiguration'), 'LocationConstraint');
    if (location && location !== 'EU' && !REGION_NAME.test(location)) {
      throw new ServiceError(
        400,
        'InvalidLocationConstraint',
        'The specified location-constraint is not valid',
        {
          LocationConstraint: location,
        },
      );
    }
    if (location) region = location === 'EU' ? 'eu-west-1' : location;
  }
  const existing = ctx.svc.meta.getBucket(name);
  if (existing && existing.owner !== ctx.identity.accountId) {
    throw new ServiceError(
      409,
      'BucketAlreadyExists',
      'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
      { BucketName: name },
    );
  }
  if (existing) {
    // Same owner in us-east-1: S3 answers 200 (legacy); elsewhere BucketAlreadyOwnedByYou.
    if (region === 'us-east-1' && existing.region === 'us-east-1')
      return { status: 200, headers: { location: `/${name}` } };
    throw new ServiceError(
      409,
      'BucketAlreadyOwnedByYou',
      'Your previous request to create the named bucket succeeded and you already own it.',
      { BucketName: name },
    );
  }
  const objectLock = header(ctx, 'x-amz-bucket-object-lock-enabled')?.toLowerCase() === 'true';
  const ownershipHeader = header(ctx, 'x-amz-object-ownership');
  const acl = aclFromHeaders(
    ctx,
    { name, region, created: 0, versioning: null, objectLock, owner: ctx.identity.accountId, config: {} },
    'bucket',
  );
  // The canned `private` (rclone sends it) is every bucket's ACL: S3 takes it with ACLs off, and
  // without x-amz-object-ownership it makes the bucket BucketOwnerPreferred (decision 0032).
  const privateAcl = acl !== undefined && 'canned' in acl && acl.canned === 'private';
  // S3's defaults since April 2023: ACLs off unless asked for, every public access block on (decision 0032).
  const ownership =
    ownershipHeader !== undefined
      ? parseObjectOwnership(ownershipHeader)
      : privateAcl
        ? 'BucketOwnerPreferred'
        : 'BucketOwnerEnforced';
  if (ownership === 'BucketOwnerEnforced' && !privateAcl && !allowedWithoutAcls(acl))
    throw aclsWithEnforcedOwnership();
  if (isPublicAcl(acl)) {
    // The new bucket's public access block is on from the start, so a public ACL cannot be set with it.
    throw new ServiceError(
      400,
      'InvalidBucketAclWithBlockPublicAccessError',
      'Bucket cannot have public ACLs set with BlockPublicAccess enabled',
    );
  }
  ctx.svc.meta.createBucket({
    name,
    region,
    objectLock,
    created: ctx.svc.now().getTime(),
    owner: ctx.identity.accountId,
  });
  ctx.svc.meta.setBucketConfig(name, 'ownershipControls', ownership);
  ctx.svc.meta.setBucketConfig(name, 'publicAccessBlock', ALL_BLOCKED);
  if (acl !== undefined) ctx.svc.meta.setBucketConfig(name, 'acl', acl);
  return { status: 200, headers: { location: `/${name}` } };
}

async function deleteBucket(ctx: S3Context) {
  const b = requireBucket(ctx);
  const partBlobs = ctx.svc.meta.deleteBucket(b.name);
  if (partBlobs === undefined) {
    throw new ServiceError(409, 'BucketNotEmpty', 'The bucket you tried to delete is not empty', {
      BucketName: b.name,
    });
  }
  for (const blob of partBlobs) await ctx.svc.blobs.remove(blob);
  return { status: 204 };
}

function headBucket(ctx: S3Context) {
  const b = requireBucket(ctx);
  // Buckets stored before LocationConstraint was validated may hold any text: never a raw header.
  const region = REGION_NAME.test(b.region) ? b.region : encodeURIComponent(b.region);
  return { status: 200, headers: { 'x-amz-bucket-region': region } };
}

const continuationToken = (after: string) => Buffer.from(`b:${after}`).toString('base64url');

/** The bucket name a ListBuckets continuation-token resumes after. */
function tokenAfter(token: string): string {
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  if (!decoded.startsWith('b:') || continuationToken(decoded.slice(2)) !== token) {
    throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
  }
  return decoded.slice(2);
}

function listBuckets(ctx: S3Context) {
  const q = (name: string) => ctx.target.query.get(name)?.[0];
  const prefix = q('prefix');
  const region = q('bucket-region');
  const maxRaw = q('max-buckets');
  if (maxRaw !== undefined && (!/^\d+$/.test(maxRaw) || Number(maxRaw) < 1 || Number(maxRaw) > 10000)) {
    throw invalidArgument(
      'Argument max-buckets must be an integer between 1 and 10000.',
      'max-buckets',
      maxRaw,
    );
  }
  const token = q('continuation-token');
  const after = token === undefined ? undefined : tokenAfter(token);
  const matching = ctx.svc.meta
    .listBuckets()
    .filter(
      (b) =>
        b.owner === ctx.identity.accountId &&
        (prefix === undefined || b.name.startsWith(prefix)) &&
        (region === undefined || b.region === region) &&
        (after === undefined || b.name > after),
    );
  // Without max-buckets S3 answers every bucket in one page (the legacy form).
  const max = maxRaw === undefined ? matching.length : Number(maxRaw);
  const buckets = matching.slice(0, max);
  const last = buckets.at(-1);
  return s3Xml(
    'ListAllMyBucketsResult',
    ownerXml(ctx.identity.accountId),
    el(
      'Buckets',
      buckets.map((b) =>
        el(
          'Bucket',
          el('Name', b.name),
          el('CreationDate', new Date(b.created)),
          el('BucketRegion', b.region),
        ),
      ),
    ),
    matching.length > buckets.length && last ? el('ContinuationToken', continuationToken(last.name)) : null,
    opt('Prefix', prefix),
  );
}

function getBucketLocation(ctx: S3Context) {
  const b = requireBucket(ctx);
  // us-east-1 is the empty LocationConstraint, as S3 answers it.
  return s3Xml('LocationConstraint', b.region === 'us-east-1' ? null : b.region);
}

function getBucketVersioning(ctx: S3Context) {
  const b = requireBucket(ctx);
  return s3Xml('VersioningConfiguration', b.versioning ? el('Status', b.versioning) : null);
}

async function putBucketVersioning(ctx: S3Context) {
  const b = requireBucket(ctx);
  const doc = parseXml(await readBodyText(ctx.body), 'VersioningConfiguration');
  const status = text(doc, 'Status');
  if (status !== 'Enabled' && status !== 'Suspended') {
    throw new ServiceError(
      400,
      'MalformedXML',
      'VersioningConfiguration Status must be Enabled or Suspended.',
    );
  }
  if (status === 'Suspended' && b.objectLock) {
    throw new ServiceError(
      409,
      'InvalidBucketState',
      'An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.',
    );
  }
  if (b.config.replication !== undefined && status === 'Suspended') {
    throw new ServiceError(
      400,
      'InvalidBucketState',
      'A replication configuration is present on this bucket, so the versioning state cannot be changed.',
    );
  }
  const mfa = child(doc, 'MfaDelete');
  if (mfa !== undefined && text(doc, 'MfaDelete') === 'Enabled') {
    throw invalidArgument('MFA delete is not supported by local-aws.', 'MfaDelete', 'Enabled');
  }
  ctx.svc.meta.setVersioning(b.name, status);
  return { status: 200 };
}

export const bucketRoutes: readonly S3Route[] = [
  { method: 'GET', scope: 'service', operation: 'ListBuckets', handle: listBuckets },
  {
    method: 'PUT',
    scope: 'bucket',
    sub: 'versioning',
    operation: 'PutBucketVersioning',
    handle: putBucketVersioning,
  },
  {
    method: 'GET',
    scope: 'bucket',
    sub: 'versioning',
    operation: 'GetBucketVersioning',
    handle: getBucketVersioning,
  },
  {
    method: 'GET',
    scope: 'bucket',
    sub: 'location',
    operation: 'GetBucketLocation',
    handle: getBucketLocation,
  },
  { method: 'PUT', scope: 'bucket', operation: 'CreateBucket', handle: createBucket },
  { method: 'DELETE', scope: 'bucket', operation: 'DeleteBucket', handle: deleteBucket },
  { method: 'HEAD', scope: 'bucket', operation: 'HeadBucket', handle: headBucket },
];
