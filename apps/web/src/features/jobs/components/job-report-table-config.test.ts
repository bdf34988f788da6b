import type { ReportRow } from '@batchops/contracts';
import { describe, expect, it } from 'vitest';
import { reportRowKey, reportRowMatches } from './job-report-table-config';

const row: ReportRow = {
  bucket: 'demo-source',
  key: 'photos/summer+2026/%C3%A9t%C3%A9.jpg',
  versionId: null,
  taskStatus: 'failed',
  httpStatusCode: 404,
  errorCode: 'NoSuchKey',
  resultMessage: 'The specified key does not exist.',
};

describe('report rows', () => {
  it('shows the key decoded, as it was before the report encoded it', () => {
    expect(reportRowKey(row)).toBe('photos/summer 2026/été.jpg');
  });

  it('finds a row by its decoded key, status, error code or message, ignoring case', () => {
    expect(reportRowMatches(row, 'summer 2026/été')).toBe(true);
    expect(reportRowMatches(row, 'FAILED')).toBe(true);
    expect(reportRowMatches(row, 'nosuchkey')).toBe(true);
    expect(reportRowMatches(row, 'does not exist')).toBe(true);
    expect(reportRowMatches(row, 'succeeded')).toBe(false);
    expect(reportRowMatches(row, 'demo-source')).toBe(false);
  });

  it('matches a row without error code or message on the other fields', () => {
    const ok = { ...row, taskStatus: 'succeeded' as const, errorCode: null, resultMessage: null };
    expect(reportRowMatches(ok, 'succeeded')).toBe(true);
    expect(reportRowMatches(ok, 'nosuchkey')).toBe(false);
  });
});
