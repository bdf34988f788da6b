import { ManifestError, type ManifestErrorCode } from './manifest-error.js';

// The CSV manifest (`S3BatchOperations_CSV_20180820`, reference/s3control-api.md §3.2): one object
// per line, `bucket,key[,versionId]`, keys URL-encoded, no header. The engine reads manifests (and
// S3 Inventory data files) with this parser; pre-flight checks rows with it, so both say the same.

/** One object a job acts on; `key` is decoded, `versionId` is absent when the manifest has none. */
export interface ManifestRow {
  bucket: string;
  key: string;
  versionId?: string;
}

export type CsvManifestField = 'Ignore' | 'Bucket' | 'Key' | 'VersionId';

export interface CsvManifestOptions {
  /** JobManifestSpec.Fields; absent: [Bucket, Key] or [Bucket, Key, VersionId] by the first row. */
  fields?: readonly CsvManifestField[];
}

/** Which column holds what (0-based; -1 when absent); rows must have exactly `count` columns. */
export interface CsvColumnLayout {
  count: number;
  bucket: number;
  key: number;
  versionId: number;
  /** Inventory `IsDeleteMarker`: rows whose value is "true" are skipped. */
  deleteMarker: number;
  /** Column names, for error messages. */
  names: readonly string[];
}

export interface CsvParseOptions {
  /** Fixed layout; absent: the default CSV manifest layout, decided by the first row. */
  layout?: CsvColumnLayout;
  /** Prefix of error messages, e.g. the data file's key; absent: "Line N: …". */
  source?: string;
}

/** Bytes or already decoded text. */
export type ManifestChunk = Uint8Array | string;

const BATCH_SIZE = 1000;
const MAX_KEY_BYTES = 1024;
// A line this long cannot be a valid row (keys are at most 1,024 bytes); stop before memory grows.
const MAX_LINE_CHARS = 1 << 20;
const MAX_COLUMNS = 256;
// Strings beyond V8's regular heap object size (~128 KiB) are allocated ten times slower; decode in pieces.
const DECODE_BYTES = 64 * 1024;

// Every character a bucket name may have (legacy us-east-1 names included); nothing CSV would split on.
const BUCKET_NAME = /^[A-Za-z0-9._-]{1,255}$/;
// A version ID is not encoded: a control character, comma or quote cannot be one.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const BAD_VERSION_CHAR = /[\u0000-\u001f\u007f,"]/;

const BUCKET_KEY: CsvColumnLayout = layoutOf(['Bucket', 'Key']);
const BUCKET_KEY_VERSION: CsvColumnLayout = layoutOf(['Bucket', 'Key', 'VersionId']);

/** The layout of named columns; Bucket and Key are required, VersionId and IsDeleteMarker optional. */
export function layoutOf(names: readonly string[]): CsvColumnLayout {
  const index = (name: string): number => {
    const first = names.indexOf(name);
    if (first !== -1 && names.indexOf(name, first + 1) !== -1) {
      throw new ManifestError('ManifestParseError', `Manifest fields name ${name} more than once`);
    }
    return first;
  };
  const layout: CsvColumnLayout = {
    count: names.length,
    bucket: index('Bucket'),
    key: index('Key'),
    versionId: index('VersionId'),
    deleteMarker: index('IsDeleteMarker'),
    names,
  };
  if (layout.bucket === -1 || layout.key === -1) {
    throw new ManifestError(
      'ManifestParseError',
      `Manifest fields must include Bucket and Key, got ${names.join(', ')}`,
    );
  }
  if (names.length > MAX_COLUMNS) {
    throw new ManifestError(
      'ManifestParseError',
      `Manifest has ${names.length} fields, at most ${MAX_COLUMNS}`,
    );
  }
  return layout;
}

/**
 * Reads an `S3BatchOperations_CSV_20180820` manifest as it streams, in batches of up to 1,000 rows.
 * Memory stays bounded by the chunk size: only the partial last line is carried between chunks.
 */
export async function* readCsvManifest(
  source: AsyncIterable<ManifestChunk> | Iterable<ManifestChunk>,
  opts: CsvManifestOptions = {},
): AsyncGenerator<ManifestRow[]> {
  // An empty Fields list means the same as none: the default layout.
  const layout = opts.fields?.length ? layoutOf(opts.fields) : undefined;
  yield* parseCsvRows(source, layout ? { layout } : {});
}

/** The CSV core shared by the CSV and inventory readers: bytes in, batches of rows out. */
export async function* parseCsvRows(
  source: AsyncIterable<ManifestChunk> | Iterable<ManifestChunk>,
  opts: CsvParseOptions = {},
): AsyncGenerator<ManifestRow[]> {
  const parser = new CsvRowParser(opts.layout, opts.source);
  // ignoreBOM: the parser skips one byte order mark itself, for text and bytes alike.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      for (const batch of parser.push(chunk, false)) yield batch;
      continue;
    }
    for (let at = 0; at < chunk.length; at += DECODE_BYTES) {
      const piece = chunk.subarray(at, Math.min(at + DECODE_BYTES, chunk.length));
      for (const batch of parser.push(decoder.decode(piece, { stream: true }), false)) yield batch;
    }
  }
  for (const batch of parser.push(decoder.decode(), true)) yield batch;
}

/**
 * The rows of a CSV manifest held as text (pre-flight reads the first part of a manifest this way).
 * With `partial` the text is a prefix of a longer manifest: its last, possibly cut, line is not read.
 * Throws the ManifestError the job would fail with, naming the line.
 */
export function parseCsvManifest(
  text: string,
  opts: CsvManifestOptions & { partial?: boolean } = {},
): ManifestRow[] {
  const layout = opts.fields?.length ? layoutOf(opts.fields) : undefined;
  const parser = new CsvRowParser(layout, undefined);
  const cut = opts.partial ? text.lastIndexOf('\n') + 1 : text.length;
  return parser.push(text.slice(0, cut), true).flat();
}

/** URL-encode a key for a manifest or report (`/` kept readable). */
export const encodeKey = (key: string): string => encodeURIComponent(key).replace(/%2F/g, '/');

/** A manifest line (with its `\n`) for a row: `bucket,url-encoded key[,versionId]`. */
export function formatManifestRow(row: ManifestRow): string {
  return row.versionId === undefined
    ? `${row.bucket},${encodeKey(row.key)}\n`
    : `${row.bucket},${encodeKey(row.key)},${row.versionId}\n`;
}

/** Synchronous, chunk-fed CSV row parser; kept out of the generator so the hot loop optimises. */
export class CsvRowParser {
  private carry = '';
  /** 1-based number of the line at the start of `carry`. */
  private line = 1;
  private started = false;
  private batch: ManifestRow[] = [];
  private lastBucket = '';
  private readonly auto: boolean;
  private readonly vals: string[] = [];

  constructor(
    private layout: CsvColumnLayout | undefined,
    private readonly source: string | undefined,
  ) {
    this.auto = layout === undefined;
  }

  /** Feeds decoded text; returns the batches completed (and on `final`, the last partial one). */
  push(chunk: string, final: boolean): ManifestRow[][] {
    const out: ManifestRow[][] = [];
    let text = this.carry.length > 0 ? this.carry + chunk : chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      // Spreadsheet exports often start with a UTF-8 byte order mark.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const len = text.length;
    const vals = this.vals;
    let pos = 0;
    let nextQuote = -1;
    while (pos < len) {
      if (this.batch.length >= BATCH_SIZE) {
        out.push(this.batch);
        this.batch = [];
      }
      const nl = text.indexOf('\n', pos);
      let lineEnd = nl;
      if (nl === -1) {
        if (!final) break;
        lineEnd = len;
      }
      if (nextQuote < pos) {
        nextQuote = text.indexOf('"', pos);
        if (nextQuote === -1) nextQuote = len;
      }
      if (nextQuote < lineEnd) {
        const end = this.parseQuoted(text, pos, final);
        if (end === -1) break;
        pos = end;
        continue;
      }
      const next = lineEnd + 1;
      if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      if (lineEnd === pos) {
        this.line++;
        pos = next;
        continue;
      }
      // Fast path: no quotes on this line, so fields are the text between commas.
      let n = 0;
      let start = pos;
      for (;;) {
        const comma = text.indexOf(',', start);
        if (comma === -1 || comma >= lineEnd) {
          vals[n++] = text.slice(start, lineEnd);
          break;
        }
        vals[n++] = text.slice(start, comma);
        start = comma + 1;
        if (n === MAX_COLUMNS) this.fail('ManifestParseError', `more than ${MAX_COLUMNS} fields`);
      }
      this.emit(n);
      this.line++;
      pos = next;
    }
    this.carry = pos < len ? text.slice(pos) : '';
    if (this.carry.length > MAX_LINE_CHARS) {
      this.fail('ManifestParseError', `line is longer than ${MAX_LINE_CHARS} characters`);
    }
    if (final && this.batch.length > 0) {
      out.push(this.batch);
      this.batch = [];
    }
    return out;
  }

  /**
   * A line with quoted fields from `pos` (RFC 4180 quoting: commas and "" inside quotes); -1 when it
   * needs more text. A manifest has one row per line, so a quoted field may not hold a line break.
   */
  private parseQuoted(text: string, pos: number, final: boolean): number {
    const len = text.length;
    const vals = this.vals;
    let n = 0;
    let p = pos;
    for (;;) {
      if (n === MAX_COLUMNS) this.fail('ManifestParseError', `more than ${MAX_COLUMNS} fields`);
      let value: string;
      if (text.charCodeAt(p) === 34) {
        value = '';
        let from = p + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          const nl = text.indexOf('\n', from);
          if (nl !== -1 && (q === -1 || nl < q)) {
            this.fail(
              'ManifestParseError',
              'a quoted field holds a line break; a manifest has one row per line',
            );
          }
          if (q === -1) {
            if (!final) return -1;
            this.fail('ManifestParseError', 'quoted field is not closed');
          }
          if (text.charCodeAt(q + 1) === 34) {
            value += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          if (q + 1 >= len && !final) return -1;
          value += text.slice(from, q);
          p = q + 1;
          break;
        }
        const c = p < len ? text.charCodeAt(p) : 10;
        if (c !== 44 && c !== 10 && !(c === 13 && (p + 1 >= len || text.charCodeAt(p + 1) === 10))) {
          this.fail('ManifestParseError', `unexpected character after a closing quote: '${text[p]}'`);
        }
        if (c === 13 && p + 1 >= len && !final) return -1;
      } else {
        let e = p;
        while (e < len) {
          const c = text.charCodeAt(e);
          if (c === 44 || c === 10) break;
          e++;
        }
        if (e >= len && !final) return -1;
        value = text.slice(p, e > p && text.charCodeAt(e - 1) === 13 ? e - 1 : e);
        p = e;
      }
      vals[n++] = value;
      if (p < len && text.charCodeAt(p) === 44) {
        p++;
        continue;
      }
      if (p < len && text.charCodeAt(p) === 13) p++;
      if (p < len) p++; // the '\n'
      break;
    }
    this.emit(n);
    this.line++;
    return p;
  }

  private emit(n: number): void {
    const vals = this.vals;
    let layout = this.layout;
    if (layout === undefined) {
      if (n === 2) layout = BUCKET_KEY;
      else if (n === 3) layout = BUCKET_KEY_VERSION;
      else
        this.fail(
          'ManifestParseError',
          `expected 2 fields (Bucket, Key) or 3 (Bucket, Key, VersionId), got ${n}`,
        );
      this.layout = layout;
    }
    if (n !== layout.count) {
      const expected = `expected ${layout.count} fields (${layout.names.join(', ')}), got ${n}`;
      if (this.auto && (n === 2 || n === 3)) {
        this.fail(
          'ManifestVersionIdMismatch',
          `${expected}; a version ID must be given for every object or none`,
        );
      }
      this.fail('ManifestParseError', expected);
    }
    if (layout.deleteMarker !== -1 && vals[layout.deleteMarker] === 'true') return;
    let bucket = vals[layout.bucket] as string;
    // One string for a run of rows in the same bucket, not one per row.
    if (bucket.length === 0) this.fail('ManifestParseError', 'bucket name is empty');
    if (bucket === this.lastBucket) bucket = this.lastBucket;
    else {
      if (!BUCKET_NAME.test(bucket)) {
        this.fail('ManifestParseError', `'${truncate(bucket)}' is not a bucket name`);
      }
      this.lastBucket = bucket;
    }
    let key = vals[layout.key] as string;
    if (key.length === 0) this.fail('ManifestParseError', 'key is empty');
    if (key.indexOf('%') !== -1) {
      try {
        key = decodeURIComponent(key);
      } catch {
        this.fail('ManifestParseError', `key is not validly URL-encoded: ${truncate(key)}`);
      }
    }
    // A UTF-16 unit is at most 3 UTF-8 bytes, so only long keys need counting.
    if (key.length > MAX_KEY_BYTES / 3 && utf8Length(key) > MAX_KEY_BYTES) {
      this.fail('ManifestParseError', `key is longer than 1,024 bytes: ${truncate(key)}`);
    }
    // An empty version ID is kept: Batch Operations fails that task, not the job.
    if (layout.versionId !== -1) {
      const versionId = vals[layout.versionId] as string;
      if (BAD_VERSION_CHAR.test(versionId)) {
        this.fail(
          'ManifestParseError',
          `version ID holds a control character, comma or quote: ${truncate(versionId)}`,
        );
      }
      this.batch.push({ bucket, key, versionId });
    } else this.batch.push({ bucket, key });
  }

  private fail(code: ManifestErrorCode, message: string): never {
    const where = this.source === undefined ? `Line ${this.line}` : `${this.source}, line ${this.line}`;
    throw new ManifestError(code, `${where}: ${message}`, this.line);
  }
}

/** UTF-8 length of a string (lone surrogates count 3, as TextEncoder writes U+FFFD). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function truncate(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
