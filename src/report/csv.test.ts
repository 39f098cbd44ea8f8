import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv.ts';

/** The cell as a spreadsheet or CSV reader sees it after unquoting. */
const readBack = (cell: string): string => (parse(`${cell}\n`, { relax_quotes: false }) as string[][])[0]?.[0] ?? '';

describe('csvCell defuses spreadsheet formulas (OWASP CSV injection)', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1+cmd|/C calc!A0', "'+1+cmd|/C calc!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
  ])('prefixes text that starts with a formula character: %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('prefixes and quotes text that starts with a carriage return', () => {
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('prefixes before quoting, so the quote character stays outside the formula', () => {
    expect(csvCell('=HYPERLINK("http://x.test","y")')).toBe(`"'=HYPERLINK(""http://x.test"",""y"")"`);
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
  });

  it('leaves ordinary text alone, quoting only what CSV needs quoted', () => {
    expect(csvCell('sofr_rrp_spread')).toBe('sofr_rrp_spread');
    expect(csvCell('2019-09-17')).toBe('2019-09-17');
    expect(csvCell('a "b"')).toBe('"a ""b"""');
    expect(csvCell('x,y')).toBe('"x,y"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('')).toBe('');
  });

  it('writes numbers as numbers, negative ones without a prefix', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(3808.042)).toBe('3808.042');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(1e21)).toBe('1e+21');
  });

  it('writes a missing or non-finite number as an empty cell', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvCell(Number.NEGATIVE_INFINITY)).toBe('');
  });

  it('writes booleans as true and false', () => {
    expect(csvCell(true)).toBe('true');
    expect(csvCell(false)).toBe('false');
  });

  it('never lets any text be read back starting with a formula character, and changes no other text', () => {
    const risky = fc.oneof(fc.string(), fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string()).map(([a, b]) => a + b));
    fc.assert(
      fc.property(risky, (text) => {
        const back = readBack(csvCell(text));
        if (/^[=+\-@\t\r]/.test(text)) expect(back).toBe(`'${text}`);
        else expect(back).toBe(text);
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads every number back as the same number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(Number(readBack(csvCell(value)))).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 1_000 },
    );
  });

  it('joins a line of cells with commas and a newline', () => {
    expect(csvLine(['2019-09-17', 'sofr', -5, null, true, '=1'])).toBe("2019-09-17,sofr,-5,,true,'=1\n");
  });
});
