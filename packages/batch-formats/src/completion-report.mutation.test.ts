import { describe, expect, it } from 'vitest';
import { formatReportRow, parseReportCsv, ReportFormatError } from './completion-report.js';

// The edges completion-report.test.ts leaves open (mutation testing, issue 20).
describe('report rows at their edges', () => {
  it('writes empty fields for a missing version, HTTP status, error code and message', () => {
    const row = {
      bucket: 'b',
      key: 'k',
      versionId: null,
      taskStatus: 'succeeded',
      httpStatusCode: null,
      errorCode: null,
      resultMessage: null,
    } as const;
    expect(formatReportRow(row)).toBe('b,k,,succeeded,,,\n');
  });

  it('reads a row of just the four required columns', () => {
    expect(parseReportCsv('b,k,v1,FAILED\n')).toEqual([
      {
        bucket: 'b',
        key: 'k',
        versionId: 'v1',
        taskStatus: 'failed',
        httpStatusCode: null,
        errorCode: null,
        resultMessage: null,
      },
    ]);
  });

  it('keeps an HTTP status only when it is a whole number', () => {
    const [blank, text, fraction] = parseReportCsv(
      'b,k,,failed,,E,m\nb,k,,failed,abc,E,m\nb,k,,failed,2.5,E,m\n',
    );
    expect([blank?.httpStatusCode, text?.httpStatusCode, fraction?.httpStatusCode]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('joins unquoted fields after ResultMessage back into it with their commas', () => {
    expect(parseReportCsv('b,k,,failed,500,InternalError,one,two,three\n')[0]?.resultMessage).toBe(
      'one,two,three',
    );
  });

  it('throws a ReportFormatError named so, prefixed with the source (default "report") and line', () => {
    const caught = (text: string, source?: string): ReportFormatError => {
      try {
        parseReportCsv(text, source);
      } catch (e) {
        if (e instanceof ReportFormatError) return e;
        throw e;
      }
      throw new Error('no error');
    };
    const status = caught('b,k,,succeeded\nb,k,,done\n');
    expect([status.name, status.message, status.line]).toEqual([
      'ReportFormatError',
      'report line 2: unknown task status done',
      2,
    ]);
    const unclosed = caught('b,k,,succeeded\nb,"k\n', 'results/x.csv');
    expect([unclosed.message, unclosed.line]).toEqual([
      'results/x.csv line 2: a quoted field is not closed',
      2,
    ]);
  });
});
