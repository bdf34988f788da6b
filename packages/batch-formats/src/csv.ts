/** Text that is not RFC 4180 CSV; `line` is 1-based. */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';

  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One CSV record and the 1-based line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/**
 * Parse RFC 4180 CSV (completion reports; manifests have their own stricter reader): fields quoted
 * with `"` may hold commas, doubled quotes and line breaks; CRLF or LF ends a record; a final line
 * break does not start an empty record. With `partial` the text is a prefix of a longer file, so
 * the last (possibly cut) record is dropped.
 */
export function parseCsvRecords(text: string, options: { partial?: boolean } = {}): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let start = 1;
  const endField = () => {
    fields.push(field);
    field = '';
    afterQuote = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === ',') endField();
    else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      endField();
      records.push({ line: start, fields });
      fields = [];
      if (c === '\r') i++;
      start = ++line;
    } else if (c === '"') {
      if (field !== '' || afterQuote) throw new CsvSyntaxError(line, 'a quote inside an unquoted field');
      quoted = true;
    } else {
      if (afterQuote) throw new CsvSyntaxError(line, 'text after a closing quote');
      field += c;
    }
  }
  if (options.partial) return records;
  if (quoted) throw new CsvSyntaxError(start, 'a quoted field is not closed');
  if (field !== '' || fields.length > 0 || afterQuote) {
    endField();
    records.push({ line: start, fields });
  }
  return records;
}
