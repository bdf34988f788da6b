import { z } from 'zod';

export const FieldError = z.object({
  /** Dotted path of the field, as the client named it (e.g. `report.bucket`). */
  field: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** The one error body of the BFF. `code` keeps the S3 / S3 Control error code when there is one. */
export const ApiError = z.object({
  code: z.string(),
  message: z.string(),
  fieldErrors: z.array(FieldError).default([]),
  requestId: z.string().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/** Turn a zod issue list into field errors. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((i) => ({ field: i.path.map(String).join('.') || '(root)', message: i.message }));
}
