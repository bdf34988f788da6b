import { ServiceError } from '../errors/service-error.js';
import { el, opt, type XmlValue } from '../xml/xml-writer.js';

// The Query protocol's parameters as IAM reads and checks them, and its paged lists.

const NAME = /^[\w+=,.@-]+$/;
const PATH = /^(\/|\/[\x21-\x7e]*\/)$/;

export const validation = (message: string) => new ServiceError(400, 'ValidationError', message);

export function required(p: URLSearchParams, name: string, member: string): string {
  const v = p.get(name);
  if (v === null)
    throw validation(
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    );
  return v;
}

export function checkName(value: string, member: string, max: number): string {
  if (value.length < 1 || value.length > max)
    throw validation(
      `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
    );
  if (!NAME.test(value))
    throw validation(
      `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`,
    );
  return value;
}

export const name = (p: URLSearchParams, param: string, member: string, max = 64) =>
  checkName(required(p, param, member), member, max);

export function path(p: URLSearchParams, param = 'Path'): string {
  const v = p.get(param) ?? '/';
  if (v.length > 512 || !PATH.test(v))
    throw validation(
      `The specified value for ${param === 'Path' ? 'path' : 'pathPrefix'} is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.`,
    );
  return v;
}

/** `Name.member.1`, `Name.member.2`… in order. */
export function members(p: URLSearchParams, prefix: string): string[] {
  const out: Array<[number, string]> = [];
  const re = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.member\\.(\\d+)$`);
  for (const [k, v] of p) {
    const m = k.match(re);
    if (m) out.push([Number(m[1]), v]);
  }
  return out.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** ContextEntries.member.N.{ContextKeyName, ContextKeyValues.member.M, ContextKeyType}. */
export function contextEntries(p: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const indices = new Set<number>();
  for (const k of p.keys()) {
    const m = k.match(/^ContextEntries\.member\.(\d+)\./);
    if (m) indices.add(Number(m[1]));
  }
  for (const i of [...indices].sort((a, b) => a - b)) {
    const key = p.get(`ContextEntries.member.${i}.ContextKeyName`);
    if (!key) throw validation(`ContextEntries.member.${i}.ContextKeyName must be given.`);
    out[key] = members(p, `ContextEntries.member.${i}.ContextKeyValues`);
  }
  return out;
}

/** One page of a list by Marker (the index of the next item) and MaxItems (default 100). */
function page<T>(p: URLSearchParams, items: readonly T[]): { items: T[]; next?: string } {
  const max = Number(p.get('MaxItems') ?? 100);
  if (!Number.isInteger(max) || max < 1 || max > 1000)
    throw validation(
      `1 validation error detected: Value '${p.get('MaxItems')}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`,
    );
  const marker = p.get('Marker');
  let start = 0;
  if (marker !== null) {
    start = Number(Buffer.from(marker, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) throw validation('Invalid Marker.');
  }
  const slice = items.slice(start, start + max);
  const end = start + slice.length;
  return end < items.length
    ? { items: slice, next: Buffer.from(String(end)).toString('base64url') }
    : { items: slice };
}

const truncation = (next: string | undefined): XmlValue[] => [
  el('IsTruncated', next !== undefined),
  opt('Marker', next),
];

/** A paged list member: `<Name><member>…</member>…</Name>`, IsTruncated and Marker. */
export function pagedList<T>(
  p: URLSearchParams,
  name: string,
  all: readonly T[],
  item: (t: T) => XmlValue | XmlValue[],
): XmlValue[] {
  const { items, next } = page(p, all);
  return [
    el(
      name,
      items.map((i) => el('member', item(i))),
    ),
    ...truncation(next),
  ];
}
