import { ARCHIVE_STORAGE_CLASSES } from '@batchops/batch-formats';
import { ServiceError } from '../../errors/service-error.js';
import type { HandlerResult } from '../../http/handler-types.js';
import type { BucketRow, ObjectAttrs, ObjectRow } from '../../store/s3-rows.js';
import { asList, child, parseXml, readBody, readBodyText, text } from '../../xml/xml-reader.js';
import { el, opt, type XmlElement } from '../../xml/xml-writer.js';
import { accessControlPolicy, aclFromRequest } from '../access-control.js';
import { objectOwner } from '../authorization.js';
import { verifyRequiredChecksum } from '../object-body.js';
import { validateObjectTags } from '../object-write-options.js';
import { restoreView } from '../restore-state.js';
import { RESTORE_TIERS } from '../restore-timing.js';
import { type S3Context, type S3Route, subResourceRoutes } from '../s3-context.js';
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

/** Rewrite the addressed version's attributes in the next group commit; the answer names the version. */
async function patchVersion(
  ctx: S3Context,
  bucket: BucketRow,
  row: ObjectRow,
  status: number,
  patch: (attrs: ObjectAttrs) => ObjectAttrs,
): Promise<HandlerResult> {
  await ctx.svc.meta.batch(() => ctx.svc.meta.patchAttrs(bucket.name, row.key, row.versionId, patch));
  return { status, headers: versionHeader(bucket, row) };
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
  return patchVersion(ctx, bucket, row, 200, (attrs) => ({ ...attrs, tags }));
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
  return patchVersion(ctx, bucket, row, 204, (attrs) => withoutAttr(attrs, 'tags'));
}

// ACL --------------------------------------------------------------------------------------------

async function putObjectAcl(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireBucket(ctx);
  const row = requireObject(ctx);
  const acl = await aclFromRequest(ctx, bucket, 'object');
  return patchVersion(ctx, bucket, row, 200, (attrs) => ({ ...attrs, acl }));
}

function getObjectAcl(ctx: S3Context): HandlerResult {
  const bucket = requireBucket(ctx);
  const row = requireObject(ctx);
  const result = accessControlPolicy(bucket, row.attrs.acl, objectOwner(bucket, row));
  return { ...result, headers: { ...result.headers, ...versionHeader(bucket, row) } };
}

// Restore ----------------------------------------------------------------------------------------

async function restoreObject(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireBucket(ctx);
  const row = requireObject(ctx);
  const doc = parseXml(await readBodyText(ctx.body), 'RestoreRequest');
  const daysText = text(doc, 'Days');
  if (daysText === undefined) throw malformedXml('RestoreRequest needs Days');
  const days = Number(daysText);
  if (!Number.isInteger(days) || days < 1)
    throw invalidArgument('Days must be a positive integer', 'Days', daysText);
  const tierText = text(child(doc, 'GlacierJobParameters'), 'Tier') ?? text(doc, 'Tier') ?? 'Standard';
  const tier = RESTORE_TIERS.find((t) => t === tierText);
  if (!tier) throw malformedXml(`unknown Tier ${tierText}`);
  if (!ARCHIVE_STORAGE_CLASSES.has(row.storageClass)) {
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
  const readyAt = now + settings.restoreDelayMs[tier];
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
  await verifyRequiredChecksum(ctx, body);
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
      const r = await deleteOne(ctx, bucket, key, versionId, text(o, 'ETag'));
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
  ...subResourceRoutes('object', 'tagging', 'ObjectTagging', {
    PUT: putObjectTagging,
    GET: getObjectTagging,
    DELETE: deleteObjectTagging,
  }),
  ...subResourceRoutes('object', 'acl', 'ObjectAcl', { PUT: putObjectAcl, GET: getObjectAcl }),
  { method: 'POST', scope: 'object', sub: 'restore', operation: 'RestoreObject', handle: restoreObject },
  { method: 'POST', scope: 'bucket', sub: 'delete', operation: 'DeleteObjects', handle: deleteObjects },
];
