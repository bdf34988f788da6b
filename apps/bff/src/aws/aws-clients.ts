import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';

export interface AwsClients {
  readonly s3control: S3ControlClient;
  readonly s3: S3Client;
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
    return { s3control: new S3ControlClient(common), s3: new S3Client(common) };
  }
  const url = new URL(target.endpoint);
  return {
    s3control: new S3ControlClient({ ...common, endpointProvider: () => ({ url: new URL(url.href) }) }),
    s3: new S3Client({ ...common, endpoint: url.href.replace(/\/$/, ''), forcePathStyle: true }),
  };
}

/** Clients of the console's Region, and of any other Region on demand (the wizard's Region choice). */
export interface RegionalClients {
  readonly region: string;
  forRegion(region?: string): AwsClients;
  destroy(): void;
}

export function createRegionalClients(target: AwsTarget): RegionalClients {
  const byRegion = new Map<string, AwsClients>([[target.region, createAwsClients(target)]]);
  return {
    region: target.region,
    forRegion(region = target.region) {
      let clients = byRegion.get(region);
      if (!clients) {
        clients = createAwsClients({ ...target, region });
        byRegion.set(region, clients);
      }
      return clients;
    },
    destroy() {
      for (const c of byRegion.values()) {
        c.s3control.destroy();
        c.s3.destroy();
      }
    },
  };
}
