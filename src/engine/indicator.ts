import type { SeriesName } from '../domain/catalog.ts';
import type { Context, Point } from './_lib/context.ts';
import type { DayTally } from './_lib/days-above.ts';
import type { Comparison, IndicatorId, IndicatorKind, LevelPair, MetricUnit, MetricsOf, NetLiquidityFormula, Unavailable } from './types.ts';

export interface EngineOptions {
  readonly netLiquidity: NetLiquidityFormula;
}


/** What an indicator computed: its metrics (null where not computable) and the observations it used. */
export interface Computed<K extends string = string> {
  readonly metrics: MetricsOf<K>;
  readonly used: readonly Point[];
  /** Set when the indicator cannot be computed at all. */
  readonly unavailable?: Exclude<Unavailable, { cause: 'metrics' }>;
  readonly formula?: string;
  /** The days of the window the headline counts (SOFR above the ceiling), for the reason to sort by day type. */
  readonly tally?: DayTally;
  /** A daily spread's window (SOFR − ON RRP, SOFR − IORB), for the reason to say on which kinds of day it reached its level. */
  readonly daily?: { readonly days: Int32Array; readonly values: readonly (number | null)[] };
}

/**
 * An indicator, typed by the tuple of its metric keys: every record keyed by metric
 * (units, threshold directions, what compute returns) must use exactly those keys.
 */
export interface IndicatorDefinition<K extends string = string> {
  readonly id: IndicatorId;
  readonly title: string;
  /** Prices say funding is strained now; quantities show vulnerability (the overall rule differs). */
  readonly kind: IndicatorKind;
  /** The unit of the headline metrics, for display. */
  readonly unit: string;
  /** Every metric key, in display order; all appear in the JSON output, null when missing. */
  readonly metricKeys: readonly K[];
  /** The unit of each metric. */
  readonly metricUnits: Readonly<Record<K, MetricUnit>>;
  /** The metrics a threshold may test, each with the direction in which it gets worse. */
  readonly thresholdMetrics: Readonly<Partial<Record<K, Comparison>>>;
  /** The metric a bare number in the config sets a threshold on. */
  readonly primaryMetric: K;
  readonly defaults: LevelPair;
  compute(ctx: Context, options: EngineOptions): Computed<K>;
}

/**
 * Declares an indicator, inferring its metric keys from the `metricKeys` tuple alone
 * (NoInfer elsewhere), so a misspelt key in units, thresholds or compute is a type error.
 */
export function defineIndicator<const K extends string>(definition: {
  readonly id: IndicatorId;
  readonly title: string;
  readonly kind: IndicatorKind;
  readonly unit: string;
  readonly metricKeys: readonly K[];
  readonly metricUnits: Readonly<Record<NoInfer<K>, MetricUnit>>;
  readonly thresholdMetrics: Readonly<Partial<Record<NoInfer<K>, Comparison>>>;
  readonly primaryMetric: NoInfer<K>;
  readonly defaults: LevelPair;
  compute(this: IndicatorDefinition<K>, ctx: Context, options: EngineOptions): Computed<NoInfer<K>>;
}): IndicatorDefinition<K> {
  return definition;
}

/** The unit of one metric of a definition known only by its keys' type (string). */
export function unitOf(definition: IndicatorDefinition, metric: string): MetricUnit | null {
  return (definition.metricUnits as Readonly<Record<string, MetricUnit | undefined>>)[metric] ?? null;
}

function nullMetrics<K extends string>(keys: readonly K[]): MetricsOf<K> {
  return Object.fromEntries(keys.map((k) => [k, null])) as MetricsOf<K>;
}

export function missingSeries(ctx: Context, names: readonly SeriesName[]): SeriesName[] {
  return names.filter((n) => !ctx.has(n));
}

/** An indicator that cannot be computed at all: every metric null, for the given reason. */
export function unavailable<K extends string>(definition: Pick<IndicatorDefinition<K>, 'metricKeys'>, why: NonNullable<Computed['unavailable']>): Computed<K> {
  return { metrics: nullMetrics(definition.metricKeys), used: [], unavailable: why };
}

/** Unavailable because every one of `missing` is needed and absent on or before the as-of date. */
export function unavailableFor<K extends string>(definition: Pick<IndicatorDefinition<K>, 'metricKeys'>, missing: readonly SeriesName[]): Computed<K> {
  return unavailable(definition, { cause: 'missing', series: missing, anyOf: false });
}

/**
 * The latest observation of each series on the as-of date, in the order named, or the
 * unavailable result naming the series that have none (those the context lacks: its
 * series are cut at the as-of date, so one it has always has an observation by then).
 */
export function latestOf<K extends string, const N extends readonly SeriesName[]>(
  definition: Pick<IndicatorDefinition<K>, 'metricKeys'>, ctx: Context, names: N,
): { -readonly [I in keyof N]: Point } | Computed<K> {
  const points: Point[] = [];
  const missing: SeriesName[] = [];
  for (const name of names) {
    const point = ctx.at(name, ctx.asOf);
    if (point === null) missing.push(name);
    else points.push(point);
  }
  return missing.length > 0 ? unavailableFor(definition, missing) : (points as { -readonly [I in keyof N]: Point });
}
