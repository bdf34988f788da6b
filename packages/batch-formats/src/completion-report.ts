import { CsvSyntaxError, csvField, parseCsvRecords } from './csv.js';

// The completion report of a job (reference/s3control-api.md §5):
// `<prefix>/job-<id>/manifest.json` and `<prefix>/job-<id>/results/<40-hex>.csv`.

export const REPORT_FORMAT = 'Report_CSV_20180820';
/** The ReportSchema string of the report's manifest.json, verbatim (its rows put HTTP status first). */
export const REPORT_SCHEMA = 'Bucket, Key, VersionId, TaskStatus, ErrorCode, HTTPStatusCode, ResultMessage';

/** `<prefix>/job-<id>/` (no leading slash, no double slash; no prefix: `job-<id>/`). */
export function reportBase(prefix: string | undefined | null, jobId: string): string {
  const p = (prefix ?? '').replace(/\/+$/, '');
  return p ? `${p}/job-${jobId}/` : `job-${jobId}/`;
}

/** The key of a report's manifest.json. */
export const reportManifestKey = (prefix: string | undefined | null, jobId: string): string =>
  `${reportBase(prefix, jobId)}manifest.json`;

/** The key of a results file; `name` is its 40-hex name. */
export const reportResultsKey = (prefix: string | undefined | null, jobId: string, name: string): string =>
  `${reportBase(prefix, jobId)}results/${name}.csv`;

export type TaskStatus = 'succeeded' | 'failed';

/** One row of a results CSV. */
export interface ReportRow {
  readonly bucket: string;
  /** The key as the report has it: URL-encoded, as in the manifest. */
  readonly key: string;
  readonly versionId: string | null;
  readonly taskStatus: TaskStatus;
  readonly httpStatusCode: number | null;
  readonly errorCode: string | null;
  readonly resultMessage: string | null;
}

/** The report's manifest.json. */
export interface ReportManifest {
  readonly Format: typeof REPORT_FORMAT;
  readonly ReportCreationDate: string;
  readonly Results: ReadonlyArray<{
    readonly TaskExecutionStatus: TaskStatus;
    readonly Bucket: string;
    readonly MD5Checksum: string;
    readonly Key: string;
  }>;
  readonly ReportSchema: string;
}

/** One results CSV line (with its `\n`), in the order of the documented sample rows. */
export function formatReportRow(row: ReportRow): string {
  return `${[
    row.bucket,
    row.key,
    row.versionId ?? '',
    row.taskStatus,
    row.httpStatusCode === null ? '' : String(row.httpStatusCode),
    row.errorCode ?? '',
    row.resultMessage ?? '',
  ]
    .map(csvField)
    .join(',')}\n`;
}

/** A results CSV that cannot be read; `line` is 1-based. */
export class ReportFormatError extends Error {
  override readonly name = 'ReportFormatError';

  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * The rows of a results CSV. `source` (e.g. the file's key) prefixes error messages. A row needs at
 * least Bucket, Key, VersionId and TaskStatus; fields after ResultMessage are joined back into it.
 */
export function parseReportCsv(text: string, source = 'report'): ReportRow[] {
  let records: ReturnType<typeof parseCsvRecords>;
  try {
    records = parseCsvRecords(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new ReportFormatError(`${source} ${e.message}`, e.line);
    throw e;
  }
  return records.map(({ line, fields }) => {
    if (fields.length < 4) {
      throw new ReportFormatError(`${source} line ${line}: expected 7 columns, got ${fields.length}`, line);
    }
    const [bucket, key, versionId, taskStatus, http, errorCode, ...message] = fields as string[];
    const status = taskStatus?.toLowerCase();
    if (status !== 'succeeded' && status !== 'failed') {
      throw new ReportFormatError(`${source} line ${line}: unknown task status ${taskStatus}`, line);
    }
    const code = Number(http);
    // An empty field is how formatReportRow writes a null message.
    const resultMessage = message.join(',');
    return {
      bucket: bucket ?? '',
      key: key ?? '',
      versionId: versionId || null,
      taskStatus: status,
      httpStatusCode: http && Number.isInteger(code) ? code : null,
      errorCode: errorCode || null,
      resultMessage: resultMessage || null,
    };
  });
}
