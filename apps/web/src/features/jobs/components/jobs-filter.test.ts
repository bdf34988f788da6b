import { ListJobsQuery } from '@batchops/contracts';
import { describe, expect, it } from 'vitest';
import {
  queryFromSearchParams,
  queryFromTokens,
  searchParamsFromQuery,
  tokensFromQuery,
  withFilter,
} from './jobs-filter';

describe('the job list filter in the URL', () => {
  it('round-trips a filter, sort and page through the search params', () => {
    const query = ListJobsQuery.parse({
      text: 'abc team=blue',
      description: 'nightly archive',
      tagKey: 'team',
      tagValue: 'storage',
      status: ['Active', 'Suspended'],
      operation: ['S3PutObjectTagging'],
      sortBy: 'priority',
      sortOrder: 'asc',
      page: 3,
    });
    const params = searchParamsFromQuery(query);
    expect(params.getAll('status')).toEqual(['Active', 'Suspended']);
    expect(queryFromSearchParams(params)).toEqual(query);
  });

  it('leaves defaults out of the URL', () => {
    expect(searchParamsFromQuery(ListJobsQuery.parse({})).toString()).toBe('');
  });

  it('drops what the URL says wrongly and keeps the rest', () => {
    const q = queryFromSearchParams(new URLSearchParams('status=Running&description=backup&page=-4'));
    expect(q.description).toBe('backup');
    expect(q.status).toEqual([]);
    expect(q.page).toBe(1);
  });

  it("reads the dashboard's links: the console's Completed with failures and an error code", () => {
    const q = queryFromSearchParams(new URLSearchParams('status=CompletedWithFailures&errorCode=NoSuchKey'));
    expect(q).toMatchObject({ status: ['CompletedWithFailures'], errorCode: 'NoSuchKey' });
    expect(tokensFromQuery(q).tokens).toEqual([
      { propertyKey: 'errorCode', operator: '=', value: 'NoSuchKey' },
      { propertyKey: 'status', operator: '=', value: 'CompletedWithFailures' },
    ]);
    expect(searchParamsFromQuery(q).toString()).toBe('errorCode=NoSuchKey&status=CompletedWithFailures');
    expect(queryFromTokens(tokensFromQuery(q))).toMatchObject({ errorCode: 'NoSuchKey' });
  });
});

describe('PropertyFilter tokens', () => {
  it('map to the BFF filter: free text is its own filter, the newest tag value wins, bad statuses go', () => {
    const filter = queryFromTokens({
      operation: 'and',
      tokens: [
        { operator: ':', value: 'nightly' },
        { propertyKey: 'description', operator: ':', value: 'archive' },
        { propertyKey: 'tagValue', operator: '=', value: 'old' },
        { propertyKey: 'tagValue', operator: '=', value: 'new' },
        { propertyKey: 'status', operator: '=', value: 'Complete' },
        { propertyKey: 'operation', operator: '=', value: 'S3PutObjectCopy' },
      ],
    });
    expect(filter).toEqual({
      text: 'nightly',
      description: 'archive',
      tagValue: 'new',
      status: ['Complete'],
      operation: ['S3PutObjectCopy'],
    });
    expect(
      queryFromTokens({ operation: 'and', tokens: [{ propertyKey: 'status', operator: '=', value: 'Nope' }] })
        .status,
    ).toEqual([]);
  });

  it('round-trips the ended-within hours through the URL and the filter tokens', () => {
    const query = queryFromSearchParams(
      new URLSearchParams('status=CompletedWithoutFailures&endedWithinHours=24'),
    );
    expect(query.endedWithinHours).toBe(24);
    expect(query.status).toEqual(['CompletedWithoutFailures']);
    expect(searchParamsFromQuery(query).toString()).toBe(
      'endedWithinHours=24&status=CompletedWithoutFailures',
    );
    const tokens = tokensFromQuery(query);
    expect(queryFromTokens(tokens)).toEqual({
      endedWithinHours: 24,
      status: ['CompletedWithoutFailures'],
      operation: [],
    });
    expect(withFilter(query, { operation: 'and', tokens: [] }).endedWithinHours).toBeUndefined();
    expect(
      queryFromSearchParams(new URLSearchParams('endedWithinHours=soon')).endedWithinHours,
    ).toBeUndefined();
  });

  it('replace the filter of a query, back on page 1, and a cleared token leaves it', () => {
    const before = ListJobsQuery.parse({
      text: 'x',
      description: 'old',
      tagKey: 'team',
      page: 4,
      sortBy: 'priority',
    });
    const after = withFilter(before, {
      operation: 'and',
      tokens: [{ propertyKey: 'jobId', operator: ':', value: 'abc' }],
    });
    expect(after.jobId).toBe('abc');
    expect(after.description).toBeUndefined();
    expect(after.text).toBeUndefined();
    expect(after.tagKey).toBeUndefined();
    expect(after.page).toBe(1);
    expect(after.sortBy).toBe('priority');
  });
});
