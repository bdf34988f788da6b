import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvField, parseCsvRecords } from './csv.js';

// The RFC 4180 reader and writer of completion reports, edge by edge (mutation testing, issue 20).
describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi" "twice"', '"say ""hi"" ""twice"""'],
    ['two\nlines', '"two\nlines"'],
    ['a\rb', '"a\rb"'],
  ])('writes %j as %j, and reads it back', (value, field) => {
    expect(csvField(value)).toBe(field);
    expect(parseCsvRecords(`${field},x\n`)).toEqual([{ line: 1, fields: [value, 'x'] }]);
  });
});

describe('parseCsvRecords', () => {
  it.each([
    ['', []],
    ['\n', [[1, '']]],
    ['a', [[1, 'a']]],
    ['a,', [[1, 'a', '']]],
    [',', [[1, '', '']]],
    ['""', [[1, '']]],
    ['"",""\n', [[1, '', '']]],
    ['""""', [[1, '"']]],
    ['"a",b', [[1, 'a', 'b']]],
    [
      'a\r\nb\r\nc',
      [
        [1, 'a'],
        [2, 'b'],
        [3, 'c'],
      ],
    ],
    ['a\rb\n', [[1, 'a\rb']]],
    [
      '"x\r\ny",z\nw\n',
      [
        [1, 'x\r\ny', 'z'],
        [3, 'w'],
      ],
    ],
    [
      '"1\n2\n3"\n"4\n5"\nq',
      [
        [1, '1\n2\n3'],
        [4, '4\n5'],
        [6, 'q'],
      ],
    ],
  ] as const)('reads %j', (text, records) => {
    expect(parseCsvRecords(text)).toEqual(records.map(([line, ...fields]) => ({ line, fields })));
  });

  it.each([
    ['a"b\n', 1, 'a quote inside an unquoted field'],
    ['a\nb,c"\n', 2, 'a quote inside an unquoted field'],
    ['x\n"a"b', 2, 'text after a closing quote'],
    ['x\n"a\nb""', 2, 'a quoted field is not closed'],
  ])('refuses %j at line %i: %s', (text, line, message) => {
    const err = (() => {
      try {
        parseCsvRecords(text);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(CsvSyntaxError);
    expect(err).toMatchObject({ name: 'CsvSyntaxError', line, message: `line ${line}: ${message}` });
  });

  it('with partial, keeps the complete records and drops a cut one, even an unclosed quote', () => {
    expect(parseCsvRecords('a\nb,"c', { partial: true })).toEqual([{ line: 1, fields: ['a'] }]);
    expect(parseCsvRecords('a\nb', { partial: true })).toEqual([{ line: 1, fields: ['a'] }]);
    expect(parseCsvRecords('a\n', { partial: true })).toEqual([{ line: 1, fields: ['a'] }]);
  });
});
