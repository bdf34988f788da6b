import type { FieldError } from '@batchops/contracts';

/** The one error type of the BFF's own code; the error handler turns it into an ApiError body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
