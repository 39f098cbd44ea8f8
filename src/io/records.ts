/**
 * Splits a CSV text into records, each with the line it ends on, exactly as csv-parse does
 * with `{ bom: true, skip_empty_lines: true }` and default options otherwise.
 *
 * Why two paths: csv-parse walks the text byte by byte and builds an info object for every
 * record it hands to `on_record`, which makes it most of liq's run time (about 0.5 s for
 * the 40,000 rows of fixtures/fred/, several seconds at a million rows). Nearly every real
 * input — FRED downloads, liq's own wide and long files — holds no quote character, and
 * for such a text a split on line ends and commas gives the same records and line numbers
 * at native string speed. Anything that could parse differently (a quote anywhere, a bare
 * CR, mixed line endings, lone surrogates) goes to csv-parse, which stays the reference;
 * test/records.test.ts holds the two paths to the same output.
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
 * What readRecords() hands the rows to. `scanRows`, once set (after the header, say), is
 * handed the rest of a quote-free text first: it reads the rows it can straight from the
 * text and moves the cursor past them; the row it stops at becomes a record, and then it
 * is handed the rest again.
 */
export interface RecordSink {
  readonly onRecord: OnRecord;
  scanRows?: ((cursor: { pos: number; line: number }) => void) | undefined;
}

/**
 * Feeds every record of `text` to the sink (see RecordSink for rows it reads itself).
 * @throws CsvError as csv-parse would (e.g. CSV_RECORD_INCONSISTENT_FIELDS_LENGTH with
 * `lines` and `record`), after the records before the bad one were handed over, so
 * callers see the same sequence on either path.
 */
export function readRecords(text: string, sink: OnRecord | RecordSink): void {
  const to: RecordSink = typeof sink === 'function' ? { onRecord: sink } : sink;
  const lineEnd = simpleLineEnd(text);
  if (lineEnd === null) {
    readWithCsvParse(text, to.onRecord);
    return;
  }
  splitSimple(text, lineEnd === '\r\n', to);
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
function splitSimple(text: string, crlf: boolean, sink: RecordSink): void {
  const n = text.length;
  let pos = text.startsWith(BOM) ? BOM.length : 0;
  let line = 1;
  let width = -1;
  const cursor = { pos, line };
  while (pos < n) {
    if (width >= 0 && sink.scanRows !== undefined) {
      cursor.pos = pos;
      cursor.line = line;
      sink.scanRows(cursor);
      pos = cursor.pos;
      line = cursor.line;
      if (pos >= n) break;
    }
    let next = text.indexOf('\n', pos);
    if (next < 0) next = n;
    const end = crlf && next < n ? next - 1 : next;
    if (end > pos) {
      const record = fields(text, pos, end, width);
      if (width < 0) width = record.length;
      else if (record.length !== width) {
        throw new CsvError(
          'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH',
          ['Invalid Record Length:', `expect ${width},`, `got ${record.length} on line ${line}`],
          undefined,
          { lines: line, record },
        );
      }
      sink.onRecord(record, line);
    }
    line++;
    pos = next + 1;
  }
}

/**
 * The comma-separated fields of text[start, end). By hand rather than slice().split(','):
 * split is a runtime call that costs about a microsecond a line before V8 warms up, and
 * start-up is all cold code. The array is sized for the header's `width` up front, which
 * halves what a row allocates (so fewer young-generation collections).
 */
function fields(text: string, start: number, end: number, width: number): string[] {
  const record: string[] = width > 0 ? new Array<string>(width) : [];
  let from = start;
  let i = 0;
  for (;;) {
    const comma = text.indexOf(',', from);
    const last = comma < 0 || comma >= end;
    record[i++] = text.slice(from, last ? end : comma);
    if (last) break;
    from = comma + 1;
  }
  if (i < record.length) record.length = i; // a short row: no holes, its true length
  return record;
}
