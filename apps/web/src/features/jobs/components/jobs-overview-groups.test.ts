import { describe, expect, it } from 'vitest';
import { countByGroup, groupOf, statusesOf } from './jobs-overview-groups';

describe('countByGroup', () => {
  it('counts every status in its group, keeping the empty groups', () => {
    expect(countByGroup(['Suspended', 'Active', 'Completing', 'Complete', 'Complete', 'New'])).toEqual([
      { group: 'Awaiting confirmation', count: 1 },
      { group: 'Running', count: 3 },
      { group: 'Complete', count: 2 },
      { group: 'Failed', count: 0 },
      { group: 'Cancelled', count: 0 },
    ]);
  });
});

describe('statusesOf', () => {
  it('names the statuses each overview count links to: those it counts, and only those', () => {
    expect(statusesOf('Awaiting confirmation')).toEqual(['Suspended']);
    const running = statusesOf('Running');
    expect(running).toHaveLength(9);
    expect(running.filter((s) => groupOf[s] !== 'Running')).toEqual([]);
    expect(statusesOf('Complete')).toEqual(['Complete']);
  });
});
