/**
 * An indicator (or the overall status) on every business day of a range, and the
 * backtest summary built from it. Each day is judged exactly as `liq check --as-of` would
 * judge it, but views are cut in O(log n) per series and only the asked-for indicators
 * run, so 2018→today takes milliseconds, not a re-load per day.
 */
import { formatDay, type Day } from '../domain/dates.ts';
import type { SeriesSet } from '../domain/series.ts';
import { Context } from './_lib/context.ts';
import { overallStatus, runIndicator } from './assess.ts';
import type { EngineOptions, IndicatorDefinition } from './indicator.ts';
import { INDICATORS } from './indicators/index.ts';
import { DEFAULT_THRESHOLDS } from './thresholds.ts';
import type { Metrics, Overall, Status, Thresholds } from './types.ts';
import { LazyVisible } from './visibility.ts';

export interface HistoryOptions {
  readonly from?: Day;
  readonly to?: Day;
  readonly asPublished?: boolean;
  readonly thresholds?: Thresholds;
  readonly netLiquidity?: EngineOptions['netLiquidity'];
}

export interface HistoryPoint {
  readonly date: string;
  readonly status: Status;
  readonly metrics: Metrics;
  readonly stale: boolean;
}

export interface OverallPoint {
  readonly date: string;
  readonly status: Overall;
  /** The status of every indicator that day, by id. */
  readonly indicators: Readonly<Record<string, Status>>;
}

/**
 * The days to judge: SOFR business days within [from, to]. With as-published, the day a
 * SOFR print became known is the next one, so each morning D after a print is judged.
 */
export function historyDays(all: SeriesSet, from: Day | undefined, to: Day | undefined, asPublished: boolean): Day[] {
  const sofr = all.get('sofr');
  if (sofr === undefined) return [];
  const days: Day[] = [];
  for (const d of sofr.dates) {
    const day = asPublished ? d + 1 : d;
    if ((from === undefined || day >= from) && (to === undefined || day <= to)) days.push(day);
  }
  return days;
}

function judgeDays(all: SeriesSet, options: HistoryOptions, definitions: readonly IndicatorDefinition[], onDay: (day: Day, results: ReturnType<typeof runIndicator>[]) => void): void {
  const asPublished = options.asPublished ?? false;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const engine: EngineOptions = { netLiquidity: options.netLiquidity ?? 'fed_assets - tga - rrp' };
  for (const day of historyDays(all, options.from, options.to, asPublished)) {
    const ctx = new Context(new LazyVisible(all, day, asPublished), day);
    onDay(day, definitions.map((d) => runIndicator(d, ctx, thresholds, engine)));
  }
}

export function indicatorHistory(all: SeriesSet, definition: IndicatorDefinition, options: HistoryOptions = {}): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  judgeDays(all, options, [definition], (day, [result]) => {
    if (result === undefined) return;
    points.push({ date: formatDay(day), status: result.status, metrics: result.metrics, stale: result.stale.length > 0 });
  });
  return points;
}

export function overallHistory(all: SeriesSet, options: HistoryOptions = {}): OverallPoint[] {
  const points: OverallPoint[] = [];
  judgeDays(all, options, INDICATORS, (day, results) => {
    points.push({
      date: formatDay(day),
      status: overallStatus(results),
      indicators: Object.fromEntries(results.map((r) => [r.id, r.status])),
    });
  });
  return points;
}

export interface YearSummary {
  readonly year: string;
  readonly days: number;
  readonly ok: number;
  readonly watch: number;
  readonly stress: number;
  readonly unknown: number;
}

export interface Onset {
  /** The first day of a run of stress (or watch-or-worse) days. */
  readonly date: string;
  /** Business days the run lasted. */
  readonly days: number;
  /** The indicators in stress on the first day. */
  readonly drivers: readonly string[];
}

export interface Backtest {
  readonly from: string | null;
  readonly to: string | null;
  readonly years: readonly YearSummary[];
  readonly stressOnsets: readonly Onset[];
  readonly watchOnsets: readonly Onset[];
  readonly calm: { readonly from: string; readonly to: string; readonly days: number; readonly stressDays: number; readonly watchDays: number } | null;
}

const RANK: Record<Overall, number> = { unknown: -1, ok: 0, watch: 1, stress: 2 };

/** Runs of days at or above a level, each with its first day and the indicators behind it. */
function onsets(points: readonly OverallPoint[], level: 'watch' | 'stress'): Onset[] {
  const found: Onset[] = [];
  let start = -1;
  const close = (end: number): void => {
    const first = points[start] as OverallPoint;
    const drivers = Object.entries(first.indicators).filter(([, s]) => s === level || (level === 'watch' && s === 'stress')).map(([id]) => id);
    found.push({ date: first.date, days: end - start, drivers });
  };
  points.forEach((p, i) => {
    const inRun = RANK[p.status] >= RANK[level];
    if (inRun && start < 0) start = i;
    if (!inRun && start >= 0) {
      close(i);
      start = -1;
    }
  });
  if (start >= 0) close(points.length);
  return found;
}

export function backtest(points: readonly OverallPoint[], calm?: { from: Day; to: Day }): Backtest {
  const years = new Map<string, { days: number; ok: number; watch: number; stress: number; unknown: number }>();
  for (const p of points) {
    const year = p.date.slice(0, 4);
    const row = years.get(year) ?? { days: 0, ok: 0, watch: 0, stress: 0, unknown: 0 };
    row.days++;
    row[p.status]++;
    years.set(year, row);
  }
  let calmSummary: Backtest['calm'] = null;
  if (calm !== undefined) {
    const from = formatDay(calm.from);
    const to = formatDay(calm.to);
    const inside = points.filter((p) => p.date >= from && p.date <= to);
    calmSummary = {
      from,
      to,
      days: inside.length,
      stressDays: inside.filter((p) => p.status === 'stress').length,
      watchDays: inside.filter((p) => p.status === 'watch').length,
    };
  }
  return {
    from: points[0]?.date ?? null,
    to: points.at(-1)?.date ?? null,
    years: [...years].map(([year, row]) => ({ year, ...row })),
    stressOnsets: onsets(points, 'stress'),
    watchOnsets: onsets(points, 'watch'),
    calm: calmSummary,
  };
}

