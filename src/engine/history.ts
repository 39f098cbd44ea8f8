/**
 * An indicator (or the overall status) on every business day of a range, and the
 * backtest summary built from it. Each day is judged exactly as `liq check --as-of` would
 * judge it, but views are cut in O(log n) per series and only the asked-for indicators
 * run, so 2018→today takes milliseconds, not a re-load per day.
 */
import { formatDay, type Day } from '../domain/dates.ts';
import type { SeriesSet } from '../domain/series.ts';
import { Context, newRunMemo } from './_lib/context.ts';
import { dayTypes, type DayType } from '../domain/calendar.ts';
import { judgeIndicator, overallStatus, type Judged } from './assess.ts';
import type { EngineOptions, IndicatorDefinition } from './indicator.ts';
import { INDICATORS } from './indicators/index.ts';
import { DEFAULT_THRESHOLDS } from './thresholds.ts';
import { DEFAULT_NET_LIQUIDITY, OVERALL_RANK, type Metrics, type Overall, type Status, type Thresholds } from './types.ts';
import { LazyVisible, PUBLICATION_LAG_DAYS } from './visibility.ts';
import { item } from './_lib/arrays.ts';

export interface HistoryOptions {
  readonly from?: Day;
  readonly to?: Day;
  readonly asPublished?: boolean;
  readonly thresholds?: Thresholds;
  readonly netLiquidity?: EngineOptions['netLiquidity'];
}

export interface HistoryPoint {
  readonly date: string;
  /** The day's calendar types (month_end, mid_month, …, plain), from the date alone. */
  readonly dayTypes: readonly DayType[];
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
function historyDays(all: SeriesSet, from: Day | undefined, to: Day | undefined, asPublished: boolean): Day[] {
  const sofr = all.get('sofr');
  if (sofr === undefined) return [];
  const days: Day[] = [];
  for (const d of sofr.dates) {
    const day = asPublished ? d + PUBLICATION_LAG_DAYS.sofr : d;
    if ((from === undefined || day >= from) && (to === undefined || day <= to)) days.push(day);
  }
  return days;
}

function judgeDays(all: SeriesSet, options: HistoryOptions, definitions: readonly IndicatorDefinition[], onDay: (day: Day, results: Judged[]) => void): void {
  const asPublished = options.asPublished ?? false;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const engine: EngineOptions = { netLiquidity: options.netLiquidity ?? DEFAULT_NET_LIQUIDITY };
  const memo = newRunMemo(); // running maxima, calendar pops, reserve demand's weeks: for the whole run
  for (const day of historyDays(all, options.from, options.to, asPublished)) {
    const ctx = new Context(new LazyVisible(all, day, asPublished), day, memo);
    onDay(day, definitions.map((d) => judgeIndicator(d, ctx, thresholds, engine)));
  }
}

export function indicatorHistory(all: SeriesSet, definition: IndicatorDefinition, options: HistoryOptions = {}): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  judgeDays(all, options, [definition], (day, [result]) => {
    if (result === undefined) return;
    points.push({ date: formatDay(day), dayTypes: dayTypes(day), status: result.status, metrics: result.metrics, stale: result.stale });
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

/** Business days without stress that separate two episodes; shorter breaks continue one. */
const EPISODE_GAP_DAYS = 5;

/** The longest window of any indicator (sofr_above_ceiling, sofr_rrp avg10 + avg10Prev). */
const LONGEST_WINDOW = 20;

/**
 * The first day on which every windowed indicator sees a full window: the 20th SOFR
 * observation. Days before it are judged on partial windows, so a backtest starts here.
 */
export function fullWindowsFrom(all: SeriesSet): Day | null {
  const sofr = all.get('sofr');
  return sofr === undefined || sofr.dates.length < LONGEST_WINDOW ? null : item(sofr.dates, LONGEST_WINDOW - 1);
}

/**
 * Episodes at or above a level: an onset is a day at the level after at least `gap`
 * business days below it; a run already under way on the first day has no known onset.
 * `days` counts the business days from the onset to the episode's last day at the level.
 */
function onsets(points: readonly OverallPoint[], level: 'watch' | 'stress', gap: number): Onset[] {
  interface Run { date: string; start: number; end: number; drivers: string[] }
  const found: Run[] = [];
  let quiet: number | null = null; // days below the level since the last day at it; null before any
  let current: Run | 'unknown start' | null = null;
  points.forEach((p, i) => {
    if (OVERALL_RANK[p.status] < OVERALL_RANK[level]) {
      quiet = (quiet ?? 0) + 1;
      return;
    }
    if (quiet === null) {
      current = 'unknown start';
    } else if (current !== null && quiet < gap) {
      if (current !== 'unknown start') current.end = i;
    } else {
      const drivers = Object.entries(p.indicators).filter(([, s]) => s === level || (level === 'watch' && s === 'stress')).map(([id]) => id);
      current = { date: p.date, start: i, end: i, drivers };
      found.push(current);
    }
    quiet = 0;
  });
  return found.map((o) => ({ date: o.date, days: o.end - o.start + 1, drivers: o.drivers }));
}

export function backtest(points: readonly OverallPoint[], calm?: { from: Day; to: Day }, gap = EPISODE_GAP_DAYS): Backtest {
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
    stressOnsets: onsets(points, 'stress', gap),
    watchOnsets: onsets(points, 'watch', gap),
    calm: calmSummary,
  };
}


/** How early the status warned before an episode's worst day. */
export interface LeadTime {
  readonly episode: string;
  readonly date: string;
  /**
   * The first day a price indicator (the four SOFR/EFFR ones) reached watch after at least
   * QUIET_DAYS business days with none at watch, within the 90 days: a fresh warning, not
   * the start of the window. Null when the prices were never quiet that long in the window.
   */
  readonly firstWatch: string | null;
  readonly firstStress: string | null;
  /** Business days from the first stress day to the episode day (0: stress only that day). */
  readonly stressLeadDays: number | null;
}

const LEAD_LOOKBACK_DAYS = 90;
/** Business days with no price indicator at watch before a watch counts as a fresh warning. */
export const QUIET_DAYS = 5;

const PRICE_IDS: readonly string[] = INDICATORS.filter((d) => d.kind === 'price').map((d) => d.id);

/** Whether any price indicator is at watch or stress that day (the quantities sit at watch for years). */
function pricesWarn(p: OverallPoint): boolean {
  return PRICE_IDS.some((id) => p.indicators[id] === 'watch' || p.indicators[id] === 'stress');
}

/** The first price warning in `window` that follows QUIET_DAYS quiet days, or -1. */
function freshWarning(window: readonly OverallPoint[]): number {
  let quiet = 0;
  for (let i = 0; i < window.length; i++) {
    if (!pricesWarn(window[i] as OverallPoint)) quiet++;
    else if (quiet >= QUIET_DAYS) return i;
    else quiet = 0;
  }
  return -1;
}

/**
 * For each episode day E, among the days judged in the 90 calendar days up to and
 * including E: the first fresh price warning (see LeadTime.firstWatch) and the first day
 * of overall stress.
 */
export function leadTimes(points: readonly OverallPoint[], episodes: readonly { name: string; day: Day }[]): LeadTime[] {
  return episodes.map(({ name, day }) => {
    const from = formatDay(day - LEAD_LOOKBACK_DAYS);
    const to = formatDay(day);
    const window = points.filter((p) => p.date >= from && p.date <= to);
    const firstWatchAt = freshWarning(window);
    const firstStressAt = window.findIndex((p) => p.status === 'stress');
    return {
      episode: name,
      date: to,
      firstWatch: window[firstWatchAt]?.date ?? null,
      firstStress: window[firstStressAt]?.date ?? null,
      stressLeadDays: firstStressAt < 0 ? null : window.length - 1 - firstStressAt,
    };
  });
}
