import { ServiceError } from '../errors/service-error.js';
import { type HandlerResult, header } from '../http/handler-types.js';
import type { BucketRow } from '../store/s3-rows.js';
import { asList, child, parseXml, readBodyText, text } from '../xml/xml-reader.js';
import { el, elAttrs, opt, type XmlElement } from '../xml/xml-writer.js';
import { type AccountPublicAccessBlocks, effectivePublicAccessBlock } from './public-access-block.js';
import { ownerOf, type S3Context } from './s3-context.js';
import { invalidArgument } from './s3-errors.js';
import { ownerXml, s3Xml } from './s3-xml.js';

// ACLs of objects and buckets: canned, header grants or an AccessControlPolicy document, and
// Object Ownership (BucketOwnerEnforced turns ACLs off, as on S3).

export const CANNED_ACLS: ReadonlySet<string> = new Set([
  'private',
  'public-read',
  'public-read-write',
  'authenticated-read',
  'aws-exec-read',
  'bucket-owner-read',
  'bucket-owner-full-control',
]);

const GRANT_HEADERS = [
  'x-amz-grant-read',
  'x-amz-grant-read-acp',
  'x-amz-grant-write-acp',
  'x-amz-grant-full-control',
];

// ACL --------------------------------------------------------------------------------------------

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const GROUPS = 'http://acs.amazonaws.com/groups/';
const ALL_USERS = `${GROUPS}global/AllUsers`;
const AUTHENTICATED_USERS = `${GROUPS}global/AuthenticatedUsers`;
const KNOWN_GROUPS = new Set([ALL_USERS, AUTHENTICATED_USERS, `${GROUPS}s3/LogDelivery`]);
const PERMISSIONS = new Set(['FULL_CONTROL', 'WRITE', 'WRITE_ACP', 'READ', 'READ_ACP']);

type Grantee =
  | { type: 'CanonicalUser'; id: string; displayName?: string }
  | { type: 'Group'; uri: string }
  | { type: 'AmazonCustomerByEmail'; email: string };

interface Grant {
  grantee: Grantee;
  permission: string;
}

/**
 * The stored ACL of an object: a canned name, header grants (`grantees` is the raw
 * `id="…", uri="…"` list, as aclFromHeaders writes it) or grants from an XML policy.
 */
export type StoredAcl =
  | { canned: string }
  | { grants: Array<{ permission: string; grantees: string } | { permission: string; grantee: Grantee }> };

const malformedAcl = () =>
  new ServiceError(
    400,
    'MalformedACLError',
    'The XML you provided was not well-formed or did not validate against our published schema',
  );

/** `id="…", uri="…", emailAddress="…"` of an x-amz-grant-* header. */
function granteesOfHeader(value: string): Grantee[] {
  const out: Grantee[] = [];
  for (const m of value.matchAll(/(id|uri|emailAddress)\s*=\s*"([^"]*)"/gi)) {
    const kind = (m[1] as string).toLowerCase();
    const v = m[2] as string;
    if (kind === 'id') out.push({ type: 'CanonicalUser', id: v });
    else if (kind === 'uri') out.push({ type: 'Group', uri: v });
    else out.push({ type: 'AmazonCustomerByEmail', email: v });
  }
  return out;
}

/**
 * The grants S3 shows for a stored ACL; canned ACLs expand as S3 documents them (the bucket-owner-*
 * ones grant the bucket's owner, when another account owns the object).
 */
function grantsOf(acl: StoredAcl | undefined, ownerId: string, bucketOwnerId = ownerId): Grant[] {
  const owner: Grant = { grantee: { type: 'CanonicalUser', id: ownerId }, permission: 'FULL_CONTROL' };
  if (!acl) return [owner];
  if ('canned' in acl) {
    const group = (uri: string, permission: string): Grant => ({
      grantee: { type: 'Group', uri },
      permission,
    });
    switch (acl.canned) {
      case 'public-read':
        return [owner, group(ALL_USERS, 'READ')];
      case 'public-read-write':
        return [owner, group(ALL_USERS, 'READ'), group(ALL_USERS, 'WRITE')];
      case 'authenticated-read':
        return [owner, group(AUTHENTICATED_USERS, 'READ')];
      case 'bucket-owner-read':
      case 'bucket-owner-full-control': {
        if (bucketOwnerId === ownerId) return [owner];
        const permission = acl.canned === 'bucket-owner-read' ? 'READ' : 'FULL_CONTROL';
        return [owner, { grantee: { type: 'CanonicalUser', id: bucketOwnerId }, permission }];
      }
      default:
        return [owner];
    }
  }
  return acl.grants.flatMap((g) =>
    'grantees' in g
      ? granteesOfHeader(g.grantees).map((grantee) => ({ grantee, permission: g.permission }))
      : [{ grantee: g.grantee, permission: g.permission }],
  );
}

function granteeXml(g: Grantee, owner: { id: string; displayName: string }): XmlElement {
  const attrs = { 'xmlns:xsi': XSI, 'xsi:type': g.type };
  if (g.type === 'Group') return elAttrs('Grantee', attrs, el('URI', g.uri));
  if (g.type === 'AmazonCustomerByEmail') return elAttrs('Grantee', attrs, el('EmailAddress', g.email));
  const name = g.displayName ?? (g.id === owner.id ? owner.displayName : undefined);
  return elAttrs('Grantee', attrs, el('ID', g.id), opt('DisplayName', name));
}

/** An AccessControlPolicy body → grants; the grantee type follows from the element it carries. */
function grantsFromPolicy(body: string): Grant[] {
  const doc = parseXml(body, 'AccessControlPolicy');
  const list = child(doc, 'AccessControlList');
  if (!list) throw malformedAcl();
  return asList(list.Grant).map((g) => {
    const permission = text(g, 'Permission');
    const grantee = child(g, 'Grantee');
    if (!permission || !PERMISSIONS.has(permission) || !grantee) throw malformedAcl();
    const id = text(grantee, 'ID');
    const uri = text(grantee, 'URI');
    const email = text(grantee, 'EmailAddress');
    if (id) return { permission, grantee: { type: 'CanonicalUser', id } };
    if (uri) {
      if (!KNOWN_GROUPS.has(uri)) throw invalidArgument('Invalid group uri', 'uri', uri);
      return { permission, grantee: { type: 'Group', uri } };
    }
    if (email) return { permission, grantee: { type: 'AmazonCustomerByEmail', email } };
    throw malformedAcl();
  });
}

/** Object Ownership settings (PutBucketOwnershipControls, CreateBucket x-amz-object-ownership). */
export const OBJECT_OWNERSHIPS: ReadonlySet<string> = new Set([
  'BucketOwnerEnforced',
  'BucketOwnerPreferred',
  'ObjectWriter',
]);

/** BucketOwnerEnforced: ACLs are off; only bucket-owner-full-control may still be sent. */
export const aclsDisabled = (bucket: BucketRow) => bucket.config.ownershipControls === 'BucketOwnerEnforced';

/** Whether an ACL may be sent while ACLs are off: none, or the canned bucket-owner-full-control. */
export const allowedWithoutAcls = (acl: StoredAcl | undefined) =>
  acl === undefined || ('canned' in acl && acl.canned === 'bucket-owner-full-control');

/** Whether a bucket ACL grants nothing but its owner's FULL_CONTROL (what BucketOwnerEnforced needs). */
export const ownerOnlyAcl = (acl: unknown, ownerId: string) =>
  grantsOf(acl as StoredAcl | undefined, ownerId).every(
    ({ grantee: g, permission }) =>
      g.type === 'CanonicalUser' && g.id === ownerId && permission === 'FULL_CONTROL',
  );

/** S3's refusal of ACLs on a bucket that is (or is being made) BucketOwnerEnforced. */
export const aclsWithEnforcedOwnership = () =>
  new ServiceError(
    400,
    'InvalidBucketAclWithObjectOwnership',
    "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting",
  );

/** Whether an ACL grants anything to everyone (AllUsers) or every AWS account (AuthenticatedUsers). */
export const isPublicAcl = (acl: StoredAcl | undefined) =>
  grantsOf(acl, '', '').some(
    ({ grantee: g }) => g.type === 'Group' && (g.uri === ALL_USERS || g.uri === AUTHENTICATED_USERS),
  );

/**
 * Refuse grantees S3 cannot resolve: a canonical user of no account this endpoint knows (400
 * InvalidArgument "Invalid id"), any e-mail address (local-aws knows none: 400
 * UnresolvableGrantByEmailAddress), as S3 answers PutBucketAcl and PutObjectAcl.
 */
function assertGranteesKnown(ctx: S3Context, acl: StoredAcl | undefined): void {
  const known = ctx.svc.accounts;
  for (const { grantee } of acl && 'grants' in acl ? grantsOf(acl, '') : []) {
    if (grantee.type === 'AmazonCustomerByEmail')
      throw new ServiceError(
        400,
        'UnresolvableGrantByEmailAddress',
        'The e-mail address you provided does not match any account on record.',
        { EmailAddress: grantee.email },
      );
    if (grantee.type === 'CanonicalUser' && known && ![...known].some((a) => ownerOf(a).id === grantee.id))
      throw invalidArgument('Invalid id', 'CanonicalUser/ID', grantee.id);
  }
}

/** Refuse an ACL the bucket takes no ACLs for (BucketOwnerEnforced), or a public one BlockPublicAcls blocks. */
export function assertAclAllowed(ctx: S3Context, bucket: BucketRow, acl: StoredAcl | undefined): void {
  assertGranteesKnown(ctx, acl);
  if (aclsDisabled(bucket) && !allowedWithoutAcls(acl))
    throw new ServiceError(400, 'AccessControlListNotSupported', 'The bucket does not allow ACLs');
  if (isPublicAcl(acl) && effectivePublicAccessBlock(bucket, ctx.svc.publicAccessBlocks).BlockPublicAcls)
    throw new ServiceError(403, 'AccessDenied', 'Access Denied');
}

/** A canned ACL or grant headers → the stored ACL document. */
export function aclFromHeaders(
  ctx: S3Context,
  bucket: BucketRow,
  scope: 'object' | 'bucket' = 'object',
): StoredAcl | undefined {
  const acl = headerAcl(ctx, scope === 'bucket' ? [...GRANT_HEADERS, 'x-amz-grant-write'] : GRANT_HEADERS);
  assertAclAllowed(ctx, bucket, acl);
  return acl;
}

function headerAcl(ctx: S3Context, grantHeaders: readonly string[]): StoredAcl | undefined {
  const canned = header(ctx, 'x-amz-acl');
  const grants = grantHeaders
    .filter((h) => header(ctx, h) !== undefined)
    .map((h) => ({
      permission: h.replace('x-amz-grant-', '').replace('-', '_').toUpperCase(),
      grantees: header(ctx, h) as string,
    }));
  if (canned !== undefined && grants.length > 0) {
    throw invalidArgument(
      'Specifying both Canned ACLs and Header Grants is not allowed',
      'x-amz-acl',
      canned,
    );
  }
  if (canned !== undefined) {
    if (!CANNED_ACLS.has(canned)) throw invalidArgument('', 'x-amz-acl', canned);
    return { canned };
  }
  return grants.length ? { grants } : undefined;
}

/** The ACL of a Put{Object,Bucket}Acl: from its headers, or from its AccessControlPolicy body. */
export async function aclFromRequest(
  ctx: S3Context,
  bucket: BucketRow,
  scope: 'object' | 'bucket',
): Promise<StoredAcl> {
  const fromHeaders = aclFromHeaders(ctx, bucket, scope);
  const body = (await readBodyText(ctx.body)).trim();
  if (fromHeaders) {
    if (body !== '')
      throw new ServiceError(400, 'UnexpectedContent', 'This request does not support content');
    return fromHeaders;
  }
  if (body === '')
    throw new ServiceError(400, 'MissingSecurityHeader', 'Your request was missing a required header', {
      MissingHeaderName: 'x-amz-acl',
    });
  const acl = { grants: grantsFromPolicy(body) };
  assertAclAllowed(ctx, bucket, acl);
  return acl;
}

/** An ACL permission (decision 0016). */
export type AclPermission = 'READ' | 'WRITE' | 'READ_ACP' | 'WRITE_ACP';

/**
 * Whether `account` holds `permission` on a bucket or object owned by `ownerAccount`: the owner
 * always does; others through a grant to their canonical ID, to AllUsers or to AuthenticatedUsers
 * (every request is signed; those two not under IgnorePublicAcls), or FULL_CONTROL. While ACLs are
 * off (BucketOwnerEnforced) only the owner.
 */
export function aclAllows(
  bucket: BucketRow,
  stored: unknown,
  ownerAccount: string,
  account: string,
  permission: AclPermission,
  accounts?: AccountPublicAccessBlocks,
): boolean {
  if (account === ownerAccount) return true;
  if (aclsDisabled(bucket)) return false;
  const publicGrants = !effectivePublicAccessBlock(bucket, accounts).IgnorePublicAcls;
  // An unsigned request ('' for its account) is no user, authenticated or canonical: AllUsers only.
  const anonymous = account === '';
  const id = anonymous ? undefined : ownerOf(account).id;
  const grants = grantsOf(
    stored as StoredAcl | undefined,
    ownerOf(ownerAccount).id,
    ownerOf(bucket.owner).id,
  );
  return grants.some(
    ({ grantee: g, permission: p }) =>
      (p === permission || p === 'FULL_CONTROL') &&
      ((g.type === 'CanonicalUser' && g.id === id) ||
        (publicGrants &&
          g.type === 'Group' &&
          (g.uri === ALL_USERS || (g.uri === AUTHENTICATED_USERS && !anonymous)))),
  );
}

/**
 * Get{Object,Bucket}Acl: the grants of a stored ACL of what `ownerAccount` owns (only the owner's
 * while ACLs are off).
 */
export function accessControlPolicy(bucket: BucketRow, stored: unknown, ownerAccount: string): HandlerResult {
  const owner = ownerOf(ownerAccount);
  const grants = grantsOf(
    aclsDisabled(bucket) ? undefined : (stored as StoredAcl | undefined),
    owner.id,
    ownerOf(bucket.owner).id,
  );
  return s3Xml(
    'AccessControlPolicy',
    ownerXml(ownerAccount),
    el(
      'AccessControlList',
      grants.map((g) => el('Grant', granteeXml(g.grantee, owner), el('Permission', g.permission))),
    ),
  );
}
