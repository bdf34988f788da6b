import { ServiceError } from '../../errors/service-error.js';
import type { HandlerResult } from '../../http/handler-types.js';
import type { BucketRow } from '../../store/s3-rows.js';
import { readBodyText } from '../../xml/xml-reader.js';
import { el, opt } from '../../xml/xml-writer.js';
import {
  checkInventoryId,
  type InventoryConfig,
  inventoryConfigXml,
  parseInventoryConfig,
} from '../inventory-config.js';
import { writeInventoryReport } from '../inventory-report.js';
import type { S3Context, S3Route } from '../s3-context.js';
import { requireBucket } from '../s3-errors.js';
import { s3Xml } from '../s3-xml.js';

// Put/Get/List/DeleteBucketInventoryConfiguration, and local-aws's own POST ?inventory&id=… that
// writes a report now (decision 0020). An enabled configuration gets its first report at once.

/** S3's limit of inventory configurations per bucket. */
const MAX_CONFIGS = 1000;
/** ListBucketInventoryConfigurations answers at most 100 per page. */
const PAGE = 100;

const configsOf = (b: BucketRow) => (b.config.inventory ?? {}) as Record<string, InventoryConfig>;

const noSuchConfiguration = () =>
  new ServiceError(404, 'NoSuchConfiguration', 'The specified configuration does not exist.');

const idParam = (ctx: S3Context) => checkInventoryId(ctx.target.query.get('id')?.[0]);

async function putInventory(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireBucket(ctx);
  const id = idParam(ctx);
  const config = parseInventoryConfig(await readBodyText(ctx.body), id);
  if (config.format !== 'CSV') {
    throw new ServiceError(
      501,
      'NotImplemented',
      `local-aws writes CSV inventory reports only; Format ${config.format} is not implemented.`,
    );
  }
  const configs = configsOf(bucket);
  if (!(id in configs) && Object.keys(configs).length >= MAX_CONFIGS) {
    throw new ServiceError(
      400,
      'TooManyConfigurations',
      'You are attempting to create a new configuration but have already reached the 1,000-configuration limit.',
    );
  }
  ctx.svc.meta.setBucketConfig(bucket.name, 'inventory', { ...configs, [id]: config });
  if (config.enabled) {
    // The first report, now. A destination that cannot take it (missing, another account's) does
    // not fail the configuration, as on S3, where delivery fails later; POST ?inventory tells why.
    try {
      await writeInventoryReport(ctx, requireBucket(ctx), config);
    } catch (e) {
      if (!(e instanceof ServiceError)) throw e;
    }
  }
  return { status: 200 };
}

function getInventory(ctx: S3Context): HandlerResult {
  const bucket = requireBucket(ctx);
  if (!ctx.target.query.has('id')) return listInventory(ctx, bucket);
  const config = configsOf(bucket)[idParam(ctx)];
  if (!config) throw noSuchConfiguration();
  const { children } = inventoryConfigXml(config);
  return s3Xml('InventoryConfiguration', ...children);
}

function listInventory(ctx: S3Context, bucket: BucketRow): HandlerResult {
  const token = ctx.target.query.get('continuation-token')?.[0];
  let after = '';
  if (token !== undefined) {
    after = Buffer.from(token, 'base64url').toString('utf8');
    if (token === '' || !/^[A-Za-z0-9._-]{1,64}$/.test(after)) {
      throw new ServiceError(400, 'InvalidArgument', 'The continuation token provided is incorrect', {
        ArgumentName: 'continuation-token',
        ArgumentValue: token,
      });
    }
  }
  const configs = configsOf(bucket);
  const ids = Object.keys(configs)
    .sort()
    .filter((id) => id > after);
  const page = ids.slice(0, PAGE);
  const truncated = ids.length > PAGE;
  return s3Xml(
    'ListInventoryConfigurationsResult',
    opt('ContinuationToken', token),
    page.map((id) => inventoryConfigXml(configs[id] as InventoryConfig)),
    el('IsTruncated', truncated),
    truncated
      ? el('NextContinuationToken', Buffer.from(page[page.length - 1] as string).toString('base64url'))
      : null,
  );
}

function deleteInventory(ctx: S3Context): HandlerResult {
  const bucket = requireBucket(ctx);
  const id = idParam(ctx);
  const configs = { ...configsOf(bucket) };
  if (!configs[id]) throw noSuchConfiguration();
  delete configs[id];
  ctx.svc.meta.setBucketConfig(bucket.name, 'inventory', Object.keys(configs).length ? configs : undefined);
  return { status: 204 };
}

/** local-aws extension: write a report of configuration `id` now (S3 has no such operation). */
async function generateInventoryReport(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireBucket(ctx);
  const config = configsOf(bucket)[idParam(ctx)];
  if (!config) throw noSuchConfiguration();
  const report = await writeInventoryReport(ctx, bucket, config);
  return s3Xml(
    'InventoryReport',
    el('Bucket', report.destinationBucket),
    el('ManifestKey', report.manifestKey),
    report.dataKeys.map((k) => el('DataKey', k)),
    el('ObjectCount', report.objects),
  );
}

export const bucketInventoryRoutes: readonly S3Route[] = [
  {
    method: 'PUT',
    scope: 'bucket',
    sub: 'inventory',
    operation: 'PutBucketInventoryConfiguration',
    handle: putInventory,
  },
  {
    method: 'GET',
    scope: 'bucket',
    sub: 'inventory',
    operation: 'GetBucketInventoryConfiguration',
    handle: getInventory,
  },
  {
    method: 'DELETE',
    scope: 'bucket',
    sub: 'inventory',
    operation: 'DeleteBucketInventoryConfiguration',
    handle: deleteInventory,
  },
  {
    method: 'POST',
    scope: 'bucket',
    sub: 'inventory',
    operation: 'GenerateInventoryReport',
    handle: generateInventoryReport,
  },
];
