import { describe, expect, it } from 'vitest';
import {
  formatReportRow,
  parseReportCsv,
  ReportFormatError,
  type ReportRow,
  reportBase,
  reportManifestKey,
  reportResultsKey,
} from './completion-report.js';
import { CsvSyntaxError, parseCsvRecords } from './csv.js';

describe('report paths', () => {
  it('puts the report under <prefix>/job-<id>/ without double or leading slashes', () => {
    expect(reportBase('pfx', 'j1')).toBe('pfx/job-j1/');
    expect(reportBase('pfx//', 'j1')).toBe('pfx/job-j1/');
    expect(reportBase(undefined, 'j1')).toBe('job-j1/');
    expect(reportBase('', 'j1')).toBe('job-j1/');
    expect(reportManifestKey('a/b', 'j1')).toBe('a/b/job-j1/manifest.json');
    expect(reportResultsKey(null, 'j1', 'ab12')).toBe('job-j1/results/ab12.csv');
  });
});

describe('report rows', () => {
  const failed: ReportRow = {
    bucket: 'awsexamplebucket1',
    key: 'image_14975',
    versionId: null,
    taskStatus: 'failed',
    httpStatusCode: 200,
    errorCode: 'PermanentFailure',
    resultMessage: 'Lambda returned function error: {"errorMessage":"Task timed out"}',
  };

  it('writes the documented sample row: HTTP status before the error code, quotes doubled', () => {
    expect(formatReportRow(failed)).toBe(
      'awsexamplebucket1,image_14975,,failed,200,PermanentFailure,"Lambda returned function error: {""errorMessage"":""Task timed out""}"\n',
    );
  });

  it('reads back what it writes, line breaks and commas in messages included', () => {
    const ok: ReportRow = {
      bucket: 'b',
      key: 'a%20b',
      versionId: 'v1',
      taskStatus: 'succeeded',
      httpStatusCode: 200,
      errorCode: null,
      resultMessage: 'two\nlines, one comma',
    };
    expect(parseReportCsv(formatReportRow(failed) + formatReportRow(ok))).toEqual([failed, ok]);
  });

  it('reads back a row without error code or message as it was: null, not an empty string', () => {
    const bare: ReportRow = { ...failed, taskStatus: 'succeeded', errorCode: null, resultMessage: null };
    expect(parseReportCsv(formatReportRow(bare))).toEqual([bare]);
  });

  it('names the file and line of a bad row', () => {
    expect(() => parseReportCsv('b,k,,succeeded,200,,\nb,k\n', 'results/x.csv')).toThrow(
      /results\/x\.csv line 2: expected 7 columns, got 2/,
    );
    expect(() => parseReportCsv('b,k,,done,200,,\n')).toThrow(ReportFormatError);
    expect(() => parseReportCsv('b,"k\n')).toThrow(/line 1: a quoted field is not closed/);
  });
});

describe('parseCsvRecords', () => {
  it('gives each record the line it starts on', () => {
    expect(parseCsvRecords('a,"x\ny"\r\nb,c\n')).toEqual([
      { line: 1, fields: ['a', 'x\ny'] },
      { line: 3, fields: ['b', 'c'] },
    ]);
  });

  it('drops a cut last record of a partial text, and refuses stray quotes', () => {
    expect(parseCsvRecords('a,b\nc,"d', { partial: true })).toEqual([{ line: 1, fields: ['a', 'b'] }]);
    expect(() => parseCsvRecords('a,b"c\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsvRecords('"a"b\n')).toThrow(/text after a closing quote/);
  });
});
