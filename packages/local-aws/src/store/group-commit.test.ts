import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, transactionOf } from '@batchops/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

// Writes queued in one event-loop turn share a transaction; each still commits or rolls back alone.

const dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
const db = openSqlite(join(dir, 'g.db'));
db.exec('CREATE TABLE t (v TEXT PRIMARY KEY)');
const commits = new GroupCommit(transactionOf(db));
const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
const values = () =>
  db
    .prepare('SELECT v FROM t ORDER BY v')
    .all()
    .map((r) => (r as { v: string }).v);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A write of `v`, then a throw when `fail`: what was written must not stay. */
const write = (v: string, fail = false) =>
  commits.run(() => {
    insert.run(v);
    if (fail) throw new Error(`no ${v}`);
    return v;
  });

describe('GroupCommit', () => {
  it('commits a write alone in its turn, and rolls one that throws back', async () => {
    await expect(write('alone')).resolves.toBe('alone');
    await expect(write('alone-failing', true)).rejects.toThrow('no alone-failing');
    expect(values()).toEqual(['alone']);
  });

  it('rolls back only the write that throws among those of one turn', async () => {
    const results = await Promise.allSettled([write('a'), write('b', true), write('c')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(values()).toEqual(['a', 'alone', 'c']);
  });
});
