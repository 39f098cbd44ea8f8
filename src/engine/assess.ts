/**
 * The engine's entry point: series in, assessment out. Pure: no I/O, no clock, no
 * globals; the same series and options give the same answer.
 */
import { CANONICAL_UNIT, SERIES, SERIES_NAMES } from '../domain/catalog.ts';
import { formatDay, type Day } from '../domain/dates.ts';
import type { SeriesSet } from '../domain/series.ts';
import { Context, isStale, staleness, toInput } from './_lib/context.ts';
import { clean } from './_lib/numbers.ts';
import { evaluate, statusOf } from './evaluate.ts';
import type { Computed, EngineOptions, IndicatorDefinition } from './indicator.ts';
import { INDICATORS } from './indicators/index.ts';
import { DEFAULT_THRESHOLDS } from './thresholds.ts';
import { PUBLICATION_LAG_DAYS, visibleAt } from './visibility.ts';
import {
  DEFAULT_NET_LIQUIDITY, OVERALL_RANK, Overall, Status, type Assessment, type IndicatorResult, type LevelPair, type Metrics, type SeriesCoverage, type StaleInput, type Thresholds,
} from './types.ts';

export interface AssessOptions {
  /** Defaults to the last SOFR date (with asPublished, the morning after it). */
  readonly asOf?: Day;
  readonly asPublished?: boolean;
  readonly thresholds?: Thresholds;
  readonly netLiquidity?: EngineOptions['netLiquidity'];
  /** Only these indicators (all by default). */
  readonly only?: readonly IndicatorDefinition[];
}

/** The as-of date when none is given: the last SOFR observation, else the last of any series. */
export function defaultAsOf(all: SeriesSet, asPublished: boolean): Day | null {
  const sofr = all.get('sofr');
  const last = sofr !== undefined ? (sofr.dates.at(-1) as number) : Math.max(...[...all.values()].map((s) => s.dates.at(-1) as number));
  if (!Number.isFinite(last)) return null;
  return asPublished ? last + PUBLICATION_LAG_DAYS.sofr : last;
}

/** `all` must already include the derived series (deriveSeries). */
export function assess(all: SeriesSet, options: AssessOptions = {}): Assessment {
  const asPublished = options.asPublished ?? false;
  const asOf = options.asOf ?? defaultAsOf(all, asPublished);
  if (asOf === null) throw new RangeError('assess() needs at least one observation');
  const visible = visibleAt(all, asOf, asPublished);
  const ctx = new Context(visible, asOf);
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const engine: EngineOptions = { netLiquidity: options.netLiquidity ?? DEFAULT_NET_LIQUIDITY };
  const indicators = (options.only ?? INDICATORS).map((definition) => runIndicator(definition, ctx, thresholds, engine));
  return {
    asOf: formatDay(asOf),
    asPublished,
    status: overallStatus(indicators),
    series: coverage(visible, asOf),
    indicators,
  };
}

export function runIndicator(definition: IndicatorDefinition, ctx: Context, thresholds: Thresholds, engine: EngineOptions): IndicatorResult {
  const levels = thresholds[definition.id];
  const { computed, metrics, status } = judged(definition, ctx, levels, engine);
  return {
    id: definition.id,
    title: definition.title,
    unit: definition.unit,
    status,
    reason: computed.unavailable ?? evaluate(definition, metrics, levels).reason,
    metrics,
    inputs: computed.used.map(toInput),
    stale: computed.used.map((p) => staleness(p, ctx.asOf)).filter((s): s is StaleInput => s !== null),
    thresholds: levels,
    formula: computed.formula ?? null,
  };
}

/** An indicator judged on one day as history needs it: no reason sentence, no list of inputs. */
export interface Judged {
  readonly id: IndicatorDefinition['id'];
  readonly status: Status;
  readonly metrics: Metrics;
  /** Whether any input was stale. */
  readonly stale: boolean;
}

/**
 * The status and metrics runIndicator() would give, without building what only a report
 * shows (the reason, dated inputs): history runs this for every indicator on every day.
 */
export function judgeIndicator(definition: IndicatorDefinition, ctx: Context, thresholds: Thresholds, engine: EngineOptions): Judged {
  const { computed, metrics, status } = judged(definition, ctx, thresholds[definition.id], engine);
  return { id: definition.id, status, metrics, stale: computed.used.some((p) => isStale(p.series, p.date, ctx.asOf)) };
}

/** What runIndicator() and judgeIndicator() share: compute, clean the metrics, decide the status. */
function judged(definition: IndicatorDefinition, ctx: Context, levels: LevelPair, engine: EngineOptions): { computed: Computed; metrics: Metrics; status: Status } {
  const computed = definition.compute(ctx, engine);
  const metrics = cleanMetrics(definition, computed.metrics);
  return { computed, metrics, status: computed.unavailable !== undefined ? Status.unavailable : statusOf(metrics, levels) };
}

function cleanMetrics(definition: IndicatorDefinition, computed: Readonly<Record<string, Metrics[string] | undefined>>): Metrics {
  const metrics: Metrics = {};
  for (const key of definition.metricKeys) {
    const value = computed[key] ?? null;
    metrics[key] = typeof value === 'number' ? clean(value) : value;
  }
  return metrics;
}

/** The worst status among indicators with thresholds; unknown when none of them could be judged. */
export function overallStatus(indicators: readonly { readonly status: Status }[]): Overall {
  let worst: Overall | null = null;
  for (const r of indicators) {
    if (r.status === Status.ok || r.status === Status.watch || r.status === Status.stress) {
      if (worst === null || OVERALL_RANK[r.status] > OVERALL_RANK[worst]) worst = r.status;
    }
  }
  return worst ?? Overall.unknown;
}

function coverage(visible: SeriesSet, asOf: Day): SeriesCoverage[] {
  const rows: SeriesCoverage[] = [];
  for (const name of SERIES_NAMES) {
    const s = visible.get(name);
    if (s === undefined || s.dates.length === 0) continue;
    const last = s.dates.at(-1) as number;
    let derivedCount = 0;
    if (s.derived !== null) for (const flag of s.derived) derivedCount += flag;
    rows.push({
      name,
      unit: CANONICAL_UNIT[SERIES[name].dimension],
      first: formatDay(s.dates[0] as number),
      last: formatDay(last),
      count: s.dates.length,
      lastValue: s.values.at(-1) as number,
      derivedCount,
      stale: isStale(name, last, asOf),
      // Only the files that had begun by the last visible date: a 2021 file does not feed 2019.
      sources: s.sources.filter((src) => src.first <= last).map((src) => `${src.file.replace(/^.*[\\/]/, '')} (${src.unit})`),
    });
  }
  return rows;
}
