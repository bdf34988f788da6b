import { type QueryKey, skipToken, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest, apiSend } from './api-client';

/** A BFF path with every interpolated value URL-encoded (bucket names, object keys, job IDs). */
export function apiPath(parts: TemplateStringsArray, ...values: readonly (string | number)[]): string {
  return parts.reduce((path, part, i) => path + encodeURIComponent(values[i - 1] ?? '') + part);
}

/** A path with a query string; undefined values are left out. */
export function withQuery(path: string, params: Readonly<Record<string, string | undefined>>): string {
  const qs = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) qs.set(name, value);
  return qs.size ? `${path}?${qs}` : path;
}

/** The queryFn of a GET: the answer parsed with its schema, cancelled with the query. */
export const getJson =
  <S extends z.ZodType>(path: string, schema: S) =>
  ({ signal }: { signal: AbortSignal }): Promise<z.infer<S>> =>
    apiRequest(path, schema, { signal });

/** The queryFn of a POST that computes (a template, a check): skipped while its body is not complete (null). */
export const postJson = <S extends z.ZodType, B>(path: string, schema: S, body: B | null) =>
  body === null
    ? skipToken
    : ({ signal }: { signal: AbortSignal }): Promise<z.infer<S>> =>
        apiSend('POST', path, schema, body, signal);

/** A mutation after which the queries under `queryKey` are read again. */
export function useRefetchingMutation<V, R>(mutationFn: (vars: V) => Promise<R>, queryKey: QueryKey) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey }) });
}
