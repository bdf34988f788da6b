// S3 quotes ETags in headers and XML; S3 Control (JobManifestLocation.ETag) and the console show them bare.

/** The ETag without its surrounding quotes (and without a weak `W/` mark); undefined stays undefined. */
export function normalizeEtag(etag: string): string;
export function normalizeEtag(etag: string | undefined | null): string | undefined;
export function normalizeEtag(etag: string | undefined | null): string | undefined {
  if (etag === undefined || etag === null) return undefined;
  return etag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
}

/** The ETag as an HTTP header wants it (`If-Match`): quoted once. */
export const quoteEtag = (etag: string): string => `"${normalizeEtag(etag)}"`;

/** Whether two ETags name the same content, quoted or not. */
export const etagsMatch = (a: string | undefined | null, b: string | undefined | null): boolean =>
  a !== undefined && a !== null && b !== undefined && b !== null && normalizeEtag(a) === normalizeEtag(b);
