import { ServiceError } from '../errors/service-error.js';
import { type HandlerResult, header, type RequestContext } from '../http/handler-types.js';
import { decodeComponent } from '../http/request-target.js';
import { authorize } from './authorization.js';
import { bucketAclRoutes } from './operations/bucket-acl.js';
import { bucketConfigRoutes } from './operations/bucket-config.js';
import { bucketInventoryRoutes } from './operations/bucket-inventory.js';
import { bucketPolicyRoutes } from './operations/bucket-policy.js';
import { bucketRoutes } from './operations/buckets.js';
import { copyObjectRoutes } from './operations/copy-object.js';
import { listingRoutes } from './operations/listing.js';
import { multipartRoutes } from './operations/multipart.js';
import { objectAttributesRoutes } from './operations/object-attributes.js';
import { objectEncryptionRoutes } from './operations/object-encryption.js';
import { objectLockRoutes } from './operations/object-lock.js';
import { objectSubresourceRoutes } from './operations/object-subresources.js';
import { objectRoutes } from './operations/objects.js';
import { checkPolicies } from './policy-access.js';
import { s3Permissions } from './s3-actions.js';
import type { S3Context, S3Route, S3Services } from './s3-context.js';
import { checkKeyParses } from './s3-errors.js';

const routes: readonly S3Route[] = [
  ...bucketRoutes,
  ...bucketConfigRoutes,
  ...bucketInventoryRoutes,
  ...bucketAclRoutes,
  ...bucketPolicyRoutes,
  ...listingRoutes,
  ...multipartRoutes,
  ...objectLockRoutes,
  ...objectEncryptionRoutes,
  ...objectSubresourceRoutes,
  ...objectAttributesRoutes,
  ...copyObjectRoutes,
  ...objectRoutes,
];

/**
 * The query parameters that name an operation in the S3 model (`?acl`, `?policy`…; see
 * s3-router.test.ts). A request with one that no route serves is 501 NotImplemented: it never falls
 * through to the plain operation (PUT ?policy is not CreateBucket, GET ?torrent not GetObject).
 */
export const MODEL_SUBRESOURCES: ReadonlySet<string> = new Set([
  'abac',
  'accelerate',
  'acl',
  'analytics',
  'annotation',
  'attributes',
  'cors',
  'delete',
  'encryption',
  'intelligent-tiering',
  'inventory',
  'legal-hold',
  'lifecycle',
  'list-type',
  'location',
  'logging',
  'metadataAnnotationTable',
  'metadataConfiguration',
  'metadataInventoryTable',
  'metadataJournalTable',
  'metadataTable',
  'metrics',
  'notification',
  'object-lock',
  'ownershipControls',
  'policy',
  'policyStatus',
  'publicAccessBlock',
  'renameObject',
  'replication',
  'requestPayment',
  'restore',
  'retention',
  'select',
  'select-type',
  'session',
  'tagging',
  'torrent',
  'uploads',
  'versioning',
  'versions',
  'website',
]);

/** Bucket and key of a request: path style, or virtual-hosted `<bucket>.localhost`. */
export function addressOf(rawPath: string, host: string | undefined): { bucket?: string; key?: string } {
  const vhost = host?.match(/^(.+)\.(?:s3\.)?localhost(?::\d+)?$/i)?.[1];
  if (vhost) {
    const key = rawPath.slice(1);
    return key === '' ? { bucket: vhost } : { bucket: vhost, key: decodeComponent(key) };
  }
  const path = rawPath.slice(1);
  if (path === '') return {};
  const slash = path.indexOf('/');
  if (slash === -1) return { bucket: decodeComponent(path) };
  const bucket = decodeComponent(path.slice(0, slash));
  const key = path.slice(slash + 1);
  return key === '' ? { bucket } : { bucket, key: decodeComponent(key) };
}

/** The routes of each method and scope, in route order (filtered once, not per request). */
const routesBy = new Map<string, S3Route[]>();
for (const r of routes) {
  const id = `${r.method} ${r.scope}`;
  routesBy.set(id, [...(routesBy.get(id) ?? []), r]);
}
const HEAD_AS = ['HEAD', 'GET'];

function pick(ctx: S3Context, scope: S3Route['scope']): S3Route | undefined {
  const method = ctx.method === 'HEAD' ? HEAD_AS : [ctx.method];
  let namesOperation = false;
  for (const k of ctx.target.query.keys()) if (MODEL_SUBRESOURCES.has(k)) namesOperation = true;
  for (const m of method) {
    const candidates = routesBy.get(`${m} ${scope}`) ?? [];
    const bySub = candidates.find((r) => r.sub !== undefined && ctx.target.query.has(r.sub));
    if (bySub) return bySub;
    if (namesOperation) continue;
    const byHeader = candidates.find(
      (r) => r.sub === undefined && r.header !== undefined && ctx.headers[r.header],
    );
    if (byHeader) return byHeader;
    const plain = candidates.find((r) => r.sub === undefined && r.header === undefined);
    if (plain) return plain;
  }
  return undefined;
}

export async function routeS3(req: RequestContext, svc: S3Services): Promise<HandlerResult> {
  const { bucket, key } = addressOf(req.target.rawPath, req.headers.host?.[0]);
  checkKeyParses(key);
  const ctx: S3Context = { ...req, bucket, key, svc };
  const scope = key !== undefined ? 'object' : bucket !== undefined ? 'bucket' : 'service';
  const route = pick(ctx, scope);
  if (!route) {
    const subs = [...ctx.target.query.keys()].filter((k) => k !== 'x-id').join(', ');
    throw new ServiceError(
      501,
      'NotImplemented',
      `local-aws does not implement ${ctx.method} on a ${scope}${subs ? ` with ?${subs}` : ''}.`,
    );
  }
  // Identity-based and bucket policies first (decision 0032), then the bucket's ACLs where needed.
  const grantedByPolicy = checkPolicies(ctx, route.operation, s3Permissions(ctx, route.operation));
  const addressed = authorize(ctx, route.operation, grantedByPolicy);
  // x-amz-expected-bucket-owner: S3 refuses the request when another account owns the bucket.
  const expectedOwner = header(ctx, 'x-amz-expected-bucket-owner');
  if (expectedOwner !== undefined && bucket !== undefined) {
    const owner = svc.meta.getBucket(bucket)?.owner;
    if (owner !== undefined && owner !== expectedOwner)
      throw new ServiceError(403, 'AccessDenied', 'Access Denied');
  }
  return route.handle(addressed ? { ...ctx, addressed } : ctx);
}
