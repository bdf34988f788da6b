import { ServiceError } from '../../errors/service-error.js';
import type { HandlerResult } from '../../http/handler-types.js';
import type { BucketRow, ObjectAttrs, ObjectRow } from '../../store/s3-meta-store.js';
import { asList, child, parseXml, readBody, readBodyText, text } from '../../xml/xml-reader.js';
import { el, elAttrs, opt, type XmlElement } from '../../xml/xml-writer.js';
import { verifyRequiredChecksum } from '../object-body.js';
import { aclFromHeaders, validateObjectTags } from '../object-write-options.js';
import { ARCHIVE_CLASSES, restoreView } from '../restore-state.js';
import { ownerOf, type S3Context, type S3Route } from '../s3-context.js';
import { invalidArgument, requireBucket, requireObject } from '../s3-errors.js';
import { s3Xml } from '../s3-xml.js';
import { deleteOne } from './objects.js';

const malformedXml = (detail?: string) =>
  new ServiceError(
    400,
    'MalformedXML',
    `The XML you provided was not well-formed or did not validate against our published schema${detail ? ` (${detail})` : ''}.`,
  );

/** S3 names the version only on versioned buckets. */
function versionHeader(bucket: BucketRow, row: ObjectRow): Record<string, string> {
  return bucket.versioning !== null ? { 'x-amz-version-id': row.versionId } : {};
}

function withoutAttr(attrs: ObjectAttrs, key: keyof ObjectAttrs): ObjectAttrs {
  const copy = { ...attrs };
  delete copy[key];
  return copy;
}

// Tagging ----------------------------------------------------------------------------------------

async function putObjectTagging(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireBucket(ctx);
  const row = requireObject(ctx);
  const doc = parseXml(await readBodyText(ctx.body), 'Tagging');
  const tagSet = child(doc, 'TagSet');
  if (!tagSet) throw malformedXml('Tagging needs a TagSet');
  const tags = asList(tagSet.Tag).map((t) => {
    const Key = text(t, 'Key');
    if (Key === undefined) throw malformedXml('a Tag needs a Key');
    return { Key, Value: text(t, 'Value') ?? '' };
  });
  validateObjectTags(tags);
  await ctx.svc.meta.batch(() =>
    ctx.svc.meta.patchAttrs(bucket.name, row.key, row.versionId, (attrs) => ({ ...attrs, tags })),
  );
  return { status: 200, headers: versionHeader(bucket, row) };
}

function getObjectTagging(ctx: S3Context): HandlerResult {
  const bucket = requireBucket(ctx);
  const row = requireObject(ctx);
  const result = s3Xml(
    'Tagging',
    el(
      'TagSet',
      (row.attrs.tags ?? []).map((t) => el('Tag', el('Key', t.Key), el('Value', t.Value))),
    ),
  );
  return { ...result, headers: { ...result.headers, ...versionHeader(bucket, row) } };
}

async function deleteObjectTagging(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireBucket(ctx);
  const row = requireObject(ctx);
  await ctx.svc.meta.batch(() =>
    ctx.svc.meta.patchAttrs(bucket.name, row.key, row.versionId, (attrs) => withoutAttr(attrs, 'tags')),
  );
  return { status: 204, headers: versionHeader(bucket, row) };
}

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
type StoredAcl =
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

/** The grants S3 shows for a stored ACL; canned ACLs expand as S3 documents them. */
function grantsOf(acl: StoredAcl | undefined, ownerId: string): Grant[] {
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
      // One account owns every bucket and object, so the bucket-owner ACLs collapse to the owner.
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

async function putObjectAcl(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireBucket(ctx);
  const row = requireObject(ctx);
  const fromHeaders = aclFromHeaders(ctx) as StoredAcl | undefined;
  const body = (await readBodyText(ctx.body)).trim();
  let acl: StoredAcl;
  if (fromHeaders) {
    if (body !== '')
      throw new ServiceError(400, 'UnexpectedContent', 'This request does not support content');
    acl = fromHeaders;
  } else {
    if (body === '')
      throw new ServiceError(400, 'MissingSecurityHeader', 'Your request was missing a required header', {
        MissingHeaderName: 'x-amz-acl',
      });
    acl = { grants: grantsFromPolicy(body) };
  }
  await ctx.svc.meta.batch(() =>
    ctx.svc.meta.patchAttrs(bucket.name, row.key, row.versionId, (attrs) => ({ ...attrs, acl })),
  );
  return { status: 200, headers: versionHeader(bucket, row) };
}

function getObjectAcl(ctx: S3Context): HandlerResult {
  const bucket = requireBucket(ctx);
  const row = requireObject(ctx);
  const owner = ownerOf(ctx.identity.accountId);
  const grants = grantsOf(row.attrs.acl as StoredAcl | undefined, owner.id);
  const result = s3Xml(
    'AccessControlPolicy',
    el('Owner', el('ID', owner.id), el('DisplayName', owner.displayName)),
    el(
      'AccessControlList',
      grants.map((g) => el('Grant', granteeXml(g.grantee, owner), el('Permission', g.permission))),
    ),
  );
  return { ...result, headers: { ...result.headers, ...versionHeader(bucket, row) } };
}

// Restore ----------------------------------------------------------------------------------------

const TIERS = new Set(['Standard', 'Bulk', 'Expedited']);

async function restoreObject(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireBucket(ctx);
  const row = requireObject(ctx);
  const doc = parseXml(await readBodyText(ctx.body), 'RestoreRequest');
  const daysText = text(doc, 'Days');
  if (daysText === undefined) throw malformedXml('RestoreRequest needs Days');
  const days = Number(daysText);
  if (!Number.isInteger(days) || days < 1)
    throw invalidArgument('Days must be a positive integer', 'Days', daysText);
  const tier = text(child(doc, 'GlacierJobParameters'), 'Tier') ?? text(doc, 'Tier') ?? 'Standard';
  if (!TIERS.has(tier)) throw malformedXml(`unknown Tier ${tier}`);
  if (!ARCHIVE_CLASSES.has(row.storageClass)) {
    throw new ServiceError(
      403,
      'InvalidObjectState',
      "Restore is not allowed for the object's current storage class",
      { StorageClass: row.storageClass },
    );
  }
  const now = ctx.svc.now().getTime();
  const { settings } = ctx.svc;
  const view = restoreView(row.storageClass, row.attrs, now);
  if (view.ongoing)
    throw new ServiceError(409, 'RestoreAlreadyInProgress', 'Object restore is already in progress');
  const headers = versionHeader(bucket, row);
  if (view.readable) {
    // Already restored: S3 only moves the expiry of the temporary copy.
    const restore = {
      ...row.attrs.restore,
      ongoing: false,
      days,
      expiry: new Date(now + days * settings.restoreDayMs).toISOString(),
    };
    ctx.svc.meta.updateAttrs(bucket.name, row.key, row.versionId, { ...row.attrs, restore });
    return { status: 200, headers };
  }
  const readyAt = now + settings.restoreDelayMs;
  const restore = {
    ongoing: true,
    readyAt,
    expiry: new Date(readyAt + days * settings.restoreDayMs).toISOString(),
    tier,
    days,
  };
  ctx.svc.meta.updateAttrs(bucket.name, row.key, row.versionId, { ...row.attrs, restore });
  return { status: 202, headers };
}

// DeleteObjects ----------------------------------------------------------------------------------

async function deleteObjects(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireBucket(ctx);
  const body = await readBody(ctx.body);
  verifyRequiredChecksum(ctx, body);
  const doc = parseXml(body.toString('utf8'), 'Delete');
  const objects = asList(doc.Object);
  if (objects.length === 0 || objects.length > 1000) throw malformedXml('Delete holds 1 to 1000 Objects');
  const quiet = text(doc, 'Quiet')?.toLowerCase() === 'true';
  const results: XmlElement[] = [];
  for (const o of objects) {
    const key = text(o, 'Key');
    if (key === undefined) throw malformedXml('an Object needs a Key');
    const versionId = text(o, 'VersionId');
    try {
      if (versionId === '') throw invalidArgument('Invalid version id specified', 'versionId', versionId);
      const r = await deleteOne(ctx, bucket, key, versionId);
      if (quiet) continue;
      results.push(
        el(
          'Deleted',
          el('Key', key),
          opt('VersionId', versionId),
          r.deleteMarker ? el('DeleteMarker', true) : null,
          r.deleteMarker ? el('DeleteMarkerVersionId', r.versionId) : null,
        ),
      );
    } catch (e) {
      if (!(e instanceof ServiceError)) throw e;
      results.push(
        el(
          'Error',
          el('Key', key),
          opt('VersionId', versionId),
          el('Code', e.code),
          el('Message', e.message),
        ),
      );
    }
  }
  return s3Xml('DeleteResult', results);
}

export const objectSubresourceRoutes: readonly S3Route[] = [
  { method: 'PUT', scope: 'object', sub: 'tagging', operation: 'PutObjectTagging', handle: putObjectTagging },
  { method: 'GET', scope: 'object', sub: 'tagging', operation: 'GetObjectTagging', handle: getObjectTagging },
  {
    method: 'DELETE',
    scope: 'object',
    sub: 'tagging',
    operation: 'DeleteObjectTagging',
    handle: deleteObjectTagging,
  },
  { method: 'PUT', scope: 'object', sub: 'acl', operation: 'PutObjectAcl', handle: putObjectAcl },
  { method: 'GET', scope: 'object', sub: 'acl', operation: 'GetObjectAcl', handle: getObjectAcl },
  { method: 'POST', scope: 'object', sub: 'restore', operation: 'RestoreObject', handle: restoreObject },
  { method: 'POST', scope: 'bucket', sub: 'delete', operation: 'DeleteObjects', handle: deleteObjects },
];
