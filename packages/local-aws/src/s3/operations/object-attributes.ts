import { ServiceError } from '../../errors/service-error.js';
import { type HandlerResult, header } from '../../http/handler-types.js';
import { el, opt } from '../../xml/xml-writer.js';
import type { ChecksumAlgorithm } from '../body/checksums.js';
import type { S3Context, S3Route } from '../s3-context.js';
import { invalidArgument, requireBucket, requireObject } from '../s3-errors.js';
import { httpDate, s3Xml } from '../s3-xml.js';
import { checksumElement } from './copy-object.js';

const ATTRIBUTES = ['ETag', 'Checksum', 'ObjectParts', 'StorageClass', 'ObjectSize'] as const;
type Attribute = (typeof ATTRIBUTES)[number];

/** x-amz-object-attributes: a comma-separated list of the model's ObjectAttributes. */
function requestedAttributes(ctx: S3Context): Set<Attribute> {
  const raw = header(ctx, 'x-amz-object-attributes');
  if (raw === undefined || raw.trim() === '') {
    throw new ServiceError(
      400,
      'InvalidArgument',
      'Missing required header for this request: x-amz-object-attributes',
    );
  }
  const names = raw.split(',').map((s) => s.trim());
  for (const n of names) {
    if (!ATTRIBUTES.includes(n as Attribute)) {
      throw invalidArgument('Invalid attribute name specified.', 'x-amz-object-attributes', n);
    }
  }
  return new Set(names as Attribute[]);
}

function intHeader(ctx: S3Context, name: string, fallback: number): number {
  const raw = header(ctx, name);
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > 2_147_483_647) {
    throw invalidArgument(`Provided ${name} not an integer or within integer range`, name, raw);
  }
  return Number(raw);
}

function getObjectAttributes(ctx: S3Context): HandlerResult {
  const bucket = requireBucket(ctx);
  const row = requireObject(ctx);
  const wanted = requestedAttributes(ctx);
  const a = row.attrs;
  const checksum = a.checksum;
  let parts = null;
  if (wanted.has('ObjectParts') && a.partSizes) {
    const maxParts = Math.min(intHeader(ctx, 'x-amz-max-parts', 1000), 1000);
    const marker = intHeader(ctx, 'x-amz-part-number-marker', 0);
    const numbers = a.partSizes.map((_, i) => i + 1).filter((n) => n > marker);
    const page = numbers.slice(0, maxParts);
    const truncated = numbers.length > page.length;
    parts = el(
      'ObjectParts',
      el('PartsCount', a.partSizes.length),
      el('PartNumberMarker', marker),
      truncated ? opt('NextPartNumberMarker', page.at(-1)) : null,
      el('MaxParts', maxParts),
      el('IsTruncated', truncated),
      page.map((n) =>
        el(
          'Part',
          el('PartNumber', n),
          el('Size', a.partSizes?.[n - 1] ?? 0),
          checksum && a.partChecksums?.[n - 1]
            ? el(checksumElement(checksum.algorithm as ChecksumAlgorithm), a.partChecksums[n - 1])
            : null,
        ),
      ),
    );
  }
  const result = s3Xml(
    'GetObjectAttributesResponse',
    wanted.has('ETag') ? el('ETag', row.etag) : null,
    wanted.has('Checksum') && checksum
      ? el(
          'Checksum',
          el(checksumElement(checksum.algorithm as ChecksumAlgorithm), checksum.value),
          el('ChecksumType', checksum.type),
        )
      : null,
    parts,
    wanted.has('StorageClass') ? el('StorageClass', row.storageClass) : null,
    wanted.has('ObjectSize') ? el('ObjectSize', row.size) : null,
  );
  const headers: Record<string, string> = { ...result.headers, 'last-modified': httpDate(row.lastModified) };
  if (bucket.versioning !== null) headers['x-amz-version-id'] = row.versionId;
  return { ...result, headers };
}

export const objectAttributesRoutes: readonly S3Route[] = [
  {
    method: 'GET',
    scope: 'object',
    sub: 'attributes',
    operation: 'GetObjectAttributes',
    handle: getObjectAttributes,
  },
];
