/** `liq outlook`: the projected weekly path of reserves and the balance sheet, per scenario. */
import { formatDay } from '../domain/dates.ts';
import { defaultAsOf } from '../engine/assess.ts';
import { DEFAULT_WEEKS, outlook, type Scenario } from '../engine/outlook.ts';
import { visibleAt } from '../engine/visibility.ts';
import { dataError, usageError } from '../errors.ts';
import { toJson } from '../report/json.ts';
import { outlookChart, outlookCsv, outlookTable } from '../report/outlook.ts';
import type { RunContext } from './main.ts';
import { FORMATS, resolveFormat, type CommonOptions } from './options.ts';
import { chalkPaint } from './paint.ts';
import { prepare } from './pipeline.ts';

interface OutlookFlags extends CommonOptions {
  weeks?: string;
  scenario?: string;
}

function parseWeeks(text: string | undefined): number {
  if (text === undefined) return DEFAULT_WEEKS;
  const weeks = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(weeks >= 1 && weeks <= 520)) throw usageError(`--weeks "${text}": expected a whole number of weeks from 1 to 520, e.g. --weeks 26`);
  return weeks;
}

export async function run(files: string[], opts: OutlookFlags, ctx: RunContext): Promise<number> {
  const format = resolveFormat(opts, FORMATS.outlook);
  const weeks = parseWeeks(opts.weeks);
  // The scenario file first: a bad one is reported before any data are read.
  const scenarios: Record<string, Scenario> = opts.scenario === undefined ? { default: {} } : await (await import('../io/scenario.ts')).loadScenarios(opts.scenario);
  const p = await prepare(files, opts, ctx);
  const asOf = p.asOf ?? defaultAsOf(p.all, p.options.asPublished);
  if (asOf === null) throw dataError('liq outlook: the inputs hold no observations');
  const result = outlook(visibleAt(p.all, asOf, p.options.asPublished), scenarios, { asOf, weeks, thresholds: p.options.thresholds });
  if ('missing' in result) {
    throw dataError(`liq outlook needs fed_assets, tga, rrp and reserves on ${formatDay(asOf)} and 13 weeks before it (for the trailing paces); missing: ${result.missing.join(', ')}`);
  }
  const paint = await chalkPaint(format === 'table' || format === 'chart' ? p.colorLevel : 0);
  const render: Record<string, () => string> = {
    table: () => outlookTable(result, paint, ctx.columns),
    chart: () => outlookChart(result, { width: Math.min(ctx.columns, 160), height: 14, color: p.colorLevel > 0 }, paint),
    json: () => toJson(result),
    csv: () => outlookCsv(result),
  };
  ctx.stdout((render[format] as () => string)());
  return 0;
}
