/**
 * The engine's entry point: series in, assessment out. Pure: no I/O, no clock, no
 * globals; the same series and options give the same answer.
 */
import { CANONICAL_UNIT, SERIES, SERIES_NAMES } from '../domain/catalog.ts';
import { shortFileNames } from '../domain/file-names.ts';
import { formatDay, type Day } from '../domain/dates.ts';
import type { SeriesSet } from '../domain/series.ts';
import { Context, isStale, staleness, toInput } from './_lib/context.ts';
import { dayTypes, isBusinessDay } from '../domain/calendar.ts';
import { dayCount } from './day-count.ts';
import { evaluate, statusOf } from './evaluate.ts';
import type { EngineOptions, IndicatorDefinition } from './indicator.ts';
import { INDICATORS } from './indicators/index.ts';
import { DEFAULT_THRESHOLDS } from './thresholds.ts';
import { PUBLICATION_LAG_DAYS, visibleAt } from './visibility.ts';
import {
  DEFAULT_NET_LIQUIDITY, OVERALL_RANK, Overall, Status, type Assessment, type IndicatorKind, type IndicatorResult, type Metrics, type SeriesCoverage, type StaleInput, type Thresholds,
} from './types.ts';
import { firstItem, lastItem } from './_lib/arrays.ts';

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
  const last = sofr !== undefined ? lastItem(sofr.dates) : Math.max(...[...all.values()].map((s) => lastItem(s.dates)));
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
    asOfDayTypes: isBusinessDay(asOf) ? dayTypes(asOf) : [],
    status: overallStatus(indicators),
    series: coverage(visible, asOf),
    indicators,
  };
}

export function runIndicator(definition: IndicatorDefinition, ctx: Context, thresholds: Thresholds, engine: EngineOptions): IndicatorResult {
  const levels = thresholds[definition.id];
  const computed = definition.compute(ctx, engine);
  const metrics = metricsOf(definition, computed.metrics);
  const stale = computed.used.map((p) => staleness(p, ctx.asOf)).filter((s): s is StaleInput => s !== null);
  const { status, reason } =
    computed.unavailable !== undefined
      ? { status: Status.unavailable, reason: { kind: 'unavailable', ...computed.unavailable } as const }
      : evaluate(definition, metrics, levels, stale);
  return {
    id: definition.id,
    title: definition.title,
    kind: definition.kind,
    unit: definition.unit,
    status,
    reason,
    metrics,
    inputs: computed.used.map(toInput),
    stale,
    thresholds: levels,
    formula: computed.formula ?? null,
    days: dayCount(definition, computed, levels, status),
  };
}

/** An indicator judged on one day as history needs it: no reason sentence, no list of inputs. */
export interface Judged {
  readonly id: IndicatorDefinition['id'];
  readonly kind: IndicatorKind;
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
  const computed = definition.compute(ctx, engine);
  const metrics = metricsOf(definition, computed.metrics);
  const stale = computed.used.some((p) => isStale(p.series, p.date, ctx.asOf));
  const status = computed.unavailable !== undefined ? Status.unavailable : statusOf(metrics, thresholds[definition.id], stale);
  return { id: definition.id, kind: definition.kind, status, metrics, stale };
}

/** Every metric the indicator declares, null where it computed none; numbers as computed (the JSON's full precision). */
function metricsOf(definition: IndicatorDefinition, computed: Readonly<Record<string, Metrics[string] | undefined>>): Metrics {
  const metrics: Metrics = {};
  for (const key of definition.metricKeys) metrics[key] = computed[key] ?? null;
  return metrics;
}

/**
 * The worst status among indicators with thresholds (unknown and unavailable do not make
 * it worse); unknown when none could be judged, or when indicators of prices were run and
 * none of them could be (stale or missing): quantities alone cannot say funding is fine.
 */
export function overallStatus(indicators: readonly { readonly kind: IndicatorKind; readonly status: Status }[]): Overall {
  const judged = (s: Status): s is 'ok' | 'watch' | 'stress' => s === Status.ok || s === Status.watch || s === Status.stress;
  const prices = indicators.filter((r) => r.kind === 'price');
  if (prices.length > 0 && !prices.some((r) => judged(r.status))) return Overall.unknown;
  let worst: Overall | null = null;
  for (const r of indicators) {
    if (judged(r.status) && (worst === null || OVERALL_RANK[r.status] > OVERALL_RANK[worst])) worst = r.status;
  }
  return worst ?? Overall.unknown;
}

function coverage(visible: SeriesSet, asOf: Day): SeriesCoverage[] {
  const rows: SeriesCoverage[] = [];
  const names = shortFileNames([...visible.values()].flatMap((s) => s.sources.map((src) => src.file)));
  for (const name of SERIES_NAMES) {
    const s = visible.get(name);
    if (s === undefined || s.dates.length === 0) continue;
    const last = lastItem(s.dates);
    let derivedCount = 0;
    if (s.derived !== null) for (const flag of s.derived) derivedCount += flag;
    rows.push({
      name,
      unit: CANONICAL_UNIT[SERIES[name].dimension],
      first: formatDay(firstItem(s.dates)),
      last: formatDay(last),
      count: s.dates.length,
      lastValue: lastItem(s.values),
      derivedCount,
      stale: isStale(name, last, asOf),
      // Only the files that had begun by the last visible date: a 2021 file does not feed 2019.
      sources: s.sources.filter((src) => src.first <= last).map((src) => `${names.get(src.file) ?? src.file} (${src.unit})`),
    });
  }
  return rows;
}
