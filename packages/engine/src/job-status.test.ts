import { describe, expect, it } from 'vitest';
import { isJobStatus, isTerminal, JOB_STATUSES, nextStatusOnRequest } from './job-status.js';

describe('nextStatusOnRequest', () => {
  it('confirms (Ready) only a Suspended job', () => {
    expect(nextStatusOnRequest('Suspended', 'Ready')).toBe('Ready');
    for (const s of JOB_STATUSES.filter((s) => s !== 'Suspended')) {
      expect(nextStatusOnRequest(s, 'Ready')).toBeNull();
    }
  });

  it('cancels at once before work starts and through Cancelling while running', () => {
    expect(nextStatusOnRequest('Suspended', 'Cancelled')).toBe('Cancelled');
    expect(nextStatusOnRequest('New', 'Cancelled')).toBe('Cancelled');
    expect(nextStatusOnRequest('Active', 'Cancelled')).toBe('Cancelling');
    expect(nextStatusOnRequest('Paused', 'Cancelled')).toBe('Cancelling');
  });

  it('refuses to cancel an ended or ending job', () => {
    for (const s of ['Complete', 'Cancelled', 'Failed', 'Cancelling', 'Completing', 'Failing'] as const) {
      expect(nextStatusOnRequest(s, 'Cancelled')).toBeNull();
    }
  });
});

describe('status helpers', () => {
  it('know the model enum and the terminal states', () => {
    expect(isJobStatus('Active')).toBe(true);
    expect(isJobStatus('Running')).toBe(false);
    expect(JOB_STATUSES.filter(isTerminal)).toEqual(['Cancelled', 'Complete', 'Failed']);
  });
});
