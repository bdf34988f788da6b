import { ListJobsQuery } from '@batchops/contracts';
import type { PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import type { JobsListQuery } from '../api/jobs-keys';

type ListFilter = Pick<
  JobsListQuery,
  | 'text'
  | 'description'
  | 'jobId'
  | 'tagKey'
  | 'tagValue'
  | 'status'
  | 'operation'
  | 'errorCode'
  | 'endedWithinHours'
>;

/** The URL's search params → the list query (the URL is untrusted input: parsed, bad values dropped). */
export function queryFromSearchParams(params: URLSearchParams): ListJobsQuery {
  const raw: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const all = params.getAll(name);
    raw[name] = all.length > 1 ? all : (all[0] ?? '');
  }
  const parsed = ListJobsQuery.safeParse(raw);
  if (parsed.success) return parsed.data;
  // Keep what is valid: drop the fields the parser complained about.
  for (const issue of parsed.error.issues) delete raw[String(issue.path[0])];
  return ListJobsQuery.safeParse(raw).data ?? ListJobsQuery.parse({});
}

/** The list query → search params, leaving defaults out so the URL stays short. */
export function searchParamsFromQuery(query: JobsListQuery): URLSearchParams {
  const qs = new URLSearchParams();
  const put = (name: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') qs.append(name, String(value));
  };
  put('text', query.text);
  put('description', query.description);
  put('jobId', query.jobId);
  put('tagKey', query.tagKey);
  put('tagValue', query.tagValue);
  put('errorCode', query.errorCode);
  put('endedWithinHours', query.endedWithinHours);
  for (const s of query.status ?? []) put('status', s);
  for (const o of query.operation ?? []) put('operation', o);
  if (query.sortBy && query.sortBy !== 'creationTime') put('sortBy', query.sortBy);
  if (query.sortOrder && query.sortOrder !== 'desc') put('sortOrder', query.sortOrder);
  if (query.page && query.page > 1) put('page', query.page);
  return qs;
}

/** The list query's filter part → the PropertyFilter's tokens. */
export function tokensFromQuery(query: ListFilter): PropertyFilterProps.Query {
  const tokens: PropertyFilterProps.Token[] = [];
  if (query.text) tokens.push({ operator: ':', value: query.text });
  if (query.description) tokens.push({ propertyKey: 'description', operator: ':', value: query.description });
  if (query.jobId) tokens.push({ propertyKey: 'jobId', operator: ':', value: query.jobId });
  if (query.tagKey) tokens.push({ propertyKey: 'tagKey', operator: '=', value: query.tagKey });
  if (query.tagValue) tokens.push({ propertyKey: 'tagValue', operator: '=', value: query.tagValue });
  if (query.errorCode) tokens.push({ propertyKey: 'errorCode', operator: '=', value: query.errorCode });
  if (query.endedWithinHours)
    tokens.push({ propertyKey: 'endedWithinHours', operator: '=', value: String(query.endedWithinHours) });
  for (const s of query.status ?? []) tokens.push({ propertyKey: 'status', operator: '=', value: s });
  for (const o of query.operation ?? []) tokens.push({ propertyKey: 'operation', operator: '=', value: o });
  return { operation: 'and', tokens };
}

/**
 * The PropertyFilter's tokens → the list filter the BFF understands; free text (no property) goes to `text`,
 * which the BFF matches against job ID prefix, description, tags, status and operation.
 * The BFF takes one job ID, tag key, tag value and error code: the newest token of each wins.
 */
export function queryFromTokens(filter: PropertyFilterProps.Query): ListFilter {
  const texts: Record<
    'text' | 'description' | 'jobId' | 'tagKey' | 'tagValue' | 'errorCode' | 'endedWithinHours',
    string[]
  > = {
    text: [],
    description: [],
    jobId: [],
    tagKey: [],
    tagValue: [],
    errorCode: [],
    endedWithinHours: [],
  };
  const status: string[] = [];
  const operation: string[] = [];
  for (const t of filter.tokens) {
    const value = String(t.value ?? '').trim();
    if (!value) continue;
    const key = t.propertyKey ?? 'text';
    if (key === 'status') status.push(value);
    else if (key === 'operation') operation.push(value);
    else if (key in texts) texts[key as keyof typeof texts].push(value);
  }
  const parsed = ListJobsQuery.pick({ status: true, operation: true }).safeParse({ status, operation });
  const errorCode = ListJobsQuery.shape.errorCode.safeParse(texts.errorCode.at(-1));
  const endedWithinHours = ListJobsQuery.shape.endedWithinHours.safeParse(texts.endedWithinHours.at(-1));
  const join = (v: string[]) => (v.length ? v.join(' ') : undefined);
  return {
    ...(join(texts.text) ? { text: join(texts.text) } : {}),
    ...(join(texts.description) ? { description: join(texts.description) } : {}),
    ...(texts.jobId.length ? { jobId: texts.jobId.at(-1) as string } : {}),
    ...(texts.tagKey.length ? { tagKey: texts.tagKey.at(-1) as string } : {}),
    ...(texts.tagValue.length ? { tagValue: texts.tagValue.at(-1) as string } : {}),
    ...(errorCode.success && errorCode.data ? { errorCode: errorCode.data } : {}),
    ...(endedWithinHours.success && endedWithinHours.data ? { endedWithinHours: endedWithinHours.data } : {}),
    status: parsed.success ? parsed.data.status : [],
    operation: parsed.success ? parsed.data.operation : [],
  };
}

/** The query with its filter replaced (not merged: a cleared token must leave the URL). */
export function withFilter(query: ListJobsQuery, filter: PropertyFilterProps.Query): ListJobsQuery {
  const {
    text: _t,
    description: _d,
    jobId: _j,
    tagKey: _k,
    tagValue: _v,
    errorCode: _e,
    endedWithinHours: _h,
    ...rest
  } = query;
  return { ...rest, ...queryFromTokens(filter), page: 1 } as ListJobsQuery;
}
