/** `liq history` output: CSV and JSON for scripts, a line chart and a backtest table for people. */
import asciichart from 'asciichart';
import type { Backtest, HistoryPoint, LeadTime, OverallPoint } from '../engine/history.ts';
import type { IndicatorDefinition } from '../engine/indicator.ts';
import type { Level, LevelPair } from '../engine/types.ts';
import { csvLine } from './csv.ts';
import { DASH, num } from './format.ts';
import type { Paint } from './paint.ts';
import { makeTable, statusLabel } from './table.ts';

export function historyCsv(points: readonly HistoryPoint[], definition: IndicatorDefinition): string {
  let out = csvLine(['date', 'status', 'stale', ...definition.metricKeys]);
  for (const p of points) out += csvLine([p.date, p.status, p.stale, ...definition.metricKeys.map((k) => p.metrics[k] ?? null)]);
  return out;
}

export function overallCsv(points: readonly OverallPoint[]): string {
  const ids = Object.keys(points[0]?.indicators ?? {});
  let out = csvLine(['date', 'status', ...ids]);
  for (const p of points) out += csvLine([p.date, p.status, ...ids.map((id) => p.indicators[id] ?? null)]);
  return out;
}

function thresholdOf(level: Level, metric: string): number | null {
  return level?.find((r) => r.metric === metric)?.value ?? null;
}

/**
 * Reduces a long history to one value per column: the worst in each bucket (highest, or
 * lowest where lower is worse), so a one-day spike is never averaged away.
 */
function downsample(values: readonly (number | null)[], width: number, lowerIsWorse: boolean): number[] {
  if (values.length <= width) return values.map((v) => v ?? Number.NaN);
  const out: number[] = [];
  for (let c = 0; c < width; c++) {
    const start = Math.floor((c * values.length) / width);
    const end = Math.floor(((c + 1) * values.length) / width);
    let worst = Number.NaN;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (v === null || v === undefined) continue;
      if (Number.isNaN(worst) || (lowerIsWorse ? v < worst : v > worst)) worst = v;
    }
    out.push(worst);
  }
  return out;
}

export interface ChartOptions {
  readonly metric: string;
  readonly width: number;
  readonly height: number;
  readonly color: boolean;
  readonly thresholds: LevelPair;
}

/** A line chart of one metric with its watch and stress thresholds as flat lines. */
export function historyChart(points: readonly HistoryPoint[], definition: IndicatorDefinition, options: ChartOptions, paint: Paint): string {
  const raw = points.map((p) => {
    const v = p.metrics[options.metric];
    return typeof v === 'number' ? v : null;
  });
  const known = raw.filter((v): v is number => v !== null);
  const title = `${paint.bold(definition.title)} · ${options.metric} · ${points[0]?.date ?? DASH} → ${points.at(-1)?.date ?? DASH}`;
  if (known.length === 0) return `${title}\n(no values in this range)\n`;
  const lowerIsWorse = ['<', '<='].includes(definition.thresholdMetrics[options.metric] ?? '>=');
  const width = Math.max(10, options.width - 12);
  const line = downsample(raw, width, lowerIsWorse);
  const watch = thresholdOf(options.thresholds.watch, options.metric);
  const stress = thresholdOf(options.thresholds.stress, options.metric);
  const series = [line];
  const colors: (string | undefined)[] = [options.color ? asciichart.default : undefined];
  let min = Math.min(...known);
  let max = Math.max(...known);
  for (const [value, color] of [[watch, asciichart.yellow], [stress, asciichart.red]] as const) {
    if (value === null) continue;
    series.push(line.map(() => value));
    colors.push(options.color ? color : undefined);
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  const plot = asciichart.plot(series, {
    height: options.height,
    min,
    max,
    colors,
    format: (x: number) => num(x, Math.abs(max - min) >= 100 ? 0 : 1).padStart(9),
  });
  const stressDays = points.filter((p) => p.status === 'stress').length;
  const watchDays = points.filter((p) => p.status === 'watch').length;
  const legend = [
    `${options.metric} (worst per column)`,
    watch === null ? null : paint.tone('watch', `watch ${watch}`),
    stress === null ? null : paint.tone('stress', `stress ${stress}`),
  ].filter((x) => x !== null);
  return `${title}\n\n${plot}\n\n${legend.join(' · ')}\n${points.length} business days: ${stressDays} stress, ${watchDays} watch\n`;
}

export function backtestTable(bt: Backtest, paint: Paint, leads: readonly LeadTime[]): string {
  const parts: string[] = [`${paint.bold('liq backtest')} · ${bt.from ?? DASH} → ${bt.to ?? DASH}`];
  const years = makeTable(['Year', 'Days', 'OK', 'Watch', 'Stress', 'Unknown'], paint);
  for (const y of bt.years) years.push([y.year, String(y.days), String(y.ok), String(y.watch), String(y.stress), String(y.unknown)]);
  parts.push(years.text());
  const onsets = makeTable(['Stress onset', 'Days', 'Indicators in stress that day'], paint);
  for (const o of bt.stressOnsets) onsets.push([o.date, String(o.days), o.drivers.join(', ')]);
  parts.push(bt.stressOnsets.length > 0 ? onsets.text() : 'No stress onset in this range.');
  if (leads.length > 0) {
    const lead = makeTable(['Episode', 'First watch', 'First stress', 'Stress lead (business days)'], paint);
    for (const l of leads) lead.push([l.episode, l.firstWatch ?? DASH, l.firstStress ?? DASH, l.stressLeadDays === null ? DASH : String(l.stressLeadDays)]);
    parts.push(lead.text());
  }
  if (bt.calm !== null) {
    const c = bt.calm;
    parts.push(`Calm period ${c.from} → ${c.to}: ${c.days} business days, ${statusLabel('stress', paint)} on ${c.stressDays}, ${statusLabel('watch', paint)} on ${c.watchDays}.`);
  }
  return `${parts.join('\n\n')}\n`;
}
