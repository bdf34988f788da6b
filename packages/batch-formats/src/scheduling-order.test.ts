import { describe, expect, it } from 'vitest';
import { compareSchedulingOrder, schedulingQueue } from './scheduling-order.js';

describe('scheduling order', () => {
  it('runs the higher priority first, then the older job', () => {
    const jobs = [
      { id: 'low-old', priority: 1, creationTime: 1 },
      { id: 'high-new', priority: 9, creationTime: 30 },
      { id: 'high-old', priority: 9, creationTime: 20 },
      { id: 'mid', priority: 5, creationTime: 10 },
    ];
    expect([...jobs].sort(compareSchedulingOrder).map((j) => j.id)).toEqual([
      'high-old',
      'high-new',
      'mid',
      'low-old',
    ]);
  });

  it('queues only the jobs that hold or wait for workers', () => {
    const jobs = [
      { id: 'a', status: 'Paused', priority: 1, creationTime: 0 },
      { id: 'b', status: 'Suspended', priority: 99, creationTime: 0 },
      { id: 'c', status: 'Complete', priority: 99, creationTime: 0 },
      { id: 'd', status: 'Active', priority: 50, creationTime: 5 },
      { id: 'e', status: 'Ready', priority: 50, creationTime: 1 },
      { id: 'f', status: 'Pausing', priority: 2, creationTime: 0 },
    ];
    expect(schedulingQueue(jobs, (j) => j).map((j) => j.id)).toEqual(['e', 'd', 'f', 'a']);
  });
});
