/**
 * The wide-row scanner: reads a well-formed row of a wide file — an ISO date, then plain
 * decimal numbers or empty cells — straight from the text's bytes into the store, without
 * making a string per cell. It reads through a window of at most 1 MiB of the text's
 * bytes, refilled as it goes, so a 50 MB file costs it 1 MiB, not a second copy.
 *
 * Why: start-up is all cold code (SPEC §7), and there a row costs about a microsecond per
 * string it allocates and per regex it runs. FRED downloads and liq's own files are
 * nearly all rows of this one shape; reading them by byte took the first parse of the
 * 40,000 rows of fixtures/fred/ from about 110 ms to about 45 ms on the development machine.
 *
 * The scanner never reports a problem: any row it is unsure of (a space, an exponent, a
 * bad date, a field too many or too few, more digits than a double holds exactly) it
 * leaves to the record path, which reads it and reports its problems exactly as before.
 * So the two paths give the same series and the same messages; test/scan.test.ts holds
 * them to it.
 */
import { dayFromCivil, daysInMonth } from '../domain/dates.ts';
import type { ObservationStore } from './collect.ts';

/** A wide file's value column as the scanner needs it. */
export interface ScannedColumn {
  /** The field's position in the row (0 is the date). */
  readonly index: number;
  readonly segment: number;
  /** Whether the store wants the decimals written, to spot rates written as fractions. */
  readonly counts: boolean;
}

/** Where the reading stands: the character offset of the next row, and its line number. */
export interface Cursor {
  pos: number;
  line: number;
}

const LF = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;
const DASH = 0x2d;
const MINUS = DASH;
const DOT = 0x2e;
const PLUS = 0x2b;
const ZERO = 0x30;

/** 15 digits always fit a double's 53-bit integer exactly. */
const MAX_DIGITS = 15;
/** 10^0 … 10^15, each exact as a double. */
const POWERS_OF_TEN = Array.from({ length: MAX_DIGITS + 1 }, (_, k) => 10 ** k);

/**
 * Whether every character of the text is ASCII, a leading BOM aside: then its characters
 * are its bytes, one for one, and the scanner can read it. Any other text takes the record
 * path throughout.
 */
export function isAsciiText(text: string): boolean {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // A UTF-8 length equal to the character count means no character above U+007F.
  return Buffer.byteLength(body, 'utf8') === body.length;
}

/** The most bytes of the text a scanner holds at once. */
const WINDOW = 1 << 20;

/** Rows a scanner holds before it hands them to the store; its buffers are sized for this many. */
const RUN = 1024;

/**
 * A scanner for the rows of a wide file whose header has `width` fields: the file's
 * bytes, where its values go, and a run of up to RUN values per column, handed to the
 * store whole (at most every RUN rows, and whenever the scanner stops), so that the
 * loop over the rows calls nothing per value.
 */
export interface WideRowScanner {
  readonly text: string;
  /** Characters [windowStart, windowStart + windowLength) of the text, as bytes (ASCII: one each). */
  readonly window: Buffer;
  /**
   * The same bytes as a plain Uint8Array, to read them through: Buffer's own indexOf() is
   * a JavaScript wrapper around a native call, slow to call once a row.
   */
  readonly view: Uint8Array;
  windowStart: number;
  windowLength: number;
  readonly width: number;
  readonly columns: readonly ScannedColumn[];
  /** For each field of a row, its place in `columns`, or -1 for a column liq ignores. */
  readonly wanted: Int32Array;
  /** 1 where the store wants column k's decimals counted (ScannedColumn.counts), else 0. */
  readonly counts: Int32Array;
  readonly store: ObservationStore;
  /** The dates the loader accepts, as day numbers; any other date is the record path's to report. */
  readonly firstDay: number;
  readonly lastDay: number;
  /** Column k's run is at [k × RUN, k × RUN + runLength[k]) of the run arrays. */
  readonly runDays: Int32Array;
  readonly runValues: Float64Array;
  readonly runLines: Int32Array;
  readonly runLength: Int32Array;
  readonly runDecimals: Int32Array;
  /** One row's cells, kept until the whole row is known to be good. */
  readonly rowValues: Float64Array;
  readonly rowDecimals: Int32Array;
  readonly rowPresent: Uint8Array;
}

/** A scanner for the rows of a wide text whose header has `width` fields. The text must be ASCII (isAsciiText). */
export function wideRowScanner(
  text: string,
  width: number,
  columns: readonly ScannedColumn[],
  store: ObservationStore,
  firstDay: number,
  lastDay: number,
): WideRowScanner {
  const wanted = new Int32Array(width).fill(-1);
  columns.forEach((column, k) => (wanted[column.index] = k));
  const count = columns.length;
  const window = Buffer.allocUnsafe(Math.max(1, Math.min(WINDOW, text.length)));
  // Built whole in one literal, so that every file's scanner has the same shape (V8's
  // hidden class) and scanWideRows() runs the same optimised code for all of them.
  return {
    text,
    window,
    view: new Uint8Array(window.buffer, window.byteOffset, window.length),
    windowStart: 0,
    windowLength: 0,
    width,
    columns,
    wanted,
    counts: Int32Array.from(columns, (column) => (column.counts ? 1 : 0)),
    store,
    firstDay,
    lastDay,
    runDays: new Int32Array(count * RUN),
    runValues: new Float64Array(count * RUN),
    runLines: new Int32Array(count * RUN),
    runLength: new Int32Array(count),
    runDecimals: new Int32Array(count),
    rowValues: new Float64Array(count),
    rowDecimals: new Int32Array(count),
    rowPresent: new Uint8Array(count),
  };
}

/** Moves the window to start at character `from`: the bytes of as much of the text as fit. */
function slide(scanner: WideRowScanner, from: number): Uint8Array {
  const end = Math.min(scanner.text.length, from + scanner.window.length);
  scanner.window.write(scanner.text.slice(from, end), 0, 'latin1');
  scanner.windowStart = from;
  scanner.windowLength = end - from;
  return scanner.view.subarray(0, end - from);
}

/** Hands every column's run to the store and empties it. */
function flushRuns(scanner: WideRowScanner): void {
  const { columns, store, runDays, runValues, runLines, runLength, runDecimals } = scanner;
  for (let k = 0; k < columns.length; k++) {
    const column = columns[k] as ScannedColumn;
    store.addRun(column.segment, runDays, runValues, runLines, k * RUN, runLength[k] as number, runDecimals[k] as number);
    runLength[k] = 0;
    runDecimals[k] = 0;
  }
}

/**
 * Reads rows from the cursor on, moving it past each one it takes (blank lines too), and
 * stops at the start of the first row it leaves to the record path, or at the end of the
 * text. Returns how many rows it took; their values are in the store.
 */
export function scanWideRows(scanner: WideRowScanner, cursor: Cursor): number {
  const taken = scanRows(scanner, cursor);
  flushRuns(scanner);
  return taken;
}

/**
 * The loop of scanWideRows(). A row it takes has exactly `width` fields; a value is
 * `[+-]digits[.digits]` (or `.digits`), with at most 15 digits, and an empty cell or a
 * lone "." is no observation, as on the record path. The value is the quotient of two
 * exact doubles, so it is correctly rounded: the same double as Number() of the cell.
 *
 * One loop, with the date and the numbers read inline and no call per value, on purpose:
 * it runs before V8 has optimised anything, where every call costs, and V8 optimises a
 * loop in place (on-stack replacement) after its first few hundred turns. For the same
 * reason every operation in it runs on every row: one V8 has not seen run yet (a
 * comparison only empty cells reach, say) would throw the optimised code away the first
 * time it does.
 */
function scanRows(scanner: WideRowScanner, cursor: Cursor): number {
  const { text, width, wanted, counts, firstDay, lastDay, runDays, runValues, runLines, runLength, runDecimals, rowValues, rowDecimals, rowPresent } = scanner;
  // The window's bytes, and where its first one is in the text: character base + i is
  // byte i. The window is kept while the cursor is in it: after each row the record path
  // reads, the scanner is called again, and must not copy a window each time.
  const inWindow = cursor.pos >= scanner.windowStart && cursor.pos < scanner.windowStart + scanner.windowLength;
  let bytes = inWindow ? scanner.view.subarray(0, scanner.windowLength) : slide(scanner, cursor.pos);
  let base = scanner.windowStart;
  let n = bytes.length;
  let from = cursor.pos - base;
  let line = cursor.line;
  let taken = 0;
  // The month of the last row, so that a date costs a lookup, not a calendar computation.
  let monthKey = -1;
  let monthDayZero = 0;
  let monthLength = 0;
  for (;;) {
    // Kept current here rather than set after the loop, which would run for the first
    // time only after the loop had been optimised (see above).
    cursor.pos = base + from;
    cursor.line = line;
    if (base + from >= text.length) return taken;
    let next = bytes.indexOf(LF, from);
    if (next < 0) {
      if (base + n < text.length) {
        // The row runs past the window: move the window to start at the row, unless it
        // already does (a row of over 1 MiB is the record path's).
        if (from === 0) return taken;
        bytes = slide(scanner, base + from);
        base += from;
        n = bytes.length;
        from = 0;
        continue;
      }
      next = n; // the text's last row, with no line end
    }
    // A text that reaches the scanner has only LF or only CRLF line ends (simpleLineEnd).
    const to = next > from && bytes[next - 1] === CR ? next - 1 : next;
    if (to === from) {
      // A blank line: skipped, as csv-parse skips it.
      from = next + 1;
      line++;
      continue;
    }
    // The date: exactly YYYY-MM-DD and a real day, as parseIsoDay reads it.
    if (to - from < 10 || bytes[from + 4] !== DASH || bytes[from + 7] !== DASH) return taken;
    const y = twoDigits(bytes, from) * 100 + twoDigits(bytes, from + 2);
    const m = twoDigits(bytes, from + 5);
    const d = twoDigits(bytes, from + 8);
    if (y < 0 || m < 1 || m > 12) return taken;
    const key = y * 16 + m;
    if (key !== monthKey) {
      monthKey = key;
      monthDayZero = dayFromCivil(y, m, 1) - 1;
      monthLength = daysInMonth(y, m);
    }
    if (d < 1 || d > monthLength) return taken;
    const day = monthDayZero + d;
    if (day < firstDay || day > lastDay) return taken;
    let p = from + 10;
    for (let field = 1; field < width; field++) {
      if (p >= to || bytes[p] !== COMMA) return taken; // a field too few
      p++;
      const k = wanted[field] as number;
      if (k < 0) {
        while (p < to && bytes[p] !== COMMA) p++; // a column liq ignores: any text
        continue;
      }
      const first = bytes[p];
      const negative = first === MINUS;
      const signed = negative || first === PLUS;
      if (signed) p++;
      let mantissa = 0;
      let digits = 0;
      let afterDot = -1;
      for (; p < to; p++) {
        const c = bytes[p] as number;
        if (c === COMMA) break;
        if (c === DOT && afterDot < 0) {
          afterDot = 0;
          continue;
        }
        const digit = c - ZERO;
        if (digit < 0 || digit > 9 || ++digits > MAX_DIGITS) return taken;
        mantissa = mantissa * 10 + digit;
        if (afterDot >= 0) afterDot++;
      }
      // No digits: empty or "." (no observation that day), or a bare sign (not a number).
      if (digits === 0 && signed) return taken;
      rowPresent[k] = digits === 0 ? 0 : 1;
      const scale = afterDot < 0 ? 0 : afterDot;
      rowValues[k] = (mantissa / (POWERS_OF_TEN[scale] as number)) * (negative ? -1 : 1);
      rowDecimals[k] = scale * (counts[k] as number);
    }
    if (p !== to) return taken; // a field too many
    // The row is good: its values join their columns' runs.
    let full = false;
    for (let k = 0; k < rowPresent.length; k++) {
      const at = k * RUN + (runLength[k] as number);
      const present = rowPresent[k] as number;
      runDays[at] = day;
      runValues[at] = rowValues[k] as number;
      runLines[at] = line;
      runDecimals[k] = Math.max(runDecimals[k] as number, (rowDecimals[k] as number) * present);
      runLength[k] = (runLength[k] as number) + present; // an absent value is overwritten by the next
      full = full || runLength[k] === RUN;
    }
    from = next + 1;
    line++;
    taken++;
    if (full) flushRuns(scanner);
  }
}

/** The number written by two ASCII digits at `at`, or a negative number if either is not a digit. */
function twoDigits(bytes: Uint8Array, at: number): number {
  const tens = (bytes[at] as number) - ZERO;
  const ones = (bytes[at + 1] as number) - ZERO;
  return tens < 0 || tens > 9 || ones < 0 || ones > 9 ? -10000 : tens * 10 + ones;
}
