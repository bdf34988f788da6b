/** Form text ↔ model values, shared by the manifest fields and the operation modules. */
export const s3Uri = (bucket: string, key = '') => `s3://${bucket}/${key}`;

export function splitUri(uri: string): { bucket: string; rest: string } {
  const m = /^s3:\/\/([^/]*)\/?(.*)$/.exec(uri.trim());
  return m ? { bucket: m[1] ?? '', rest: m[2] ?? '' } : { bucket: '', rest: uri.trim() };
}

export const nonEmpty = (v: string) => (v.trim() === '' ? undefined : v.trim());

/** A date picker's day → midnight UTC of that day; '' stays unset; anything else is passed on to fail. */
export const dayToIso = (day: string): string | undefined => {
  const d = day.trim();
  if (d === '') return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00.000Z` : d;
};
export const isoToDay = (iso: string | undefined): string => (iso ? iso.slice(0, 10) : '');

export const numberOrNaN = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
