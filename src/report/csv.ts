/** CSV output. Text cells that a spreadsheet would run as a formula are defused. */
import type { Assessment } from '../engine/types.ts';

/**
 * One CSV cell. Text starting with = + - @ (or a tab/CR) is prefixed with ' so a
 * spreadsheet shows it instead of evaluating it (OWASP "CSV injection"); numbers are
 * written as numbers, negative ones included.
 */
export function csvCell(value: string | number | null | boolean): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | null | boolean)[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

/** `liq check --format csv`: one row per indicator metric, long form for spreadsheets. */
export function checkCsv(assessment: Assessment): string {
  let out = csvLine(['as_of', 'indicator', 'status', 'metric', 'value', 'stale']);
  for (const r of assessment.indicators) {
    for (const [metric, value] of Object.entries(r.metrics)) {
      out += csvLine([assessment.asOf, r.id, r.status, metric, value, r.stale.length > 0]);
    }
  }
  return out;
}
