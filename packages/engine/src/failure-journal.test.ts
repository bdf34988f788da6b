import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FailureJournal } from './failure-journal.js';

const failure = (jobId: string, reason = 'disk full') => ({
  jobId,
  failureReasons: [{ FailureCode: 'InternalError', FailureReason: reason }],
  terminationDate: 1,
  activeMs: 2,
});

describe('FailureJournal', () => {
  it('reserves its space when opened and keeps failures across reopening, in place', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'journal-')), 'failed-jobs.journal');
    const journal = new FailureJournal(file);
    const reserved = statSync(file).size;
    expect(reserved).toBeGreaterThan(0);
    journal.record(failure('a'));
    journal.record(failure('b'));
    journal.record(failure('a', 'again'));
    journal.close();
    // Writes overwrite the reserved blocks: the file never grows (no free space needed).
    expect(statSync(file).size).toBe(reserved);
    const reopened = new FailureJournal(file);
    const entries = reopened.entries();
    expect(entries.map((e) => e.failure)).toEqual([failure('a', 'again'), failure('b')]);
    reopened.clear(entries[0]?.slot as number);
    expect(reopened.entries().map((e) => e.failure.jobId)).toEqual(['b']);
    reopened.close();
  });

  it('keeps the latest reasons that fit a slot, and says so when every slot is taken', () => {
    const journal = new FailureJournal(join(mkdtempSync(join(tmpdir(), 'journal-')), 'j'));
    const many = Array.from({ length: 40 }, (_, i) => ({
      FailureCode: 'InternalError',
      FailureReason: `${i}`.padEnd(256, 'x'),
    }));
    journal.record({ ...failure('long'), failureReasons: many });
    const kept = journal.entries()[0]?.failure.failureReasons ?? [];
    expect(kept.length).toBeGreaterThan(2);
    expect(kept.at(-1)).toEqual(many.at(-1));
    for (let i = 1; i < 64; i++) journal.record(failure(`j${i}`));
    expect(() => journal.record(failure('one-too-many'))).toThrow('the failure journal is full');
    journal.close();
  });
});
