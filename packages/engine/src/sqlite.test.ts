import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, pragmaRows, type SqliteDatabase, transactionOf } from './sqlite.js';

let dir: string;
let db: SqliteDatabase;
const values = () => (db.prepare('SELECT v FROM t ORDER BY v').all() as Array<{ v: string }>).map((r) => r.v);
const insert = (v: string) => db.prepare('INSERT INTO t (v) VALUES (?)').run(v);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sqlite-'));
  db = openSqlite(join(dir, 'test.sqlite'));
  db.exec('CREATE TABLE t (v TEXT PRIMARY KEY)');
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('openSqlite', () => {
  it('opens the file in WAL mode with synchronous NORMAL and a 5 s busy timeout', () => {
    expect(pragmaRows(db, 'journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(pragmaRows(db, 'synchronous')).toEqual([{ synchronous: 1 }]);
    expect(pragmaRows(db, 'busy_timeout')).toEqual([{ timeout: 5000 }]);
  });
});

describe('transactionOf', () => {
  it('commits what the function wrote and returns its result', () => {
    const tx = transactionOf(db);
    const result = tx(() => {
      insert('a');
      insert('b');
      return 'done';
    });
    expect(result).toBe('done');
    expect(values()).toEqual(['a', 'b']);
  });

  it('rolls back everything the function wrote when it throws, and rethrows', () => {
    const tx = transactionOf(db);
    expect(() =>
      tx(() => {
        insert('a');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(values()).toEqual([]);
    tx(() => insert('c'));
    expect(values()).toEqual(['c']);
  });

  it('rolls back a nested call alone (a savepoint) and keeps the rest of the transaction', () => {
    const tx = transactionOf(db);
    // A second runner on the same database nests too (the stores share theirs with helpers).
    const inner = transactionOf(db);
    tx(() => {
      insert('outer');
      expect(() =>
        inner(() => {
          insert('inner');
          insert('outer'); // a constraint failure inside the savepoint
        }),
      ).toThrow(/UNIQUE/);
      inner(() => insert('kept'));
    });
    expect(values()).toEqual(['kept', 'outer']);
  });

  it('writes nothing durable before the outermost commit (another connection does not see it)', () => {
    const other = openSqlite(join(dir, 'test.sqlite'));
    try {
      const seen = () => (other.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n;
      transactionOf(db)(() => {
        insert('a');
        expect(seen()).toBe(0);
      });
      expect(seen()).toBe(1);
    } finally {
      other.close();
    }
  });
});
