import { ServiceError } from '../../errors/service-error.js';
import type { HandlerResult } from '../../http/handler-types.js';
import type { ObjectRow } from '../../store/s3-rows.js';
import { el, opt, type XmlValue } from '../../xml/xml-writer.js';
import { objectOwner } from '../authorization.js';
import { encodeKey, encodingParam } from '../list-params.js';
import type { S3Context, S3Route } from '../s3-context.js';
import { invalidArgument, requireBucket } from '../s3-errors.js';
import { ownerXml, s3Xml } from '../s3-xml.js';

const BATCH = 1000;
// Sorts after every key that starts with a given common prefix (UTF-8 binary order).
const PAST_PREFIX = '\u{10FFFF}\u{10FFFF}';

type Entry = { kind: 'object'; row: ObjectRow } | { kind: 'prefix'; prefix: string };

/** Where a read starts: at a key (inclusive), or after the row last read. */
type Cursor = { key: string } | { after: Pick<ObjectRow, 'key' | 'seq'> };
type Fetch = (cursor: Cursor, limit: number) => ObjectRow[];

/**
 * Walk a bucket's entries in key order from a cursor, rolling keys that contain the delimiter
 * after the prefix into common prefixes and jumping past them. Reads in batches, so memory stays
 * bounded whatever the bucket holds.
 */
function* walk(
  fetch: Fetch,
  opts: { prefix: string; delimiter: string | undefined; start: Cursor | undefined },
): Generator<Entry> {
  const { prefix, delimiter } = opts;
  let cursor: Cursor = opts.start ?? { key: prefix };
  if ('key' in cursor && cursor.key < prefix) cursor = { key: prefix };
  // Small reads after a jump past a common prefix (the next prefix is often one row away), growing
  // while rows are used, so a delimiter listing does not read 1,000 rows to use one.
  let batch = delimiter ? 16 : BATCH;
  for (;;) {
    const rows = fetch(cursor, batch);
    if (rows.length === 0) return;
    let jumped = false;
    for (const row of rows) {
      if (!row.key.startsWith(prefix)) {
        if (row.key > prefix) return;
        continue;
      }
      if (delimiter) {
        const i = row.key.indexOf(delimiter, prefix.length);
        if (i !== -1) {
          const cp = row.key.slice(0, i + delimiter.length);
          yield { kind: 'prefix', prefix: cp };
          cursor = { key: cp + PAST_PREFIX };
          jumped = true;
          break;
        }
      }
      yield { kind: 'object', row };
    }
    if (jumped) {
      batch = 16;
    } else {
      if (rows.length < batch) return;
      cursor = { after: rows[rows.length - 1] as ObjectRow };
      batch = Math.min(BATCH, batch * 4);
    }
  }
}

/** The start of a listing resumed after `after` (a key, or a common prefix to skip whole). */
function startAfter(
  after: string | undefined,
  prefix: string,
  delimiter: string | undefined,
): Cursor | undefined {
  if (after === undefined) return undefined;
  if (delimiter && after.startsWith(prefix) && after.endsWith(delimiter)) {
    const rest = after.slice(prefix.length);
    if (rest.indexOf(delimiter) === rest.length - delimiter.length) return { key: after + PAST_PREFIX };
  }
  // Strictly after `after`: the smallest key greater than it is after + U+0000.
  return { key: `${after}\u0000` };
}

function maxKeysParam(ctx: S3Context): number {
  const raw = ctx.target.query.get('max-keys')?.[0];
  if (raw === undefined) return 1000;
  if (!/^\d+$/.test(raw))
    throw invalidArgument('Provided max-keys not an integer or within integer range', 'max-keys', raw);
  return Math.min(Number(raw), 1000);
}

interface Page {
  entries: Entry[];
  truncated: boolean;
}

function collect(gen: Generator<Entry>, maxKeys: number): Page {
  const entries: Entry[] = [];
  if (maxKeys === 0) return { entries, truncated: false };
  for (const e of gen) {
    if (entries.length === maxKeys) return { entries, truncated: true };
    entries.push(e);
  }
  return { entries, truncated: false };
}

/** The key (or common prefix) an entry stands at: where the next page starts. */
const entryKey = (e: Entry): string => (e.kind === 'object' ? e.row.key : e.prefix);

/** A common prefix as every listing writes it. */
const commonPrefix = (enc: 'url' | undefined, prefix: string) =>
  el('CommonPrefixes', el('Prefix', encodeKey(enc, prefix)));

function latestWalk(
  ctx: S3Context,
  prefix: string,
  delimiter: string | undefined,
  after: string | undefined,
) {
  const bucket = ctx.bucket as string;
  return (function* () {
    const fetch: Fetch = (c, limit) =>
      'key' in c
        ? ctx.svc.meta.listLatest(bucket, c.key, false, limit)
        : ctx.svc.meta.listLatest(bucket, c.after.key, true, limit);
    for (const e of walk(fetch, { prefix, delimiter, start: startAfter(after, prefix, delimiter) })) {
      if (e.kind === 'object' && e.row.isDeleteMarker) continue;
      yield e;
    }
  })();
}

/** The Owner element of a listed version: the account that owns it (decision 0016). */
const ownerElement = (ctx: S3Context, row: ObjectRow) => ownerXml(objectOwner(requireBucket(ctx), row));

function contents(ctx: S3Context, row: ObjectRow, enc: 'url' | undefined, withOwner: boolean) {
  return el(
    'Contents',
    el('Key', encodeKey(enc, row.key)),
    el('LastModified', new Date(row.lastModified)),
    el('ETag', `"${row.etag}"`),
    row.attrs.checksum ? el('ChecksumAlgorithm', row.attrs.checksum.algorithm) : null,
    row.attrs.checksum ? el('ChecksumType', row.attrs.checksum.type) : null,
    el('Size', row.size),
    withOwner ? ownerElement(ctx, row) : null,
    el('StorageClass', row.storageClass),
  );
}

const decodeToken = (token: string): string => {
  const key = Buffer.from(token, 'base64url').toString('utf8');
  if (Buffer.from(key, 'utf8').toString('base64url') !== token) {
    throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
  }
  return key;
};

/** What every object listing reads: prefix, delimiter, encoding-type and max-keys. */
function listingParams(ctx: S3Context) {
  const q = ctx.target.query;
  return {
    prefix: q.get('prefix')?.[0] ?? '',
    delimiter: q.get('delimiter')?.[0] || undefined,
    enc: encodingParam(ctx),
    maxKeys: maxKeysParam(ctx),
  };
}

/** A page of the latest versions after a key, with the key (or common prefix) it ends at. */
function latestPage(ctx: S3Context, params: ReturnType<typeof listingParams>, after: string | undefined) {
  const page = collect(latestWalk(ctx, params.prefix, params.delimiter, after), params.maxKeys);
  const last = page.entries.at(-1);
  return { ...page, lastKey: last && entryKey(last) };
}

/** ListObjects and ListObjectsV2 answer the same element, named bucket and prefix first. */
const listBucketResult = (ctx: S3Context, enc: 'url' | undefined, prefix: string, ...rest: XmlValue[]) =>
  s3Xml('ListBucketResult', el('Name', ctx.bucket as string), el('Prefix', encodeKey(enc, prefix)), ...rest);

function listObjectsV2(ctx: S3Context): HandlerResult {
  requireBucket(ctx);
  const q = ctx.target.query;
  if (q.get('list-type')?.[0] !== '2')
    throw invalidArgument('Invalid List Type specified in Request', 'list-type');
  const token = q.get('continuation-token')?.[0];
  const startAfter = q.get('start-after')?.[0];
  const params = listingParams(ctx);
  const { prefix, delimiter, enc, maxKeys } = params;
  // An empty token is the first page (boto3 sends one); S3 echoes it.
  const after = token ? decodeToken(token) : startAfter || undefined;
  const { lastKey, ...page } = latestPage(ctx, params, after);
  return listBucketResult(
    ctx,
    enc,
    prefix,
    opt('Delimiter', encodeKey(enc, delimiter)),
    el('MaxKeys', maxKeys),
    el('KeyCount', page.entries.length),
    el('IsTruncated', page.truncated),
    opt('EncodingType', enc),
    opt('ContinuationToken', token),
    page.truncated && lastKey !== undefined
      ? el('NextContinuationToken', Buffer.from(lastKey).toString('base64url'))
      : null,
    opt('StartAfter', encodeKey(enc, startAfter)),
    page.entries.map((e) =>
      e.kind === 'object'
        ? contents(ctx, e.row, enc, q.get('fetch-owner')?.[0] === 'true')
        : commonPrefix(enc, e.prefix),
    ),
  );
}

function listObjectsV1(ctx: S3Context): HandlerResult {
  requireBucket(ctx);
  const marker = ctx.target.query.get('marker')?.[0] || undefined;
  const params = listingParams(ctx);
  const { prefix, delimiter, enc, maxKeys } = params;
  const { lastKey, ...page } = latestPage(ctx, params, marker);
  return listBucketResult(
    ctx,
    enc,
    prefix,
    el('Marker', encodeKey(enc, marker ?? '')),
    page.truncated && delimiter ? el('NextMarker', encodeKey(enc, lastKey)) : null,
    el('MaxKeys', maxKeys),
    opt('Delimiter', encodeKey(enc, delimiter)),
    el('IsTruncated', page.truncated),
    opt('EncodingType', enc),
    page.entries.map((e) =>
      e.kind === 'object' ? contents(ctx, e.row, enc, true) : commonPrefix(enc, e.prefix),
    ),
  );
}

function listObjectVersions(ctx: S3Context): HandlerResult {
  requireBucket(ctx);
  const q = ctx.target.query;
  const keyMarker = q.get('key-marker')?.[0] || undefined;
  const versionMarker = q.get('version-id-marker')?.[0] || undefined;
  if (versionMarker !== undefined && keyMarker === undefined) {
    throw invalidArgument(
      'A version-id marker cannot be specified without a key marker.',
      'version-id-marker',
      versionMarker,
    );
  }
  const { prefix, delimiter, enc, maxKeys } = listingParams(ctx);
  const bucket = ctx.bucket as string;
  let start = startAfter(keyMarker, prefix, delimiter);
  if (keyMarker !== undefined && versionMarker !== undefined) {
    // A marker version deleted since the last page still marks its place (list, delete, list on).
    const seq = ctx.svc.meta.versionSeq(bucket, keyMarker, versionMarker);
    if (seq === undefined) {
      throw invalidArgument('Invalid version id specified', 'version-id-marker', versionMarker);
    }
    start = { after: { key: keyMarker, seq } };
  }
  const fetch: Fetch = (c, limit) =>
    ctx.svc.meta.listVersions(bucket, 'key' in c ? c.key : { key: c.after.key, seq: c.after.seq }, limit);
  const gen = walk(fetch, { prefix, delimiter, start });
  const page = collect(gen, maxKeys);
  const last = page.entries.at(-1);
  return s3Xml(
    'ListVersionsResult',
    el('Name', bucket),
    el('Prefix', encodeKey(enc, prefix)),
    el('KeyMarker', encodeKey(enc, keyMarker ?? '')),
    el('VersionIdMarker', versionMarker ?? ''),
    page.truncated && last
      ? [
          el('NextKeyMarker', encodeKey(enc, entryKey(last))),
          last.kind === 'object' ? el('NextVersionIdMarker', last.row.versionId) : null,
        ]
      : null,
    el('MaxKeys', maxKeys),
    opt('Delimiter', encodeKey(enc, delimiter)),
    el('IsTruncated', page.truncated),
    opt('EncodingType', enc),
    page.entries.map((e) => {
      if (e.kind === 'prefix') return commonPrefix(enc, e.prefix);
      const r = e.row;
      const common = [
        el('Key', encodeKey(enc, r.key)),
        el('VersionId', r.versionId),
        el('IsLatest', r.isLatest),
        el('LastModified', new Date(r.lastModified)),
      ];
      return r.isDeleteMarker
        ? el('DeleteMarker', common, ownerElement(ctx, r))
        : el(
            'Version',
            common,
            el('ETag', `"${r.etag}"`),
            el('Size', r.size),
            el('StorageClass', r.storageClass),
            ownerElement(ctx, r),
          );
    }),
  );
}

export const listingRoutes: readonly S3Route[] = [
  { method: 'GET', scope: 'bucket', sub: 'list-type', operation: 'ListObjectsV2', handle: listObjectsV2 },
  {
    method: 'GET',
    scope: 'bucket',
    sub: 'versions',
    operation: 'ListObjectVersions',
    handle: listObjectVersions,
  },
  { method: 'GET', scope: 'bucket', operation: 'ListObjects', handle: listObjectsV1 },
];

export { ServiceError };
