// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BucketsTable } from './buckets-table';

afterEach(cleanup);

const buckets = [
  { name: 'demo-source', creationDate: '2026-01-01T00:00:00.000Z' },
  { name: 'demo-reports', creationDate: null },
];

const filterBox = () => screen.getByRole('searchbox', { name: 'Find buckets' });

describe('BucketsTable', () => {
  it('says the account has no buckets when the list is empty', () => {
    render(<BucketsTable buckets={[]} loading={false} />);
    expect(screen.getByText('No buckets')).toBeTruthy();
    expect(screen.getByText('This account has no buckets.')).toBeTruthy();
    expect(screen.queryByText('No matches')).toBeNull();
  });

  it('says no bucket matches a filter, and Clear filter brings the rows back', () => {
    render(<BucketsTable buckets={buckets} loading={false} />);
    expect(screen.getByText('demo-source')).toBeTruthy();
    fireEvent.change(filterBox(), { target: { value: 'nothing-like-this' } });
    expect(screen.getByText('No matches')).toBeTruthy();
    expect(screen.getByText('No buckets match the filter.')).toBeTruthy();
    expect(screen.queryByText('demo-source')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filter' }));
    expect(screen.getByText('demo-source')).toBeTruthy();
    expect(screen.getByText('demo-reports')).toBeTruthy();
    expect(screen.queryByText('No matches')).toBeNull();
  });
});
