/**
 * The text of a header value. Node hands header bytes over as Latin-1; clients (the AWS SDKs) send
 * non-ASCII text as UTF-8 bytes and sign it as that text. Bytes that are valid UTF-8 read as UTF-8;
 * anything else stays as Node read it (a client that really sent Latin-1).
 */
export function headerText(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII is the whole range below 0x80.
  if (/^[\x00-\x7f]*$/.test(value)) return value;
  const bytes = Buffer.from(value, 'latin1');
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? text : value;
}

/** A header value to send: non-ASCII text as RFC 2047 `=?UTF-8?B?…?=`, as S3 returns metadata. */
export function mailSafe(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII is the whole range below 0x80.
  return /^[\x00-\x7f]*$/.test(value)
    ? value
    : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}
