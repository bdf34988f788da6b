/** Thrown for text that is not RFC 4180 CSV; `line` is 1-based. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Parse RFC 4180 CSV: fields quoted with `"` may hold commas, quotes (doubled) and line breaks;
 * CRLF or LF ends a record; a final line break does not start an empty record. With `partial`
 * the text is a prefix of a longer file, so the last (possibly cut) record is dropped.
 */
export function parseCsv(text: string, options: { partial?: boolean } = {}): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
    afterQuote = false;
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === ',') endField();
    else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      endField();
      records.push(record);
      record = [];
      line++;
      if (c === '\r') i++;
    } else if (c === '"') {
      if (field !== '' || afterQuote) throw new CsvSyntaxError(line, 'a quote inside an unquoted field');
      quoted = true;
    } else {
      if (afterQuote) throw new CsvSyntaxError(line, 'text after a closing quote');
      field += c;
    }
    i++;
  }
  if (options.partial) return records;
  if (quoted) throw new CsvSyntaxError(line, 'a quoted field is not closed');
  if (field !== '' || record.length > 0 || afterQuote) {
    endField();
    records.push(record);
  }
  return records;
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
