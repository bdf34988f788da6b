import type { DeniedActionCount, ReportRow } from '@batchops/contracts';

export interface ParsedReport {
  readonly bucket: string;
  readonly manifestKey: string;
  readonly files: string[];
  /** Failed rows first, then the rest, each in file order. */
  readonly rows: ReportRow[];
  readonly failed: number;
  readonly errorCodes: { errorCode: string; count: number }[];
  readonly deniedActions: DeniedActionCount[];
}

/** Reports of ended jobs do not change: the last `keep` parsed are kept for paging. */
export class ReportCache {
  private readonly reports = new Map<string, ParsedReport>();

  constructor(private readonly keep = 16) {}

  get(jobId: string): ParsedReport | undefined {
    return this.reports.get(jobId);
  }

  set(jobId: string, report: ParsedReport): void {
    this.reports.set(jobId, report);
    if (this.reports.size > this.keep) this.reports.delete(this.reports.keys().next().value as string);
  }
}
