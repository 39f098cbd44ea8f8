/** `liq compare`: now against the eve and the worst day of a funding episode. */
import { compare, snapshot } from '../engine/compare.ts';
import { defaultAsOf } from '../engine/assess.ts';
import { dataError } from '../errors.ts';
import { compareDocument, compareMarkdown, compareMarkdownHeading, compareTable } from '../report/compare.ts';
import { toJson } from '../report/json.ts';
import { resolveEpisode } from './episode.ts';
import type { RunContext } from './main.ts';
import { FORMATS, resolveFormat, type CommonOptions } from './options.ts';
import { chalkPaint } from './paint.ts';
import { prepare } from './pipeline.ts';
import { exitForStatus } from './exit.ts';
import { dataAgeDays } from './today.ts';

export async function run(files: string[], opts: CommonOptions & { episode?: string }, ctx: RunContext): Promise<number> {
  const format = resolveFormat(opts, FORMATS.compare);
  const p = await prepare(files, opts, ctx);
  const { options } = p;
  const asOf = p.asOf ?? defaultAsOf(p.all, options.asPublished);
  if (asOf === null) throw dataError('no observations to compare');
  const episode = resolveEpisode(opts.episode, p.config.episodes, p.all, options);
  const now = snapshot(p.all, asOf, options);
  const result = compare(episode.reference.name, now, episode.reference.eve, episode.reference.spike);
  const paint = await chalkPaint(format === 'table' ? p.colorLevel : 0); // only the table paints
  const ageDays = dataAgeDays(asOf, p.asOf !== undefined, ctx.env); // the clock, read here only
  const render: Record<string, () => string> = {
    table: () => compareTable(result, paint, ctx.columns, ageDays),
    json: () => toJson(compareDocument(result, episode.reference.source)),
    md: () => `${compareMarkdownHeading(result, ageDays)}\n\n${compareMarkdown(result)}\n\n${result.summary.text}\n`,
  };
  ctx.stdout((render[format] as () => string)());
  return exitForStatus(now.status, opts.exitStatus === true);
}
