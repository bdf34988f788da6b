import type { S3Context } from './s3-context.js';
import { invalidArgument } from './s3-errors.js';

// Query parameters the listings share (objects, versions, uploads, parts).

/** encoding-type: `url`, or absent. */
export function encodingParam(ctx: S3Context): 'url' | undefined {
  const e = ctx.target.query.get('encoding-type')?.[0];
  if (e === undefined) return undefined;
  if (e !== 'url') throw invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', e);
  return 'url';
}

/** encoding-type=url: keys URL-encoded as S3 does it (botocore decodes them again). */
export function encodeKey(enc: 'url' | undefined, s: string): string;
export function encodeKey(enc: 'url' | undefined, s: string | undefined): string | undefined;
export function encodeKey(enc: 'url' | undefined, s: string | undefined): string | undefined {
  return s === undefined || enc === undefined ? s : encodeURIComponent(s).replace(/%2F/g, '/');
}

/** A non-negative 32-bit integer parameter (max-parts, max-uploads, part-number-marker). */
export function intParam(ctx: S3Context, name: string, fallback: number, message: string): number {
  const raw = ctx.target.query.get(name)?.[0];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > 2_147_483_647) throw invalidArgument(message, name, raw);
  return Number(raw);
}
