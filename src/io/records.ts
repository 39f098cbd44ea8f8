/**
 * Splits a CSV text into records, each with the line it ends on, exactly as csv-parse does
 * with `{ bom: true, skip_empty_lines: true }` and default options otherwise.
 *
 * Why two paths: csv-parse walks the text character by character and builds an info object
 * for every record it hands to `on_record`, which makes it most of liq's run time on a
 * first look at a file (see "Performance" in the README for the measured difference).
 * Nearly every real input — FRED downloads, liq's own wide and long files — holds no
 * quote character, and for such a text String.prototype.split on line ends and commas
 * gives the same records and line numbers at native string speed. Anything that could
 * parse differently (a quote anywhere, a bare CR, mixed line endings, lone surrogates)
 * goes to csv-parse, which stays the reference; test/records.test.ts holds the two paths
 * to the same output.
 */
import { parse, CsvError } from 'csv-parse/sync';

/** Called for every record (header included) with the line it ends on; may throw to stop. */
export type OnRecord = (record: string[], line: number) => void;

const BOM = '\uFEFF';

/** The reference path: csv-parse itself, with the options liq reads every file with. */
export function readWithCsvParse(text: string, onRecord: OnRecord): void {
  parse(text, {
    bom: true,
    skip_empty_lines: true,
    on_record: (record: string[], context: { lines: number }) => {
      onRecord(record, context.lines);
      return null;
    },
  });
}

/**
 * Feeds every record of `text` to `onRecord`.
 * @throws CsvError as csv-parse would (e.g. CSV_RECORD_INCONSISTENT_FIELDS_LENGTH with
 * `lines` and `record`), after the records before the bad one were handed over, so
 * callers see the same sequence on either path.
 */
export function readRecords(text: string, onRecord: OnRecord): void {
  const lineEnd = simpleLineEnd(text);
  if (lineEnd === null) readWithCsvParse(text, onRecord);
  else splitSimple(text, lineEnd, onRecord);
}

/**
 * The line end of a text the split path reads exactly as csv-parse does, or null if the
 * text needs csv-parse. csv-parse takes the record delimiter from the first CR or LF it
 * meets, and counts any other CR or LF as a line inside a field, so a text qualifies only
 * if every line ends the same way: all LF (no CR at all), or all CRLF.
 */
export function simpleLineEnd(text: string): '\n' | '\r\n' | null {
  if (text.includes('"')) return null;
  // csv-parse reads UTF-8 bytes: a lone surrogate would come out as U+FFFD there.
  if (!(text as unknown as { isWellFormed(): boolean }).isWellFormed()) return null;
  const cr = text.indexOf('\r');
  if (cr < 0) return '\n';
  const lf = text.indexOf('\n');
  if (lf >= 0 && lf < cr) return null;
  // CRLF from the first line: every CR must start a CRLF and every LF end one.
  return /\r(?!\n)|(?<!\r)\n/.test(text) ? null : '\r\n';
}

/**
 * The split path. Line numbers follow csv-parse: every line end counts, empty lines too,
 * and a record carries the number of the line it is on. The first record (the header)
 * sets how many fields every record must have.
 */
function splitSimple(text: string, lineEnd: '\n' | '\r\n', onRecord: OnRecord): void {
  const n = text.length;
  const endLength = lineEnd.length;
  let pos = text.startsWith(BOM) ? BOM.length : 0;
  let width = -1;
  // Line by line with indexOf, not text.split(lineEnd): an array of every line of a large
  // file would be held until the last one is read.
  for (let line = 1; pos < n; line++) {
    let next = text.indexOf(lineEnd, pos);
    if (next < 0) next = n;
    if (next > pos) {
      const record = text.slice(pos, next).split(',');
      if (width < 0) width = record.length;
      else if (record.length !== width) {
        throw new CsvError(
          'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH',
          ['Invalid Record Length:', `expect ${width},`, `got ${record.length} on line ${line}`],
          undefined,
          { lines: line, record },
        );
      }
      onRecord(record, line);
    }
    pos = next + endLength;
  }
}
