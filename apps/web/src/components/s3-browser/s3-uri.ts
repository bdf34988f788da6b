import { paths } from '../../config/navigation';

/** `s3://bucket/key/parts` → bucket and key; null when it is not such a URI. */
export function parseS3Uri(uri: string): { bucket: string; key: string } | null {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri.trim());
  return m?.[1] && m[2] ? { bucket: m[1], key: m[2] } : null;
}

/** The in-app bucket browser at the folder an S3 URI names (an object's own folder); undefined when it names no bucket. */
export function browserHrefOf(uri: string): string | undefined {
  const m = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(uri.trim());
  if (!m?.[1]) return undefined;
  const key = m[2] ?? '';
  return paths.bucketFolder(m[1], key.slice(0, key.lastIndexOf('/') + 1));
}
