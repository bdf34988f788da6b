import { mkdirSync } from 'node:fs';
import type { Authorizer } from '../iam/authorizer.js';
import type { SessionCredential } from '../iam/role-sessions.js';
import type { FunctionRoles } from './function-roles.js';
import { FunctionStore, type StoredFunction } from './function-store.js';
import { Sandbox, type SandboxSettings } from './sandbox.js';
import { type InvokeOutcome, WorkerBudget, type WorkerLimits, WorkerPool } from './worker-pool.js';

export interface LambdaSettings extends SandboxSettings, Partial<WorkerLimits> {
  /** Warm worker processes per function (each runs one invocation at a time). Default 4. */
  readonly poolSize: number;
}

/** Default limits of all functions' workers together (decision 0024). */
export const DEFAULT_WORKER_LIMITS: WorkerLimits = { maxWorkers: 32, maxQueued: 1000 };

export function functionArn(fn: { region: string; accountId: string; name: string }): string {
  return `arn:aws:lambda:${fn.region}:${fn.accountId}:function:${fn.name}`;
}

/** Who may call the Lambda API (the authorizer) and what a function's code runs as (its role). */
export interface LambdaAccess {
  readonly authorizer: Authorizer;
  readonly roles: FunctionRoles;
}

/**
 * Lambda's state and runtime: the function store and one worker pool per function revision and
 * role session (a changed or deleted function's workers are stopped, and so are a function's
 * whose role became assumable or stopped being so). Invocations get an environment like Lambda's,
 * plus this endpoint and the session key of the function's execution role (decision 0021).
 */
export class LambdaService {
  readonly store: FunctionStore;
  readonly authorizer: Authorizer;
  private readonly pools = new Map<string, { pool: WorkerPool; revision: string; session: string }>();
  private readonly sandbox: Sandbox;
  private readonly budget: WorkerBudget;
  private readonly roles: FunctionRoles;

  constructor(
    dir: string,
    private readonly settings: LambdaSettings,
    access: LambdaAccess,
    private readonly endpoint: () => string,
  ) {
    this.authorizer = access.authorizer;
    this.roles = access.roles;
    mkdirSync(dir, { recursive: true });
    this.store = new FunctionStore(dir);
    // Function code runs outside the data directory, in a sandbox made anew at each start.
    this.sandbox = new Sandbox(settings);
    this.budget = new WorkerBudget({ ...DEFAULT_WORKER_LIMITS, ...settings });
  }

  async invoke(
    fn: StoredFunction,
    event: string,
    requestId: string,
    clientContext: unknown,
  ): Promise<InvokeOutcome> {
    const key = `${fn.accountId}/${fn.region}/${fn.name}`;
    // Checked at each invocation: a role created, deleted or re-trusted since changes the workers' keys.
    const credential = this.roles.credential(fn);
    const session = credential?.accessKeyId ?? '';
    let entry = this.pools.get(key);
    if (entry?.revision !== fn.revisionId || entry.session !== session) {
      entry?.pool.close();
      const pool = new WorkerPool(
        this.workerSpec(fn, credential),
        async () => this.sandbox.prepare(await this.store.codeTree(fn.codeHash)),
        this.settings.poolSize,
        this.budget,
      );
      entry = { pool, revision: fn.revisionId, session };
      this.pools.set(key, entry);
    }
    return entry.pool.invoke({
      event,
      requestId,
      timeoutSeconds: fn.timeout,
      context: {
        functionName: fn.name,
        invokedFunctionArn: functionArn(fn),
        memoryLimitInMB: fn.memorySize,
        requestId,
        logStreamName: `${new Date().toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]${fn.revisionId.replace(/-/g, '')}`,
        remainingMs: fn.timeout * 1000,
        ...(clientContext !== undefined ? { clientContext } : {}),
      },
    });
  }

  /** This endpoint's URL (GetFunction's code Location points at it). */
  endpointUrl(): string {
    return this.endpoint();
  }

  /** Stop a function's workers (deleted or changed). */
  forget(fn: { accountId: string; region: string; name: string }): void {
    const key = `${fn.accountId}/${fn.region}/${fn.name}`;
    this.pools.get(key)?.pool.close();
    this.pools.delete(key);
  }

  /** Worker processes running now (tests observe the pool). */
  processes(fn: { accountId: string; region: string; name: string }): number {
    return this.pools.get(`${fn.accountId}/${fn.region}/${fn.name}`)?.pool.processes ?? 0;
  }

  close(): void {
    for (const { pool } of this.pools.values()) pool.close();
    this.pools.clear();
    this.store.close();
    this.sandbox.close();
  }

  private workerSpec(fn: StoredFunction, key: SessionCredential | undefined) {
    const env: Record<string, string> = {
      PATH: '/usr/local/bin:/usr/bin:/bin',
      LANG: 'en_US.UTF-8',
      TZ: ':UTC',
      AWS_REGION: fn.region,
      AWS_DEFAULT_REGION: fn.region,
      AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
      AWS_LAMBDA_FUNCTION_NAME: fn.name,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.name}`,
      AWS_ENDPOINT_URL: this.endpoint(),
      // The execution role's session, as Lambda gives it; none when Lambda cannot assume the role.
      ...(key
        ? {
            AWS_ACCESS_KEY_ID: key.accessKeyId,
            AWS_SECRET_ACCESS_KEY: key.secretAccessKey,
            AWS_SESSION_TOKEN: key.sessionToken,
          }
        : {}),
      ...(fn.environment ?? {}),
    };
    return { sandbox: this.sandbox, handler: fn.handler, memoryMb: fn.memorySize, env };
  }
}
