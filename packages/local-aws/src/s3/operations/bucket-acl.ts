import { ServiceError } from '../../errors/service-error.js';
import type { HandlerResult } from '../../http/handler-types.js';
import { asList, parseXml, readBodyText, text } from '../../xml/xml-reader.js';
import { el } from '../../xml/xml-writer.js';
import {
  accessControlPolicy,
  aclFromRequest,
  aclsWithEnforcedOwnership,
  OBJECT_OWNERSHIPS,
  ownerOnlyAcl,
} from '../access-control.js';
import { deletesConfig, storedConfig } from '../bucket-config-entry.js';
import { ownerOf, type S3Context, type S3Route, subResourceRoutes } from '../s3-context.js';
import { requireBucket } from '../s3-errors.js';
import { s3Xml } from '../s3-xml.js';

async function putBucketAcl(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireBucket(ctx);
  const acl = await aclFromRequest(ctx, bucket, 'bucket');
  ctx.svc.meta.setBucketConfig(bucket.name, 'acl', acl);
  return { status: 200 };
}

function getBucketAcl(ctx: S3Context): HandlerResult {
  const bucket = requireBucket(ctx);
  return accessControlPolicy(bucket, bucket.config.acl, bucket.owner);
}

/** The one ObjectOwnership rule of an OwnershipControls document. */
export function parseObjectOwnership(value: string | undefined): string {
  if (value === undefined || !OBJECT_OWNERSHIPS.has(value)) {
    throw new ServiceError(
      400,
      'MalformedXML',
      'The XML you provided was not well-formed or did not validate against our published schema',
    );
  }
  return value;
}

/** An OwnershipControls document: its one rule's ObjectOwnership. */
function parseOwnershipControls(xml: string): string {
  const rules = asList(parseXml(xml, 'OwnershipControls').Rule);
  if (rules.length !== 1) parseObjectOwnership(undefined);
  return parseObjectOwnership(text(rules[0], 'ObjectOwnership'));
}

async function putBucketOwnershipControls(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireBucket(ctx);
  const ownership = parseOwnershipControls(await readBodyText(ctx.body));
  // S3 turns ACLs off only once the bucket's ACL grants nothing but the owner's FULL_CONTROL.
  if (ownership === 'BucketOwnerEnforced' && !ownerOnlyAcl(bucket.config.acl, ownerOf(bucket.owner).id))
    throw aclsWithEnforcedOwnership();
  ctx.svc.meta.setBucketConfig(bucket.name, 'ownershipControls', ownership);
  return { status: 200 };
}

function getBucketOwnershipControls(ctx: S3Context): HandlerResult {
  const { value } = storedConfig<string>(
    ctx,
    'ownershipControls',
    'OwnershipControlsNotFoundError',
    'The bucket ownership controls were not found',
  );
  return s3Xml('OwnershipControls', el('Rule', el('ObjectOwnership', value)));
}

export const bucketAclRoutes: readonly S3Route[] = [
  ...subResourceRoutes('bucket', 'acl', 'BucketAcl', { PUT: putBucketAcl, GET: getBucketAcl }),
  ...subResourceRoutes('bucket', 'ownershipControls', 'BucketOwnershipControls', {
    PUT: putBucketOwnershipControls,
    GET: getBucketOwnershipControls,
    DELETE: deletesConfig('ownershipControls'),
  }),
];
