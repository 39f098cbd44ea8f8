/** The engine's vocabulary: statuses, results, thresholds. Plain data, no behaviour. */
import type { CanonicalUnit, SeriesName } from '../domain/catalog.ts';
import type { DayType } from '../domain/calendar.ts';

/**
 * An indicator's status. `unknown`: its thresholds are not met but an input is stale, so
 * it cannot confirm ok (stale data showing strain keep watch/stress: still a warning).
 */
export const Status = { ok: 'ok', watch: 'watch', stress: 'stress', unknown: 'unknown', info: 'info', unavailable: 'unavailable' } as const;
export type Status = (typeof Status)[keyof typeof Status];

export const Overall = { ok: 'ok', watch: 'watch', stress: 'stress', unknown: 'unknown' } as const;
export type Overall = (typeof Overall)[keyof typeof Overall];

/** How bad an overall status is, for comparing two: unknown ranks below ok. */
export const OVERALL_RANK: Readonly<Record<Overall, number>> = { unknown: -1, ok: 0, watch: 1, stress: 2 };

export const INDICATOR_IDS = [
  'sofr_rrp_spread', 'sofr_iorb_spread', 'sofr_above_ceiling', 'effr_in_range', 'reserves', 'reserves_gdp',
  'tga', 'rrp', 'net_liquidity', 'srf_usage', 'qt_pace', 'reserves_bank_assets', 'reserve_demand',
  'calendar', 'sofr_tail', 'repo_segments', 'sofr_volume', 'effr_tail',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export type MetricValue = number | string | null;
export type Metrics = Record<string, MetricValue>;
/** An indicator's metrics, one per key of its metric tuple. */
export type MetricsOf<K extends string> = Record<K, MetricValue>;

/**
 * The unit a metric is measured in; words.ts formats each the same way everywhere.
 * `percent` is a rate (4.33 %), `%` a share or ratio (9.2 %), `bp per %` a slope,
 * `number` a plain statistic (r², counts of weeks), `text` a label.
 */
export type MetricUnit = 'bp' | 'percent' | '%' | 'USD bn' | 'days' | 'date' | 'bp per %' | 'number' | 'text';

/**
 * Whether an indicator reads prices (rates: strain now), the breadth of the repo market
 * and its calendar (the distribution and segments of the same prices: they never stand in
 * for the four price indicators when those cannot be judged), or quantities (balances:
 * vulnerability).
 */
export type IndicatorKind = 'price' | 'breadth' | 'quantity';

/** An observation an indicator used, as of the date it was used for. */
export interface InputUse {
  readonly series: SeriesName;
  readonly date: string;
  readonly value: number;
  readonly derived: boolean;
}

export interface StaleInput {
  readonly series: SeriesName;
  readonly date: string;
  readonly ageDays: number;
  readonly limitDays: number;
}

/** A threshold comparison: the level holds when `metric op value`. */
export type Comparison = '>=' | '<=' | '<' | '>';
export interface Rule {
  readonly metric: string;
  readonly op: Comparison;
  readonly value: number;
}
/** A level (watch or stress) holds when any of its rules does; null means no such level. */
export type Level = readonly Rule[] | null;
export interface LevelPair {
  readonly watch: Level;
  readonly stress: Level;
}
export type Thresholds = Readonly<Record<IndicatorId, LevelPair>>;

/** One threshold rule tested against its metric's value: the data behind a reason's sentence. */
export interface Check {
  readonly metric: string;
  readonly comparison: Comparison;
  readonly threshold: number;
  readonly value: number;
  readonly unit: MetricUnit;
  readonly level: 'watch' | 'stress';
  /** Whether `value comparison threshold` holds (the level is reached). */
  readonly holds: boolean;
}

/**
 * Why an indicator has its status, as data; report/words.ts turns it into a sentence.
 * - met: a watch or stress rule holds (the first that does, stress before watch);
 * - ok: the rules of the nearest level not reached, each with its value;
 * - unknown: no rule holds but inputs are stale, so ok cannot be confirmed;
 * - unavailable: why nothing could be judged (Unavailable);
 * - info: no threshold to judge by.
 */
export type Reason =
  | { readonly kind: 'met'; readonly check: Check }
  | { readonly kind: 'ok'; readonly checks: readonly Check[] }
  | { readonly kind: 'unknown'; readonly stale: readonly StaleInput[]; readonly checks: readonly Check[] }
  | ({ readonly kind: 'unavailable' } & Unavailable)
  | { readonly kind: 'info' };

/**
 * Why an indicator cannot be judged:
 * - missing: series it needs are absent on or before the as-of date (all of them, or with
 *   `anyOf` any one would do);
 * - history: fewer observations in its window than it needs (`have` of `need`, in `unit`,
 *   over the last `window`), from the series named;
 * - flat: the series named did not vary where the method needs them to (nothing to fit);
 * - metrics: the metrics its thresholds test could not be computed (windows not full).
 */
export type Unavailable =
  | { readonly cause: 'missing'; readonly series: readonly SeriesName[]; readonly anyOf: boolean }
  | { readonly cause: 'history'; readonly series: readonly SeriesName[]; readonly need: number; readonly have: number; readonly window: number; readonly unit: 'weeks' | 'business days' }
  | { readonly cause: 'flat'; readonly series: readonly SeriesName[] }
  | { readonly cause: 'metrics'; readonly metrics: readonly string[] };

/** The net liquidity formulas one may choose between (practitioners differ). */
export const NET_LIQUIDITY_FORMULAS = ['fed_assets - tga - rrp', 'reserves + rrp - tga'] as const;
export type NetLiquidityFormula = (typeof NET_LIQUIDITY_FORMULAS)[number];
export const DEFAULT_NET_LIQUIDITY: NetLiquidityFormula = 'fed_assets - tga - rrp';

/** What each day of a day count passed: SOFR above the ceiling, or the daily value of the headline metric at a threshold. */
export type DayCountTest =
  | { readonly kind: 'above_ceiling' }
  | { readonly kind: 'threshold'; readonly metric: string; readonly op: Comparison; readonly value: number; readonly level: 'watch' | 'stress' };

/** The days of a window an indicator counts, by calendar type: seasonal pressure or persistent? */
export interface DayCount {
  readonly test: DayCountTest;
  /** Days of the window with a reading. */
  readonly of: number;
  /** Days that passed the test. */
  readonly count: number;
  /** Those days by their main type, plain first. */
  readonly byType: readonly { readonly type: DayType; readonly count: number }[];
  readonly days: readonly { readonly date: string; readonly types: readonly DayType[] }[];
}

export interface IndicatorResult {
  readonly id: IndicatorId;
  readonly title: string;
  readonly unit: string;
  readonly kind: IndicatorKind;
  readonly status: Status;
  readonly reason: Reason;
  readonly metrics: Metrics;
  readonly inputs: readonly InputUse[];
  readonly stale: readonly StaleInput[];
  readonly thresholds: LevelPair;
  /** Set where the indicator's definition varies between practitioners (net liquidity). */
  readonly formula: string | null;
  /** The calendar types of the days the reason counts (price indicators with a daily window), else null. */
  readonly days?: DayCount | null;
}

export interface SeriesCoverage {
  readonly name: SeriesName;
  readonly unit: CanonicalUnit;
  readonly first: string;
  readonly last: string;
  readonly count: number;
  readonly lastValue: number;
  /** Observations derived by a dated rule (docs/data.md) rather than read from a file. */
  readonly derivedCount: number;
  readonly stale: boolean;
  readonly sources: readonly string[];
}

export interface Assessment {
  readonly asOf: string;
  readonly asPublished: boolean;
  /** The as-of date's calendar types from the date alone; empty when the bond market is closed that day. */
  readonly asOfDayTypes: readonly DayType[];
  readonly status: Overall;
  readonly series: readonly SeriesCoverage[];
  readonly indicators: readonly IndicatorResult[];
}
