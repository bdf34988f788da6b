import { describe, expect, it } from 'vitest';
import { allowedJobActions } from './job-action-modals';

describe('allowedJobActions', () => {
  it('offers Run only to a job awaiting confirmation, with Cancel and Update priority', () => {
    expect(allowedJobActions('Suspended')).toEqual({ run: true, cancel: true, priority: true });
  });

  it.each(['New', 'Preparing', 'Ready', 'Active', 'Pausing', 'Paused'] as const)(
    'lets an open %s job be cancelled and re-prioritised, not run',
    (status) => {
      expect(allowedJobActions(status)).toEqual({ run: false, cancel: true, priority: true });
    },
  );

  it.each(['Completing', 'Cancelling', 'Failing', 'Complete', 'Cancelled', 'Failed'] as const)(
    'offers nothing for a %s job (ending or ended)',
    (status) => {
      expect(allowedJobActions(status)).toEqual({ run: false, cancel: false, priority: false });
    },
  );
});
