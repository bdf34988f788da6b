import { ServiceError } from '../../errors/service-error.js';
import { type HandlerResult, header } from '../../http/handler-types.js';
import type { BucketRow, ObjectAttrs } from '../../store/s3-rows.js';
import { child, parseXml, readBodyText, text } from '../../xml/xml-reader.js';
import { el, opt } from '../../xml/xml-writer.js';
import type { S3Context, S3Route } from '../s3-context.js';
import { invalidArgument, requireBucket, requireObject } from '../s3-errors.js';
import { s3Xml } from '../s3-xml.js';

type LockMode = 'GOVERNANCE' | 'COMPLIANCE';

/** The bucket's `config.objectLock` document; object-write-options.ts reads `rule` for default retention. */
interface ObjectLockConfig {
  enabled: true;
  rule?: { mode: LockMode; days?: number; years?: number };
}

const malformedXml = (detail: string) =>
  new ServiceError(
    400,
    'MalformedXML',
    `The XML you provided was not well-formed or did not validate against our published schema (${detail}).`,
  );

const accessDenied = () => new ServiceError(403, 'AccessDenied', 'Access Denied');

const isMode = (v: string | undefined): v is LockMode => v === 'GOVERNANCE' || v === 'COMPLIANCE';

/** The addressed bucket, which must have been created with Object Lock. */
function requireLockBucket(ctx: S3Context): BucketRow {
  const bucket = requireBucket(ctx);
  if (!bucket.objectLock) {
    throw new ServiceError(400, 'InvalidRequest', 'Bucket is missing Object Lock Configuration');
  }
  return bucket;
}

const noObjectLockConfig = () =>
  new ServiceError(
    404,
    'NoSuchObjectLockConfiguration',
    'The specified object does not have a ObjectLock configuration',
  );

function withAttrs(ctx: S3Context, bucket: BucketRow, key: string, versionId: string, attrs: ObjectAttrs) {
  ctx.svc.meta.updateAttrs(bucket.name, key, versionId, attrs);
}

// Legal hold -------------------------------------------------------------------------------------

async function putObjectLegalHold(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireLockBucket(ctx);
  const row = requireObject(ctx);
  const status = text(parseXml(await readBodyText(ctx.body), 'LegalHold'), 'Status');
  if (status !== 'ON' && status !== 'OFF') throw malformedXml('LegalHold Status must be ON or OFF');
  withAttrs(ctx, bucket, row.key, row.versionId, { ...row.attrs, legalHold: status });
  return { status: 200 };
}

function getObjectLegalHold(ctx: S3Context): HandlerResult {
  requireLockBucket(ctx);
  const row = requireObject(ctx);
  if (!row.attrs.legalHold) throw noObjectLockConfig();
  return s3Xml('LegalHold', el('Status', row.attrs.legalHold));
}

// Retention --------------------------------------------------------------------------------------

async function putObjectRetention(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireLockBucket(ctx);
  const row = requireObject(ctx);
  const doc = parseXml(await readBodyText(ctx.body), 'Retention');
  const mode = text(doc, 'Mode');
  const untilText = text(doc, 'RetainUntilDate');
  if ((mode === undefined) !== (untilText === undefined))
    throw malformedXml('Retention needs both Mode and RetainUntilDate, or neither');
  let next: ObjectAttrs['retention'];
  if (mode !== undefined && untilText !== undefined) {
    if (!isMode(mode)) throw malformedXml('Mode must be GOVERNANCE or COMPLIANCE');
    const until = Date.parse(untilText);
    if (Number.isNaN(until)) throw malformedXml('RetainUntilDate is not a date');
    if (until <= ctx.svc.now().getTime())
      throw invalidArgument('The retain until date must be in the future!', 'RetainUntilDate', untilText);
    next = { mode, until: new Date(until).toISOString() };
  }
  const current = row.attrs.retention;
  if (current && Date.parse(current.until) > ctx.svc.now().getTime()) {
    // Only extending in the same mode needs nothing; GOVERNANCE may change otherwise (shorter,
    // removed, or to COMPLIANCE) only with the bypass header, COMPLIANCE never.
    const extension =
      next !== undefined && next.mode === current.mode && Date.parse(next.until) >= Date.parse(current.until);
    if (!extension) {
      const bypass = header(ctx, 'x-amz-bypass-governance-retention')?.toLowerCase() === 'true';
      if (current.mode === 'COMPLIANCE' || !bypass) throw accessDenied();
    }
  }
  const attrs: ObjectAttrs = { ...row.attrs };
  if (next) attrs.retention = next;
  else delete attrs.retention;
  withAttrs(ctx, bucket, row.key, row.versionId, attrs);
  return { status: 200 };
}

function getObjectRetention(ctx: S3Context): HandlerResult {
  requireLockBucket(ctx);
  const row = requireObject(ctx);
  const r = row.attrs.retention;
  if (!r) throw noObjectLockConfig();
  return s3Xml('Retention', el('Mode', r.mode), el('RetainUntilDate', r.until));
}

// Bucket configuration ---------------------------------------------------------------------------

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw invalidArgument(`Default retention period must be a positive integer value`, name, value);
  return n;
}

async function putObjectLockConfiguration(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireBucket(ctx);
  const doc = parseXml(await readBodyText(ctx.body), 'ObjectLockConfiguration');
  if (text(doc, 'ObjectLockEnabled') !== 'Enabled') throw malformedXml('ObjectLockEnabled must be Enabled');
  // An existing bucket may turn Object Lock on (S3 allows it since 2023) once versioning is Enabled.
  if (!bucket.objectLock && bucket.versioning !== 'Enabled') {
    throw new ServiceError(
      409,
      'InvalidBucketState',
      "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration",
    );
  }
  const config: ObjectLockConfig = { enabled: true };
  const rule = child(doc, 'Rule');
  if (rule) {
    const retention = child(rule, 'DefaultRetention');
    if (!retention) throw malformedXml('Rule needs a DefaultRetention');
    const mode = text(retention, 'Mode');
    if (!isMode(mode)) throw malformedXml('DefaultRetention Mode must be GOVERNANCE or COMPLIANCE');
    const days = positiveInt(text(retention, 'Days'), 'Days');
    const years = positiveInt(text(retention, 'Years'), 'Years');
    if ((days === undefined) === (years === undefined))
      throw malformedXml('DefaultRetention needs exactly one of Days and Years');
    config.rule = { mode, ...(days !== undefined ? { days } : { years }) };
  }
  if (!bucket.objectLock) ctx.svc.meta.enableObjectLock(bucket.name);
  ctx.svc.meta.setBucketConfig(bucket.name, 'objectLock', config);
  return { status: 200 };
}

function getObjectLockConfiguration(ctx: S3Context): HandlerResult {
  const bucket = requireBucket(ctx);
  if (!bucket.objectLock) {
    throw new ServiceError(
      404,
      'ObjectLockConfigurationNotFoundError',
      'Object Lock configuration does not exist for this bucket',
      { BucketName: bucket.name },
    );
  }
  const rule = (bucket.config.objectLock as ObjectLockConfig | undefined)?.rule;
  return s3Xml(
    'ObjectLockConfiguration',
    el('ObjectLockEnabled', 'Enabled'),
    rule
      ? el(
          'Rule',
          el('DefaultRetention', el('Mode', rule.mode), opt('Days', rule.days), opt('Years', rule.years)),
        )
      : null,
  );
}

export const objectLockRoutes: readonly S3Route[] = [
  {
    method: 'PUT',
    scope: 'object',
    sub: 'legal-hold',
    operation: 'PutObjectLegalHold',
    handle: putObjectLegalHold,
  },
  {
    method: 'GET',
    scope: 'object',
    sub: 'legal-hold',
    operation: 'GetObjectLegalHold',
    handle: getObjectLegalHold,
  },
  {
    method: 'PUT',
    scope: 'object',
    sub: 'retention',
    operation: 'PutObjectRetention',
    handle: putObjectRetention,
  },
  {
    method: 'GET',
    scope: 'object',
    sub: 'retention',
    operation: 'GetObjectRetention',
    handle: getObjectRetention,
  },
  {
    method: 'PUT',
    scope: 'bucket',
    sub: 'object-lock',
    operation: 'PutObjectLockConfiguration',
    handle: putObjectLockConfiguration,
  },
  {
    method: 'GET',
    scope: 'bucket',
    sub: 'object-lock',
    operation: 'GetObjectLockConfiguration',
    handle: getObjectLockConfiguration,
  },
];
