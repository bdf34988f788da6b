import type { JobDetails, JobSnapshot } from '@batchops/contracts';
import { describe, expect, it } from 'vitest';
import { notBehindStream } from './get-job';

const progress = { totalTasks: 540, succeeded: 0, failed: 400, elapsedActiveSeconds: 3 };
// Only the fields notBehindStream reads or writes matter here.
const fetched = {
  jobId: 'j1',
  status: 'Completing',
  priority: 10,
  progress,
  statusUpdateReason: null,
  failureReasons: [],
  terminationDate: null,
  description: 'kept',
} as unknown as JobDetails;
const streamed: JobSnapshot = {
  jobId: 'j1',
  status: 'Complete',
  priority: 10,
  progress: { ...progress, failed: 540 },
  ratePerSecond: null,
  etaSeconds: null,
  statusUpdateReason: null,
  failureReasons: [],
  terminationDate: '2026-12-07T03:00:00.000Z',
  at: '2026-12-07T03:00:00.000Z',
};

describe('notBehindStream', () => {
  it('keeps the ended state the stream showed over an older answer', () => {
    const out = notBehindStream(fetched, streamed);
    expect(out).toMatchObject({ status: 'Complete', progress: { failed: 540 }, description: 'kept' });
    expect(out.terminationDate).toBe('2026-12-07T03:00:00.000Z');
  });

  it('takes the answer when the stream has not shown an end, or the answer has ended too', () => {
    expect(notBehindStream(fetched, { ...streamed, status: 'Active' })).toBe(fetched);
    expect(notBehindStream(fetched, undefined)).toBe(fetched);
    const ended = { ...fetched, status: 'Complete' } as JobDetails;
    expect(notBehindStream(ended, streamed)).toBe(ended);
  });
});
