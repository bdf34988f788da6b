import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  GetObjectCommand,
  PutObjectCommand,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import { s3ClientFor } from '@batchops/test-support';
import { afterAll, describe, expect, it } from 'vitest';

// local-aws as its own process (the built CLI), so that it can be killed with SIGKILL mid-upload.
const cli = new URL('../dist/cli.js', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'local-aws-crash-'));
const port = 14700 + Math.floor(Math.random() * 200);
let child: ChildProcess | undefined;

async function start(): Promise<void> {
  child = spawn(process.execPath, [cli, '--port', String(port), '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok, fail) => {
    child?.stdout?.on('data', (d: Buffer) => d.toString().includes('listening') && ok());
    child?.once('exit', (code) => fail(new Error(`local-aws exited with ${code}`)));
  });
}

const client = s3ClientFor(`http://127.0.0.1:${port}`, undefined, { maxAttempts: 1 });

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('durability across kill -9', () => {
  it('keeps every acknowledged object and never shows a partial one', async () => {
    await start();
    await client.send(new CreateBucketCommand({ Bucket: 'crash' }));
    const acked = new Map<string, string>();
    const bodies = new Map<string, Buffer>();
    let stop = false;
    // 16 writers put objects of 64 KiB to 2 MiB until the server dies under them.
    const writers = Array.from({ length: 16 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const key = `w${w}/obj-${i}`;
        const body = randomBytes(64 * 1024 + ((w * 7919 + i * 104729) % (2 * 1024 * 1024)));
        bodies.set(key, body);
        try {
          await client.send(new PutObjectCommand({ Bucket: 'crash', Key: key, Body: body }));
          acked.set(key, createHash('md5').update(body).digest('hex'));
        } catch {
          return;
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    child?.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect(acked.size).toBeGreaterThan(20);

    await start();
    const listed: string[] = [];
    for await (const page of paginateListObjectsV2({ client }, { Bucket: 'crash' })) {
      for (const o of page.Contents ?? []) listed.push(o.Key as string);
    }
    for (const key of acked.keys()) expect(listed).toContain(key);
    // Everything listed (acknowledged or caught between commit and reply) reads back whole.
    for (const key of listed) {
      const out = await client.send(new GetObjectCommand({ Bucket: 'crash', Key: key }));
      const bytes = Buffer.from(
        await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
      );
      expect(createHash('md5').update(bytes).digest('hex')).toBe(
        createHash('md5')
          .update(bodies.get(key) as Buffer)
          .digest('hex'),
      );
      expect(out.ETag).toBe(`"${createHash('md5').update(bytes).digest('hex')}"`);
    }
  }, 60_000);
});
