import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';

/** What a worker process needs to run one function's code. */
export interface WorkerSpec {
  readonly runnerPath: string;
  /** The unzipped code: the working directory and LAMBDA_TASK_ROOT. */
  readonly codeDir: string;
  readonly handler: string;
  readonly memoryMb: number;
  readonly env: Readonly<Record<string, string>>;
}

export interface InvokeRequest {
  readonly event: string;
  readonly timeoutSeconds: number;
  readonly requestId: string;
  readonly context: Readonly<Record<string, unknown>>;
}

/** An invocation's outcome as Lambda reports it: a payload, maybe a function error, the log tail. */
export interface InvokeOutcome {
  readonly payload: string;
  readonly functionError?: 'Unhandled';
  readonly log: string;
}

/** Largest response payload of a synchronous invocation (6 MB). */
export const MAX_RESPONSE_BYTES = 6_291_556;
/** Log bytes kept per invocation (the `X-Amz-Log-Result` tail is the last 4 KB). */
const LOG_KEEP = 4096;
/** A worker idle this long is stopped; the next invocation starts a cold one. */
const IDLE_MS = 5 * 60_000;

interface Running {
  readonly id: string;
  readonly request: InvokeRequest;
  readonly started: number;
  readonly resolve: (o: InvokeOutcome) => void;
  readonly timer: NodeJS.Timeout;
  log: string;
}

/** One warm worker process: one invocation at a time. */
class Worker {
  readonly child: ChildProcess;
  running: Running | undefined;
  idleTimer: NodeJS.Timeout | undefined;
  exited = false;
  private stderrTail = '';

  constructor(
    spec: WorkerSpec,
    private readonly onGone: (w: Worker) => void,
  ) {
    this.child = fork(spec.runnerPath, [], {
      cwd: spec.codeDir,
      env: { ...spec.env, LAMBDA_TASK_ROOT: spec.codeDir, _HANDLER: spec.handler },
      // Only the heap limit: the parent's flags (test loaders, inspectors) are not the function's.
      execArgv: [`--max-old-space-size=${spec.memoryMb}`],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    });
    const capture = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (this.running) this.running.log = (this.running.log + text).slice(-LOG_KEEP);
    };
    this.child.stdout?.on('data', capture);
    this.child.stderr?.on('data', (chunk: Buffer) => {
      capture(chunk);
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-2048);
    });
    this.child.on('message', (m) => this.onMessage(m as WorkerReply));
    this.child.on('error', () => this.gone());
    this.child.on('exit', (code, signal) => this.onExit(code, signal));
  }

  start(run: Running): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.running = run;
    this.child.send({ id: run.id, event: run.request.event, context: run.request.context });
  }

  /** Kill the process; from now on it takes no invocation (its exit event forgets it). */
  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
    this.exited = true;
  }

  /** Settle the running invocation with an error payload. */
  fail(errorType: string, message: string): void {
    const run = this.running;
    if (!run) return;
    this.finish(run, {
      payload: JSON.stringify({
        errorType,
        errorMessage: `RequestId: ${run.request.requestId} Error: ${message}`,
      }),
      functionError: 'Unhandled',
    });
  }

  private onMessage(m: WorkerReply): void {
    const run = this.running;
    if (!run || m.id !== run.id) return;
    // An uncaught exception ends the process after it reported: the next invocation gets a new one.
    if (m.fatal) this.kill();
    if (m.ok) {
      if (Buffer.byteLength(m.payload) > MAX_RESPONSE_BYTES) {
        this.finish(run, {
          payload: JSON.stringify({
            errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
            errorType: 'Function.ResponseSizeTooLarge',
          }),
          functionError: 'Unhandled',
        });
      } else this.finish(run, { payload: m.payload });
    } else this.finish(run, { payload: JSON.stringify(m.error), functionError: 'Unhandled' });
  }

  private finish(run: Running, outcome: Omit<InvokeOutcome, 'log'>): void {
    clearTimeout(run.timer);
    this.running = undefined;
    const ms = Date.now() - run.started;
    const id = run.request.requestId;
    const log =
      `START RequestId: ${id} Version: $LATEST\n${run.log}END RequestId: ${id}\n` +
      `REPORT RequestId: ${id}\tDuration: ${ms.toFixed(2)} ms\tBilled Duration: ${Math.max(1, Math.ceil(ms))} ms\t\n`;
    run.resolve({ ...outcome, log });
    if (!this.exited) this.onGone(this);
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.running) {
      this.exited = true;
      const oom = /heap out of memory|Allocation failed/i.test(this.stderrTail);
      const how = signal ? `signal: ${signal}` : `exit status ${code}`;
      this.fail(oom ? 'Runtime.OutOfMemory' : 'Runtime.ExitError', `Runtime exited with error: ${how}`);
    }
    this.gone();
  }

  private gone(): void {
    this.exited = true;
    this.onGone(this);
  }
}

type WorkerReply =
  | { id: string; ok: true; payload: string; fatal?: boolean }
  | { id: string; ok: false; error: unknown; fatal?: boolean };

/**
 * The warm worker processes of one function (its code and configuration): at most `size`, each
 * running one invocation at a time; further invocations wait in order. A timeout kills the
 * worker ("Task timed out after N.00 seconds"); so does an uncaught exception or running out of
 * heap, ending that invocation as a function error, never the server.
 */
export class WorkerPool {
  private readonly workers = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<() => void> = [];
  private closed = false;

  constructor(
    private readonly spec: WorkerSpec,
    private readonly size: number,
  ) {}

  get processes(): number {
    return this.workers.size;
  }

  async invoke(request: InvokeRequest): Promise<InvokeOutcome> {
    if (this.closed) throw new Error('the function was changed or deleted');
    const worker = await this.acquire();
    return new Promise<InvokeOutcome>((resolve) => {
      const timeoutMs = request.timeoutSeconds * 1000;
      const run: Running = {
        id: randomUUID(),
        request,
        started: Date.now(),
        resolve,
        log: '',
        timer: setTimeout(() => {
          worker.kill();
          worker.fail(
            'Sandbox.Timedout',
            `Task timed out after ${request.timeoutSeconds.toFixed(2)} seconds`,
          );
        }, timeoutMs),
      };
      worker.start(run);
    });
  }

  /** Stop every worker (the function was updated or deleted, or the server stops). */
  close(): void {
    this.closed = true;
    for (const w of this.workers) {
      w.kill();
      w.fail('Runtime.ExitError', 'Runtime exited with error: the function was changed or deleted');
    }
    for (const wake of this.waiting.splice(0)) wake();
  }

  private async acquire(): Promise<Worker> {
    for (;;) {
      if (this.closed) throw new Error('the function was changed or deleted');
      const w = this.idle.pop();
      if (w && !w.exited) return w;
      if (w) continue;
      if (this.workers.size < this.size) {
        const worker = new Worker(this.spec, (x) => this.release(x));
        this.workers.add(worker);
        return worker;
      }
      await new Promise<void>((wake) => this.waiting.push(wake));
    }
  }

  /** A worker finished an invocation (back to idle) or exited (forgotten). */
  private release(w: Worker): void {
    if (w.exited || this.closed) {
      this.workers.delete(w);
      const i = this.idle.indexOf(w);
      if (i !== -1) this.idle.splice(i, 1);
      if (w.idleTimer) clearTimeout(w.idleTimer);
    } else if (!w.running && !this.idle.includes(w)) {
      this.idle.push(w);
      w.idleTimer = setTimeout(() => w.kill(), IDLE_MS);
      w.idleTimer.unref();
    }
    this.waiting.shift()?.();
  }
}

export function newRequestId(): string {
  return randomUUID();
}
