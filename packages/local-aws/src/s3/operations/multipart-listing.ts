import type { HandlerResult } from '../../http/handler-types.js';
import type { UploadRow } from '../../store/s3-rows.js';
import { el, opt } from '../../xml/xml-writer.js';
import { encodeKey, encodingParam, intParam } from '../list-params.js';
import type { S3Context } from '../s3-context.js';
import { requireBucket } from '../s3-errors.js';
import { ownerXml, s3Xml } from '../s3-xml.js';
import { checksumElement } from './copy-object.js';
import { partChecksum, requireUpload, type UploadAttrs } from './multipart-upload-state.js';

// ListParts and ListMultipartUploads.

export function listParts(ctx: S3Context): HandlerResult {
  const { bucket, upload } = requireUpload(ctx);
  const maxParts = Math.min(
    intParam(ctx, 'max-parts', 1000, 'Provided max-parts not an integer or within integer range'),
    1000,
  );
  const marker = intParam(
    ctx,
    'part-number-marker',
    0,
    'Provided part-number-marker not an integer or within integer range',
  );
  const rows = maxParts === 0 ? [] : ctx.svc.meta.uploads.listParts(upload.uploadId, marker, maxParts + 1);
  const truncated = rows.length > maxParts;
  const page = rows.slice(0, maxParts);
  const attrs = upload.attrs as UploadAttrs;
  const owner = attrs.owner ?? bucket.owner;
  const enc = encodingParam(ctx);
  return s3Xml(
    'ListPartsResult',
    el('Bucket', bucket.name),
    el('Key', encodeKey(enc, upload.key)),
    el('UploadId', upload.uploadId),
    el('PartNumberMarker', marker),
    opt('NextPartNumberMarker', page.at(-1)?.partNumber),
    el('MaxParts', maxParts),
    el('IsTruncated', truncated),
    page.map((p) => {
      const checksum = partChecksum(p);
      return el(
        'Part',
        el('PartNumber', p.partNumber),
        el('LastModified', new Date(p.lastModified)),
        el('ETag', `"${p.etag}"`),
        el('Size', p.size),
        checksum ? el(checksumElement(checksum.algorithm), checksum.value) : null,
      );
    }),
    ownerXml(owner, 'Initiator'),
    ownerXml(owner),
    el('StorageClass', attrs.storageClass ?? 'STANDARD'),
    opt('ChecksumAlgorithm', attrs.checksumAlgorithm),
    opt('ChecksumType', attrs.checksumType),
  );
}

/** Uploads of a bucket in (key, initiated, upload id) order, from `fromKey` on, fetched in batches. */
function* uploadsFrom(ctx: S3Context, bucket: string, fromKey: string): Generator<UploadRow> {
  let from = fromKey;
  let seen = new Set<string>();
  let batch = 1000;
  for (;;) {
    const rows = ctx.svc.meta.uploads.list(bucket, from, batch);
    const fresh = rows.filter((r) => !seen.has(r.uploadId));
    if (fresh.length === 0 && rows.length === batch) {
      // Every row of the batch shares one key already yielded: widen the batch to get past it.
      batch *= 2;
      continue;
    }
    for (const r of fresh) yield r;
    if (rows.length < batch) return;
    const last = rows.at(-1) as UploadRow;
    if (last.key !== from) seen = new Set();
    for (const r of rows) if (r.key === last.key) seen.add(r.uploadId);
    from = last.key;
  }
}

export function listMultipartUploads(ctx: S3Context): HandlerResult {
  const bucket = requireBucket(ctx);
  const q = (name: string) => ctx.target.query.get(name)?.[0];
  const prefix = q('prefix') ?? '';
  const delimiter = q('delimiter') || undefined;
  const keyMarker = q('key-marker') || undefined;
  const uploadIdMarker = keyMarker !== undefined ? q('upload-id-marker') || undefined : undefined;
  const maxUploads = Math.min(
    intParam(ctx, 'max-uploads', 1000, 'Provided max-uploads not an integer or within integer range'),
    1000,
  );
  const enc = encodingParam(ctx);
  const start = keyMarker !== undefined && keyMarker > prefix ? keyMarker : prefix;
  const uploads: UploadRow[] = [];
  const prefixes: string[] = [];
  let truncated = false;
  let passedIdMarker = uploadIdMarker === undefined;
  for (const u of uploadsFrom(ctx, bucket.name, start)) {
    if (!u.key.startsWith(prefix)) {
      if (u.key > prefix) break;
      continue;
    }
    if (keyMarker !== undefined) {
      if (u.key < keyMarker) continue;
      if (u.key === keyMarker) {
        // Without upload-id-marker the marker key is done; with one, resume after that upload.
        if (uploadIdMarker === undefined) continue;
        if (!passedIdMarker) {
          if (u.uploadId === uploadIdMarker) passedIdMarker = true;
          continue;
        }
      }
    }
    const cut = delimiter === undefined ? -1 : u.key.indexOf(delimiter, prefix.length);
    const commonPrefix = cut === -1 ? undefined : u.key.slice(0, cut + (delimiter as string).length);
    if (commonPrefix !== undefined && prefixes.at(-1) === commonPrefix) continue;
    if (commonPrefix !== undefined && keyMarker?.startsWith(commonPrefix)) continue;
    if (uploads.length + prefixes.length === maxUploads) {
      truncated = true;
      break;
    }
    if (commonPrefix !== undefined) prefixes.push(commonPrefix);
    else uploads.push(u);
  }
  const lastUpload = uploads.at(-1);
  const lastPrefix = prefixes.at(-1);
  const nextKey =
    lastPrefix !== undefined && (lastUpload === undefined || lastPrefix > lastUpload.key)
      ? lastPrefix
      : lastUpload?.key;
  return s3Xml(
    'ListMultipartUploadsResult',
    el('Bucket', bucket.name),
    el('KeyMarker', encodeKey(enc, keyMarker ?? '')),
    el('UploadIdMarker', uploadIdMarker ?? ''),
    truncated ? opt('NextKeyMarker', encodeKey(enc, nextKey)) : null,
    el('Prefix', encodeKey(enc, prefix)),
    opt('Delimiter', encodeKey(enc, delimiter)),
    truncated && nextKey === lastUpload?.key ? opt('NextUploadIdMarker', lastUpload?.uploadId) : null,
    el('MaxUploads', maxUploads),
    el('IsTruncated', truncated),
    uploads.map((u) => {
      const attrs = u.attrs as UploadAttrs;
      const owner = attrs.owner ?? bucket.owner;
      return el(
        'Upload',
        el('UploadId', u.uploadId),
        el('Key', encodeKey(enc, u.key)),
        el('Initiated', new Date(u.initiated)),
        el('StorageClass', attrs.storageClass ?? 'STANDARD'),
        ownerXml(owner),
        ownerXml(owner, 'Initiator'),
        opt('ChecksumAlgorithm', attrs.checksumAlgorithm),
        opt('ChecksumType', attrs.checksumType),
      );
    }),
    prefixes.map((p) => el('CommonPrefixes', el('Prefix', encodeKey(enc, p)))),
    ctx.target.query.has('encoding-type') ? el('EncodingType', 'url') : null,
  );
}
