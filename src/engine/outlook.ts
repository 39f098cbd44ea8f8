/**
 * The outlook: where reserves go from here, week by week, on the balance-sheet identity
 *   Δreserves = Δassets − ΔTGA − ΔON RRP − Δother liabilities,
 * from the as-of date's data and a scenario. Pure: the series and the scenario in, the
 * paths and the first week each threshold line is crossed out.
 *
 * Defaults come from the data: Fed assets move at their trailing 13-week pace (QT or
 * purchases as they are), the TGA holds its level, ON RRP keeps falling at its trailing
 * 13-week pace (if it fell) down to a floor of 0, and the other liabilities (currency,
 * foreign repo pool, …: assets − reserves − TGA − ON RRP) follow their trailing 13-week trend.
 */
import type { SeriesName } from '../domain/catalog.ts';
import { formatDay, type Day } from '../domain/dates.ts';
import type { SeriesSet } from '../domain/series.ts';
import { Context, isStale, toInput, type Point } from './_lib/context.ts';
import type { InputUse, Thresholds } from './types.ts';

/** The trailing window of every default pace, in weeks. */
export const PACE_WEEKS = 13;
export const DEFAULT_WEEKS = 26;
const WEEKS_PER_MONTH = 52 / 12;

/** A pace of Fed assets in bn a month (negative for runoff), from a date on. */
export interface AssetPace {
  readonly from: Day;
  readonly perMonth: number;
}

/** What a scenario may change; everything left out is the default from the data. */
export interface Scenario {
  /** Each entry holds from its date on (until the next); before the first, the trailing pace. */
  readonly assets?: readonly AssetPace[];
  /** A TGA level reached linearly by a date, then held. */
  readonly tga?: { readonly target: number; readonly by: Day };
  /** ON RRP falls at `perMonth` (default: its trailing pace) and never below `floor` (default 0). */
  readonly rrp?: { readonly floor?: number; readonly perMonth?: number };
}

export const THRESHOLD_LINES = ['reserves', 'reservesGdpPct', 'reservesBankAssetsPct', 'rrp'] as const;
export type ThresholdLine = (typeof THRESHOLD_LINES)[number];

export interface OutlookWeek {
  /** 0 is the as-of date's data; 1…N the projected weeks. */
  readonly week: number;
  readonly date: string;
  readonly fedAssets: number;
  readonly tga: number;
  readonly rrp: number;
  readonly other: number;
  readonly reserves: number;
  /** Null when GDP is missing or stale on the as-of date (a ratio to an old figure would mislead). */
  readonly reservesGdpPct: number | null;
  readonly reservesBankAssetsPct: number | null;
  readonly netLiquidity: number;
}

export interface Crossing {
  readonly line: ThresholdLine;
  /** The line: the value is below it when value < threshold. */
  readonly threshold: number;
  /** already: below on the as-of date; crossed: first projected week below; not_within: not in N weeks; unknown: no value. */
  readonly state: 'already' | 'crossed' | 'not_within' | 'unknown';
  readonly week: number | null;
  readonly date: string | null;
}

/** The assumptions a path rests on, each in bn a week, so the output can state them. */
export interface Assumptions {
  readonly assetsPerWeek: readonly { readonly from: string; readonly perWeek: number; readonly source: 'trailing' | 'scenario' }[];
  readonly tga: { readonly target: number; readonly by: string } | null;
  readonly rrpPerWeek: number;
  readonly rrpFloor: number;
  readonly otherPerWeek: number;
}

export interface OutlookPath {
  readonly scenario: string;
  readonly assumptions: Assumptions;
  readonly weeks: readonly OutlookWeek[];
  readonly crossings: readonly Crossing[];
}

export interface Outlook {
  readonly asOf: string;
  readonly weeks: number;
  /** The observations the path starts from, with their dates (and whether each is stale). */
  readonly inputs: readonly (InputUse & { readonly stale: boolean })[];
  readonly thresholds: Readonly<Record<ThresholdLine, number>>;
  readonly paths: readonly OutlookPath[];
}

/** The lines of the threshold table (reserves < 3,000 bn, reserves/GDP < 10 %, …), as configured. */
export function thresholdLines(thresholds: Thresholds): Record<ThresholdLine, number> {
  const watch = (id: keyof Thresholds, metric: string, fallback: number): number =>
    thresholds[id].watch?.find((r) => r.metric === metric && (r.op === '<' || r.op === '<='))?.value ?? fallback;
  return {
    reserves: watch('reserves', 'level', 3000),
    reservesGdpPct: watch('reserves_gdp', 'ratioPct', 10),
    reservesBankAssetsPct: watch('reserves_bank_assets', 'ratioPct', 13),
    rrp: watch('rrp', 'level', 250),
  };
}

/** Where a projection starts: the latest of each balance-sheet series and their trailing paces. */
interface Start {
  readonly fedAssets: Point;
  readonly tga: Point;
  readonly rrp: Point;
  readonly reserves: Point;
  readonly gdp: Point | null;
  readonly bankAssets: Point | null;
  readonly assetsPerWeek: number;
  readonly rrpPerWeek: number;
  readonly otherPerWeek: number;
}

const NEEDED: readonly SeriesName[] = ['fed_assets', 'tga', 'rrp', 'reserves'];

/** The trailing weekly pace of a series: (latest − the level 13 weeks before) / 13. */
function trailingPace(ctx: Context, name: SeriesName, at: Day): number | null {
  const now = ctx.at(name, at);
  const past = ctx.at(name, at - 7 * PACE_WEEKS);
  return now === null || past === null ? null : (now.value - past.value) / PACE_WEEKS;
}

/** other = assets − reserves − TGA − ON RRP on a day (each its latest on or before it). */
function otherOn(ctx: Context, day: Day): number | null {
  const a = ctx.at('fed_assets', day);
  const r = ctx.at('reserves', day);
  const t = ctx.at('tga', day);
  const o = ctx.at('rrp', day);
  return a === null || r === null || t === null || o === null ? null : a.value - r.value - t.value - o.value;
}

/**
 * The start of the projection, or the names of the series it lacks.
 * The paces are measured at the last reserves date, so that the four series' latest
 * observations are of one week as far as the data allow.
 */
function startOf(ctx: Context): Start | SeriesName[] {
  const missing = NEEDED.filter((n) => ctx.at(n, ctx.asOf) === null);
  if (missing.length > 0) return [...missing];
  const at = (n: SeriesName): Point => ctx.at(n, ctx.asOf) as Point;
  const assetsPerWeek = trailingPace(ctx, 'fed_assets', ctx.asOf);
  const rrpPace = trailingPace(ctx, 'rrp', ctx.asOf);
  const otherNow = otherOn(ctx, ctx.asOf);
  const otherPast = otherOn(ctx, ctx.asOf - 7 * PACE_WEEKS);
  if (assetsPerWeek === null || rrpPace === null || otherNow === null || otherPast === null) {
    return NEEDED.filter((n) => ctx.at(n, ctx.asOf - 7 * PACE_WEEKS) === null);
  }
  return {
    fedAssets: at('fed_assets'), tga: at('tga'), rrp: at('rrp'), reserves: at('reserves'),
    gdp: ctx.at('gdp', ctx.asOf), bankAssets: ctx.at('bank_assets', ctx.asOf),
    assetsPerWeek,
    // ON RRP is projected to drain, never to refill: a rising trailing pace holds it level.
    rrpPerWeek: Math.min(0, rrpPace),
    otherPerWeek: (otherNow - otherPast) / PACE_WEEKS,
  };
}

/** The asset pace of a projected week ending on `day`: the scenario entry in force, else the trailing pace. */
function assetsPaceOn(start: Start, scenario: Scenario, day: Day): number {
  let pace = start.assetsPerWeek;
  for (const entry of [...(scenario.assets ?? [])].sort((a, b) => a.from - b.from)) {
    if (entry.from <= day) pace = entry.perMonth / WEEKS_PER_MONTH;
  }
  return pace;
}

/** The TGA level on `day`: linear from the start to the target by its date, then held. */
function tgaOn(start: Start, scenario: Scenario, anchor: Day, day: Day): number {
  const plan = scenario.tga;
  if (plan === undefined) return start.tga.value;
  if (day >= plan.by || plan.by <= anchor) return plan.target;
  return start.tga.value + ((plan.target - start.tga.value) * (day - anchor)) / (plan.by - anchor);
}

function ratio(value: number, scale: Point | null, asOf: Day): number | null {
  return scale === null || isStale(scale.series, scale.date, asOf) ? null : (value / scale.value) * 100;
}

function project(name: string, scenario: Scenario, start: Start, asOf: Day, weeks: number, lines: Record<ThresholdLine, number>): OutlookPath {
  const floorSetting = scenario.rrp?.floor ?? 0;
  // A floor above today's level would refill ON RRP: the level holds instead.
  const floor = Math.min(floorSetting, start.rrp.value);
  const rrpPerWeek = scenario.rrp?.perMonth === undefined ? start.rrpPerWeek : scenario.rrp.perMonth / WEEKS_PER_MONTH;
  const row = (week: number, date: Day, fedAssets: number, tga: number, rrp: number, other: number, reserves: number): OutlookWeek => ({
    week, date: formatDay(date), fedAssets, tga, rrp, other, reserves,
    reservesGdpPct: ratio(reserves, start.gdp, asOf),
    reservesBankAssetsPct: ratio(reserves, start.bankAssets, asOf),
    netLiquidity: fedAssets - tga - rrp,
  });
  const other0 = start.fedAssets.value - start.reserves.value - start.tga.value - start.rrp.value;
  const path: OutlookWeek[] = [row(0, asOf, start.fedAssets.value, start.tga.value, start.rrp.value, other0, start.reserves.value)];
  for (let week = 1; week <= weeks; week++) {
    const prev = path[week - 1] as OutlookWeek;
    const day = asOf + 7 * week;
    const fedAssets = prev.fedAssets + assetsPaceOn(start, scenario, day);
    const tga = tgaOn(start, scenario, asOf, day);
    const rrp = Math.max(floor, prev.rrp + Math.min(0, rrpPerWeek));
    const other = prev.other + start.otherPerWeek;
    const reserves = prev.reserves + (fedAssets - prev.fedAssets) - (tga - prev.tga) - (rrp - prev.rrp) - (other - prev.other);
    path.push(row(week, day, fedAssets, tga, rrp, other, reserves));
  }
  const assetsPerWeek: Assumptions['assetsPerWeek'][number][] = [{ from: formatDay(asOf), perWeek: start.assetsPerWeek, source: 'trailing' }];
  for (const entry of [...(scenario.assets ?? [])].sort((a, b) => a.from - b.from)) {
    assetsPerWeek.push({ from: formatDay(entry.from), perWeek: entry.perMonth / WEEKS_PER_MONTH, source: 'scenario' });
  }
  return {
    scenario: name,
    assumptions: {
      assetsPerWeek,
      tga: scenario.tga === undefined ? null : { target: scenario.tga.target, by: formatDay(scenario.tga.by) },
      rrpPerWeek: Math.min(0, rrpPerWeek),
      rrpFloor: floor,
      otherPerWeek: start.otherPerWeek,
    },
    weeks: path,
    crossings: THRESHOLD_LINES.map((line) => crossing(path, line, lines[line])),
  };
}

/** The first week a line is crossed (value below it), or why there is none. */
export function crossing(path: readonly OutlookWeek[], line: ThresholdLine, threshold: number): Crossing {
  const first = path[0];
  if (first === undefined || first[line] === null) return { line, threshold, state: 'unknown', week: null, date: null };
  if ((first[line] as number) < threshold) return { line, threshold, state: 'already', week: 0, date: first.date };
  const hit = path.find((w) => w[line] !== null && (w[line] as number) < threshold);
  return hit === undefined ? { line, threshold, state: 'not_within', week: null, date: null } : { line, threshold, state: 'crossed', week: hit.week, date: hit.date };
}

export interface OutlookOptions {
  readonly asOf: Day;
  readonly weeks?: number;
  readonly thresholds: Thresholds;
}

/**
 * The outlook for each named scenario, side by side, from the data visible on the as-of
 * date (the caller cuts the series at it). Returns the series it lacks when a path cannot start.
 * @throws If weeks is not an integer from 1 to 520, because a path needs whole weeks.
 */
export function outlook(visible: SeriesSet, scenarios: Readonly<Record<string, Scenario>>, options: OutlookOptions): Outlook | { missing: SeriesName[] } {
  const weeks = options.weeks ?? DEFAULT_WEEKS;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 520) throw new RangeError(`weeks "${weeks}" must be a whole number from 1 to 520`);
  const ctx = new Context(visible, options.asOf);
  const start = startOf(ctx);
  if (Array.isArray(start)) return { missing: start };
  const lines = thresholdLines(options.thresholds);
  const used = [start.fedAssets, start.tga, start.rrp, start.reserves, start.gdp, start.bankAssets].filter((p): p is Point => p !== null);
  return {
    asOf: formatDay(options.asOf),
    weeks,
    inputs: used.map((p) => ({ ...toInput(p), stale: isStale(p.series, p.date, options.asOf) })),
    thresholds: lines,
    paths: Object.entries(scenarios).map(([name, scenario]) => project(name, scenario, start, options.asOf, weeks, lines)),
  };
}
