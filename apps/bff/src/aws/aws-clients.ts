import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { HttpError } from '../errors/http-error.js';

export interface AwsClients {
  readonly s3control: S3ControlClient;
  readonly s3: S3Client;
  /** IAM (roles, policy simulation): a global service, reached through the same custom endpoint. */
  readonly iam: IAMClient;
  /** Lambda: the functions the wizard's Invoke AWS Lambda function offers. */
  readonly lambda: LambdaClient;
}

export interface AwsTarget {
  readonly region: string;
  /** A custom endpoint (local-aws, an S3-compatible store); undefined = the AWS endpoints. */
  readonly endpoint?: string | undefined;
  /** Static keys (local mode); undefined = the standard credential provider chain. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string } | undefined;
}

/**
 * SDK clients for S3 and S3 Control. With a custom endpoint the S3 Control rule set would put the
 * account ID in front of the host (`000000000000.127.0.0.1`), so the endpoint provider is replaced
 * (reference/wire-notes.md §1); S3 uses path-style addressing.
 */
export function createAwsClients(target: AwsTarget): AwsClients {
  const common = {
    region: target.region,
    ...(target.credentials ? { credentials: { ...target.credentials } } : {}),
  };
  if (target.endpoint === undefined) {
    return {
      s3control: new S3ControlClient(common),
      s3: new S3Client(common),
      iam: new IAMClient(common),
      lambda: new LambdaClient(common),
    };
  }
  const url = new URL(target.endpoint);
  return {
    s3control: new S3ControlClient({ ...common, endpointProvider: () => ({ url: new URL(url.href) }) }),
    s3: new S3Client({ ...common, endpoint: url.href.replace(/\/$/, ''), forcePathStyle: true }),
    iam: new IAMClient({ ...common, endpoint: url.href.replace(/\/$/, '') }),
    lambda: new LambdaClient({ ...common, endpoint: url.href.replace(/\/$/, '') }),
  };
}

/** Clients of the console's Region, and of any other Region on demand (the wizard's Region choice). */
export interface RegionalClients {
  readonly region: string;
  /** @throws HttpError 400 `InvalidRegion` when the name is not shaped like a Region. */
  forRegion(region?: string): AwsClients;
  /** Regions with clients now, the console's own included. */
  readonly size: number;
  destroy(): void;
}

/** `us-east-1`, `us-gov-west-1`, `eusc-de-east-1`: a name that can only ever be a Region. */
const REGION = /^[a-z]{2,4}(-[a-z]+){1,3}-\d{1,2}$/;

/** Other Regions kept open at once (each holds its own sockets). */
const MAX_OTHER_REGIONS = 16;

const destroyClients = (c: AwsClients) => {
  c.s3control.destroy();
  c.s3.destroy();
  c.iam.destroy();
  c.lambda.destroy();
};

/**
 * The console's Region's clients stay; other Regions' clients are kept for the `maxRegions` most
 * recently used, and the least recently used are destroyed (closing their sockets) beyond that.
 */
export function createRegionalClients(
  target: AwsTarget,
  { maxRegions = MAX_OTHER_REGIONS }: { maxRegions?: number } = {},
): RegionalClients {
  const home = createAwsClients(target);
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const others = new Map<string, AwsClients>();
  return {
    region: target.region,
    forRegion(region = target.region) {
      if (region === target.region) return home;
      if (!REGION.test(region))
        throw new HttpError(
          400,
          'InvalidRegion',
          `${JSON.stringify(region.slice(0, 64))} is not a Region name.`,
          [{ field: 'region', message: 'must be a Region such as us-east-1' }],
        );
      let clients = others.get(region);
      if (clients) others.delete(region);
      else clients = createAwsClients({ ...target, region });
      others.set(region, clients);
      for (const [name, old] of others) {
        if (others.size <= maxRegions) break;
        others.delete(name);
        destroyClients(old);
      }
      return clients;
    },
    get size() {
      return others.size + 1;
    },
    destroy() {
      destroyClients(home);
      for (const c of others.values()) destroyClients(c);
      others.clear();
    },
  };
}
