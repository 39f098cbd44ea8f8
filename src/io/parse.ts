/**
 * Reads one CSV text into the observation store, whatever its form (docs/data.md, Input formats): wide
 * (`date,sofr,reserves,…`, which includes FRED's `observation_date,ID` and `DATE,ID`),
 * long (`date,series,value[,unit]`), or the Treasury's Daily Treasury Statement export.
 * Every problem is reported as `file:line:column: what was found — what was expected`.
 */
import { CsvError } from 'csv-parse/sync';
import { SERIES, UNITS, type SeriesName, type UnitScale } from '../domain/catalog.ts';
import { describeBadDate, FIRST_PLAUSIBLE_DAY, LAST_PLAUSIBLE_DAY, parseIsoDay } from '../domain/dates.ts';
import { grouped } from '../domain/grouped.ts';
import { decimalsOf, MISSING, parseValueCell } from './cells.ts';
import type { ObservationStore } from './collect.ts';
import { mayBeFractions } from './collect.ts';
import { interpretColumn, interpretLongCells, type DeclaredUnits } from './columns.ts';
import { shown } from './shown.ts';
import { readRecords, type OnRecord } from './records.ts';

export interface SourceText {
  /** The name shown in messages: the path as given, or `<stdin>`. */
  readonly name: string;
  readonly text: string;
  /** False for stdin: a bare `value` column cannot be named after the file. */
  readonly named: boolean;
  /**
   * The directory it was found in, when it was not named on the command line itself: a
   * file of a folder that holds no series liq knows is skipped with a note, not an error.
   */
  readonly folder?: string;
  /** An Excel workbook's bytes (recognised by them, not by the name); its text is made from them before parsing. */
  readonly bytes?: Buffer;
}

type RowHandler = (record: string[], line: number) => void;


const DATE_HEADERS = new Set(['date', 'observation_date']);
const DTS_TGA_CLOSING = 'treasury general account (tga) closing balance';
const DTS_SCALE: UnitScale = UNITS.millions as UnitScale;

const MAX_IGNORED_NOTES = 10;

/** Up to a few names, quoted, then how many more: a message stays one readable line. */
function listed(names: readonly string[]): string {
  const shownNames = names.slice(0, 6).map((c) => `"${clip(c)}"`).join(', ');
  return names.length > 6 ? `${shownNames} and ${names.length - 6} more` : shownNames;
}

/**
 * The text with one kind of line end. csv-parse takes the line end from the first it
 * meets, so a file that mixes CRLF and LF (two files joined, an edit on another system)
 * ran lines together — with a misleading hint about thousands separators — and CR CR LF
 * (a file converted twice) was counted as two lines. Each of them, and a lone CR, is one
 * line end here, so line numbers are those an editor shows.
 */
function oneLineEnd(text: string, name: string, notices: string[]): string {
  if (!text.includes('\r')) return text;
  const crlf = text.includes('\r\n');
  const mixed = /(?<!\r)\n/.test(text) || /\r(?!\n)/.test(text);
  if (!crlf || !mixed) return text; // all CRLF, or all CR: csv-parse reads them as they are
  notices.push(`${name}: the file mixes line ends (CRLF with LF, CR or CR CR LF); each is read as one line end`);
  return text.replace(/\r+\n|\r/g, '\n');
}

/** Thrown inside the parser's callback to stop reading once enough problems are known. */
class StopReading extends Error {}

export function readSource(source: SourceText, store: ObservationStore, declared: DeclaredUnits, notices: string[]): void {
  const { name } = source;
  const text = oneLineEnd(source.text, name, notices);
  const shapeProblem = checkShape(text);
  if (shapeProblem !== null) {
    store.problem(`${name}:${shapeProblem}`);
    return;
  }
  const mark = store.mark();
  let handler: RowHandler | null = null;
  let width = 0;
  let rows = 0;
  let headerLine = 1;
  // csv-parse's records and line numbers, by a fast split when the text has no quotes.
  const onRecord: OnRecord = (record, line) => {
    if (handler === null) {
      headerLine = line;
      width = record.length;
      handler = makeHandler(source, record.map((h) => h.trim()), store, declared, notices);
      if (handler === null) throw new StopReading();
      return;
    }
    rows++;
    handler(record, line);
    if (store.full) throw new StopReading();
  };
  try {
    readRecords(text, onRecord);
  } catch (error) {
    if (error instanceof StopReading) return;
    if (error instanceof CsvError) {
      store.problem(describeCsvError(name, error, width, text));
      return;
    }
    throw error;
  }
  if (handler === null) {
    store.problem(`${name}:1:1: the file is empty (expected a header such as observation_date,SOFR and rows of data)`);
    return;
  }
  if (rows === 0) {
    store.problem(`${name}:${headerLine}:1: there is a header but no rows of data`);
    return;
  }
  store.endFile(mark);
}

/** A header line longer than this is not a header: nobody has a million characters of series names. */
const LONGEST_HEADER = 1_000_000;

/**
 * Catches what is not CSV text at all before the parser sees it, naming what it looks
 * like when that is recognisable. Returns `line:column: message`, or null. Only the
 * head is scanned for most checks, so a large good file costs nothing here.
 */
function checkShape(text: string): string | null {
  const head = text.slice(0, 4096);
  // trim() stops at the first visible character from each end (and drops a BOM), so this is cheap.
  if (text.trim() === '') return `1:1: the file is ${text === '' || text === '\uFEFF' ? 'empty' : 'blank'} (expected a header such as observation_date,SOFR and rows of data)`;
  const kind = recognise(head);
  if (kind !== null) return `1:1: ${kind}`;
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return `${locate(text, nul)}: a NUL byte: the file is binary, not a CSV text file`;
  const bad = head.indexOf('\uFFFD');
  if (bad >= 0) return `${locate(text, bad)}: the file is not UTF-8 text (is it a spreadsheet or a compressed file? export or save it as CSV, UTF-8)`;
  // eslint-disable-next-line no-control-regex
  const control = head.search(/[\u0001-\u0008\u000e-\u001f\u007f]/);
  if (control >= 0) return `${locate(text, control)}: a control character (U+${head.charCodeAt(control).toString(16).padStart(4, '0').toUpperCase()}): the file is binary, not a CSV text file`;
  if (text.length > LONGEST_HEADER && text.lastIndexOf('\n', LONGEST_HEADER) < 0 && text.lastIndexOf('\r', LONGEST_HEADER) < 0) {
    return `1:1: the first line is over ${grouped(LONGEST_HEADER, 0)} characters long with no line break: not a CSV header (expected a header such as observation_date,SOFR, then one row per date)`;
  }
  return null;
}

/** Formats that people hand to liq by mistake, recognised by their first bytes. */
function recognise(head: string): string | null {
  if (head.startsWith('PK\u0003\u0004')) return 'this is a ZIP archive or an Excel workbook (.xlsx), not CSV: export the sheet as CSV (UTF-8)';
  if (head.startsWith('\u001f\uFFFD')) return 'this is a gzip-compressed file, not CSV: decompress it first (gunzip)';
  if (head.startsWith('%PDF')) return 'this is a PDF, not CSV';
  // UTF-16 with a BOM decodes as two replacement characters; without one, as every other char NUL.
  if (head.startsWith('\uFFFD\uFFFD') || /^[^\u0000]\u0000[^\u0000]\u0000/.test(head) || /^\u0000[^\u0000]\u0000[^\u0000]/.test(head)) {
    return 'the file is UTF-16 text, not UTF-8: save it as "CSV UTF-8" (or convert it: iconv -f UTF-16 -t UTF-8)';
  }
  const start = head.replace(/^\uFEFF?\s*/, '');
  if (/^<(?:!doctype|html|\?xml|head|body)/i.test(start)) return 'this is an HTML or XML page, not CSV (a web page saved instead of the CSV download? on FRED use "Download" → CSV)';
  if (/^[{[]\s*["{[\]]/.test(start)) return 'this is JSON, not CSV: liq reads CSV (e.g. FRED\'s "Download" → CSV)';
  return null;
}

/**
 * `line:column` of a character offset, the column counted in fields (commas before it on
 * its line) like every other message; for messages only, so an O(n) count is fine.
 */
function locate(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  let field = 1;
  for (let i = text.indexOf(',', lineStart); i >= 0 && i < offset; i = text.indexOf(',', i + 1)) field++;
  return `${line}:${field}`;
}

function describeCsvError(name: string, error: CsvError, width: number, text: string): string {
  const line = (error as CsvError & { lines?: number }).lines ?? 1;
  // csv-parse's `index` is the field's position in its record for the quote errors.
  const field = (error as CsvError & { index?: number }).index;
  const column = typeof field === 'number' ? field + 1 : 1;
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const got = (error as CsvError & { record?: unknown[] }).record?.length;
      if (got === undefined) return `${name}:${line}:1: expected ${width} fields, as in the header, but found a different number`;
      const hint = got > width ? ' (a number with an unquoted thousands separator? quote it: "1,234.5")' : ' (leave a cell empty, but keep its comma)';
      return `${name}:${line}:${Math.min(got, width) + 1}: expected ${width} fields, as in the header, but found ${got}${hint}`;
    }
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${name}:${openQuote(text)}: a quoted field starts here and is never closed (a " without its closing "; the file ends inside it)`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `${name}:${line}:${column}: unexpected character after a closing quote (quote the whole field: "1,234.5", and double a quote inside it: "")`;
    case 'INVALID_OPENING_QUOTE':
      return `${name}:${line}:${column}: a quote inside an unquoted field (quote the whole field and double inner quotes)`;
    default:
      return `${name}:${line}:1: not readable as CSV (${shown(error.message, 200)})`;
  }
}

/** `line:column` of the quote that opens the field left unclosed at the end of the text. */
function openQuote(text: string): string {
  let open = -1;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) open = open < 0 ? i : -1;
  return open < 0 ? '1:1' : locate(text, open);
}

function makeHandler(source: SourceText, header: string[], store: ObservationStore, declared: DeclaredUnits, notices: string[]): RowHandler | null {
  const lower = header.map((h) => h.toLowerCase());
  if (lower.includes('record date') && lower.includes('type of account')) return dtsHandler(source, lower, store);
  if (lower[0] === 'effective date' && lower.includes('rate type')) return nyFedExportHandler(source, lower, store);
  if (header.length === 1) {
    const only = header[0] ?? '';
    const hint = only.includes(';')
      ? ' — it looks ";"-separated; liq reads comma-separated files (save as "CSV (comma delimited)")'
      : only.includes('\t')
        ? ' — it looks tab-separated; liq reads comma-separated files'
        : '';
    store.problem(`${source.name}:1:1: the header has a single column ("${clip(only)}"); expected a date column and at least one series, e.g. date,sofr${hint}`);
    return null;
  }
  if (lower[0] === '' && firstCellIsDate(source.text)) {
    // pandas' to_csv writes its index with an empty header: over ISO dates, that is the date column.
    notices.push(`${source.name}: the first column has no header but holds dates (pandas' index): read as the date column`);
  } else if (!DATE_HEADERS.has(lower[0] ?? '')) {
    store.problem(`${source.name}:1:1: the first column must be the date, named "date" or "observation_date" (found "${clip(header[0] ?? '')}")${firstColumnHint(header, lower)}`);
    return null;
  }
  // A map, not indexOf per column: a header of 200,000 columns must not take minutes.
  const firstAt = new Map<string, number>();
  for (let j = 0; j < lower.length; j++) {
    const h = lower[j] as string;
    if (h === '') continue; // unnamed columns (trailing commas from a spreadsheet) are ignored, not duplicates
    const earlier = firstAt.get(h);
    if (earlier !== undefined) {
      store.problem(`${source.name}:1:${j + 1}: the column "${clip(header[j] ?? '')}" appears twice (also column ${earlier + 1}); each column needs its own name`);
      return null;
    }
    firstAt.set(h, j);
  }
  if (lower.includes('series') && lower.includes('value')) return longHandler(source, lower, store, declared, notices);
  return wideHandler(source, header, store, declared, notices);
}

/** Whether the first cell of the text's second line is an ISO date. */
function firstCellIsDate(text: string): boolean {
  const lineEnd = text.indexOf('\n');
  if (lineEnd < 0) return false;
  const cell = /^([^,\r\n]*)/.exec(text.slice(lineEnd + 1, lineEnd + 64))?.[1] ?? '';
  return parseIsoDay(cell.trim()) !== null;
}

const clip = (text: string): string => shown(text);

/** Why the first column is not a date column, when that can be told. */
function firstColumnHint(header: readonly string[], lower: readonly string[]): string {
  if (parseIsoDay(header[0] ?? '') !== null) return '; the file seems to have no header row: add one, e.g. date,sofr';
  const dateAt = lower.findIndex((h) => DATE_HEADERS.has(h));
  if (dateAt > 0) return `; move the date column (column ${dateAt + 1}) to the front`;
  return '';
}

/**
 * The day of a row's date cell, or null after reporting why it is not one. A row whose
 * cells are all empty (spreadsheets pad files with ",,,") is skipped like a blank line.
 */
function dayOf(store: ObservationStore, file: string, line: number, column: number, cell: string, record: readonly string[]): number | null {
  const day = parseIsoDay(cell);
  // Two compares on the per-row path; everything else only for a bad cell.
  if (day !== null && day >= FIRST_PLAUSIBLE_DAY && day <= LAST_PLAUSIBLE_DAY) return day;
  return badDay(store, `${file}:${line}:${column}`, cell, record, day);
}


function badDay(store: ObservationStore, where: string, cell: string, record: readonly string[], parsed: number | null): number | null {
  const trimmed = cell.trim();
  const day = parsed ?? (trimmed !== cell ? parseIsoDay(trimmed) : null);
  if (day !== null) {
    if (day >= FIRST_PLAUSIBLE_DAY && day <= LAST_PLAUSIBLE_DAY) return day;
    store.problem(`${where}: "${trimmed}" is outside the years 1900 to 2199 (a typo in the year?)`);
    return null;
  }
  if (trimmed === '' && record.every((c) => c.trim() === '')) return null;
  const bare = trimmed.replace(/^\uFEFF/, '').toLowerCase();
  if (DATE_HEADERS.has(bare) || bare === 'record date') {
    store.problem(`${where}: this line repeats a header (were two files joined into one? give each file as its own argument)`);
    return null;
  }
  if (trimmed === '') store.problem(`${where}: the date is empty (every row needs its date, YYYY-MM-DD)`);
  else if (/^\d{8}$/.test(trimmed)) store.problem(`${where}: "${trimmed}" is not an ISO date (expected YYYY-MM-DD with dashes, e.g. ${trimmed.slice(0, 4)}-${trimmed.slice(4, 6)}-${trimmed.slice(6)})`);
  else store.problem(`${where}: ${describeBadDate(shown(trimmed))}`);
  return null;
}

function wideHandler(source: SourceText, header: string[], store: ObservationStore, declared: DeclaredUnits, notices: string[]): RowHandler | null {
  const columns: { index: number; segment: number; counts: boolean; unit: string }[] = [];
  const ignored: string[] = [];
  let unnamed = 0;
  for (let j = 1; j < header.length; j++) {
    if (header[j] === '') {
      unnamed++;
      continue;
    }
    const meaning = interpretColumn(header[j] ?? '', declared, source.named ? source.name : null);
    if (meaning.kind === 'problem') {
      store.problem(`${source.name}:1:${j + 1}: ${meaning.message}`);
      return null;
    }
    if (meaning.kind === 'unknown') {
      ignored.push(meaning.label);
      continue;
    }
    const segment = store.openSegment(source.name, j + 1, meaning.label, meaning.series, meaning.rule, meaning.id);
    const unit = meaning.rule.kind === 'magnitude' ? 'USD billions or millions' : meaning.rule.scale.name;
    columns.push({ index: j, segment, counts: mayBeFractions(meaning.rule), unit });
  }
  if (columns.length === 0 && source.folder !== undefined) {
    store.skip(source.folder, source.name);
    return null;
  }
  if (columns.length === 0) {
    const found = ignored.length > 0 ? `found ${listed(ignored)}` : 'every column after the date is unnamed';
    store.problem(
      `${source.name}:1:2: no known series in the header (${found}); ` +
        `name columns by series (sofr, rrp_rate, reserves, …) or FRED id (SOFR, RRPONTSYAWARD, WRESBAL, …)`,
    );
    return null;
  }
  if (ignored.length > 0) {
    // A FRED data list holds dozens of ids liq does not use: a count, and every name with --verbose.
    const names = store.verbose ? `: ${ignored.map((c) => `"${clip(c)}"`).join(', ')}` : ignored.length > 6 ? ' (--verbose lists them)' : `: ${listed(ignored)}`;
    const what = ignored.length === 1 ? 'column that is not a series' : 'columns that are not series';
    notices.push(`${source.name}: ignored ${ignored.length} ${what} liq knows${names}`);
  }
  if (unnamed > 0) notices.push(`${source.name}: ignored ${unnamed} column${unnamed > 1 ? 's' : ''} with no name in the header`);

  const row: RowHandler = (record, line) => {
    const day = dayOf(store, source.name, line, 1, record[0] ?? '', record);
    if (day === null) return;
    for (const column of columns) {
      const cell = record[column.index] as string;
      const value = parseValueCell(cell);
      if (value === MISSING) continue;
      if (typeof value !== 'number') {
        store.problem(`${source.name}:${line}:${column.index + 1}: ${value.problem} (expected ${column.unit} for ${clip(header[column.index] ?? '')})`);
        continue;
      }
      store.add(column.segment, day, value, line, column.counts ? decimalsOf(cell) : 0);
    }
  };
  return row;
}

function longHandler(source: SourceText, lower: string[], store: ObservationStore, declared: DeclaredUnits, notices: string[]): RowHandler {
  const dateAt = 0; // makeHandler has checked that the first column is the date, "date" or "observation_date"
  const seriesAt = lower.indexOf('series');
  const valueAt = lower.indexOf('value');
  const unitAt = lower.indexOf('unit');
  const segments = new Map<string, number | null>();
  let ignoredLabels = 0;
  return (record, line) => {
    const day = dayOf(store, source.name, line, dateAt + 1, record[dateAt] ?? '', record);
    if (day === null) return;
    const label = (record[seriesAt] ?? '').trim();
    if (label === '') {
      store.problem(`${source.name}:${line}:${seriesAt + 1}: the series name is empty (expected a series or FRED id, e.g. sofr or WRESBAL)`);
      return;
    }
    const unit = unitAt >= 0 ? (record[unitAt] ?? '').trim() : '';
    const key = `${label.toLowerCase()}[${unit.toLowerCase()}]`;
    let segment = segments.get(key);
    if (segment === undefined) {
      const meaning = interpretLongCells(label, unit, declared);
      if (meaning.kind === 'problem') {
        store.problem(`${source.name}:${line}:${(unit === '' ? seriesAt : unitAt) + 1}: ${meaning.message}`);
        segment = null;
      } else if (meaning.kind === 'unknown') {
        // One note per unknown name, but not thousands of them for a file of junk names.
        if (++ignoredLabels <= MAX_IGNORED_NOTES) notices.push(`${source.name}:${line}:${seriesAt + 1}: ignored series "${clip(label)}" (not a series liq knows)`);
        else if (ignoredLabels === MAX_IGNORED_NOTES + 1) notices.push(`${source.name}: more ignored series not listed`);
        segment = null;
      } else {
        segment = store.openSegment(source.name, valueAt + 1, label, meaning.series, meaning.rule, meaning.id);
      }
      segments.set(key, segment);
    }
    if (segment === null) return;
    const cell = record[valueAt] as string;
    const value = parseValueCell(cell);
    if (value === MISSING) return;
    if (typeof value !== 'number') {
      store.problem(`${source.name}:${line}:${valueAt + 1}: ${value.problem} (expected a value for ${clip(label)})`);
      return;
    }
    store.add(segment, day, value, line, decimalsOf(cell));
  };
}

/**
 * The Daily Treasury Statement's operating-cash table: the TGA's closing balance is on
 * the rows of type "Treasury General Account (TGA) Closing Balance", in the column the
 * export calls "Opening Balance Today"; amounts in millions. Older rows (before
 * 2022-04-18) give only opening balances and are not used.
 */
function dtsHandler(source: SourceText, lower: string[], store: ObservationStore): RowHandler | null {
  const dateAt = lower.indexOf('record date');
  const typeAt = lower.indexOf('type of account');
  const amountAt = lower.indexOf('opening balance today');
  if (amountAt < 0) {
    store.problem(`${source.name}:1:1: a Daily Treasury Statement export needs the column "Opening Balance Today"`);
    return null;
  }
  const segment = store.openSegment(source.name, amountAt + 1, 'TGA closing balance (DTS)', 'tga_daily', {
    kind: 'known',
    scale: DTS_SCALE,
    basis: 'Daily Treasury Statement',
  });
  return (record, line) => {
    if ((record[typeAt] ?? '').trim().toLowerCase() !== DTS_TGA_CLOSING) return;
    const day = dayOf(store, source.name, line, dateAt + 1, record[dateAt] ?? '', record);
    if (day === null) return;
    const value = parseValueCell(record[amountAt] as string);
    if (value === MISSING) return;
    if (typeof value !== 'number') {
      store.problem(`${source.name}:${line}:${amountAt + 1}: ${value.problem} (expected the TGA closing balance in USD millions)`);
      return;
    }
    store.add(segment, day, value, line, 0);
  };
}

/**
 * What the New York Fed's reference-rate export's columns hold, per rate type: the rate,
 * its volume-weighted percentiles and volume (SOFR and EFFR have series for them), and on
 * EFFR rows the target range. The other columns (intraday range, averages, the SOFR
 * index, revision flags) are ignored quietly.
 */
const NYFED_COLUMNS: Readonly<Record<string, Readonly<Record<string, SeriesName>>>> = {
  sofr: { 'rate (%)': 'sofr', '1st percentile (%)': 'sofr_p1', '25th percentile (%)': 'sofr_p25', '75th percentile (%)': 'sofr_p75', '99th percentile (%)': 'sofr_p99', 'volume ($billions)': 'sofr_volume' },
  effr: {
    'rate (%)': 'effr', '1st percentile (%)': 'effr_p1', '25th percentile (%)': 'effr_p25', '75th percentile (%)': 'effr_p75', '99th percentile (%)': 'effr_p99', 'volume ($billions)': 'effr_volume',
    'target rate from (%)': 'target_lower', 'target rate to (%)': 'target_upper',
  },
  obfr: { 'rate (%)': 'obfr' },
  tgcr: { 'rate (%)': 'tgcr' },
  bgcr: { 'rate (%)': 'bgcr' },
};

/**
 * The New York Fed's reference-rate export (CSV or the Excel sheet `Results`): one row per
 * date and rate type (`Effective Date,Rate Type,Rate (%),1st Percentile (%),…`), dates
 * `MM/DD/YYYY`, newest first, a last row of empty fields. Rates in percent, volumes in
 * USD billions, as the headers say.
 */
function nyFedExportHandler(source: SourceText, lower: string[], store: ObservationStore): RowHandler {
  const typeAt = lower.indexOf('rate type');
  const segments = new Map<string, number>();
  const segmentFor = (series: SeriesName, column: number): number => {
    const key = `${series}@${column}`;
    let id = segments.get(key);
    if (id === undefined) {
      const scale = (SERIES[series].dimension === 'rate' ? UNITS.percent : UNITS.billions) as UnitScale;
      id = store.openSegment(source.name, column + 1, `${lower[column]} (${series})`, series, { kind: 'known', scale, basis: 'NY Fed export' });
      segments.set(key, id);
    }
    return id;
  };
  return (record, line) => {
    if (record.every((c) => c.trim() === '')) return; // the export's last row
    const type = (record[typeAt] ?? '').trim().toLowerCase();
    const columns = NYFED_COLUMNS[type];
    if (columns === undefined || !Object.hasOwn(NYFED_COLUMNS, type)) {
      store.problem(`${source.name}:${line}:${typeAt + 1}: unknown rate type "${clip(record[typeAt] ?? '')}" (expected SOFR, EFFR, OBFR, TGCR or BGCR)`);
      return;
    }
    const day = usDay(store, source.name, line, record[0] ?? '');
    if (day === null) return;
    for (let j = 0; j < lower.length; j++) {
      const header = lower[j] as string;
      if (!Object.hasOwn(columns, header)) continue;
      const series = columns[header] as SeriesName;
      const cell = record[j] ?? '';
      const value = parseValueCell(cell);
      if (value === MISSING) continue;
      if (typeof value !== 'number') {
        // "NA" percentiles (the New York Fed's footnote 2: too few transactions) are no observation.
        if (cell.trim().toUpperCase() === 'NA') continue;
        store.problem(`${source.name}:${line}:${j + 1}: ${value.problem} (expected ${lower[j]} of ${type.toUpperCase()})`);
        continue;
      }
      store.add(segmentFor(series, j), day, value, line, decimalsOf(cell));
    }
  };
}

/** An `MM/DD/YYYY` date cell (the New York Fed's), or null after reporting why it is not one. */
function usDay(store: ObservationStore, file: string, line: number, cell: string): number | null {
  const match = /^\s*(\d{2})\/(\d{2})\/(\d{4})\s*$/.exec(cell);
  const day = match === null ? null : parseIsoDay(`${match[3]}-${match[1]}-${match[2]}`);
  if (day !== null && day >= FIRST_PLAUSIBLE_DAY && day <= LAST_PLAUSIBLE_DAY) return day;
  store.problem(`${file}:${line}:1: "${clip(cell)}" is not a date as the New York Fed writes it (expected MM/DD/YYYY, e.g. 09/17/2019)`);
  return null;
}
