import { estimateJobCost, formatUsd, PRICES, type RestoreTier } from '@batchops/batch-formats';
import { type CostEstimateResponse, type PreflightRequest, sdkNameOf } from '@batchops/contracts';
import type { JobsServiceDeps } from '../jobs-service-deps.js';
import { countManifestObjects, type ObjectCount } from './manifest-count.js';
import { sampleRestoreObjects } from './restore-sample.js';

/** What the estimate reads of the wizard's model. */
type PricedJob = Pick<PreflightRequest, 'manifest' | 'operation' | 'region'>;

const tierOf = (model: PricedJob): RestoreTier | undefined =>
  model.operation.type === 'restore'
    ? model.operation.glacierJobTier === 'BULK'
      ? 'Bulk'
      : 'Standard'
    : undefined;

/** The estimate in one line: what Review shows and the CLI command's notes repeat. */
function summaryOf(
  total: number,
  objects: ObjectCount,
  local: boolean,
  region: string,
  readOn: string,
): string {
  const basis = `estimate, us-east-1 prices of ${readOn}${region === 'us-east-1' ? '' : `; ${region}'s may differ`}`;
  if (objects.basis === 'unknown') {
    const fees = `${formatUsd(PRICES.batchJob.usd)} a job plus ${formatUsd(PRICES.batchObjects.usd)} per million objects`;
    return `No cost estimate: ${objects.note}. AWS charges ${fees}, plus the operation's requests (${basis}).`;
  }
  const cost = `about ${formatUsd(total)} for ${objects.count.toLocaleString('en-US')} objects`;
  return local
    ? `Nothing is charged here; on AWS this job would cost ${cost} (${basis}).`
    : `On AWS this job will cost ${cost} (${basis}).`;
}

/** What the wizard's job would cost on AWS: its objects counted from the manifest, priced from the one table. */
export async function estimateCost(deps: JobsServiceDeps, model: PricedJob): Promise<CostEstimateResponse> {
  const region = model.region ?? deps.region;
  const { s3 } = deps.clientsFor(region);
  const objects = await countManifestObjects(s3, model.manifest);
  const tier = tierOf(model);
  const sample = tier ? await sampleRestoreObjects(deps, s3, model) : undefined;
  const cost = estimateJobCost({
    operation: sdkNameOf[model.operation.type],
    objects: objects.count,
    ...(tier ? { restore: { tier, archiveClass: sample?.archiveClass ?? 'GLACIER' } } : {}),
    ...(sample ? { bytes: sample.averageBytes * objects.count } : {}),
    ...(objects.listed !== undefined ? { listedObjects: objects.listed } : {}),
  });
  const sampled = sample
    ? [`Archive class and GB retrieved from HeadObject of the first ${sample.sampled} object(s).`]
    : [];
  // Any endpoint but AWS's own (local-aws, another S3-compatible store) charges nothing of this.
  const local = deps.endpoint !== null;
  return {
    objects: { count: objects.count, basis: objects.basis, note: objects.note },
    lines: cost.lines.map(({ label, quantity, amount, price }) => ({
      label,
      quantity,
      amount,
      amountText: formatUsd(amount),
      usd: price.usd,
      per: price.per,
      unit: price.unit,
      source: price.source,
      verified: price.verified,
    })),
    total: cost.total,
    totalText: formatUsd(cost.total),
    notes: [...cost.notes, ...sampled],
    pricesReadOn: cost.pricesReadOn,
    priceRegion: cost.region,
    local,
    summary: summaryOf(cost.total, objects, local, region, cost.pricesReadOn),
  };
}
