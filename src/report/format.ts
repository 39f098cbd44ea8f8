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

/** Decimals shown: at least `min`, up to `max` where the value has them. */
export interface Decimals {
  readonly min: number;
  readonly max: number;
}

/**
 * SRF take-up is published in USD millions, and quoted in billions with two decimals (the
 * NY Fed's 50.35 bn on 2025-10-31): one decimal would show 50.4 bn, a figure nobody
 * published; a third decimal shows where the millions need it (1 million is 0.001 bn, not 0.00).
 */
const TAKE_UP: Decimals = { min: 2, max: 3 };
const WHOLE: Decimals = { min: 0, max: 0 };

/** Metrics shown with other decimals than their unit's, by indicator. */
const METRIC_DECIMALS: Readonly<Record<string, Readonly<Record<string, Decimals>>>> = {
  srf_usage: { latest: TAKE_UP, max20: TAKE_UP, monthTotal: TAKE_UP },
  // A rank among past days and a share read off the quartiles (0, 25, 50, 75 or 100 %): whole numbers.
  calendar: { popPercentile: WHOLE },
  sofr_tail: { shareAboveIorbMin: WHOLE },
};
/** Series whose values are shown with other decimals than their unit's. */
const SERIES_DECIMALS: Readonly<Record<string, Decimals>> = { srf: TAKE_UP };

/** The decimals of an indicator's metric where they differ from its unit's; null: the unit's. */
export function metricDecimals(indicator: string, metric: string): Decimals | null {
  return METRIC_DECIMALS[indicator]?.[metric] ?? null;
}

/** The decimals of a series' values where they differ from its unit's; null: the unit's. */
export function seriesDecimals(series: string): Decimals | null {
  return SERIES_DECIMALS[series] ?? null;
}

/** SRF take-up in USD billions as published: 50.35 bn, 10.311 bn. */
export function takeUp(value: number): string {
  return metricText('srf_usage', 'latest', value, 'USD bn');
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

export interface TextOptions {
  readonly sign?: boolean;
  readonly precise?: boolean;
  readonly decimals?: Decimals;
}

const SUFFIX: Record<MetricUnit, string> = { bp: ' bp', 'USD bn': ' bn', percent: ' %', '%': ' %', days: '', date: '', 'bp per %': ' bp per 1 %', number: '', text: '' };

/**
 * A value with its unit, as every form shows it: "26.9 bp", "2,848 bn", "4.33 %",
 * "9.2 %", "5"; `sign` puts a + on a positive change. `precise` shows up to six decimals
 * (only to tell a value from a threshold the usual rounding would make it look equal to);
 * `decimals` overrides the unit's (metricText passes a metric's own).
 */
export function valueText(value: number, unit: MetricUnit, options: TextOptions = {}): string {
  const decimals = options.decimals ?? { min: decimalsFor(value, unit), max: decimalsFor(value, unit) };
  const digits = options.precise === true ? num(value, 6, 0) : num(value, decimals.max, decimals.min);
  const text = `${digits}${SUFFIX[unit]}`;
  return options.sign === true ? signed(text, value) : text;
}

/** An indicator's metric with its unit and the metric's own decimals where it has them (50.35 bn of SRF take-up). */
export function metricText(indicator: string, metric: string, value: number, unit: MetricUnit, options: Omit<TextOptions, 'decimals'> = {}): string {
  const decimals = metricDecimals(indicator, metric);
  return valueText(value, unit, decimals === null ? options : { ...options, decimals });
}
