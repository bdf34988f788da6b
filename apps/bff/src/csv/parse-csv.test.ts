import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvField, parseCsv } from './parse-csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\nlines"\r\nd,,e\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['d', '', 'e'],
    ]);
  });

  it('keeps a last record without a line break and an empty quoted field', () => {
    expect(parseCsv('x,""')).toEqual([['x', '']]);
  });

  it('drops the cut last record of a partial read', () => {
    expect(parseCsv('a,b\nc,"d\n', { partial: true })).toEqual([['a', 'b']]);
  });

  it('names the line of a syntax error', () => {
    expect(() => parseCsv('a,b\nc,d"e\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\nc,d"e\n')).toThrow(/line 2/);
    expect(() => parseCsv('"open')).toThrow(/not closed/);
  });

  it('round-trips through csvField', () => {
    const row = ['plain', 'with,comma', 'with "quote"', 'line\nbreak'];
    expect(parseCsv(`${row.map(csvField).join(',')}\n`)).toEqual([row]);
  });
});
