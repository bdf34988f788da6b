import { describe, expect, it } from 'vitest';
import { consoleStatus, failedTasksText, statusReasons } from './console-status.js';

const progress = (succeeded: number, failed: number, totalTasks: number | null = succeeded + failed) => ({
  succeeded,
  failed,
  totalTasks,
});

describe('consoleStatus', () => {
  it('calls a Complete job with failed tasks "Completed with failures", a warning', () => {
    expect(consoleStatus({ status: 'Complete', progress: progress(0, 540) })).toEqual({
      label: 'Completed with failures',
      severity: 'warning',
      failedText: 'Failed 540 (100 %)',
    });
  });

  it('keeps a Complete job without failures a green Complete', () => {
    expect(consoleStatus({ status: 'Complete', progress: progress(540, 0) })).toEqual({
      label: 'Complete',
      severity: 'success',
      failedText: null,
    });
  });

  it('maps the other statuses to their indicator', () => {
    expect(consoleStatus({ status: 'Failed', progress: progress(0, 0, null) }).severity).toBe('error');
    expect(consoleStatus({ status: 'Active', progress: progress(3, 1, 10) })).toEqual({
      label: 'Active',
      severity: 'in-progress',
      failedText: 'Failed 1 (10 %)',
    });
  });
});

describe('failedTasksText', () => {
  it('never rounds a few failures to 0 % nor most to 100 %', () => {
    expect(failedTasksText({ status: 'Complete', progress: progress(999, 1) })).toBe('Failed 1 (< 1 %)');
    expect(failedTasksText({ status: 'Complete', progress: progress(1, 999) })).toBe('Failed 999 (> 99 %)');
    expect(failedTasksText({ status: 'Complete', progress: progress(1, 1_999) })).toBe(
      'Failed 1,999 (> 99 %)',
    );
  });

  it.each([
    [progress(99, 1), 'Failed 1 (1 %)'],
    [progress(1, 99), 'Failed 99 (99 %)'],
    // Before the total is known, the share of the tasks done so far.
    [progress(3, 1, null), 'Failed 1 (25 %)'],
  ])('rounds a share of exactly 1 %% or 99 %% as it is: %j', (p, expected) => {
    expect(failedTasksText({ status: 'Active', progress: p })).toBe(expected);
  });
});

describe('statusReasons', () => {
  const base = {
    status: 'Active' as const,
    failureReasons: [],
    suspendedCause: null,
    statusUpdateReason: null,
  };

  it('lists the FailureReasons of a failed job', () => {
    const reasons = [{ code: 'AccessDenied', reason: 'Reading the manifest is forbidden' }];
    expect(statusReasons({ ...base, status: 'Failed', failureReasons: reasons })).toEqual([
      'AccessDenied: Reading the manifest is forbidden',
    ]);
  });

  it('says why a suspended job waits, in the console words', () => {
    expect(statusReasons({ ...base, status: 'Suspended', suspendedCause: 'AwaitingConfirmation' })).toEqual([
      'Awaiting your confirmation to run',
    ]);
  });

  it('names a suspended cause only while the job is Suspended', () => {
    const reason = { statusUpdateReason: 'Job resumed', suspendedCause: 'AwaitingConfirmation' };
    expect(statusReasons({ ...base, ...reason })).toEqual(['Job resumed']);
    const noCause = { ...base, status: 'Suspended' as const, statusUpdateReason: 'Job suspended' };
    expect(statusReasons(noCause)).toEqual(['Job suspended']);
  });

  it('falls back to the status update reason, or nothing', () => {
    expect(statusReasons({ ...base, statusUpdateReason: 'Job resumed' })).toEqual(['Job resumed']);
    expect(statusReasons(base)).toEqual([]);
  });
});
