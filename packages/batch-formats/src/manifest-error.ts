/** Failure codes of a manifest that cannot be read; each is reported as the job's FailureCode. */
export type ManifestErrorCode =
  | 'ManifestParseError'
  | 'ManifestVersionIdMismatch'
  | 'InventoryChecksumMismatch'
  | 'InventoryFormatUnsupported';

/** A manifest the job cannot run from; `line` is 1-based and set for errors in a data row. */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';

  constructor(
    readonly code: ManifestErrorCode,
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}
