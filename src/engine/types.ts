/** The engine's vocabulary: statuses, results, thresholds. Plain data, no behaviour. */
import type { CanonicalUnit, SeriesName } from '../domain/catalog.ts';

export const Status = { ok: 'ok', watch: 'watch', stress: 'stress', info: 'info', unavailable: 'unavailable' } as const;
export type Status = (typeof Status)[keyof typeof Status];

export const Overall = { ok: 'ok', watch: 'watch', stress: 'stress', unknown: 'unknown' } as const;
export type Overall = (typeof Overall)[keyof typeof Overall];

/** How bad an overall status is, for comparing two: unknown ranks below ok. */
export const OVERALL_RANK: Readonly<Record<Overall, number>> = { unknown: -1, ok: 0, watch: 1, stress: 2 };

export const INDICATOR_IDS = [
  'sofr_rrp_spread', 'sofr_iorb_spread', 'sofr_above_ceiling', 'effr_in_range', 'reserves', 'reserves_gdp',
  'tga', 'rrp', 'net_liquidity', 'srf_usage', 'qt_pace', 'reserves_bank_assets', 'reserve_demand',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export type MetricValue = number | string | null;
export type Metrics = Record<string, MetricValue>;

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

/** The net liquidity formulas one may choose between (practitioners differ). */
export const NET_LIQUIDITY_FORMULAS = ['fed_assets - tga - rrp', 'reserves + rrp - tga'] as const;
export type NetLiquidityFormula = (typeof NET_LIQUIDITY_FORMULAS)[number];
export const DEFAULT_NET_LIQUIDITY: NetLiquidityFormula = 'fed_assets - tga - rrp';

export interface IndicatorResult {
  readonly id: IndicatorId;
  readonly title: string;
  readonly unit: string;
  readonly status: Status;
  readonly reason: string;
  readonly metrics: Metrics;
  readonly inputs: readonly InputUse[];
  readonly stale: readonly StaleInput[];
  readonly thresholds: LevelPair;
  /** Set where the indicator's definition varies between practitioners (net liquidity). */
  readonly formula: string | null;
}

export interface SeriesCoverage {
  readonly name: SeriesName;
  readonly unit: CanonicalUnit;
  readonly first: string;
  readonly last: string;
  readonly count: number;
  readonly lastValue: number;
  /** Observations derived by a dated rule (SPEC §3) rather than read from a file. */
  readonly derivedCount: number;
  readonly stale: boolean;
  readonly sources: readonly string[];
}

export interface Assessment {
  readonly asOf: string;
  readonly asPublished: boolean;
  readonly status: Overall;
  readonly series: readonly SeriesCoverage[];
  readonly indicators: readonly IndicatorResult[];
}
