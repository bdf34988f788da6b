import type { Agent } from 'node:http';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import type { inProcessTransport } from './http/in-process-transport.js';
import type { Credential } from './sigv4/verify-sigv4.js';

/** A small least-recently-used map: the first key in insertion order is the oldest. */
export class LruCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(
    readonly capacity: number,
    private readonly onEvict: (value: V, key: K) => void = () => {},
  ) {}

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) {
      const [oldest, evicted] = this.map.entries().next().value as [K, V];
      this.map.delete(oldest);
      this.onEvict(evicted, oldest);
    }
  }

  values(): IterableIterator<V> {
    return this.map.values();
  }

  clear(): void {
    this.map.clear();
  }
}

/** Distinct (key, Region) clients kept for the engine, per service; older ones are dropped. */
export const ENGINE_CLIENT_CACHE_SIZE = 16;

export interface EngineClients<C> {
  /** A client signed with `key` (the job role's session) or else the account's root key. */
  forJob(accountId: string, region: string, key?: Credential): C;
  readonly cached: number;
}

/** The SDK's credentials for a key (a role session's carries its token). */
const credentialsOf = (key: Credential) => ({
  accessKeyId: key.accessKeyId,
  secretAccessKey: key.secretAccessKey,
  ...(key.sessionToken !== undefined ? { sessionToken: key.sessionToken } : {}),
});

/** Clients per (key, Region), made on first use and kept in a bounded LRU. */
function engineClients<C>(
  keys: readonly Credential[],
  make: (key: Credential, region: string) => C,
): EngineClients<C> {
  const clients = new LruCache<string, C>(ENGINE_CLIENT_CACHE_SIZE);
  return {
    get cached() {
      return clients.size;
    },
    forJob(accountId, region, given) {
      const id = `${given?.accessKeyId ?? accountId}/${region}`;
      let client = clients.get(id);
      if (!client) {
        const key = given ?? keys.find((c) => c.accountId === accountId);
        if (!key) throw new Error(`no credentials for account ${accountId}`);
        client = make(key, region);
        clients.set(id, client);
      }
      return client;
    },
  };
}

/**
 * The engine's S3 clients: jobs run their tasks through this endpoint's own S3 API, signed with
 * the session key of the job's role (decision 0022) for the job's Region, as Batch Operations
 * does on AWS. All clients share one keep-alive agent, so an evicted client holds no socket: it is
 * dropped, not destroyed (destroying a client destroys the agent it was given, with every other
 * client's connections).
 */
export function createEngineS3Clients(
  keys: readonly Credential[],
  endpoint: () => string,
  agent: Agent,
  /** Requests go to local-aws's handler in this process instead of over `agent` (decision 0029). */
  transport?: ReturnType<typeof inProcessTransport>,
): EngineClients<S3Client> {
  return engineClients(
    keys,
    (key, region) =>
      new S3Client({
        region,
        endpoint: endpoint(),
        forcePathStyle: true,
        credentials: credentialsOf(key),
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        maxAttempts: 5,
        requestHandler: transport ?? { httpAgent: agent },
      }),
  );
}

/**
 * The engine's Lambda clients (LambdaInvoke jobs): this endpoint's own Lambda API, signed with the
 * job role's session key (so the role needs lambda:InvokeFunction, as on AWS) for the function's
 * Region, on the same keep-alive agent as the S3 clients.
 */
export function createEngineLambdaClients(
  keys: readonly Credential[],
  endpoint: () => string,
  agent: Agent,
): EngineClients<LambdaClient> {
  return engineClients(
    keys,
    (key, region) =>
      new LambdaClient({
        region,
        endpoint: endpoint(),
        credentials: credentialsOf(key),
        maxAttempts: 3,
        requestHandler: { httpAgent: agent },
      }),
  );
}
