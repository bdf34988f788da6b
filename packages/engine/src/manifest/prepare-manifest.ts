import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { JobManifest } from '@aws-sdk/client-s3-control';
import {
  bucketArn,
  bucketOfArn,
  normalizeEtag,
  parseObjectArn,
  quoteEtag,
  readCsvManifest,
} from '@batchops/batch-formats';
import { readInventoryManifest } from './inventory-manifest.js';
import { ManifestFileWriter } from './manifest-file.js';

/** Why a job cannot prepare: becomes its FailureCode and FailureReason. */
export class PrepareError extends Error {
  constructor(
    readonly failureCode: string,
    message: string,
  ) {
    super(message);
  }
}

/** `arn:aws:s3:::bucket/key/with/slashes` → bucket and key. */
function manifestObject(arn: string): { bucket: string; key: string } {
  const object = parseObjectArn(arn);
  if (!object)
    throw new PrepareError('InvalidManifest', `Manifest.Location.ObjectArn '${arn}' does not name an object`);
  return object;
}

interface SdkError {
  name: string;
  message: string;
}

/** Read an object as a stream; S3 errors become PrepareErrors that say what could not be read. */
async function open(
  s3: S3Client,
  bucket: string,
  key: string,
  what: string,
  etag?: string,
  versionId?: string,
) {
  try {
    const out = await s3.send(
      new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ...(versionId ? { VersionId: versionId } : {}),
        ...(etag ? { IfMatch: quoteEtag(etag) } : {}),
      }),
    );
    return out.Body as AsyncIterable<Uint8Array>;
  } catch (e) {
    const err = e as SdkError;
    if (err.name === 'PreconditionFailed') {
      throw new PrepareError(
        'ManifestETagMismatch',
        `The ETag of ${what} s3://${bucket}/${key} does not match '${etag}'`,
      );
    }
    throw new PrepareError(
      err.name || 'ManifestReadError',
      `Reading ${what} s3://${bucket}/${key} failed: ${err.message}`,
    );
  }
}

/** The message of a GET refused as the HEAD before it was: S3 names the denied action there. */
async function deniedReason(s3: S3Client, bucket: string, key: string, versionId: { VersionId?: string }) {
  try {
    const out = await s3.send(
      new GetObjectCommand({ Bucket: bucket, Key: key, Range: 'bytes=0-0', ...versionId }),
    );
    (out.Body as { destroy?: () => void } | undefined)?.destroy?.();
  } catch (e) {
    return `AccessDenied ${(e as SdkError).message}`;
  }
  return 'AccessDenied';
}

/**
 * Read a job's manifest (CSV or S3 Inventory manifest.json) after checking its ETag, and write the
 * job's own copy of it. Streams: memory does not grow with the manifest. Returns the task count.
 */
export async function prepareManifest(
  s3: S3Client,
  manifest: JobManifest,
  copyPath: string,
): Promise<number> {
  const location = manifest.Location;
  const { bucket, key } = manifestObject(location?.ObjectArn ?? '');
  const etag = normalizeEtag(location?.ETag) ?? '';
  const versionId = location?.ObjectVersionId ? { VersionId: location.ObjectVersionId } : {};
  let head: { ETag?: string };
  try {
    head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key, ...versionId }));
  } catch (e) {
    const err = e as SdkError & { $metadata?: { httpStatusCode?: number } };
    // A HEAD answer has no body, so the SDK cannot name the error: its status does.
    const status = err.$metadata?.httpStatusCode;
    const code = status === 404 ? 'NoSuchKey' : status === 403 ? 'AccessDenied' : err.name;
    // S3's reason (which action was denied) is in a GET's error body.
    const reason =
      status === 403 ? await deniedReason(s3, bucket, key, versionId) : `${err.name} ${err.message}`;
    throw new PrepareError(
      code || 'ManifestReadError',
      `Reading the manifest s3://${bucket}/${key} failed: ${reason}`,
    );
  }
  if (normalizeEtag(head.ETag) !== etag) {
    throw new PrepareError(
      'ManifestETagMismatch',
      `The manifest's ETag ${normalizeEtag(head.ETag)} does not match the ETag ${etag} given in the job`,
    );
  }
  const body = await open(s3, bucket, key, 'the manifest', etag, location?.ObjectVersionId);
  const writer = new ManifestFileWriter(copyPath);
  try {
    const format = manifest.Spec?.Format;
    if (format === 'S3BatchOperations_CSV_20180820') {
      for await (const rows of readCsvManifest(
        body,
        manifest.Spec?.Fields ? { fields: manifest.Spec.Fields } : {},
      )) {
        await writer.write(rows);
      }
    } else if (format === 'S3InventoryReport_CSV_20161130') {
      let json = '';
      for await (const c of body) json += Buffer.from(c).toString('utf8');
      const destination =
        (JSON.parse(json) as { destinationBucket?: string }).destinationBucket ?? bucketArn(bucket);
      const dataBucket = bucketOfArn(destination);
      for await (const rows of readInventoryManifest(json, (dataKey) =>
        open(s3, dataBucket, dataKey, 'the inventory file'),
      )) {
        await writer.write(rows);
      }
    } else {
      throw new PrepareError('InvalidManifestFormat', `Manifest.Spec.Format '${format}' is not supported`);
    }
    await writer.close();
  } catch (e) {
    writer.destroy();
    if (e instanceof PrepareError) throw e;
    const err = e as Error & { code?: string };
    throw new PrepareError(err.code ?? 'ManifestParseError', err.message);
  }
  return writer.count;
}
