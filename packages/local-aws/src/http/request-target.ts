/**
 * The request target as the server must see it. The AWS CLI behind HTTP_PROXY sends the absolute
 * form `GET http://000000000000.127.0.0.1:4566/v20180820/jobs`, which `new URL()` refuses (the
 * account-prefixed IP is not a valid host), so the scheme and authority are cut off textually.
 */
export interface RequestTarget {
  /** Raw path, percent-encoded as received: the SigV4 canonical URI. */
  readonly rawPath: string;
  /** Raw query string without the `?`. */
  readonly rawQuery: string;
  /** Decoded query parameters; repeated keys keep every value. */
  readonly query: ReadonlyMap<string, readonly string[]>;
}

export function parseRequestTarget(url: string): RequestTarget {
  const originForm = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '') || '/';
  const q = originForm.indexOf('?');
  const rawPath = q === -1 ? originForm : originForm.slice(0, q);
  const rawQuery = q === -1 ? '' : originForm.slice(q + 1);
  const query = new Map<string, string[]>();
  for (const [k, v] of splitQuery(rawQuery)) {
    const list = query.get(k);
    if (list) list.push(v);
    else query.set(k, [v]);
  }
  return { rawPath: rawPath.startsWith('/') ? rawPath : `/${rawPath}`, rawQuery, query };
}

/** Decode one URI component; `+` is not a space in AWS query strings. */
export function decodeComponent(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Split a raw query into decoded key/value pairs, in order. */
export function splitQuery(rawQuery: string): Array<[string, string]> {
  if (rawQuery === '') return [];
  return rawQuery
    .split('&')
    .filter((p) => p !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq === -1
        ? [decodeComponent(part), '']
        : [decodeComponent(part.slice(0, eq)), decodeComponent(part.slice(eq + 1))];
    });
}

/** The first value of a query parameter. */
export function queryValue(target: RequestTarget, key: string): string | undefined {
  return target.query.get(key)?.[0];
}
