/** `liq check`: the dashboard. */
import { assess } from '../engine/assess.ts';
import { checkCsv } from '../report/csv.ts';
import { checkDocument, toJson } from '../report/json.ts';
import { checkMarkdown } from '../report/markdown.ts';
import { nagiosLine } from '../report/nagios.ts';
import { prometheusText } from '../report/prometheus.ts';
import { renderCheckTable } from '../report/table.ts';
import { exitForStatus } from './exit.ts';
import type { RunContext } from './main.ts';
import { FORMATS, resolveFormat, type CommonOptions } from './options.ts';
import { chalkPaint } from './paint.ts';
import { prepare } from './pipeline.ts';
import { dataAgeDays } from './today.ts';
import { parseIsoDay } from '../domain/dates.ts';

export async function run(files: string[], opts: CommonOptions & { netLiquidity?: string }, ctx: RunContext): Promise<number> {
  const format = resolveFormat(opts, FORMATS.check);
  const prepared = await prepare(files, opts, ctx);
  const assessment = assess(prepared.all, { ...prepared.options, ...(prepared.asOf === undefined ? {} : { asOf: prepared.asOf }) });
  const paint = await chalkPaint(format === 'table' ? prepared.colorLevel : 0); // only the table paints
  const { path, foundBy } = prepared.config;
  const config = path === null || foundBy === null ? null : { path, foundBy };
  const ageDays = dataAgeDays(parseIsoDay(assessment.asOf) ?? 0, prepared.asOf !== undefined, ctx.env);
  const render: Record<string, () => string> = {
    table: () => renderCheckTable(assessment, paint, ctx.columns, { ageDays, config: config !== null && config.foundBy !== '--config' ? config : null }),
    json: () => toJson(checkDocument(assessment, config)),
    md: () => checkMarkdown(assessment, ageDays),
    csv: () => checkCsv(assessment),
    nagios: () => nagiosLine(assessment),
    prometheus: () => prometheusText(assessment, { now: Date.now() }),
  };
  ctx.stdout((render[format] as () => string)());
  return exitForStatus(assessment.status, opts.exitStatus === true || format === 'nagios');
}
