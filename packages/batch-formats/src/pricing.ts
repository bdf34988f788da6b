import type { JobOperationName } from './job-permissions.js';

// The one table of AWS prices a job's cost estimate reads (decision 0034): us-east-1, list prices,
// no free tier. Each price names the page it is published on and whether it was checked against a
// copy of that page (or an AWS page quoting it) when it was read; `verified: false` means the
// figure is the table author's reading of the page, not confirmed here. Re-read every price when
// PRICES_READ_ON is more than a quarter old, or when AWS announces a price change.

/** The day the prices below were read. */
export const PRICES_READ_ON = '2026-12-07';
/** The Region whose prices the table holds. */
export const PRICES_REGION = 'us-east-1';

const S3_PRICING = 'https://aws.amazon.com/s3/pricing/';
const LAMBDA_PRICING = 'https://aws.amazon.com/lambda/pricing/';
/** AWS re:Post's worked example of Glacier Flexible Retrieval restore charges (quotes the price page). */
const REPOST_EXAMPLE = 'https://repost.aws/knowledge-center/s3-manage-data-retrieval';

export interface Price {
  /** US dollars per `per` units. */
  readonly usd: number;
  readonly per: number;
  /** What is counted: `job`, `objects processed`, `requests`, `GB retrieved`, … */
  readonly unit: string;
  readonly source: string;
  /** Confirmed against a copy of the source (or an AWS page quoting it) on PRICES_READ_ON. */
  readonly verified: boolean;
}

const price = (usd: number, per: number, unit: string, source: string, verified: boolean): Price => ({
  usd,
  per,
  unit,
  source,
  verified,
});

// Pure calls: the job list, which imports this package, keeps none of the table (its bundle budget).
export const PRICES = {
  /** S3 pricing › Management & insights › S3 Batch Operations. */
  batchJob: /* @__PURE__ */ price(0.25, 1, 'job', S3_PRICING, false),
  batchObjects: /* @__PURE__ */ price(1.0, 1_000_000, 'objects processed', S3_PRICING, false),
  /** S3JobManifestGenerator: objects in the source bucket it lists. */
  manifestGeneration: /* @__PURE__ */ price(0.015, 1_000_000, 'objects listed', S3_PRICING, false),
  /** S3 Standard request tiers. */
  putRequests: /* @__PURE__ */ price(0.005, 1_000, 'PUT, COPY, POST requests', S3_PRICING, false),
  getRequests: /* @__PURE__ */ price(0.0004, 1_000, 'GET requests', S3_PRICING, false),
  lambdaRequests: /* @__PURE__ */ price(0.2, 1_000_000, 'Lambda invocations', LAMBDA_PRICING, false),
  /** Restore (data retrieval) requests and retrieved data, per archive class and tier. */
  restore: {
    GLACIER: {
      Expedited: {
        requests: /* @__PURE__ */ price(10.0, 1_000, 'Expedited restore requests', REPOST_EXAMPLE, true),
        data: /* @__PURE__ */ price(0.03, 1, 'GB retrieved (Expedited)', S3_PRICING, false),
      },
      Standard: {
        requests: /* @__PURE__ */ price(0.05, 1_000, 'Standard restore requests', REPOST_EXAMPLE, true),
        data: /* @__PURE__ */ price(0.01, 1, 'GB retrieved (Standard)', REPOST_EXAMPLE, true),
      },
      Bulk: {
        requests: /* @__PURE__ */ price(0, 1_000, 'Bulk restore requests', S3_PRICING, false),
        data: /* @__PURE__ */ price(0, 1, 'GB retrieved (Bulk)', S3_PRICING, false),
      },
    },
    DEEP_ARCHIVE: {
      // Deep Archive has no Expedited tier: S3 refuses it, so it is priced as Standard here.
      Expedited: {
        requests: /* @__PURE__ */ price(0.1, 1_000, 'Standard restore requests', S3_PRICING, false),
        data: /* @__PURE__ */ price(0.02, 1, 'GB retrieved (Standard)', S3_PRICING, false),
      },
      Standard: {
        requests: /* @__PURE__ */ price(0.1, 1_000, 'Standard restore requests', S3_PRICING, false),
        data: /* @__PURE__ */ price(0.02, 1, 'GB retrieved (Standard)', S3_PRICING, false),
      },
      Bulk: {
        requests: /* @__PURE__ */ price(0.025, 1_000, 'Bulk restore requests', S3_PRICING, false),
        data: /* @__PURE__ */ price(0.0025, 1, 'GB retrieved (Bulk)', S3_PRICING, false),
      },
    },
  },
} as const;

export type RestoreTier = 'Expedited' | 'Standard' | 'Bulk';
export type ArchiveClass = keyof typeof PRICES.restore;

/** What one task of an operation is charged besides the per-object fee, and what the table leaves out. */
interface OperationCharges {
  readonly requests: readonly Price[];
  readonly notes: readonly string[];
}

const destinationClass = 'at the destination storage class (S3 Standard priced here)';

/**
 * The requests one task makes, per CreateJob operation member, so a member the SDK adds fails
 * `tsc` here (as the permissions table does). Restore is priced from its tier in `estimateJobCost`.
 */
export const OPERATION_CHARGES: { readonly [K in JobOperationName]-?: OperationCharges } = {
  S3PutObjectTagging: { requests: [PRICES.putRequests], notes: [] },
  S3DeleteObjectTagging: { requests: [], notes: ['DELETE requests are free.'] },
  S3PutObjectAcl: { requests: [PRICES.putRequests], notes: [] },
  S3PutObjectLegalHold: { requests: [PRICES.putRequests], notes: [] },
  S3PutObjectRetention: { requests: [PRICES.putRequests], notes: [] },
  S3PutObjectCopy: {
    requests: [PRICES.putRequests],
    notes: [`COPY requests ${destinationClass}; data transfer between Regions is extra.`],
  },
  S3ReplicateObject: {
    requests: [PRICES.putRequests],
    notes: [`Replica PUT requests ${destinationClass}; data transfer between Regions is extra.`],
  },
  S3UpdateObjectEncryption: {
    requests: [PRICES.putRequests],
    notes: ['SSE-KMS calls are charged by AWS KMS apart.'],
  },
  S3ComputeObjectChecksum: {
    requests: [PRICES.getRequests],
    notes: ['Priced as one GET per object; a per-GB processing charge is not included.'],
  },
  LambdaInvoke: {
    requests: [PRICES.lambdaRequests],
    notes: ["The function's duration (GB-seconds) is charged by Lambda apart."],
  },
  S3InitiateRestoreObject: { requests: [], notes: [] },
};

export interface PricedLine {
  readonly label: string;
  readonly quantity: number;
  readonly price: Price;
  /** US dollars. */
  readonly amount: number;
}

export interface CostEstimateInput {
  readonly operation: JobOperationName;
  /** Objects in the manifest (tasks of the job). */
  readonly objects: number;
  /** S3InitiateRestoreObject: the tier asked for and the objects' archive class (GLACIER by default). */
  readonly restore?: { readonly tier: RestoreTier; readonly archiveClass?: ArchiveClass };
  /** The manifest is generated (S3JobManifestGenerator): the objects it lists in the source bucket. */
  readonly listedObjects?: number;
  /** Bytes the job reads (restore: retrieved data), when known. */
  readonly bytes?: number;
}

export interface JobCost {
  readonly lines: readonly PricedLine[];
  /** US dollars. */
  readonly total: number;
  /** What the lines leave out. */
  readonly notes: readonly string[];
  readonly pricesReadOn: string;
  readonly region: string;
}

const line = (label: string, quantity: number, p: Price): PricedLine => ({
  label,
  quantity,
  price: p,
  amount: (quantity / p.per) * p.usd,
});

const GB = 1024 ** 3;

function restoreLines(input: CostEstimateInput): { lines: PricedLine[]; notes: string[] } {
  const { tier, archiveClass = 'GLACIER' } = input.restore ?? { tier: 'Standard' as const };
  const prices = PRICES.restore[archiveClass][tier];
  const lines = [line(prices.requests.unit, input.objects, prices.requests)];
  if (input.bytes !== undefined) lines.push(line(prices.data.unit, input.bytes / GB, prices.data));
  const notes = [
    `Priced for objects in ${archiveClass === 'GLACIER' ? 'S3 Glacier Flexible Retrieval' : 'S3 Glacier Deep Archive'}.`,
    ...(input.bytes === undefined ? [`Plus $${prices.data.usd} per GB retrieved.`] : []),
    'The restored copies are stored at S3 Standard rates for the days asked.',
  ];
  return { lines, notes };
}

/** The AWS charges of one job: the per-job and per-object fees, the tasks' requests, the manifest generator. */
export function estimateJobCost(input: CostEstimateInput): JobCost {
  const charges = OPERATION_CHARGES[input.operation];
  const restore = input.operation === 'S3InitiateRestoreObject' ? restoreLines(input) : undefined;
  const lines = [
    line('Batch Operations job', 1, PRICES.batchJob),
    line('Objects processed', input.objects, PRICES.batchObjects),
    ...(input.listedObjects !== undefined
      ? [line('Manifest generation', input.listedObjects, PRICES.manifestGeneration)]
      : []),
    ...charges.requests.map((p) => line(p.unit, input.objects, p)),
    ...(restore?.lines ?? []),
  ];
  return {
    lines,
    total: lines.reduce((sum, l) => sum + l.amount, 0),
    notes: [...charges.notes, ...(restore?.notes ?? [])],
    pricesReadOn: PRICES_READ_ON,
    region: PRICES_REGION,
  };
}

/** `$6.25`; amounts under a cent as `< $0.01`, none as `$0.00`. */
export function formatUsd(amount: number): string {
  if (amount > 0 && amount < 0.005) return '< $0.01';
  return `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
