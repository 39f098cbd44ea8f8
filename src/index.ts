/**
 * liq as a library: the engine the CLI runs, for scripts in Node (load, assess, history,
 * compare, outlook).
 *
 *     import { load, assess } from 'liq';
 *     const data = await load(['fixtures/fred/']);
 *     const today = assess(data, { asOf: '2025-11-14' });
 *
 * Dates in and out are `YYYY-MM-DD` strings; levels are USD billions, rates percent,
 * spreads basis points, as in `liq check --json`. `load` reads files; everything else is
 * pure (no I/O, no clock), so the same data and options always give the same answer.
 * Errors are LiqError, with one located problem per line in `problems`.
 */
import { formatDay, parseIsoDay, type Day } from './domain/dates.ts';
import type { SeriesSet } from './domain/series.ts';
import { assess as assessSeries, defaultAsOf } from './engine/assess.ts';
import { compare as compareEpisode, snapshot, type Comparison } from './engine/compare.ts';
import { deriveSeries } from './engine/derive.ts';
import { indicatorHistory, overallHistory, type HistoryPoint, type OverallPoint } from './engine/history.ts';
import { INDICATOR_BY_ID } from './engine/indicators/index.ts';
import { DEFAULT_WEEKS, outlook as projectOutlook, type Outlook, type Scenario } from './engine/outlook.ts';
import { DEFAULT_THRESHOLDS } from './engine/thresholds.ts';
import { visibleAt } from './engine/visibility.ts';
import type { Assessment, IndicatorId, NetLiquidityFormula, Thresholds } from './engine/types.ts';
import { dataError, usageError } from './errors.ts';
import { resolveEpisode } from './cli/episode.ts';
import { loadPaths } from './io/load.ts';

export type { SeriesName } from './domain/catalog.ts';
export type { Series, SeriesSet } from './domain/series.ts';
export type { Comparison, ComparisonRow, Snapshot } from './engine/compare.ts';
export type { HistoryPoint, OverallPoint } from './engine/history.ts';
export type {
  Assessment, IndicatorId, IndicatorResult, InputUse, Level, LevelPair, MetricValue, Metrics, NetLiquidityFormula,
  Overall, Rule, SeriesCoverage, StaleInput, Status, Thresholds,
} from './engine/types.ts';
export { INDICATOR_IDS, NET_LIQUIDITY_FORMULAS } from './engine/types.ts';
export { DEFAULT_THRESHOLDS } from './engine/thresholds.ts';
export { ExitCode, LiqError } from './errors.ts';

/** Loaded series, with the series derived from them (IORB before 2021, the SRF rate…). */
export interface Data {
  readonly series: SeriesSet;
  /** What the loader noticed that is not an error (e.g. an ignored column). */
  readonly notices: readonly string[];
}

export interface LoadOptions {
  /** The unit of a column whose header does not say it, e.g. `['reserves=millions']`. */
  readonly units?: readonly string[];
}

/** Reads CSV files and folders of them, as `liq check FILES...` does. */
export async function load(paths: string | readonly string[], options: LoadOptions = {}): Promise<Data> {
  const loaded = await loadPaths(typeof paths === 'string' ? [paths] : paths, { units: options.units ?? [] });
  return { series: deriveSeries(loaded.series), notices: loaded.notices };
}

export interface JudgeOptions {
  /** Use only what had been published by the morning of the as-of date. */
  readonly asPublished?: boolean;
  /** The levels to judge by; DEFAULT_THRESHOLDS if absent. */
  readonly thresholds?: Thresholds;
  readonly netLiquidity?: NetLiquidityFormula;
}

export interface AssessOptions extends JudgeOptions {
  /** YYYY-MM-DD; default the last SOFR date (with asPublished, the morning after it). */
  readonly asOf?: string;
}

function day(text: string | undefined, what: string): Day | undefined {
  if (text === undefined) return undefined;
  const d = parseIsoDay(text);
  if (d === null) throw usageError(`${what} "${text}": expected a date as YYYY-MM-DD`);
  return d;
}

function judging(options: JudgeOptions): { asPublished: boolean; thresholds: Thresholds; netLiquidity?: NetLiquidityFormula } {
  return {
    asPublished: options.asPublished ?? false,
    thresholds: options.thresholds ?? DEFAULT_THRESHOLDS,
    ...(options.netLiquidity === undefined ? {} : { netLiquidity: options.netLiquidity }),
  };
}

/** Every indicator and the overall status on one date: what `liq check --json` prints. */
export function assess(data: Data, options: AssessOptions = {}): Assessment {
  const asOf = day(options.asOf, 'asOf');
  return assessSeries(data.series, { ...judging(options), ...(asOf === undefined ? {} : { asOf }) });
}

export interface HistoryOptions extends JudgeOptions {
  /** An indicator's history; without one, the overall status with each indicator's. */
  readonly indicator?: IndicatorId;
  /** YYYY-MM-DD, inclusive. */
  readonly from?: string;
  readonly to?: string;
}

/** An indicator, or the overall status, on every business day (SOFR date) of a range. */
export function history(data: Data, options: HistoryOptions & { readonly indicator: IndicatorId }): HistoryPoint[];
export function history(data: Data, options?: HistoryOptions): OverallPoint[];
export function history(data: Data, options: HistoryOptions = {}): HistoryPoint[] | OverallPoint[] {
  const from = day(options.from, 'from');
  const to = day(options.to, 'to');
  const range = { ...judging(options), ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  if (options.indicator === undefined) return overallHistory(data.series, range);
  const definition = INDICATOR_BY_ID.get(options.indicator);
  if (definition === undefined) throw usageError(`indicator "${options.indicator}": not one liq computes`);
  return indicatorHistory(data.series, definition, range);
}

export interface CompareOptions extends AssessOptions {
  /** 2019-09 (the bundled reference, default), a month (2020-03: its worst SOFR day), a date, or NAME=DATE. */
  readonly episode?: string;
}

/** The as-of date against the eve and the spike of a funding episode: `liq compare --json`. */
export function compare(data: Data, options: CompareOptions = {}): Comparison {
  const judge = judging(options);
  const asOf = day(options.asOf, 'asOf') ?? defaultAsOf(data.series, judge.asPublished);
  if (asOf === null) throw usageError('compare: the data hold no observations');
  const episode = resolveEpisode(options.episode, {}, data.series, judge);
  return compareEpisode(episode.reference.name, snapshot(data.series, asOf, judge), episode.reference.eve, episode.reference.spike);
}

export type { Outlook, OutlookPath, OutlookWeek, Crossing } from './engine/outlook.ts';

/** A scenario for outlook(), dates as YYYY-MM-DD; everything left out is the trailing pace. */
export interface ScenarioInput {
  /** Fed assets' pace in USD bn a month (negative for runoff), each from its date on. */
  readonly assets?: readonly { readonly from: string; readonly perMonth: number }[];
  /** A TGA level in USD bn reached linearly by a date, then held. */
  readonly tga?: { readonly target: number; readonly by: string };
  /** ON RRP falls at perMonth (default: its trailing pace), never below floor (default 0). */
  readonly rrp?: { readonly floor?: number; readonly perMonth?: number };
}

export interface OutlookOptions extends AssessOptions {
  /** Weeks to project, 1 to 520 (default 26). */
  readonly weeks?: number;
  /** Named scenarios, side by side; default one path at the trailing paces. */
  readonly scenarios?: Readonly<Record<string, ScenarioInput>>;
}

function scenario(input: ScenarioInput, name: string): Scenario {
  return {
    ...(input.assets === undefined ? {} : { assets: input.assets.map((a) => ({ from: day(a.from, `scenario ${name} assets.from`) as Day, perMonth: a.perMonth })) }),
    ...(input.tga === undefined ? {} : { tga: { target: input.tga.target, by: day(input.tga.by, `scenario ${name} tga.by`) as Day } }),
    ...(input.rrp === undefined ? {} : { rrp: input.rrp }),
  };
}

/** The weekly path of Fed assets, TGA, ON RRP and reserves, per scenario: `liq outlook --json`. */
export function outlook(data: Data, options: OutlookOptions = {}): Outlook {
  const judge = judging(options);
  const asOf = day(options.asOf, 'asOf') ?? defaultAsOf(data.series, judge.asPublished);
  if (asOf === null) throw usageError('outlook: the data hold no observations');
  const scenarios = Object.fromEntries(Object.entries(options.scenarios ?? { default: {} }).map(([name, s]) => [name, scenario(s, name)]));
  const weeks = options.weeks ?? DEFAULT_WEEKS;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 520) throw usageError(`outlook: weeks ${weeks}: expected a whole number from 1 to 520`);
  const result = projectOutlook(visibleAt(data.series, asOf, judge.asPublished), scenarios, { asOf, weeks, thresholds: judge.thresholds });
  if ('missing' in result) throw dataError(`outlook needs fed_assets, tga, rrp and reserves on ${formatDay(asOf)} and 13 weeks before it; missing: ${result.missing.join(', ')}`);
  return result;
}
