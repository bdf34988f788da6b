import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';
import { JobEvent } from '@batchops/contracts';
import { TEST_ROLE } from '@batchops/local-aws';
import { iamClientFor, s3ClientFor } from '@batchops/test-support';
import { loadConfig } from '../../src/config.js';
import { type ConsoleTuning, type RunningConsole, startConsole } from '../../src/server.js';

export interface ConsoleFixture {
  readonly app: RunningConsole;
  /** A fresh directory, removed by close(); `webDir` inside it holds a stand-in index.html. */
  readonly dir: string;
  readonly webDir: string;
  /** SDK clients straight to the in-process local-aws (test/test), for setting up and checking what the console did. */
  readonly s3: S3Client;
  readonly iam: IAMClient;
  api(path: string, init?: RequestInit): Promise<Response>;
  /** JSON request; the answer's status and body (the tests parse bodies with the contracts). */
  // biome-ignore lint/suspicious/noExplicitAny: each test narrows the body with a contract schema
  json(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/**
 * The real console (BFF + local-aws in-process, both on port 0) over a fresh data directory, with
 * the role arn:aws:iam::000000000000:role/batchops-test (TEST_ROLE_ARN) its tests' jobs run as.
 */
export async function startConsoleFixture(
  seedDemo: boolean,
  env: Record<string, string> = {},
  tuning: ConsoleTuning = {},
): Promise<ConsoleFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'bff-'));
  const web = join(dir, 'web');
  mkdirSync(web);
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>batchops</title><div id="root"></div>');
  const config = loadConfig({
    BATCHOPS_PORT: '0',
    BATCHOPS_LOCAL_AWS_PORT: '0',
    BATCHOPS_DATA_DIR: join(dir, 'data'),
    BATCHOPS_WEB_DIR: web,
    BATCHOPS_SEED_DEMO: String(seedDemo),
    ...env,
  });
  const app = await startConsole(config, () => {}, { localAwsRoles: [TEST_ROLE], ...tuning });
  const api = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${app.port}${path}`, init);
  const s3 = s3ClientFor(app.localAws?.url ?? '');
  const iam = iamClientFor(app.localAws?.url ?? '');
  return {
    app,
    dir,
    webDir: web,
    s3,
    iam,
    api,
    async json(method, path, body) {
      // As the SPA does: every mutation says JSON, with a body or without.
      const res = await api(path, {
        method,
        ...(method === 'GET' ? {} : { headers: { 'content-type': 'application/json' } }),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: await res.json() };
    },
    async close() {
      s3.destroy();
      iam.destroy();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SseMessage {
  readonly event: string;
  readonly data: JobEvent;
  readonly receivedAt: number;
}

/** Read an SSE response until `done` says so; fails on the timeout or an early end. Events are parsed with the contract. */
export async function readEvents(
  res: Response,
  done: (messages: readonly SseMessage[]) => boolean,
  timeoutMs = 20_000,
): Promise<SseMessage[]> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const messages: SseMessage[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (!done(messages)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no matching event within ${timeoutMs} ms: ${JSON.stringify(messages.map((m) => m.data))}`,
        );
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, fail) => setTimeout(() => fail(new Error('SSE read timed out')), left)),
      ]);
      // An ended stream never brings the awaited event: fail, never return what came so far.
      if (chunk.done)
        throw new Error(
          `the stream ended before a matching event: ${JSON.stringify(messages.map((m) => m.data))}`,
        );
      buffer += decoder.decode(chunk.value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = block.match(/^event: (.*)$/m)?.[1];
        const data = block.match(/^data: (.*)$/m)?.[1];
        if (event && data)
          messages.push({ event, data: JobEvent.parse(JSON.parse(data)), receivedAt: Date.now() });
        end = buffer.indexOf('\n\n');
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return messages;
}
