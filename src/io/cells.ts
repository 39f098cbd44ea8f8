/** Reading one CSV cell as a number: strict, because a silently misread value is worse than an error. */

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const NOT_A_NUMBER = /^(?:[+-]?nan|[+-]?inf(?:inity)?|#n\/a|n\/a|na|null|none|nil|-+)$/i;

export type CellValue = number | typeof MISSING | { readonly problem: string };
export const MISSING = Symbol('missing');

/**
 * Parses a value cell. Empty and "." (FRED's marker) mean no observation that day;
 * thousands separators ("1,234.5", only valid where the field was quoted) are accepted.
 */
export function parseValueCell(raw: string): CellValue {
  let text = raw;
  if (!PLAIN_NUMBER.test(text)) {
    text = raw.trim();
    if (text === '' || text === '.') return MISSING;
    if (THOUSANDS.test(text)) text = text.replaceAll(',', '');
    else if (!PLAIN_NUMBER.test(text)) return { problem: describeBadNumber(text) };
  }
  const value = Number(text);
  if (!Number.isFinite(value)) return { problem: `"${text}" is too large to be a number` };
  return value;
}

function describeBadNumber(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (NOT_A_NUMBER.test(text)) return `"${shown}" is not a number (leave the cell empty, or ".", for no observation that day)`;
  if (/^[+-]?[\d.]+%$/.test(text)) return `"${shown}" has a percent sign (write the number alone; rates are in percent)`;
  if (/^\d+,\d+$/.test(text)) return `"${shown}" is not a number (decimal commas are not accepted; use a point: ${text.replace(',', '.')})`;
  return `"${shown}" is not a number`;
}

/** Digits after the decimal point as written, for spotting rates written as fractions. */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  if (dot < 0) return 0;
  const e = text.search(/[eE]/);
  return (e < 0 ? text.length : e) - dot - 1;
}
