/**
 * Reads one CSV text into the observation store, whatever its form (SPEC §2): wide
 * (`date,sofr,reserves,…`, which includes FRED's `observation_date,ID` and `DATE,ID`),
 * long (`date,series,value[,unit]`), or the Treasury's Daily Treasury Statement export.
 * Every problem is reported as `file:line:column: what was found — what was expected`.
 */
import { CsvError } from 'csv-parse/sync';
import { UNITS, type UnitScale } from '../domain/catalog.ts';
import { describeBadDate, parseIsoDay } from '../domain/dates.ts';
import { decimalsOf, MISSING, parseValueCell } from './cells.ts';
import type { ObservationStore } from './collect.ts';
import { interpretColumn, type DeclaredUnits } from './columns.ts';
import { readRecords } from './records.ts';

export interface SourceText {
  /** The name shown in messages: the path as given, or `<stdin>`. */
  readonly name: string;
  readonly text: string;
  /** False for stdin: a bare `value` column cannot be named after the file. */
  readonly named: boolean;
}

type RowHandler = (record: string[], line: number) => void;

const DATE_HEADERS = new Set(['date', 'observation_date']);
const DTS_TGA_CLOSING = 'treasury general account (tga) closing balance';
const DTS_SCALE: UnitScale = UNITS.millions as UnitScale;

/** Thrown inside the parser's callback to stop reading once enough problems are known. */
class StopReading extends Error {}

export function readSource(source: SourceText, store: ObservationStore, declared: DeclaredUnits, notices: string[]): void {
  const { name, text } = source;
  const shapeProblem = checkShape(text);
  if (shapeProblem !== null) {
    store.problem(`${name}:1:1: ${shapeProblem}`);
    return;
  }
  const mark = store.mark();
  let handler: RowHandler | null = null;
  let width = 0;
  let rows = 0;
  let headerLine = 1;
  try {
    // csv-parse's records and line numbers, by a fast split when the text has no quotes.
    readRecords(text, (record, line) => {
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
    });
  } catch (error) {
    if (error instanceof StopReading) return;
    if (error instanceof CsvError) {
      store.problem(describeCsvError(name, error, width));
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

/** Catches what is not CSV text at all before the parser sees it. */
function checkShape(text: string): string | null {
  if (text.includes('\u0000')) return 'the file contains NUL bytes: it is binary, not a CSV text file';
  const head = text.slice(0, 4096);
  if (head.includes('\uFFFD')) return 'the file is not UTF-8 text (is it a spreadsheet or a compressed file? export it as CSV)';
  // eslint-disable-next-line no-control-regex
  if (/[\u0001-\u0008\u000e-\u001f]/.test(head)) return 'the file contains control characters: it is binary, not a CSV text file';
  return null;
}

function describeCsvError(name: string, error: CsvError, width: number): string {
  const line = (error as CsvError & { lines?: number }).lines ?? 1;
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const got = (error as CsvError & { record?: unknown[] }).record?.length;
      return `${name}:${line}:1: expected ${width} fields, as in the header, but found ${got ?? 'a different number'}`;
    }
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${name}:${line}:1: a quoted field is never closed (a " without its closing ")`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `${name}:${line}:1: unexpected character after a closing quote (quote the whole field: "1,234.5")`;
    case 'INVALID_OPENING_QUOTE':
      return `${name}:${line}:1: a quote inside an unquoted field (quote the whole field and double inner quotes)`;
    default:
      return `${name}:${line}:1: not readable as CSV (${error.message})`;
  }
}

function makeHandler(source: SourceText, header: string[], store: ObservationStore, declared: DeclaredUnits, notices: string[]): RowHandler | null {
  const lower = header.map((h) => h.toLowerCase());
  if (lower.includes('record date') && lower.includes('type of account')) return dtsHandler(source, lower, store);
  if (header.length === 1) {
    const only = header[0] ?? '';
    const hint = only.includes(';') ? ' — it looks ";"-separated; liq reads comma-separated files' : only.includes('\t') ? ' — it looks tab-separated; liq reads comma-separated files' : '';
    store.problem(`${source.name}:1:1: the header has a single column ("${clip(only)}"); expected a date column and at least one series${hint}`);
    return null;
  }
  if (!DATE_HEADERS.has(lower[0] ?? '')) {
    store.problem(`${source.name}:1:1: the first column must be the date, named "date" or "observation_date" (found "${clip(header[0] ?? '')}")`);
    return null;
  }
  const duplicate = lower.findIndex((h, i) => lower.indexOf(h) !== i);
  if (duplicate >= 0) {
    store.problem(`${source.name}:1:${duplicate + 1}: the column "${clip(header[duplicate] ?? '')}" appears twice (also column ${lower.indexOf(lower[duplicate] ?? '') + 1}); each column needs its own name`);
    return null;
  }
  if (lower.includes('series') && lower.includes('value')) return longHandler(source, lower, store, declared, notices);
  return wideHandler(source, header, store, declared, notices);
}

const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

function dayOf(store: ObservationStore, where: string, cell: string): number | null {
  const day = parseIsoDay(cell);
  if (day === null) {
    const trimmed = cell.trim();
    const again = trimmed !== cell ? parseIsoDay(trimmed) : null;
    if (again !== null) return again;
    store.problem(`${where}: ${describeBadDate(trimmed)}`);
  }
  return day;
}

function wideHandler(source: SourceText, header: string[], store: ObservationStore, declared: DeclaredUnits, notices: string[]): RowHandler | null {
  const columns: { index: number; segment: number; counts: boolean; unit: string }[] = [];
  const ignored: string[] = [];
  for (let j = 1; j < header.length; j++) {
    const meaning = interpretColumn(header[j] ?? '', declared, source.named ? source.name : null);
    if (meaning.kind === 'problem') {
      store.problem(`${source.name}:1:${j + 1}: ${meaning.message}`);
      return null;
    }
    if (meaning.kind === 'unknown') {
      ignored.push(meaning.label);
      continue;
    }
    const segment = store.openSegment(source.name, j + 1, meaning.label, meaning.series, meaning.rule);
    const unit = meaning.rule.kind === 'magnitude' ? 'USD billions or millions' : meaning.rule.scale.name;
    columns.push({ index: j, segment, counts: meaning.rule.kind === 'default', unit });
  }
  if (columns.length === 0) {
    store.problem(
      `${source.name}:1:2: no known series in the header (found ${ignored.map((c) => `"${clip(c)}"`).join(', ')}); ` +
        `name columns by series (sofr, rrp_rate, reserves, …) or FRED id (SOFR, RRPONTSYAWARD, WRESBAL, …)`,
    );
    return null;
  }
  if (ignored.length > 0) notices.push(`${source.name}: ignored column${ignored.length > 1 ? 's' : ''} ${ignored.map((c) => `"${clip(c)}"`).join(', ')} (not a series liq knows; see liq --help)`);

  return (record, line) => {
    const day = dayOf(store, `${source.name}:${line}:1`, record[0] ?? '');
    if (day === null) return;
    for (const column of columns) {
      const cell = record[column.index] as string;
      const value = parseValueCell(cell);
      if (value === MISSING) continue;
      if (typeof value !== 'number') {
        store.problem(`${source.name}:${line}:${column.index + 1}: ${value.problem} (expected ${column.unit} for ${header[column.index]})`);
        continue;
      }
      store.add(column.segment, day, value, line, column.counts ? decimalsOf(cell) : 0);
    }
  };
}

function longHandler(source: SourceText, lower: string[], store: ObservationStore, declared: DeclaredUnits, notices: string[]): RowHandler {
  const dateAt = lower.indexOf('date');
  const seriesAt = lower.indexOf('series');
  const valueAt = lower.indexOf('value');
  const unitAt = lower.indexOf('unit');
  const segments = new Map<string, number | null>();
  return (record, line) => {
    const day = dayOf(store, `${source.name}:${line}:${dateAt + 1}`, record[dateAt] ?? '');
    if (day === null) return;
    const label = (record[seriesAt] ?? '').trim();
    const unit = unitAt >= 0 ? (record[unitAt] ?? '').trim() : '';
    const key = `${label.toLowerCase()}[${unit.toLowerCase()}]`;
    let segment = segments.get(key);
    if (segment === undefined) {
      const meaning = interpretColumn(unit === '' ? label : `${label}[${unit}]`, declared, null);
      if (meaning.kind === 'problem') {
        store.problem(`${source.name}:${line}:${(unit === '' ? seriesAt : unitAt) + 1}: ${meaning.message}`);
        segment = null;
      } else if (meaning.kind === 'unknown') {
        notices.push(`${source.name}:${line}:${seriesAt + 1}: ignored series "${clip(label)}" (not a series liq knows)`);
        segment = null;
      } else {
        segment = store.openSegment(source.name, valueAt + 1, label, meaning.series, meaning.rule);
      }
      segments.set(key, segment);
    }
    if (segment === null) return;
    const cell = record[valueAt] as string;
    const value = parseValueCell(cell);
    if (value === MISSING) return;
    if (typeof value !== 'number') {
      store.problem(`${source.name}:${line}:${valueAt + 1}: ${value.problem} (expected a value for ${label})`);
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
  const segment = store.openSegment(source.name, amountAt + 1, 'TGA closing balance (DTS)', 'tga', {
    kind: 'known',
    scale: DTS_SCALE,
    basis: 'Daily Treasury Statement',
  });
  return (record, line) => {
    if ((record[typeAt] ?? '').trim().toLowerCase() !== DTS_TGA_CLOSING) return;
    const day = dayOf(store, `${source.name}:${line}:${dateAt + 1}`, record[dateAt] ?? '');
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
