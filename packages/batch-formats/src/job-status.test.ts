import { JobStatus as SdkJobStatus } from '@aws-sdk/client-s3-control';
import { describe, expect, it } from 'vitest';
import {
  isAwaitingConfirmation,
  isBusy,
  isEnded,
  isEnding,
  isJobStatus,
  isOpen,
  isRunning,
  JOB_STATUSES,
  nextStatusOnRequest,
} from './job-status.js';

describe('JOB_STATUSES', () => {
  it("is exactly the SDK's JobStatus enum", () => {
    expect([...JOB_STATUSES].sort()).toEqual(Object.values(SdkJobStatus).sort());
  });

  it('knows a status from a look-alike', () => {
    expect(isJobStatus('Active')).toBe(true);
    expect(isJobStatus('Running')).toBe(false);
  });
});

describe('status groups', () => {
  const where = (f: (s: string) => boolean) => JOB_STATUSES.filter(f);

  it('ended: Complete, Cancelled, Failed', () => {
    expect(where(isEnded)).toEqual(['Cancelled', 'Complete', 'Failed']);
  });

  it('ending: Completing, Cancelling, Failing', () => {
    expect(where(isEnding)).toEqual(['Cancelling', 'Completing', 'Failing']);
  });

  it('open: everything that can still be cancelled or re-prioritised', () => {
    expect(where(isOpen)).toEqual(['Active', 'New', 'Paused', 'Pausing', 'Preparing', 'Ready', 'Suspended']);
  });

  it('busy: moves on without a request (Paused and Suspended wait, ended jobs do not move)', () => {
    expect(where(isBusy)).toEqual([
      'Active',
      'Cancelling',
      'Completing',
      'Failing',
      'New',
      'Pausing',
      'Preparing',
      'Ready',
    ]);
  });

  it('running: holds or waits for workers', () => {
    expect(where(isRunning)).toEqual(['Active', 'Paused', 'Pausing', 'Ready']);
  });

  it('awaiting confirmation: Suspended only', () => {
    expect(where(isAwaitingConfirmation)).toEqual(['Suspended']);
  });
});

describe('nextStatusOnRequest', () => {
  it('confirms (Ready) only a Suspended job', () => {
    expect(nextStatusOnRequest('Suspended', 'Ready')).toBe('Ready');
    for (const s of JOB_STATUSES.filter((s) => s !== 'Suspended')) {
      expect(nextStatusOnRequest(s, 'Ready')).toBeNull();
    }
  });

  it('cancels at once before work starts and through Cancelling while running', () => {
    const cancelled = Object.fromEntries(
      JOB_STATUSES.filter(isOpen).map((s) => [s, nextStatusOnRequest(s, 'Cancelled')]),
    );
    expect(cancelled).toEqual({
      New: 'Cancelled',
      Preparing: 'Cancelled',
      Suspended: 'Cancelled',
      Ready: 'Cancelled',
      Active: 'Cancelling',
      Pausing: 'Cancelling',
      Paused: 'Cancelling',
    });
  });

  it('refuses to cancel an ended or ending job, and cancels every open one', () => {
    for (const s of JOB_STATUSES) {
      expect(nextStatusOnRequest(s, 'Cancelled') === null).toBe(!isOpen(s));
    }
  });
});
