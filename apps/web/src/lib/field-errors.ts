import type { FieldError } from '@batchops/contracts';
import type { z } from 'zod';
import { ApiRequestError } from './api-client';

/** Field path (`report.bucket`) → message: the first message of each field wins. */
export type FieldErrorMap = Readonly<Record<string, string>>;

export function toFieldErrorMap(errors: readonly FieldError[]): FieldErrorMap {
  const map: Record<string, string> = {};
  for (const e of errors) map[e.field] ??= e.message;
  return map;
}

export function zodFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrorMap {
  return toFieldErrorMap(issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })));
}

/** The field errors an API call failed with, if any. */
export function apiFieldErrors(error: unknown): FieldErrorMap {
  return error instanceof ApiRequestError ? toFieldErrorMap(error.error.fieldErrors) : {};
}

/** The message of a failed call that no field shows (a call that failed on fields shows it there). */
export function formErrorOf(error: Error | null): string | undefined {
  return error && Object.keys(apiFieldErrors(error)).length === 0 ? error.message : undefined;
}
