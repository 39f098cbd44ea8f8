/** `liq history` output: CSV and JSON for scripts, a line chart and a backtest table for people. */
import type { CalendarBacktest } from '../engine/calendar-backtest.ts';
import { QUIET_DAYS, type Backtest, type HistoryPoint, type LeadTime, type OverallPoint } from '../engine/history.ts';
import { INDICATOR_BY_ID } from '../engine/indicators/index.ts';
import { unitOf, type IndicatorDefinition } from '../engine/indicator.ts';
import type { Level, LevelPair, MetricUnit } from '../engine/types.ts';
import { csvLine } from './csv.ts';
import { bp, DASH, num, signed, valueText } from './format.ts';
import type { Paint } from './paint.ts';
import { wrapText } from './layout.ts';
import { makeTable, statusLabel } from './table.ts';
import { terminalChart } from './terminal-chart.ts';
import { metricWords, plural } from './words.ts';

export function historyCsv(points: readonly HistoryPoint[], definition: IndicatorDefinition): string {
  let out = csvLine(['date', 'status', 'stale', ...definition.metricKeys, 'dayTypes']);
  for (const p of points) out += csvLine([p.date, p.status, p.stale, ...definition.metricKeys.map((k) => p.metrics[k] ?? null), p.dayTypes.join(' ')]);
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

export interface ChartOptions {
  readonly metric: string;
  readonly width: number;
  readonly height: number;
  readonly thresholds: LevelPair;
}

/** The unit shown above the value axis. */
const AXIS_UNIT: Record<MetricUnit, string> = { bp: 'bp', percent: '%', '%': '%', 'USD bn': 'USD bn', days: 'days', date: '', 'bp per %': 'bp per 1 %', number: '', text: '' };

/** Axis labels of one chart share their decimals: the fewest (up to 3) that show the tick step exactly; a threshold keeps its own. */
function tickText(v: number, step: number): string {
  const exact = (x: number, d: number): boolean => Math.abs(Math.round(x * 10 ** d) - x * 10 ** d) < 1e-6;
  const decimals = [0, 1, 2, 3].find((d) => exact(step, d) && exact(v, d)) ?? 3;
  return num(v, Math.max(decimals, [0, 1, 2, 3].find((d) => exact(step, d)) ?? 3));
}

/**
 * A line chart of one metric over the days, for a person at a terminal: dates on the time
 * axis, the unit on the value axis, round ticks, the watch and stress thresholds as lines
 * at their values beneath the data, and the days computed from a stale input marked.
 */
export function historyChart(points: readonly HistoryPoint[], definition: IndicatorDefinition, options: ChartOptions, paint: Paint): string {
  const words = metricWords(definition.id, options.metric).name;
  const named = words.toLowerCase() === definition.title.toLowerCase() ? '' : ` · ${words}`;
  const title = `${paint.bold(definition.title)}${named} · ${points[0]?.date ?? DASH} → ${points.at(-1)?.date ?? DASH}`;
  const values = points.map((p) => {
    const v = p.metrics[options.metric];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  });
  if (values.every((v) => v === null)) return `${title}\n(no values in this range)\n`;
  const unit = unitOf(definition, options.metric) ?? 'number';
  const lowerIsWorse = ['<', '<='].includes(definition.thresholdMetrics[options.metric] ?? '>=');
  const thresholds = (['watch', 'stress'] as const).flatMap((tone) => {
    const value = thresholdOf(options.thresholds[tone], options.metric);
    return value === null ? [] : [{ tone, value }];
  });
  const chart = terminalChart({
    values,
    dates: points.map((p) => p.date),
    stale: points.map((p) => p.stale),
    calendar: points.map((p) => (p.dayTypes.includes('quarter_end') || p.dayTypes.includes('year_end') ? 'Q' : p.dayTypes.includes('month_end') ? 'm' : null)),
    thresholds,
    unit: AXIS_UNIT[unit],
    integer: unit === 'days',
    lowerIsWorse,
    width: options.width,
    height: options.height,
    formatTick: tickText,
    paint,
  });
  // A threshold as set and as the levels table shows it: "5 bn", not "5.0 bn"; "+300 bn" for a change.
  const levelValue = (v: number): string => valueText(v, unit, { precise: true, sign: metricWords(definition.id, options.metric).signed === true });
  const staleDays = points.filter((p) => p.stale).length;
  const stressDays = points.filter((p) => p.status === 'stress').length;
  const watchDays = points.filter((p) => p.status === 'watch').length;
  const legend = [
    [`─ ${words}${points.length > options.width ? ' (worst day per column)' : ''}`, ...thresholds.map((t) => paint.tone(t.tone, `┄ ${t.tone} ${levelValue(t.value)}`))].join(' · '),
    ...(staleDays > 0 ? [`░ ${plural(staleDays, 'day')} computed from a stale input (line drawn dim)`] : []),
    ...(points.some((p) => p.dayTypes.includes('month_end')) ? ['Q m under the dates: quarter-ends and month-ends, where SOFR pops by the calendar'] : []),
    `${points.length} business days: ${stressDays} stress, ${watchDays} watch`,
  ];
  return `${title}\n\n${chart}\n\n${legend.join('\n')}\n`;
}

/** The backtest's calendar tables: days above the ceiling by day type, and the quarter-ends that popped most. */
function calendarTables(c: CalendarBacktest, paint: Paint, width: number): string[] {
  const parts: string[] = [];
  const years = makeTable(['Year', 'Above', 'Plain', 'Calendar', 'Q/Y-end', 'M-end', 'Mid', 'Start'], paint, { width, right: [1, 2, 3, 4, 5, 6, 7] });
  for (const y of c.years) {
    const t = y.byType;
    years.push([y.year, String(y.aboveCeiling), String(y.plain), String(y.calendar), String(t.year_end + t.quarter_end), String(t.month_end), String(t.mid_month), String(t.month_start)]);
  }
  parts.push(`Days SOFR printed above the ceiling: plain (persistent) or calendar (seasonal)\n${years.text()}`);
  const q = c.quarterEnds;
  if (q.p90Bp === null) {
    parts.push(`Quarter-ends since ${q.since.slice(0, 4)}: no pop to rank (needs SOFR and IORB).`);
  } else {
    const unusual = makeTable(['Quarter-end', 'Pop over plain days', 'SOFR − IORB'], paint, { width, right: [1, 2] });
    for (const u of q.unusual) unusual.push([u.date, signed(bp(u.popBp), u.popBp), signed(bp(u.sofrIorbBp), u.sofrIorbBp)]);
    parts.push(`Unusual quarter-ends: ${q.unusual.length} of ${q.count} since ${q.since.slice(0, 4)} popped ≥ their 90th percentile, ${bp(num1(q.p90Bp))}\n${unusual.text()}`);
  }
  return parts;
}

const num1 = (v: number): number => Math.round(v * 10) / 10;

/** An indicator by its title, as the dashboard names it. */
const indicatorTitle = (id: string): string => INDICATOR_BY_ID.get(id as never)?.title ?? id;

export function backtestTable(bt: Backtest, paint: Paint, leads: readonly LeadTime[], width: number, calendar: CalendarBacktest | null = null): string {
  const parts: string[] = [`${paint.bold('liq backtest')} · ${bt.from ?? DASH} → ${bt.to ?? DASH}`];
  const years = makeTable(['Year', 'Business days', 'OK', 'Watch', 'Stress', 'Unknown'], paint, { width, right: [1, 2, 3, 4, 5] });
  for (const y of bt.years) years.push([y.year, String(y.days), String(y.ok), String(y.watch), String(y.stress), String(y.unknown)]);
  parts.push(`Overall status, business days per year\n${years.text()}`);
  const onsets = makeTable(['Stress onset', 'Lasted (bus. days)', 'In stress on the first day'], paint, { width, wrap: [2], right: [1] });
  for (const o of bt.stressOnsets) onsets.push([o.date, String(o.days), o.drivers.map(indicatorTitle).join(', ')]);
  parts.push(bt.stressOnsets.length > 0 ? onsets.text() : 'No stress onset in this range.');
  if (leads.length > 0) {
    const lead = makeTable(['Episode', 'Prices first warned', 'First stress', 'Lead'], paint, { width, wrap: [0], right: [3] });
    for (const l of leads) lead.push([l.episode, l.firstWatch ?? DASH, l.firstStress ?? DASH, l.stressLeadDays === null ? DASH : String(l.stressLeadDays)]);
    parts.push(lead.text());
    parts.push(wrapText(`Prices first warned: the first day within the 90 before the episode that a SOFR or EFFR indicator reached watch after ${QUIET_DAYS} or more business days with none at watch (${DASH}: never that quiet). First stress: the first day of overall stress in those 90 days; lead: business days from it to the episode.`, width));
  }
  if (bt.calm !== null) {
    const c = bt.calm;
    parts.push(`Calm period ${c.from} → ${c.to}: ${c.days} business days, ${statusLabel('stress', paint)} on ${c.stressDays}, ${statusLabel('watch', paint)} on ${c.watchDays}.`);
  }
  if (calendar !== null) parts.push(...calendarTables(calendar, paint, width));
  return `${parts.join('\n\n')}\n`;
}
