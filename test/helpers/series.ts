/**
 * Small synthetic series for engine tests: `seriesSet({ sofr: [['2019-09-13', 2.2], ...] })`
 * builds the typed-array SeriesSet the loader would, so each test states its data inline.
 */
import type { SeriesName } from '../../src/domain/catalog.ts';
import { formatDay, parseIsoDay, type Day } from '../../src/domain/dates.ts';
import type { Series } from '../../src/domain/series.ts';
import { assess, type AssessOptions } from '../../src/engine/assess.ts';
import type { IndicatorDefinition } from '../../src/engine/indicator.ts';
import type { IndicatorResult, Reason } from '../../src/engine/types.ts';
import { reasonText } from '../../src/report/words.ts';

/** One observation; a third element `'derived'` flags it as derived by a dated rule. */
export type Obs = readonly [date: string, value: number] | readonly [date: string, value: number, flag: 'derived'];
export type SeriesSpec = Partial<Record<SeriesName, readonly Obs[]>>;

/** A calendar date as a day number; throws on a typo so a test never runs on a wrong date. */
export function day(iso: string): Day {
  const d = parseIsoDay(iso);
  if (d === null) throw new Error(`test date "${iso}" is not YYYY-MM-DD`);
  return d;
}

export function series(name: SeriesName, observations: readonly Obs[]): Series {
  const sorted = [...observations].sort((a, b) => day(a[0]) - day(b[0]));
  const anyDerived = sorted.some((o) => o[2] === 'derived');
  return {
    name,
    dates: Int32Array.from(sorted, (o) => day(o[0])),
    values: Float64Array.from(sorted, (o) => o[1]),
    derived: anyDerived ? Uint8Array.from(sorted, (o) => (o[2] === 'derived' ? 1 : 0)) : null,
    sources: [],
  };
}

export function seriesSet(spec: SeriesSpec): Map<SeriesName, Series> {
  const out = new Map<SeriesName, Series>();
  for (const [name, observations] of Object.entries(spec) as [SeriesName, readonly Obs[]][]) {
    out.set(name, series(name, observations));
  }
  return out;
}

const isWeekend = (d: Day): boolean => {
  const dow = (((d + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
  return dow === 0 || dow === 6;
};

/** `n` weekdays (Monday–Friday) starting on `from` (skipped forward if a weekend). */
export function weekdays(from: string, n: number): string[] {
  const out: string[] = [];
  for (let d = day(from); out.length < n; d++) if (!isWeekend(d)) out.push(formatDay(d));
  return out;
}

/** Observations on consecutive weekdays from `from`, one per value. */
export function onWeekdays(from: string, values: readonly number[]): Obs[] {
  return weekdays(from, values.length).map((date, i) => [date, values[i] as number] as const);
}

/** Observations every 7 days from `from` (H.4.1 Wednesdays), one per value. */
export function weekly(from: string, values: readonly number[]): Obs[] {
  return values.map((v, i) => [formatDay(day(from) + 7 * i), v] as const);
}

/** An indicator's result with its reason as a person reads it (`reason`) and as data (`reasonData`). */
export type Judgement = Omit<IndicatorResult, 'reason'> & { readonly reason: string; readonly reasonData: Reason };

/** One indicator judged through the engine's entry point, as `liq check --as-of` would. */
export function judge(
  definition: IndicatorDefinition,
  spec: SeriesSpec,
  asOf: string,
  options: Omit<AssessOptions, 'asOf' | 'only'> = {},
): Judgement {
  const result = assess(seriesSet(spec), { ...options, asOf: day(asOf), only: [definition] }).indicators[0];
  if (result === undefined) throw new Error('assess returned no indicator');
  return { ...result, reason: reasonText(result), reasonData: result.reason };
}

/**
 * A small but complete data set around 2025-10-31 (FRED values where the comments say so):
 * enough for every indicator, with the TGA left stale and no SRF data, for report tests.
 */
export function october2025(): SeriesSpec {
  const sofr = [4.18, 4.15, 4.14, 4.12, 4.13, 4.15, 4.19, 4.29, 4.3, 4.18, 4.16, 4.23, 4.21, 4.24, 4.24, 4.27, 4.31, 4.27, 4.04, 4.22];
  const sofrDays = weekdays('2025-10-03', 21).filter((d) => d !== '2025-10-13'); // Columbus Day
  return {
    sofr: sofrDays.map((d, i) => [d, sofr[i] as number] as const), // FRED SOFR
    target_upper: [['2025-09-18', 4.25], ['2025-10-30', 4.0]],
    iorb: [['2025-09-18', 4.15], ['2025-10-30', 3.9]],
    dff: sofrDays.map((d) => [d, d >= '2025-10-30' ? 3.86 : 4.11] as const),
    reserves: [['2024-10-30', 3237], ['2025-10-22', 2933.037], ['2025-10-29', 2848.021]],
    tga: [['2025-07-30', 370.507], ['2025-10-15', 900]], // stale on 10-31: 16 days
    rrp: [['2022-12-30', 2553.716], ['2025-08-01', 100], ['2025-10-31', 51.802]],
    fed_assets: [['2025-07-30', 6642.578], ['2025-10-29', 6587.034]],
    gdp: [['2025-07-01', 31095.089]],
  };
}
