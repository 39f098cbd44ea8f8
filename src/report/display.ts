/**
 * How each indicator reads in one table row: its headline value, its change, its watch and
 * stress levels and the date of its inputs. The metrics themselves are the engine's; this
 * only chooses and words them.
 */
import { unitOf } from '../engine/indicator.ts';
import { INDICATOR_BY_ID } from '../engine/indicators/index.ts';
import type { Assessment, IndicatorId, IndicatorResult, MetricUnit, Metrics, Status } from '../engine/types.ts';
import { bn, bp, DASH, num, signed, takeUp, valueText } from './format.ts';
import { levelText } from './words.ts';

const n = (metrics: Metrics, key: string): number | null => {
  const v = metrics[key];
  return typeof v === 'number' ? v : null;
};

type Cell = (m: Metrics) => string;
const or = (value: number | null, show: (v: number) => string): string => (value === null ? DASH : show(value));
const pct = (v: number): string => valueText(v, '%');

/** Each row's Value and Change cells, and the metric its Value cell shows (its thresholds need no label). */
const ROWS: Record<IndicatorId, { shows: string; value: Cell; change: Cell }> = {
  sofr_rrp_spread: {
    shows: 'avg10Bp',
    value: (m) => or(n(m, 'avg10Bp'), (v) => `${bp(v)} (10d)`),
    change: (m) => or(n(m, 'change10Bp'), (v) => `${signed(bp(v), v)} vs prev`),
  },
  sofr_iorb_spread: {
    shows: 'avg10Bp',
    value: (m) => or(n(m, 'avg10Bp'), (v) => `${bp(v)} (10d)`),
    change: (m) => or(n(m, 'latestBp'), (v) => `latest ${bp(v)}`),
  },
  sofr_above_ceiling: {
    shows: 'count',
    value: (m) => or(n(m, 'count'), (v) => `${num(v, 0)} of 20 days`),
    change: (m) => or(n(m, 'maxExcessBp'), (v) => `${(n(m, 'streak') ?? 0) > 0 ? `run ${n(m, 'streak')}, ` : ''}max ${signed(bp(v), v)}`),
  },
  effr_in_range: {
    shows: 'belowUpperBp',
    value: (m) => or(n(m, 'belowUpperBp'), (v) => `${bp(v)} to top`),
    change: (m) => or(n(m, 'effrIorbBp'), (v) => `${signed(bp(v), v)} vs IORB`),
  },
  srf_usage: {
    shows: 'latest',
    value: (m) => or(n(m, 'latest'), takeUp),
    change: (m) => or(n(m, 'max20'), (v) => `20d max ${takeUp(v)}`),
  },
  reserves: {
    shows: 'level',
    value: (m) => or(n(m, 'level'), bn),
    change: (m) => or(n(m, 'change52w'), (v) => `${signed(bn(v), v)} /52w`),
  },
  reserves_gdp: {
    shows: 'ratioPct',
    value: (m) => or(n(m, 'ratioPct'), pct),
    change: (m) => (typeof m.gdpDate === 'string' ? `GDP ${m.gdpDate.slice(0, 7)}` : DASH),
  },
  reserves_bank_assets: {
    shows: 'ratioPct',
    value: (m) => or(n(m, 'ratioPct'), pct),
    change: (m) => (typeof m.bankAssetsDate === 'string' ? `H.8 ${m.bankAssetsDate}` : DASH),
  },
  reserve_demand: {
    shows: 'slopeBpPerPct',
    value: (m) => or(n(m, 'slopeBpPerPct'), (v) => `${num(v, 2)} bp/1%`),
    change: (m) => {
      const low = n(m, 'slopeLow');
      const high = n(m, 'slopeHigh');
      return low === null || high === null ? DASH : `${num(low, 2)}…${num(high, 2)} (${m.basis === 'gdp' ? 'GDP' : 'bank assets'})`;
    },
  },
  tga: {
    shows: 'level',
    // The Treasury's daily figure is marked: the H.4.1 one is what the other rows use.
    value: (m) => or(n(m, 'level'), (v) => `${bn(v)}${m.measure === 'Daily Treasury Statement' ? ' (DTS)' : ''}`),
    change: (m) => or(n(m, 'change13w'), (v) => `${signed(bn(v), v)} /13w`),
  },
  rrp: {
    shows: 'level',
    value: (m) => or(n(m, 'level'), bn),
    change: (m) => or(n(m, 'drawdownPct'), (v) => `${pct(v)} off peak`),
  },
  net_liquidity: {
    shows: 'level',
    value: (m) => or(n(m, 'level'), bn),
    change: (m) => or(n(m, 'change13w'), (v) => `${signed(bn(v), v)} /13w`),
  },
  qt_pace: {
    shows: 'perMonth',
    value: (m) => or(n(m, 'perMonth'), (v) => `${signed(bn(v), v)}/mo`),
    change: (m) => or(n(m, 'change13w'), (v) => `${signed(bn(v), v)} /13w`),
  },
  calendar: {
    shows: 'popBp',
    // The day's type is in the headline; the cell keeps to the width of the other values.
    value: (m) => or(n(m, 'popBp'), (v) => `${signed(bp(v), v)} pop`),
    change: (m) =>
      n(m, 'popPercentile') !== null
        ? `pctile ${num(n(m, 'popPercentile') as number, 0)} of 3y`
        : or(n(m, 'plainDaysAboveCeiling'), (v) => `${v} plain > ceiling`),
  },
  sofr_tail: {
    shows: 'shareAboveIorbMin',
    value: (m) => or(n(m, 'shareAboveIorbMin'), (v) => `≥ ${num(v, 0)} % > IORB`),
    change: (m) => or(n(m, 'p99Bp'), (v) => `p99 ${signed(bp(v), v)}`),
  },
  repo_segments: {
    shows: 'avg10TgcrRrpBp',
    value: (m) => or(n(m, 'avg10TgcrRrpBp'), (v) => `${bp(v)} avg10`),
    change: (m) => or(n(m, 'sofrTgcrBp'), (v) => `SOFR ${signed(bp(v), v)}`),
  },
  effr_tail: {
    shows: 'p75IorbBp',
    value: (m) => or(n(m, 'p75IorbBp'), (v) => `p75 ${signed(bp(v), v)}`),
    change: (m) => or(n(m, 'p99IorbBp'), (v) => `p99 ${signed(bp(v), v)}`),
  },
  sofr_volume: {
    shows: 'level',
    value: (m) => or(n(m, 'level'), bn),
    change: (m) => or(n(m, 'change52wPct'), (v) => `${signed(num(v, 1), v)} % /52w`),
  },
};

function headline(result: IndicatorResult): { value: string; change: string } {
  const row = ROWS[result.id];
  return { value: row.value(result.metrics), change: row.change(result.metrics) };
}

/** The date of the oldest input the indicator used: the data it is really "as of". */
function inputsDate(result: IndicatorResult): string {
  const dates = result.inputs.map((i) => i.date).sort();
  return dates[0] ?? DASH;
}

/** The text cells every indicators table shows; each form adds its own status and stale marker. */
export interface IndicatorCells {
  readonly value: string;
  readonly change: string;
  readonly watch: string;
  readonly stress: string;
  /** The date of the oldest input the indicator used. */
  readonly inputs: string;
}

export function indicatorCells(result: IndicatorResult): IndicatorCells {
  const definition = INDICATOR_BY_ID.get(result.id);
  const shows = ROWS[result.id]?.shows ?? definition?.primaryMetric ?? '';
  const unit = (metric: string): MetricUnit => (definition === undefined ? 'bp' : (unitOf(definition, metric) ?? 'bp'));
  return {
    ...headline(result),
    watch: levelText(result, result.thresholds.watch, shows, unit),
    stress: levelText(result, result.thresholds.stress, shows, unit),
    inputs: inputsDate(result),
  };
}

/** The indicators at watch or stress, worst first, each with its reason. */
export function flagged(assessment: Assessment): IndicatorResult[] {
  const rank = (s: Status): number => (s === 'stress' ? 0 : 1);
  return assessment.indicators.filter((r) => r.status === 'stress' || r.status === 'watch').sort((a, b) => rank(a.status) - rank(b.status));
}

/** The series filled in by FOMC rules where the data stop, by name. */
export function derivedSeries(assessment: Assessment): string[] {
  return assessment.series.filter((s) => s.derivedCount > 0).map((s) => s.name);
}

/** The net-liquidity formula in use, as the indicator that computed it states it; null if none did. */
export function netLiquidityFormula(assessment: Assessment): string | null {
  return assessment.indicators.find((r) => r.formula !== null)?.formula ?? null;
}
