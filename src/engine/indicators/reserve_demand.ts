import type { Day } from '../../domain/dates.ts';
import { isStale, type Context, type Point } from '../_lib/context.ts';
import { groupedSlope, type RegressionPoint } from '../_lib/regression.ts';
import { defineIndicator, missingSeries, unavailable, unavailableFor } from '../indicator.ts';

/** The estimation window: the 52 weeks to the as-of date. */
export const WINDOW_WEEKS = 52;
/** Fewer weekly points than this (half the window) give no estimate: a slope from a few weeks is noise. */
export const MIN_WEEKS = 26;
/** Newey–West lags, in weeks: weekly spreads and reserves are autocorrelated for about a month. */
export const NW_LAGS = 4;
/** A 1 % change of reserves is a change of ln(1.01) in ln(reserves / scale). */
const LN_ONE_PERCENT = Math.log(1.01);

export type Basis = 'bank_assets' | 'gdp';

/** One week of the regression: its Wednesday, the week's mean spread, the scaled reserves and the regime. */
export interface WeekPoint {
  readonly wednesday: Day;
  /** Mean of daily (effr − iorb) in bp over the days of the week to the Wednesday. */
  readonly spreadBp: number;
  /** ln(reserves / scale) on the Wednesday. */
  readonly lnRatio: number;
  /** iorb − target_upper in bp: the administered-rate regime. */
  readonly regimeBp: number;
}

/** iorb − target_upper on a day, in bp rounded to 1e-6 (float dust must not split a regime), or null. */
function regimeOn(ctx: Context, day: Day): { regime: number; iorb: Point } | null {
  const iorb = ctx.at('iorb', day);
  const top = ctx.at('target_upper', day);
  if (iorb === null || top === null) return null;
  return { regime: Math.round((iorb.value - top.value) * 1e8) / 1e6, iorb };
}

/**
 * The week to Wednesday `w` (Thursday to Wednesday, as the H.4.1 week average): the mean
 * of the daily EFFR − IORB spreads, or null when no day of it has both, or when the
 * regime changed inside it or since the day before it (such a week mixes two intercepts).
 */
function weekSpread(ctx: Context, w: Day): { spreadBp: number; regimeBp: number } | null {
  const known = ctx.memo.weekSpreads.get(w);
  if (known !== undefined) return known;
  const week = computeWeekSpread(ctx, w);
  if (w <= ctx.asOf - 7) ctx.memo.weekSpreads.set(w, week);
  return week;
}

function computeWeekSpread(ctx: Context, w: Day): { spreadBp: number; regimeBp: number } | null {
  const before = regimeOn(ctx, w - 7);
  let regime = before?.regime ?? null;
  let sum = 0;
  let n = 0;
  for (const effr of ctx.between('effr', w - 6, w)) {
    const on = regimeOn(ctx, effr.date);
    if (on === null) continue;
    if (regime !== null && on.regime !== regime) return null;
    regime = on.regime;
    sum += (effr.value - on.iorb.value) * 100;
    n++;
  }
  return n === 0 || regime === null ? null : { spreadBp: sum / n, regimeBp: regime };
}

/**
 * The weekly points of the window and the scale they use: bank assets when every week has
 * a fresh H.8 figure, else GDP (bank assets missing or stale somewhere in the window).
 */
export function weeklyPoints(ctx: Context): { points: WeekPoint[]; basis: Basis; scaleUsed: Point | null } {
  const wednesdays = ctx.between('reserves', ctx.asOf - 7 * WINDOW_WEEKS + 1, ctx.asOf);
  const fresh = (w: Point): boolean => {
    const assets = ctx.at('bank_assets', w.date);
    return assets !== null && !isStale('bank_assets', assets.date, w.date);
  };
  const basis: Basis = wednesdays.length > 0 && wednesdays.every(fresh) ? 'bank_assets' : 'gdp';
  const points: WeekPoint[] = [];
  let scaleUsed: Point | null = null;
  for (const reserves of wednesdays) {
    const scale = ctx.at(basis, reserves.date);
    const week = weekSpread(ctx, reserves.date);
    if (scale === null || week === null || reserves.value <= 0 || scale.value <= 0) continue;
    points.push({ wednesday: reserves.date, lnRatio: Math.log(reserves.value / scale.value), ...week });
    scaleUsed = scale;
  }
  return { points, basis, scaleUsed };
}

/** The metric keys, in display order (the JSON `metrics` object). */
const METRICS = ['slopeBpPerPct', 'slopeLow', 'slopeHigh', 'r2', 'weeks', 'basis'] as const;

/**
 * liq's estimate of the slope of the reserve demand curve: how many bp EFFR − IORB moves
 * for a 1 % change of reserves (scaled by bank assets, else GDP), from the 52 weeks to the
 * as-of date, with one intercept per administered-rate regime so the FOMC's technical
 * adjustments of IORB are not read as a slope. Near 0 when reserves are abundant, negative
 * when they are scarce: the question the New York Fed's Reserve Demand Elasticity asks
 * with a richer model; this is not that measure.
 */
export const reserveDemand = defineIndicator({
  id: 'reserve_demand',
  title: 'Reserve demand, liq est.',
  kind: 'quantity',
  unit: 'bp per 1 %',
  metricKeys: METRICS,
  metricUnits: { slopeBpPerPct: 'bp per %', slopeLow: 'bp per %', slopeHigh: 'bp per %', r2: 'number', weeks: 'number', basis: 'text' },
  thresholdMetrics: { slopeHigh: '<', slopeBpPerPct: '<' },
  primaryMetric: 'slopeBpPerPct',
  defaults: { watch: [{ metric: 'slopeHigh', op: '<', value: 0 }], stress: null },
  compute(ctx) {
    const missing = missingSeries(ctx, ['effr', 'iorb', 'target_upper', 'reserves']);
    if (!ctx.has('bank_assets') && !ctx.has('gdp')) missing.push('gdp');
    if (missing.length > 0) return unavailableFor(this, missing);
    const found = weeklyPoints(ctx);
    const points = found.points;
    if (points.length < MIN_WEEKS) {
      return unavailable(this, { cause: 'history', series: ['effr', 'iorb', 'reserves'], need: MIN_WEEKS, have: points.length, window: WINDOW_WEEKS, unit: 'weeks' });
    }
    const fit = groupedSlope(
      points.map((p): RegressionPoint => ({ t: Math.round(p.wednesday / 7), x: p.lnRatio, y: p.spreadBp, group: p.regimeBp })),
      NW_LAGS,
    );
    if (fit === null) return unavailable(this, { cause: 'flat', series: ['reserves'] });
    const slope = fit.slope * LN_ONE_PERCENT;
    const se = fit.se * LN_ONE_PERCENT;
    const last = points.at(-1) as WeekPoint;
    const used = [
      ctx.at('reserves', last.wednesday), ctx.at('effr', last.wednesday), ctx.at('iorb', last.wednesday),
      ctx.at('target_upper', last.wednesday), found.scaleUsed,
    ].filter((p): p is Point => p !== null);
    return {
      metrics: { slopeBpPerPct: slope, slopeLow: slope - se, slopeHigh: slope + se, r2: fit.r2, weeks: fit.n, basis: found.basis },
      used,
    };
  },
});
