import { ApiError } from '@batchops/contracts';
import type { z } from 'zod';

/** An error answer of the BFF, parsed into the contracts shape. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
  ) {
    super(error.message);
    this.name = 'ApiRequestError';
  }
}

/** GET/POST the BFF and parse the answer with its contracts schema. */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  init: RequestInit & { signal?: AbortSignal } = {},
): Promise<z.infer<S>> {
  const res = await fetch(path, {
    ...init,
    headers: {
      accept: 'application/json',
      // Every mutation is JSON, with a body or not: the BFF refuses other types (no form posts).
      ...(init.body || (init.method && init.method !== 'GET') ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
  });
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const parsed = ApiError.safeParse(body);
    throw new ApiRequestError(
      res.status,
      parsed.success ? parsed.data : { code: `HTTP${res.status}`, message: res.statusText, fieldErrors: [] },
    );
  }
  return schema.parse(body);
}

/** Send a JSON body (the BFF's mutations and its POST queries) and parse the answer. */
export function apiSend<S extends z.ZodType>(
  method: 'POST' | 'PUT',
  path: string,
  schema: S,
  body: unknown,
  signal?: AbortSignal,
): Promise<z.infer<S>> {
  return apiRequest(path, schema, { method, body: JSON.stringify(body), ...(signal ? { signal } : {}) });
}
