import type { RestoreTier } from '@batchops/batch-formats';
import type { HandlerResult, RequestContext } from '../http/handler-types.js';
import type { Authorizer } from '../iam/authorizer.js';
import type { BlobStore } from '../store/blob-store.js';
import type { S3MetaStore } from '../store/s3-meta-store.js';
import type { ObjectRow } from '../store/s3-rows.js';
import type { AccountPublicAccessBlocks } from './public-access-block.js';
import type { Replicator } from './replication/replicator.js';

export interface S3Settings {
  /** How long a simulated restore from GLACIER / DEEP_ARCHIVE takes, in ms, per retrieval tier. */
  readonly restoreDelayMs: Readonly<Record<RestoreTier, number>>;
  /** Length of a restore "day" (RestoreRequest's Days) in ms: a day by default; the demo and tests shorten it. */
  readonly restoreDayMs: number;
  /** How long live replication waits before copying a new version, in ms (0; tests hold it back). */
  readonly replicationDelayMs: number;
}

export interface S3Services {
  readonly meta: S3MetaStore;
  readonly blobs: BlobStore;
  /** Region new buckets default to. */
  readonly region: string;
  readonly settings: S3Settings;
  /** Identity-based policies of IAM users and role sessions (decision 0022); absent: none checked. */
  readonly authorizer?: Authorizer;
  /** The accounts' Block Public Access settings (S3 Control's PutPublicAccessBlock). */
  readonly publicAccessBlocks?: AccountPublicAccessBlocks;
  /** The accounts that may sign (their canonical users are the grantees an ACL may name); absent: any. */
  readonly accounts?: ReadonlySet<string>;
  /** S3 Replication: live replication of new versions, and Batch Replication's copies (decision 0017). */
  readonly replication: Replicator;
  now(): Date;
}

/** The addressed object version (latest, or ?versionId) as read for this request; undefined: none. */
export interface AddressedObject {
  readonly row: ObjectRow | undefined;
}

export interface S3Context extends RequestContext {
  /** Decoded bucket name, when the request addresses a bucket. */
  readonly bucket: string | undefined;
  /** Decoded key, when the request addresses an object. */
  readonly key: string | undefined;
  readonly svc: S3Services;
  /** Present when the ACL check already read the addressed version: the row is read once per request. */
  readonly addressed?: AddressedObject;
}

export type S3Handler = (ctx: S3Context) => Promise<HandlerResult> | HandlerResult;

export interface S3Route {
  readonly method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  readonly scope: 'service' | 'bucket' | 'object';
  /** A query parameter that selects this operation (`tagging`, `uploadId`, `list-type`…). */
  readonly sub?: string;
  /** A header that selects this operation (`x-amz-copy-source`). */
  readonly header?: string;
  readonly operation: string;
  readonly handle: S3Handler;
}

const VERB = { PUT: 'Put', GET: 'Get', DELETE: 'Delete', HEAD: 'Head', POST: 'Post' } as const;

/**
 * The routes of one query sub-resource, each method's operation named as S3 names it
 * (`PUT ?tagging` on a bucket: PutBucketTagging).
 */
export const subResourceRoutes = (
  scope: S3Route['scope'],
  sub: string,
  resource: string,
  handlers: Partial<Record<S3Route['method'], S3Handler>>,
): S3Route[] =>
  Object.entries(handlers).map(([method, handle]) => ({
    method: method as S3Route['method'],
    scope,
    sub,
    operation: `${VERB[method as S3Route['method']]}${resource}`,
    handle: handle as S3Handler,
  }));

/** The canonical user of an account: its ID zero-padded to 64 digits (decision 0016). */
export function ownerOf(accountId: string) {
  return { id: `${accountId}`.padStart(64, '0'), displayName: 'batchops' };
}
