import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openSqlite, type SqliteDatabase } from '@batchops/engine';
import { extractZip } from './zip-extract.js';

/** A function as local-aws keeps it: its configuration and the hash naming its code. */
export interface StoredFunction {
  readonly accountId: string;
  readonly region: string;
  readonly name: string;
  readonly runtime: string;
  readonly role: string;
  readonly handler: string;
  readonly description: string;
  readonly timeout: number;
  readonly memorySize: number;
  readonly environment: Readonly<Record<string, string>> | null;
  /** SHA-256 of the zip, hex: the code's file names. */
  readonly codeHash: string;
  readonly codeSize: number;
  /** ms since the epoch */
  readonly lastModified: number;
  readonly revisionId: string;
}

/** SHA-256 of a large buffer in slices, letting other requests in between (a 50 MB zip takes ~0.1 s). */
async function sha256(bytes: Buffer): Promise<Buffer> {
  const hash = createHash('sha256');
  const slice = 4 * 1024 * 1024;
  for (let at = 0; at < bytes.length; at += slice) {
    hash.update(bytes.subarray(at, at + slice));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return hash.digest();
}

/**
 * Functions in SQLite (`lambda.sqlite`), code as files: `code/<sha256>.zip` as uploaded and
 * `code/<sha256>/` unzipped, both written (temp name, then rename) before the row naming them,
 * so a restart finds every function it acknowledged with its code.
 */
export class FunctionStore {
  private readonly db: SqliteDatabase;
  private readonly codeDir: string;

  constructor(readonly dir: string) {
    this.codeDir = join(dir, 'code');
    mkdirSync(this.codeDir, { recursive: true });
    // Trees a crash left half-written are nobody's.
    for (const name of readdirSync(this.codeDir))
      if (name.includes('.tmp-')) rmSync(join(this.codeDir, name), { recursive: true, force: true });
    this.db = openSqlite(join(dir, 'lambda.sqlite'));
    this.db.exec(`CREATE TABLE IF NOT EXISTS functions (
      account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, config TEXT NOT NULL,
      PRIMARY KEY (account, region, name)) WITHOUT ROWID`);
  }

  /**
   * Keep a zip's bytes and its unzipped tree; returns the hash naming them. Throws ZipError; on any
   * failure nothing of this call is left behind.
   */
  async saveCode(zip: Buffer): Promise<{ hash: string; sha256Base64: string }> {
    const digest = await sha256(zip);
    const hash = digest.toString('hex');
    const zipFile = join(this.codeDir, `${hash}.zip`);
    const tree = join(this.codeDir, hash);
    const tmp = `${tree}.tmp-${randomUUID()}`;
    try {
      if (!existsSync(tree)) {
        await extractZip(zip, tmp);
        await rename(tmp, tree).catch(async (e: NodeJS.ErrnoException) => {
          // Another upload of the same code won the race: its tree is as good.
          if (!existsSync(tree)) throw e;
          await rm(tmp, { recursive: true, force: true });
        });
      }
      if (!existsSync(zipFile)) {
        await writeFile(`${tmp}.zip`, zip);
        await rename(`${tmp}.zip`, zipFile);
      }
    } catch (e) {
      await rm(tmp, { recursive: true, force: true });
      await rm(`${tmp}.zip`, { force: true });
      throw e;
    }
    return { hash, sha256Base64: digest.toString('base64') };
  }

  /** The unzipped code of a hash, unzipped again from the kept zip when its tree went missing. */
  async codeTree(hash: string): Promise<string> {
    const tree = join(this.codeDir, hash);
    if (!existsSync(tree) && existsSync(this.zipPath(hash)))
      await this.saveCode(await readFile(this.zipPath(hash)));
    return tree;
  }

  zipPath(hash: string): string {
    return join(this.codeDir, `${hash}.zip`);
  }

  get(accountId: string, region: string, name: string): StoredFunction | undefined {
    const row = this.db
      .prepare('SELECT config FROM functions WHERE account = ? AND region = ? AND name = ?')
      .get(accountId, region, name) as { config: string } | undefined;
    return row ? (JSON.parse(row.config) as StoredFunction) : undefined;
  }

  /** Insert a new function; false when the name is taken. */
  create(fn: StoredFunction): boolean {
    const { changes } = this.db
      .prepare('INSERT OR IGNORE INTO functions (account, region, name, config) VALUES (?, ?, ?, ?)')
      .run(fn.accountId, fn.region, fn.name, JSON.stringify(fn));
    return changes === 1;
  }

  /** Functions of an account and Region by name, after `marker` (exclusive). */
  list(accountId: string, region: string, after: string, limit: number): StoredFunction[] {
    return (
      this.db
        .prepare(
          'SELECT config FROM functions WHERE account = ? AND region = ? AND name > ? ORDER BY name LIMIT ?',
        )
        .all(accountId, region, after, limit) as Array<{ config: string }>
    ).map((r) => JSON.parse(r.config) as StoredFunction);
  }

  delete(fn: StoredFunction): void {
    this.db
      .prepare('DELETE FROM functions WHERE account = ? AND region = ? AND name = ?')
      .run(fn.accountId, fn.region, fn.name);
    // The code goes when no function uses it any more.
    const used = this.db
      .prepare("SELECT 1 FROM functions WHERE json_extract(config, '$.codeHash') = ? LIMIT 1")
      .get(fn.codeHash);
    if (!used) {
      rmSync(join(this.codeDir, fn.codeHash), { recursive: true, force: true });
      rmSync(this.zipPath(fn.codeHash), { force: true });
    }
  }

  close(): void {
    this.db.close();
  }
}
