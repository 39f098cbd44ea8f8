/** `liq history`: an indicator, or the overall status, on every business day of a range. */
import { formatDay, parseIsoDay, type Day } from '../domain/dates.ts';
import { calendarBacktest } from '../engine/calendar-backtest.ts';
import { backtest, fullWindowsFrom, indicatorHistory, leadTimes, overallHistory, type HistoryOptions } from '../engine/history.ts';
import { KNOWN_EPISODES } from '../engine/episodes.ts';
import { INDICATOR_BY_ID } from '../engine/indicators/index.ts';
import type { IndicatorId } from '../engine/types.ts';
import { usageError } from '../errors.ts';
import { backtestTable, historyChart, historyCsv, overallCsv } from '../report/history.ts';
import { toJson } from '../report/json.ts';
import type { RunContext } from './main.ts';
import { parseDayOption, type CommonOptions } from './options.ts';
import { chalkPaint } from './paint.ts';
import { prepare } from './pipeline.ts';

/**
 * The formats of each mode: one indicator is a series (chart for a person, CSV or JSON for
 * a script); the overall status is a backtest (its table, or the daily points as CSV/JSON).
 */
const MODE_FORMATS = { indicator: ['auto', 'chart', 'csv', 'json'], all: ['auto', 'table', 'csv', 'json'] } as const;

interface HistoryFlags extends CommonOptions {
  indicator?: string;
  all?: boolean;
  from?: string;
  to?: string;
  metric?: string;
  calm?: string;
  netLiquidity?: string;
}

export async function run(files: string[], opts: HistoryFlags, ctx: RunContext): Promise<number> {
  if ((opts.indicator === undefined) === (opts.all !== true)) {
    throw usageError('liq history needs --indicator ID (one indicator) or --all (the overall status and a backtest)');
  }
  const definition = opts.indicator === undefined ? undefined : INDICATOR_BY_ID.get(opts.indicator as IndicatorId);
  if (opts.indicator !== undefined && definition === undefined) {
    throw usageError(`--indicator "${opts.indicator}": unknown; one of ${[...INDICATOR_BY_ID.keys()].join(', ')}`);
  }
  if (opts.asOf !== undefined) throw usageError('liq history takes --from and --to, not --as-of');
  const calm = parseRange(opts.calm);
  const from = parseDayOption('--from', opts.from);
  const to = parseDayOption('--to', opts.to);
  if (from !== undefined && to !== undefined && from > to) throw usageError(`--from ${opts.from} is after --to ${opts.to}`);
  let format = opts.json === true ? 'json' : (opts.format ?? 'auto');
  const mode = definition === undefined ? 'all' : 'indicator';
  const formats: readonly string[] = MODE_FORMATS[mode];
  if (!formats.includes(format)) {
    const [here, there] = mode === 'all' ? ['--all', '--indicator'] : ['--indicator', '--all'];
    throw usageError(`--format ${format} is for ${there}, not ${here}; with ${here} use one of: ${formats.join(', ')}`);
  }
  if (format === 'auto') format = ctx.isTTY ? (definition === undefined ? 'table' : 'chart') : 'csv';

  const p = await prepare(files, opts, ctx);
  const base: HistoryOptions = {
    ...p.options,
    ...(to === undefined ? {} : { to }),
  };

  if (definition !== undefined) {
    const metric = opts.metric ?? definition.primaryMetric;
    if (!definition.metricKeys.includes(metric)) throw usageError(`--metric "${metric}": ${definition.id} has ${definition.metricKeys.join(', ')}`);
    const points = indicatorHistory(p.all, definition, { ...base, ...(from === undefined ? {} : { from }) });
    const paint = await chalkPaint(format === 'chart' ? p.colorLevel : 0); // only the chart paints
    const render: Record<string, () => string> = {
      csv: () => historyCsv(points, definition),
      json: () => toJson(points),
      chart: () =>
        historyChart(points, definition, { metric, width: Math.min(ctx.columns > 0 ? ctx.columns : 100, 160), height: 15, thresholds: p.config.thresholds[definition.id] }, paint),
    };
    ctx.stdout((render[format] as () => string)());
    return 0;
  }

  // The overall status: judged from the first day with full windows unless --from says otherwise.
  const start = from ?? fullWindowsFrom(p.all) ?? undefined;
  const points = overallHistory(p.all, { ...base, ...(start === undefined ? {} : { from: start }) });
  const episodes = [...KNOWN_EPISODES, ...Object.entries(p.config.episodes).map(([name, date]) => ({ name, date }))]
    .map(({ name, date }) => ({ name, day: parseIsoDay(date) as Day }))
    .filter(({ day }) => points.length > 0 && (points[0]?.date ?? '') <= formatDay(day) && formatDay(day) <= (points.at(-1)?.date ?? ''));
  const summary = backtest(points, calm);
  const leads = leadTimes(points, episodes);
  const first = points[0];
  const last = points.at(-1);
  const byCalendar = first === undefined || last === undefined ? null : calendarBacktest(p.all, { from: parseIsoDay(first.date) as Day, to: parseIsoDay(last.date) as Day });
  const paint = await chalkPaint(format === 'table' ? p.colorLevel : 0); // the backtest table paints
  const render: Record<string, () => string> = {
    csv: () => overallCsv(points),
    json: () => toJson({ points, backtest: summary, leadTimes: leads, calendar: byCalendar }),
    table: () => backtestTable(summary, paint, leads, ctx.columns, byCalendar),
  };
  ctx.stdout((render[format] as () => string)());
  return 0;
}

function parseRange(text: string | undefined): { from: Day; to: Day } | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  const from = match === null ? null : parseIsoDay(match[1] as string);
  const to = match === null ? null : parseIsoDay(match[2] as string);
  if (from === null || to === null || from > to) throw usageError(`--calm "${text}": expected FROM..TO, e.g. --calm 2021-01-01..2024-12-31`);
  return { from, to };
}
