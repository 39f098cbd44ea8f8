/**
 * The daily report's computed parts (`liq report`): today's assessment, what moved since
 * the previous business day, the episode comparison, and the months of history the HTML
 * charts draw. Pure: the series, the as-of date and the resolved episode come in; plain
 * data go out, for src/report/ to word.
 */
import { formatDay, type Day } from '../domain/dates.ts';
import { indexAtOrBefore, type SeriesSet } from '../domain/series.ts';
import { assess, type AssessOptions } from './assess.ts';
import { compare, snapshotOf, type Comparison, type EpisodeReference } from './compare.ts';
import { corridorHistory, takeUpHistory, type CorridorPoint, type TakeUpPoint } from './corridor.ts';
import { indicatorHistory, type HistoryPoint } from './history.ts';
import { INDICATOR_BY_ID } from './indicators/index.ts';
import { outlook, type Outlook } from './outlook.ts';
import type { Assessment, IndicatorId, LevelPair, Overall, Status, Thresholds } from './types.ts';
import { visibleAt } from './visibility.ts';

export interface MetricMove {
  readonly before: number | null;
  readonly now: number | null;
  /** now − before; null when either is missing. */
  readonly change: number | null;
}

export interface IndicatorChange {
  readonly id: IndicatorId;
  readonly title: string;
  readonly statusBefore: Status;
  readonly status: Status;
  readonly statusChanged: boolean;
  /** Every numeric metric of the indicator (string metrics such as dates are left out). */
  readonly metrics: Readonly<Record<string, MetricMove>>;
}

export interface Changes {
  readonly previousAsOf: string;
  readonly previousStatus: Overall;
  readonly statusChanged: boolean;
  readonly indicators: readonly IndicatorChange[];
}

/** One chart of the HTML report: a metric over the last months with its zones. */
export interface ChartData {
  readonly id: IndicatorId;
  readonly metric: string;
  readonly title: string;
  readonly unit: string;
  readonly from: string;
  readonly to: string;
  readonly points: readonly HistoryPoint[];
  readonly thresholds: LevelPair;
}

export interface DailyReport {
  readonly assessment: Assessment;
  /** Null when the data hold no business day before the as-of date. */
  readonly changes: Changes | null;
  readonly comparison: { readonly result: Comparison; readonly source: string } | null;
  /** Filled for the HTML form only. */
  readonly charts: readonly ChartData[];
  /** SOFR in the policy corridor over the charts' months (HTML only; empty without SOFR). */
  readonly corridor: readonly CorridorPoint[];
  /** SRF take-up on each reported day of the charts' months (HTML only). */
  readonly takeUp: readonly TakeUpPoint[];
  /** "liq 0.1.0", printed in the footer. */
  readonly generator: string;
  /** The config file whose thresholds are in use, if any. */
  readonly configPath: string | null;
  /** The default outlook (trailing paces, 26 weeks); null when the balance-sheet series are missing. */
  readonly outlook?: Outlook | null;
}

/** The charts of the HTML report: the thresholded metric of each key indicator. */
export const REPORT_CHARTS: readonly { id: IndicatorId; metric: string; title: string; unit: string }[] = [
  { id: 'sofr_rrp_spread', metric: 'avg10Bp', title: 'SOFR − ON RRP rate, 10-day mean', unit: 'bp' },
  { id: 'sofr_above_ceiling', metric: 'count', title: 'Days SOFR > ceiling, last 20', unit: 'days' },
  { id: 'reserves_gdp', metric: 'ratioPct', title: 'Reserves / GDP', unit: '%' },
  { id: 'tga', metric: 'change13w', title: 'TGA, 13-week change', unit: 'USD bn' },
  { id: 'rrp', metric: 'level', title: 'ON RRP take-up', unit: 'USD bn' },
  { id: 'net_liquidity', metric: 'change13w', title: 'Net liquidity, 13-week change', unit: 'USD bn' },
];

/** Calendar days the HTML charts look back: six months. */
export const CHART_DAYS = 183;

/** now − before without binary noise: 3033.444 − 3033.4 is 0.044, not 0.04400000000032378. */
function difference(now: number, before: number): number {
  return Math.round((now - before) * 1e9) / 1e9 + 0;
}

const numeric = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** What moved between the previous business day's assessment and today's. */
export function diffAssessments(previous: Assessment, current: Assessment): Changes {
  const before = new Map(previous.indicators.map((r) => [r.id, r]));
  return {
    previousAsOf: previous.asOf,
    previousStatus: previous.status,
    statusChanged: previous.status !== current.status,
    indicators: current.indicators.map((r): IndicatorChange => {
      const old = before.get(r.id);
      const metrics: Record<string, MetricMove> = {};
      for (const [key, value] of Object.entries(r.metrics)) {
        if (typeof value === 'string' || typeof old?.metrics[key] === 'string') continue; // dates, not amounts
        const now = numeric(value);
        const was = numeric(old?.metrics[key]);
        metrics[key] = { before: was, now, change: now === null || was === null ? null : difference(now, was) };
      }
      const statusBefore = old?.status ?? 'unavailable';
      return { id: r.id, title: r.title, statusBefore, status: r.status, statusChanged: statusBefore !== r.status, metrics };
    }),
  };
}

/**
 * The business day before the one the as-of date judges: the SOFR date before the last
 * one visible then (with as-published, the morning after it). Null if there is none.
 */
export function previousBusinessDay(all: SeriesSet, asOf: Day, asPublished: boolean): Day | null {
  const sofr = all.get('sofr');
  if (sofr === undefined) return null;
  const last = indexAtOrBefore(sofr.dates, asPublished ? asOf - 1 : asOf);
  if (last < 1) return null;
  const previous = sofr.dates[last - 1] as number;
  return asPublished ? previous + 1 : previous;
}

export interface ReportInputs {
  /** Loaded and derived series. */
  readonly all: SeriesSet;
  readonly asOf: Day;
  readonly options: Omit<AssessOptions, 'asOf' | 'asPublished' | 'thresholds'> & { readonly asPublished: boolean; readonly thresholds: Thresholds };
  /** The episode to compare with (the bundled 2019 reference, or one located in the data). */
  readonly reference: EpisodeReference;
  /** Compute the six-month histories the HTML charts draw. */
  readonly charts: boolean;
  readonly configPath: string | null;
  /** "liq 0.1.0", printed in the footer. */
  readonly generator: string;
}

/** Everything the report shows, computed: today, the previous business day, the episode, the charts. */
export function buildReport(inputs: ReportInputs): DailyReport {
  const { all, asOf, options, reference } = inputs;
  const assessment = assess(all, { ...options, asOf });
  const before = previousBusinessDay(all, asOf, options.asPublished);
  const changes = before === null ? null : diffAssessments(assess(all, { ...options, asOf: before }), assessment);
  const result = compare(reference.name, snapshotOf(assessment, all, asOf, options.asPublished), reference.eve, reference.spike);
  const charts: ChartData[] = [];
  const from = asOf - CHART_DAYS;
  if (inputs.charts) {
    for (const chart of REPORT_CHARTS) {
      const definition = INDICATOR_BY_ID.get(chart.id);
      if (definition === undefined) continue;
      const points = indicatorHistory(all, definition, { ...options, from, to: asOf });
      charts.push({ ...chart, from: formatDay(from), to: formatDay(asOf), points, thresholds: options.thresholds[chart.id] });
    }
  }
  const projected = outlook(visibleAt(all, asOf, options.asPublished), { default: {} }, { asOf, thresholds: options.thresholds });
  // As published, the morning of the as-of date knows the prints of the day before.
  const lastKnown = options.asPublished ? asOf - 1 : asOf;
  return {
    assessment,
    changes,
    comparison: { result, source: reference.source },
    charts,
    corridor: inputs.charts ? corridorHistory(all, from, lastKnown) : [],
    takeUp: inputs.charts ? takeUpHistory(all, from, lastKnown) : [],
    generator: inputs.generator,
    configPath: inputs.configPath,
    outlook: 'missing' in projected ? null : projected,
  };
}
