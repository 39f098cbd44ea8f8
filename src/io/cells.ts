/** Reading one CSV cell as a number: strict, because a silently misread value is worse than an error. */
import { shown } from './shown.ts';

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
  if (!Number.isFinite(value)) return { problem: `"${shown(text)}" is too large to be a number (beyond ±1.8e308)` };
  if (Math.abs(value) >= LARGEST_PLAUSIBLE) {
    return { problem: `"${shown(text)}" is too large for any series liq reads (at most ±1e15, in the unit of the column: is a unit or an exponent wrong?)` };
  }
  if (Math.abs(value) < Number.MIN_VALUE * 2 ** 52 && /[1-9]/.test(text.replace(/[eE].*$/, ''))) {
    // 1e-400 is 0 to a double, and 1e-310 a denormal: a number that small is no rate or amount.
    return { problem: `"${shown(text)}" is too small to be read as a number (it would be taken as ${value === 0 ? '0' : 'a denormal'}; below ±2.2e-308)` };
  }
  return value;
}

/**
 * No series liq reads comes near this in the unit of its column (the largest, the Fed's
 * assets in dollars, is about 7e12): a larger cell is a typo or a wrong unit, and would
 * print as a number of hundreds of digits.
 */
const LARGEST_PLAUSIBLE = 1e15;

function describeBadNumber(text: string): string {
  const quoted = `"${shown(text)}"`;
  if (NOT_A_NUMBER.test(text)) return `${quoted} is not a number (leave the cell empty, or ".", for no observation that day)`;
  if (/^[+-]?[\d.]+%$/.test(text)) return `${quoted} has a percent sign (write the number alone; rates are in percent)`;
  if (/^[+-]?\d+,\d+$/.test(text)) return `${quoted} is not a number (decimal commas are not accepted; use a point: ${text.replace(',', '.')})`;
  if (/^[+-]?\d{1,3}(?:\.\d{3})+,\d+$/.test(text)) {
    return `${quoted} is not a number (European separators are not accepted; write ${text.replaceAll('.', '').replace(',', '.')})`;
  }
  if (/^\(\d[\d,.]*\)$/.test(text)) return `${quoted} is not a number (write a negative number with a minus sign, not in parentheses)`;
  if (/^[$€£¥]/.test(text)) return `${quoted} is not a number (write the number without a currency sign)`;
  return `${quoted} is not a number`;
}

/** Digits after the decimal point as written, for spotting rates written as fractions. */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  if (dot < 0) return 0;
  // Digits only, so trailing spaces or an exponent do not count as decimals.
  let end = dot + 1;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c < 48 || c > 57) break;
    end++;
  }
  return end - dot - 1;
}
