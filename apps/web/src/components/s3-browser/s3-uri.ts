/** `s3://bucket/key/parts` → bucket and key; null when it is not such a URI. */
export function parseS3Uri(uri: string): { bucket: string; key: string } | null {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri.trim());
  return m?.[1] && m[2] ? { bucket: m[1], key: m[2] } : null;
}
