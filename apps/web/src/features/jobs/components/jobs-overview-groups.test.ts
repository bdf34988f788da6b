import { describe, expect, it } from 'vitest';
import { countByGroup } from './jobs-overview-groups';

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
