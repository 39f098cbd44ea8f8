/**
 * Observations as the cache keeps them: the date and the value exactly as the source
 * wrote it ('' for no observation), so a cached file is FRED's own text, not a re-print.
 */
import { parseIsoDay } from '../../domain/dates.ts';

export interface Observation {
  /** YYYY-MM-DD: ISO dates sort as strings. */
  readonly date: string;
  /** The number as written ("3.65", "3808042"), or '' for none that day. */
  readonly value: string;
}

/** A response or file that is not what it claims to be; `reason` is one line. */
export class ShapeError extends Error {
  override readonly name = 'ShapeError';
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export const isIsoDate = (text: string): boolean => parseIsoDay(text) !== null;

/** A value cell of FRED's CSV: a plain number, or "." / empty for none ('' returned). */
export function valueCell(text: string): string | null {
  if (text === '' || text === '.') return '';
  return NUMBER.test(text) ? text : null;
}

/**
 * Parses FRED's CSV download (`observation_date,ID`, older `DATE,ID`), as served by
 * fredgraph.csv and as the cache stores it. Strict, because what passes is written to
 * the cache: an HTML error page, a foreign column, a row cut short or dates out of order
 * are rejected whole.
 * @throws ShapeError naming the line and what was expected.
 */
export function parseFredCsv(body: string, column: string): Observation[] {
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  if (/^\s*</.test(text)) throw new ShapeError(`an HTML page, not CSV${htmlTitle(text)}`);
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  if (header.length !== 2 || !/^(?:observation_date|date)$/i.test(header[0] as string) || (header[1] as string).toLowerCase() !== column.toLowerCase()) {
    const shown = (lines[0] ?? '').slice(0, 60);
    throw new ShapeError(`line 1 is "${shown}", expected the header observation_date,${column}`);
  }
  const rows: Observation[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const comma = line.indexOf(',');
    const date = comma < 0 ? line : line.slice(0, comma);
    const value = comma < 0 ? null : valueCell(line.slice(comma + 1).trim());
    if (!isIsoDate(date) || value === null) {
      const where = i === lines.length - 1 ? ' (the last line: the body looks cut short)' : '';
      throw new ShapeError(`line ${i + 1} is "${line.slice(0, 60)}", expected YYYY-MM-DD,number${where}`);
    }
    const previous = rows[rows.length - 1];
    if (previous !== undefined && previous.date >= date) {
      throw new ShapeError(`line ${i + 1}: ${date} follows ${previous.date} (dates must increase)`);
    }
    rows.push({ date, value });
  }
  return rows;
}

/** The text of a cache file: FRED's format, newline-terminated. */
export function formatFredCsv(column: string, rows: readonly Observation[]): string {
  const lines = [`observation_date,${column}`];
  for (const row of rows) lines.push(`${row.date},${row.value}`);
  return `${lines.join('\n')}\n`;
}

/** Parses a JSON body, rejecting an HTML page or a cut-off document with a clear reason. */
export function parseJson(body: string): unknown {
  if (/^\s*</.test(body)) throw new ShapeError(`an HTML page, not JSON${htmlTitle(body)}`);
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new ShapeError(body.trim() === '' ? 'an empty body, not JSON' : 'not valid JSON (cut short?)');
  }
}

function htmlTitle(html: string): string {
  const title = /<title[^>]*>([^<]{1,80})/i.exec(html)?.[1]?.trim().replace(/\s+/g, ' ');
  return title === undefined || title === '' ? '' : ` ("${title}")`;
}

/** A date → value map as observations in date order (ISO dates sort as strings). */
export function sortedByDate(byDate: ReadonlyMap<string, string>): Observation[] {
  return [...byDate].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, value]) => ({ date, value }));
}

/** Numeric equality of two value cells, so "1.80" → "1.8" is not a revision. */
export function sameValue(a: string, b: string): boolean {
  return a === b || (a !== '' && b !== '' && Number(a) === Number(b));
}
