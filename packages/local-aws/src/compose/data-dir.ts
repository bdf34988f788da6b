import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The data directory: the one given (created when missing), or a temporary one that `remove` deletes. */
export function openDataDir(given: string | undefined): { dataDir: string; remove: () => void } {
  const ephemeral = given === undefined;
  const dataDir = ephemeral ? mkdtempSync(join(tmpdir(), 'batchops-local-aws-')) : resolve(given);
  mkdirSync(dataDir, { recursive: true });
  // Every account's data: the server's user only (functions run as another, decision 0024).
  chmodSync(dataDir, 0o700);
  return {
    dataDir,
    remove: () => {
      if (ephemeral) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
