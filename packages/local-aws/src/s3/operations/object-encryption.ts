import { ServiceError } from '../../errors/service-error.js';
import type { HandlerResult } from '../../http/handler-types.js';
import { child, parseXml, readBodyText, text } from '../../xml/xml-reader.js';
import type { S3Context, S3Route } from '../s3-context.js';
import { requireBucket, requireObject } from '../s3-errors.js';

// UpdateObjectEncryption (PUT /{Bucket}/{Key}?encryption): an SSE-S3 or SSE-KMS object becomes
// SSE-KMS with the given key, in place (ETag, Last-Modified, checksum and storage class unchanged).
// local-aws has no KMS: the key ARN is recorded and shown back, as S3 shows it (decision 0020).

/** The pattern S3 documents for KMSKeyArn (the full ARN: key IDs and aliases are not accepted). */
const KMS_KEY_ARN = /^arn:aws[-a-z0-9]*:kms:[-a-z0-9]*:([0-9]{12}):key\/.+$/;

const invalidRequest = (message: string) => new ServiceError(400, 'InvalidRequest', message);

async function updateObjectEncryption(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireBucket(ctx);
  const row = requireObject(ctx);
  const doc = parseXml(await readBodyText(ctx.body), 'ObjectEncryption');
  const kms = child(doc, 'SSE-KMS');
  if (!kms) {
    throw invalidRequest(
      'Requests that modify an object encryption configuration require a valid new encryption type. Valid values are SSEKMS. Modify the request to specify SSE-KMS for the updated encryption type, and then try again.',
    );
  }
  const arn = text(kms, 'KMSKeyArn');
  if (arn === undefined || arn === '') {
    throw invalidRequest(
      "Requests that modify an object's encryption type to SSE-KMS require an AWS KMS key Amazon Resource Name (ARN). Modify the request to specify a KMS key ARN, and then try again.",
    );
  }
  const match = KMS_KEY_ARN.exec(arn);
  if (!match || arn.length > 2048) {
    throw invalidRequest(
      "Requests that modify an object's encryption type to SSE-KMS require a valid AWS KMS key Amazon Resource Name (ARN). Confirm that you have a correctly formatted KMS key ARN in your request, and then try again.",
    );
  }
  const bucketKeyText = text(kms, 'BucketKeyEnabled');
  if (bucketKeyText !== undefined && bucketKeyText !== 'true' && bucketKeyText !== 'false') {
    throw invalidRequest(
      "The BucketKeyEnabled value isn't valid. Valid values are true or false. Modify the request to specify a valid value, and then try again.",
    );
  }
  if (match[1] !== bucket.owner) {
    throw new ServiceError(
      403,
      'AccessDenied',
      'The AWS KMS key in the request must be owned by the same account as the bucket. Modify the request to specify a KMS key from the same account, and then try again.',
    );
  }
  const current = row.attrs.sse ?? 'AES256';
  if (current !== 'AES256' && current !== 'aws:kms') {
    throw invalidRequest(
      "The UpdateObjectEncryption operation doesn't support source objects with the encryption type DSSE-KMS or SSE-C. Only source objects encrypted with SSE-S3 or SSE-KMS are supported.",
    );
  }
  const now = ctx.svc.now().getTime();
  const retained = row.attrs.retention && Date.parse(row.attrs.retention.until) > now;
  if (row.attrs.legalHold === 'ON' || retained) {
    throw new ServiceError(
      403,
      'AccessDenied',
      "The encryption type for the specified object can't be updated because that object is protected by S3 Object Lock.",
    );
  }
  const attrs = { ...row.attrs, sse: 'aws:kms', sseKmsKeyId: arn };
  if (bucketKeyText === 'true') attrs.bucketKeyEnabled = true;
  else delete attrs.bucketKeyEnabled;
  ctx.svc.meta.updateAttrs(bucket.name, row.key, row.versionId, attrs);
  return { status: 200, headers: bucket.versioning !== null ? { 'x-amz-version-id': row.versionId } : {} };
}

export const objectEncryptionRoutes: readonly S3Route[] = [
  {
    method: 'PUT',
    scope: 'object',
    sub: 'encryption',
    operation: 'UpdateObjectEncryption',
    handle: updateObjectEncryption,
  },
];
