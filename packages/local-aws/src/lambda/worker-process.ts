import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { FILE_WRITING_NODE_ENV, type FunctionDir, type Sandbox, sandboxedNodeOptions } from './sandbox.js';

/** What a worker process needs to run one function's code. */
export interface WorkerSpec {
  readonly sandbox: Sandbox;
  readonly handler: string;
  readonly memoryMb: number;
  /** The function's environment (Lambda's variables, its own, its role's credentials). */
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
/** How often a running worker's resident memory is compared with its MemorySize. */
const RSS_SAMPLE_MS = 50;

export interface Running {
  readonly id: string;
  readonly request: InvokeRequest;
  readonly started: number;
  readonly resolve: (o: InvokeOutcome) => void;
  timer: NodeJS.Timeout;
  /** The handler's module was loaded (a cold start's init is over): the function's timeout starts. */
  readonly onInit: () => void;
  log: string;
}

/** `logged`: bytes the process wrote to stdout and stderr so far (the runner counts them). */
type WorkerReply = { logged?: number } & (
  | { id: string; init: true }
  | { id: string; ok: true; payload: string; fatal?: boolean }
  | { id: string; ok: false; error: unknown; fatal?: boolean }
);

/** How long a reply waits for the output the runner says it wrote before it settles anyway. */
const LOG_WAIT_MS = 200;

/** Peak resident set size of a process in bytes (VmHWM in /proc), or undefined when it is gone. */
function peakResident(status: string | undefined): number | undefined {
  const kb = status?.match(/^VmHWM:\s+(\d+)\s+kB/m)?.[1];
  return kb === undefined ? undefined : Number(kb) * 1024;
}

function statusSync(pid: number | undefined): string | undefined {
  try {
    return pid === undefined ? undefined : readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * One warm worker process, one invocation at a time, in its own process group (so a kill takes
 * whatever it started along), its own tmp directory, as the sandbox's user.
 */
export class Worker {
  readonly child: ChildProcess;
  running: Running | undefined;
  idleTimer: NodeJS.Timeout | undefined;
  idleSince = 0;
  exited = false;
  /** Whether the handler's module is loaded (the first invocation loads it: Lambda's init phase). */
  initialized = false;
  private forgotten = false;
  private stderrTail = '';
  /** Bytes read from the process's stdout and stderr. */
  private received = 0;
  /** A reply waiting for the output written before it. */
  private waiting: { reply: WorkerReply; timer: NodeJS.Timeout } | undefined;
  private rssTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly spec: WorkerSpec,
    private readonly fn: FunctionDir,
    private readonly tmp: string,
    private readonly onGone: (w: Worker) => void,
  ) {
    const { sandbox } = spec;
    this.child = fork(sandbox.runnerPath, [], {
      cwd: fn.task,
      env: {
        ...spec.env,
        LAMBDA_TASK_ROOT: fn.task,
        LAMBDA_RUNTIME_DIR: sandbox.runnerPath.replace(/\/[^/]+$/, ''),
        NODE_PATH: fn.task,
        TMPDIR: tmp,
        _HANDLER: spec.handler,
        NODE_OPTIONS: sandboxedNodeOptions(spec.env.NODE_OPTIONS),
        ...Object.fromEntries(FILE_WRITING_NODE_ENV.map((k) => [k, undefined])),
      },
      // Only the sandbox's flags: the parent's (test loaders, inspectors) are not the function's.
      execArgv: sandbox.execArgv(fn, tmp, spec.memoryMb),
      execPath: sandbox.execPath,
      detached: true,
      ...(sandbox.owner ? { uid: sandbox.owner.uid, gid: sandbox.owner.gid } : {}),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    });
    const capture = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (this.running) this.running.log = (this.running.log + text).slice(-LOG_KEEP);
      this.received += chunk.length;
      const w = this.waiting;
      if (w && this.received >= (w.reply.logged ?? 0)) {
        clearTimeout(w.timer);
        this.waiting = undefined;
        this.onReply(w.reply);
      }
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
    this.watchMemory(run);
  }

  /** Kill the process group; from now on it takes no invocation and counts no more. */
  kill(): void {
    if (!this.exited && this.child.pid !== undefined) {
      try {
        process.kill(-this.child.pid, 'SIGKILL');
      } catch {
        this.child.kill('SIGKILL');
      }
    }
    this.gone();
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

  /** Resident memory over MemorySize ends the invocation as Lambda does (Buffers, native memory too). */
  private watchMemory(run: Running): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    this.rssTimer = setInterval(() => {
      readFile(`/proc/${pid}/status`, 'utf8')
        .catch(() => undefined)
        .then((status) => {
          if (this.running === run && this.overMemory(status)) this.outOfMemory();
        });
    }, RSS_SAMPLE_MS);
    this.rssTimer.unref();
  }

  /** Whether the process ever held more than MemorySize resident (its peak: a short spike counts). */
  private overMemory(status: string | undefined): boolean {
    return (peakResident(status) ?? 0) > this.spec.memoryMb * 1024 * 1024;
  }

  private outOfMemory(): void {
    this.kill();
    this.fail('Runtime.OutOfMemory', 'Runtime exited with error: signal: killed');
  }

  private onMessage(m: WorkerReply): void {
    const run = this.running;
    if (!run || m.id !== run.id) return;
    if ('init' in m) {
      this.initialized = true;
      run.onInit();
      return;
    }
    // The invocation's log is all it printed: wait (briefly) for output still in the pipes. A
    // fatal reply does not wait: its process exits right after it.
    if (!('fatal' in m && m.fatal) && (m.logged ?? 0) > this.received) {
      this.waiting = { reply: m, timer: setTimeout(() => this.flushWaiting(), LOG_WAIT_MS) };
      return;
    }
    this.onReply(m);
  }

  private flushWaiting(): void {
    const w = this.waiting;
    this.waiting = undefined;
    if (w) this.onReply(w.reply);
  }

  private onReply(m: WorkerReply): void {
    const run = this.running;
    if (!run || m.id !== run.id || 'init' in m) return;
    // The last look at memory: an invocation that went over and returned at once is caught too.
    if (this.overMemory(statusSync(this.child.pid))) {
      this.outOfMemory();
      return;
    }
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
    } else {
      const payload = this.spec.sandbox.mask(this.fn, this.tmp, JSON.stringify(m.error));
      this.finish(run, { payload, functionError: 'Unhandled' });
    }
  }

  private finish(run: Running, outcome: Omit<InvokeOutcome, 'log'>): void {
    clearTimeout(run.timer);
    clearInterval(this.rssTimer);
    this.running = undefined;
    const ms = Date.now() - run.started;
    const id = run.request.requestId;
    const tail = this.spec.sandbox.mask(this.fn, this.tmp, run.log);
    const log =
      `START RequestId: ${id} Version: $LATEST\n${tail}END RequestId: ${id}\n` +
      `REPORT RequestId: ${id}\tDuration: ${ms.toFixed(2)} ms\tBilled Duration: ${Math.max(1, Math.ceil(ms))} ms\t\n`;
    run.resolve({ ...outcome, log });
    if (!this.exited) this.onGone(this);
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.waiting) {
      clearTimeout(this.waiting.timer);
      this.flushWaiting();
    }
    if (this.running) {
      this.exited = true;
      const oom = /heap out of memory|Allocation failed/i.test(this.stderrTail);
      const how = signal ? `signal: ${signal}` : `exit status ${code}`;
      this.fail(oom ? 'Runtime.OutOfMemory' : 'Runtime.ExitError', `Runtime exited with error: ${how}`);
    }
    // Whatever the function left in the group goes with it.
    if (this.child.pid !== undefined) {
      try {
        process.kill(-this.child.pid, 'SIGKILL');
      } catch {}
    }
    this.gone();
    this.spec.sandbox.remove(this.tmp);
  }

  private gone(): void {
    this.exited = true;
    if (this.forgotten) return;
    this.forgotten = true;
    this.onGone(this);
  }
}
