/** The steps every data command shares: config, load, derive; then the command renders. */
import { weekday } from '../domain/calendar.ts';
import { formatDay, type Day } from '../domain/dates.ts';
import type { SeriesSet } from '../domain/series.ts';
import { deriveSeries } from '../engine/derive.ts';
import { findConfig, loadConfig, type EffectiveConfig } from '../io/config.ts';
import { loadPaths } from '../io/load.ts';
import { parseSize } from '../io/read.ts';
import { visible } from '../domain/visible.ts';
import { colorLevel } from './color.ts';
import type { RunContext } from './main.ts';
import { parseDayOption, type CommonOptions } from './options.ts';
import { usageError } from '../errors.ts';
import { NET_LIQUIDITY_FORMULAS, type NetLiquidityFormula, type Thresholds } from '../engine/types.ts';

export interface Prepared {
  readonly all: SeriesSet;
  readonly config: EffectiveConfig;
  readonly asOf: Day | undefined;
  /** What every engine call of the command takes besides the as-of date. */
  readonly options: { readonly asPublished: boolean; readonly thresholds: Thresholds; readonly netLiquidity: NetLiquidityFormula };
  /**
   * The colour stdout takes. A form that paints (a table, a chart) gets its Paint from
   * chalkPaint(colorLevel) when it renders, so chalk loads only for those forms.
   */
  readonly colorLevel: 0 | 1 | 2 | 3;
}

export async function prepare(files: readonly string[], opts: CommonOptions & { netLiquidity?: string; cached?: boolean; fetch?: boolean }, ctx: RunContext): Promise<Prepared> {
  const asOf = parseDayOption('--as-of', opts.asOf);
  const config = await loadConfig(findConfig(opts.config, ctx.env, process.cwd()));
  const netLiquidity = parseFormula(opts.netLiquidity) ?? config.netLiquidity;
  // --cached / --fetch: the `liq fetch` cache is the input (loaded lazily: fetching is rare).
  const paths = opts.cached === true || opts.fetch === true ? await (await import('./fetch.ts')).cachedPaths(files, opts, ctx) : files;
  const loaded = await loadPaths(paths, { units: opts.unit ?? [], verbose: opts.verbose === true, maxInputBytes: maxInputSize(opts.maxInputSize) });
  if (opts.quiet !== true) for (const notice of loaded.notices) ctx.stderr(`liq: note: ${visible(notice)}\n`);
  const level = colorLevel(opts.color, ctx.env, ctx.isTTY);
  if (asOf !== undefined) checkAsOfInData(asOf, loaded.series, opts.asPublished === true);
  return {
    all: deriveSeries(loaded.series),
    config,
    asOf,
    options: { asPublished: opts.asPublished === true, thresholds: config.thresholds, netLiquidity },
    colorLevel: level,
  };
}

/**
 * An --as-of after the last SOFR observation would judge days liq has no prices for (every
 * window would end early and read as calm): a usage error, unless --as-published asks for
 * the morning after the last print (up to the next weekday: Friday's print is read Monday).
 */
function checkAsOfInData(asOf: Day, series: SeriesSet, asPublished: boolean): void {
  const last = series.get('sofr')?.dates.at(-1);
  if (last === undefined || asOf <= last) return;
  const morningAfter = nextWeekday(last);
  if (asPublished && asOf <= morningAfter) return;
  const fix = asPublished
    ? `use a date on or before ${formatDay(morningAfter)}, the first morning after it`
    : `use a date on or before it, or --as-published --as-of ${formatDay(morningAfter)} for the morning after it`;
  throw usageError(`--as-of ${formatDay(asOf)} is after the last SOFR observation (${formatDay(last)}): ${fix}`);
}

/** The first Monday–Friday after `day`. */
function nextWeekday(day: Day): Day {
  let next = day + 1;
  while (weekday(next) === 0 || weekday(next) === 6) next++;
  return next;
}

function maxInputSize(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const bytes = parseSize(text);
  if (bytes === null) throw usageError(`--max-input-size "${text}": expected a size such as 500M, 2G or 1073741824 (bytes)`);
  return bytes;
}

function parseFormula(text: string | undefined): NetLiquidityFormula | undefined {
  if (text === undefined) return undefined;
  const normal = text.replace(/\s+/g, ' ').trim();
  const formula = NET_LIQUIDITY_FORMULAS.find((f) => f === normal);
  if (formula !== undefined) return formula;
  throw usageError(`--net-liquidity "${text}": use ${NET_LIQUIDITY_FORMULAS.map((f) => `"${f}"`).join(' or ')}`);
}
