import { createRequire } from 'node:module';
import type * as NodeSqlite from 'node:sqlite';

// The one home of SQLite access for every store (decision 0031): Node's built-in node:sqlite, so
// nothing is compiled at install time. Stores see node:sqlite's objects through these interfaces:
// rows come back as `unknown` for each store to type (node:sqlite's Record<string, …> types cast badly).
export interface SqliteStatement {
  run(...params: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): Iterator<unknown>;
}

export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): void;
  close(): void;
}

/** Runs `fn` atomically: a transaction, or a savepoint inside one (it rolls back alone). */
export type Transaction = <T>(fn: () => T) => T;

function loadSqlite(): typeof NodeSqlite {
  // Node 22 announces node:sqlite as experimental once per process; that one warning is noise here.
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/SQLite is an experimental feature/.test(text)) return;
    (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    // Loaded on first use, not imported, so that an older Node gets the sentence below.
    return createRequire(import.meta.url)('node:sqlite') as typeof NodeSqlite;
  } catch (cause) {
    throw new Error(`batchops needs Node.js 22.13 or newer (node:sqlite); this is ${process.version}`, {
      cause,
    });
  } finally {
    process.emitWarning = emit;
  }
}

let sqlite: typeof NodeSqlite | undefined;

/**
 * Open a SQLite file as every store keeps it: WAL, synchronous NORMAL (survives a process crash,
 * kill -9; only power loss may drop the last commits), a 5 s busy timeout.
 */
export function openSqlite(file: string): SqliteDatabase {
  sqlite ??= loadSqlite();
  const db = new sqlite.DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
  return db;
}

/** The rows of a PRAGMA that returns some (e.g. `table_info(buckets)`). */
export function pragmaRows<T>(db: SqliteDatabase, pragma: string): T[] {
  return db.prepare(`PRAGMA ${pragma}`).all() as T[];
}

// How deep each database is in transactions (node:sqlite's isTransaction arrived only in 22.16).
const depths = new WeakMap<SqliteDatabase, number>();

/**
 * A transaction runner for `db`: the outermost call is BEGIN … COMMIT, nested calls are savepoints,
 * and a throw rolls back that level only and rethrows. Statements are compiled once per runner.
 */
export function transactionOf(db: SqliteDatabase): Transaction {
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  const savepoint = db.prepare('SAVEPOINT batchops_tx');
  const release = db.prepare('RELEASE batchops_tx');
  const rollbackTo = db.prepare('ROLLBACK TO batchops_tx');
  const undo = (nested: boolean) => {
    try {
      if (nested) {
        rollbackTo.run();
        release.run();
      } else rollback.run();
    } catch {
      // SQLite already rolled back for some errors (e.g. SQLITE_FULL): nothing is left to undo.
    }
  };
  return <T>(fn: () => T): T => {
    const depth = depths.get(db) ?? 0;
    const nested = depth > 0;
    (nested ? savepoint : begin).run();
    depths.set(db, depth + 1);
    try {
      const result = fn();
      (nested ? release : commit).run();
      return result;
    } catch (error) {
      undo(nested);
      throw error;
    } finally {
      depths.set(db, depth);
    }
  };
}
