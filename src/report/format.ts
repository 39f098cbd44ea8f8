/**
 * Numbers as a person reads them — the one formatter of the table, the reasons, markdown
 * and HTML: a true minus sign, thousands separators, and the same decimals for each unit
 * everywhere (valueText). Strings out; no colour here.
 */
import { grouped } from '../domain/grouped.ts';
import type { MetricUnit } from '../engine/types.ts';

export const DASH = '—';
export const MINUS = '−';

export function num(value: number, decimals: number, minDecimals = decimals): string {
  const fixed = grouped(value, decimals, minDecimals); // toLocaleString's output, without loading ICU
  if (fixed === '-0' || /^-0\.0*$/.test(fixed)) return fixed.slice(1);
  return fixed.replace(/^-/, MINUS); // a real minus sign reads better in a table
}

/** A level in USD billions: 2,848 bn; small ones keep a decimal (51.8 bn). */
export function bn(value: number): string {
  return `${num(value, bnDecimals(value))} bn`;
}

const bnDecimals = (value: number): number => (Math.abs(value) >= 100 ? 0 : 1);

export function signed(text: string, value: number): string {
  return value > 0 && !/^0(\.0+)?(?![\d.])/.test(text) ? `+${text}` : text;
}

/** Basis points: whole where whole (spreads of two rates), else one decimal (means). */
export function bp(value: number): string {
  return `${num(value, bpDecimals(value))} bp`;
}

const bpDecimals = (value: number): number => (Number.isInteger(value) ? 0 : 1);

/** The decimals a unit is shown with (bp and bn depend on the size and wholeness of the value). */
export function decimalsFor(value: number, unit: MetricUnit): number {
  switch (unit) {
    case 'bp':
      return bpDecimals(value);
    case 'USD bn':
      return bnDecimals(value);
    case 'percent':
      return 2;
    case '%':
      return 1;
    case 'bp per %':
    case 'number':
      return 2;
    case 'days':
    case 'date':
    case 'text':
      return 0;
  }
}

const SUFFIX: Record<MetricUnit, string> = { bp: ' bp', 'USD bn': ' bn', percent: ' %', '%': ' %', days: '', date: '', 'bp per %': ' bp per 1 %', number: '', text: '' };

/**
 * A value with its unit, as every form shows it: "26.9 bp", "2,848 bn", "4.33 %",
 * "9.2 %", "5"; `sign` puts a + on a positive change. `precise` shows up to six decimals
 * (only to tell a value from a threshold the usual rounding would make it look equal to).
 */
export function valueText(value: number, unit: MetricUnit, options: { sign?: boolean; precise?: boolean } = {}): string {
  const digits = options.precise === true ? num(value, 6, 0) : num(value, decimalsFor(value, unit));
  const text = `${digits}${SUFFIX[unit]}`;
  return options.sign === true ? signed(text, value) : text;
}

