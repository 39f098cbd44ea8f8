/**
 * `liq config`: the thresholds in effect and where each came from (the default of docs/indicators.md
 * or the config file), the net-liquidity formula and the named episodes. Answers "why did
 * liq say watch?" when a config file is found by $LIQ_CONFIG or ./liq.config.json.
 */
import { INDICATORS } from '../engine/indicators/index.ts';
import type { Level } from '../engine/types.ts';
import { findConfig, loadConfig, type EffectiveConfig } from '../io/config.ts';
import { toJson } from '../report/json.ts';
import { DASH } from '../report/format.ts';
import { wrapText } from '../report/layout.ts';
import { makeTable } from '../report/table.ts';
import { colorLevel } from './color.ts';
import type { RunContext } from './main.ts';
import { chalkPaint } from './paint.ts';
import { FORMATS, resolveFormat } from './options.ts';
import { visible } from '../domain/visible.ts';

interface ConfigFlags {
  config?: string;
  format?: string;
  json?: boolean;
  color?: boolean;
}

/** "avg10Bp >= 10", "streak >= 3 or count >= 5": the rules as a config file names them. */
function rulesText(level: Level): string {
  if (level === null || level.length === 0) return DASH;
  return level.map((r) => `${r.metric} ${r.op} ${r.value}`).join(' or ');
}

function configDocument(config: EffectiveConfig) {
  return {
    config: { path: config.path, foundBy: config.foundBy ?? 'none' },
    thresholds: Object.fromEntries(
      INDICATORS.map((d) => {
        const levels = config.thresholds[d.id];
        const from = config.origins[d.id];
        return [
          d.id,
          {
            watch: { rules: levels.watch === null ? null : [...levels.watch], origin: from.watch },
            stress: { rules: levels.stress === null ? null : [...levels.stress], origin: from.stress },
          },
        ];
      }),
    ),
    netLiquidity: { formula: config.netLiquidity, origin: config.netLiquidityOrigin },
    episodes: { ...config.episodes },
  };
}

export async function run(_files: string[], opts: ConfigFlags, ctx: RunContext): Promise<number> {
  const format = resolveFormat(opts, FORMATS.config);
  const config = await loadConfig(findConfig(opts.config, ctx.env, process.cwd()));
  const doc = configDocument(config);
  if (format === 'json') {
    ctx.stdout(toJson(doc));
    return 0;
  }
  const paint = await chalkPaint(colorLevel(opts.color, ctx.env, ctx.isTTY));
  const mark = (o: string): string => (o === 'default' ? paint.dim('default') : paint.bold(visible(o)));
  const thresholds = Object.entries(doc.thresholds);
  let table = makeTable(['Indicator', 'Watch', 'from', 'Stress', 'from'], paint, { width: ctx.columns, wrap: [1, 3] });
  for (const [id, t] of thresholds) table.push([id, rulesText(t.watch.rules), mark(t.watch.origin), rulesText(t.stress.rules), mark(t.stress.origin)]);
  if (table.naturalWidth() > ctx.columns) {
    // Narrow screens: a line per level, so that no rule wraps.
    table = makeTable(['Indicator', 'Level', 'Rule', 'from'], paint, { width: ctx.columns, wrap: [2, 3] });
    for (const [id, t] of thresholds) {
      table.push([id, 'watch', rulesText(t.watch.rules), mark(t.watch.origin)]);
      table.push(['', 'stress', rulesText(t.stress.rules), mark(t.stress.origin)]);
    }
  }
  const lines = [
    config.path === null
      ? `${paint.bold('liq config')} · no config file (no --config, no $LIQ_CONFIG, no ./liq.config.json): the defaults`
      : `${paint.bold('liq config')} · file: ${visible(config.path)} (found by ${doc.config.foundBy})`,
    '',
    table.text(),
    '',
    `net liquidity = ${doc.netLiquidity.formula} (${visible(doc.netLiquidity.origin)})`,
  ];
  const episodes = Object.entries(doc.episodes);
  lines.push(episodes.length === 0 ? 'episodes: none besides the bundled 2019-09 reference' : `episodes: ${episodes.map(([name, date]) => `${name}=${date}`).join(', ')} (and the bundled 2019-09)`);
  ctx.stdout(`${lines.map((line) => (line.includes('\n') ? line : wrapText(line, ctx.columns))).join('\n')}\n`);
  return 0;
}
