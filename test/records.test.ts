/**
 * readRecords() has a fast split path for quote-free texts; csv-parse is the reference.
 * Whatever the text, both must hand over the same records with the same line numbers, and
 * fail with the same error code, line and record, after the same records.
 */
import fc from 'fast-check';
import { CsvError } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readRecords, readWithCsvParse, simpleLineEnd } from '../src/io/records.ts';

interface Outcome {
  readonly records: [string[], number][];
  readonly error: { code: string; lines: unknown; record: unknown } | null;
}

function collect(run: (onRecord: (record: string[], line: number) => void) => void): Outcome {
  const records: [string[], number][] = [];
  try {
    run((record, line) => records.push([record, line]));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { records, error: { code: error.code, lines: error.lines, record: error.record } };
  }
  return { records, error: null };
}

const reference = (text: string): Outcome => collect((onRecord) => readWithCsvParse(text, onRecord));

/** Ours, checking on the way that every record is a dense array, as csv-parse's are. */
const ours = (text: string): Outcome =>
  collect((onRecord) =>
    readRecords(text, (record, line) => {
      expect(Object.keys(record).length, 'no holes').toBe(record.length);
      onRecord(record, line);
    }),
  );

/** Cells as in real files, plus the characters that could make the two paths differ. */
const cell = fc.oneof(
  fc.constantFrom('', '.', '2019-09-17', '5.25', '-0.01', ' 3.5 ', 'SOFR', 'é', 'x y'),
  fc.string({ unit: fc.constantFrom('a', '1', ' ', '.', '\t', '\uFEFF', 'é', '"', '\r'), maxLength: 4 }),
);
const csvText = fc
  .record({
    bom: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    width: fc.integer({ min: 1, max: 4 }),
    rows: fc.array(fc.oneof({ weight: 8, arbitrary: fc.array(cell, { minLength: 1, maxLength: 5 }) }, { weight: 1, arbitrary: fc.constant([] as string[]) }), { maxLength: 8 }),
    lastEol: fc.boolean(),
    strayEol: fc.option(fc.tuple(fc.nat(), fc.constantFrom('\n', '\r', '\r\n')), { freq: 4 }),
  })
  .map(({ bom, eol, width, rows, lastEol, strayEol }) => {
    // Most rows keep the header's width, so that records (not only errors) get compared.
    const lines = rows.map((cells, i) => (i % 3 === 2 ? cells : [...cells, ...Array<string>(width).fill('')].slice(0, width)).join(','));
    let text = (bom ? '\uFEFF' : '') + lines.join(eol) + (lastEol ? eol : '');
    if (strayEol !== null) {
      const at = strayEol[0] % (text.length + 1);
      text = text.slice(0, at) + strayEol[1] + text.slice(at);
    }
    return text;
  });

describe('readRecords', () => {
  it('hands over what csv-parse hands over, for any text', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        expect(ours(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with csv-parse on arbitrary short texts', () => {
    const chars = fc.constantFrom('a', '1', ',', ',', '\n', '\n', '\r', '"', ' ', '\uFEFF', '\uD800', 'é');
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 24 }), (text) => {
        expect(ours(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the split path for plain FRED-style files, LF or CRLF, with or without a BOM', () => {
    expect(simpleLineEnd('observation_date,SOFR\n2019-09-17,5.25\n')).toBe('\n');
    expect(simpleLineEnd('\uFEFFDATE,WRESBAL\r\n2019-09-18,1390.1\r\n')).toBe('\r\n');
  });

  it('leaves quotes, bare CRs and mixed line ends to csv-parse', () => {
    expect(simpleLineEnd('date,reserves\n2019-09-18,"1,390.1"\n')).toBeNull();
    expect(simpleLineEnd('date,sofr\r2019-09-17,5.25\r')).toBeNull();
    expect(simpleLineEnd('date,sofr\r\n2019-09-17,5.25\n')).toBeNull();
    expect(simpleLineEnd('date,sofr\n2019-09-17,5.25\r\n')).toBeNull();
  });

  it('reports a short row with the line csv-parse gives, blank lines counted', () => {
    const text = 'date,sofr\n\n2019-09-16,2.43\n2019-09-17\n';
    expect(ours(text)).toEqual({
      records: [
        [['date', 'sofr'], 1],
        [['2019-09-16', '2.43'], 3],
      ],
      error: { code: 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH', lines: 4, record: ['2019-09-17'] },
    });
    expect(ours(text)).toEqual(reference(text));
  });
});
