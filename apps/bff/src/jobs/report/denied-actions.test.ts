import type { ReportRow } from '@batchops/contracts';
import { describe, expect, it } from 'vitest';
import { deniedActionOf, groupDeniedActions } from './denied-actions.js';

const row = (over: Partial<ReportRow>): ReportRow => ({
  bucket: 'b',
  key: 'k',
  versionId: null,
  taskStatus: 'failed',
  httpStatusCode: 403,
  errorCode: 'AccessDenied',
  resultMessage: null,
  ...over,
});

const aws = (action: string, resource: string) =>
  `User: arn:aws:sts::000000000000:assumed-role/narrow/batch-job is not authorized to perform: ${action} on resource: "${resource}" because no identity-based policy allows the ${action} action`;

describe('AccessDenied grouping', () => {
  it("reads the action and resource of AWS's message, with or without quotes, and the 'allows the' form", () => {
    expect(deniedActionOf(aws('s3:PutObjectTagging', 'arn:aws:s3:::b/k'))).toEqual({
      action: 's3:PutObjectTagging',
      resource: 'arn:aws:s3:::b/k',
    });
    expect(
      deniedActionOf(
        'User: x is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:1:function:f',
      ),
    ).toEqual({ action: 'lambda:InvokeFunction', resource: 'arn:aws:lambda:us-east-1:1:function:f' });
    expect(deniedActionOf('because no identity-based policy allows the s3:PutObjectAcl action')).toEqual({
      action: 's3:PutObjectAcl',
      resource: null,
    });
    expect(deniedActionOf('Access Denied')).toEqual({ action: null, resource: null });
  });

  it('groups AccessDenied failures per action, most frequent first (unnamed last); other failures and successes are left out', () => {
    const rows = [
      row({ key: 'a', resultMessage: aws('s3:PutObjectTagging', 'arn:aws:s3:::b/a') }),
      row({ key: 'b', resultMessage: aws('s3:PutObjectTagging', 'arn:aws:s3:::b/b') }),
      row({ key: 'c', resultMessage: aws('s3:PutObjectVersionTagging', 'arn:aws:s3:::b/c') }),
      row({ key: 'd', resultMessage: 'Access Denied' }),
      row({ key: 'e', errorCode: 'NoSuchKey', resultMessage: 'The specified key does not exist.' }),
      row({ key: 'f', taskStatus: 'succeeded', errorCode: null, httpStatusCode: 200 }),
      row({
        key: 'g',
        errorCode: 'AccessDeniedException',
        resultMessage: aws('lambda:InvokeFunction', 'arn:fn'),
      }),
    ];
    expect(groupDeniedActions(rows)).toEqual([
      { action: 's3:PutObjectTagging', count: 2, exampleResource: 'arn:aws:s3:::b/a' },
      { action: 'lambda:InvokeFunction', count: 1, exampleResource: 'arn:fn' },
      { action: 's3:PutObjectVersionTagging', count: 1, exampleResource: 'arn:aws:s3:::b/c' },
      { action: null, count: 1, exampleResource: 'arn:aws:s3:::b/d' },
    ]);
    expect(groupDeniedActions([row({ errorCode: 'NoSuchKey' })])).toEqual([]);
  });
});
