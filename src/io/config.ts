/**
 * Finding and reading the config: --config, else $LIQ_CONFIG, else ./liq.config.json.
 * Without a config file nothing here imports zod, so start-up stays fast.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { INDICATOR_BY_ID } from '../engine/indicators/index.ts';
import { DEFAULT_THRESHOLDS } from '../engine/thresholds.ts';
import { DEFAULT_NET_LIQUIDITY, type IndicatorId, type Level, type LevelPair, type NetLiquidityFormula, type Rule, type Thresholds } from '../engine/types.ts';
import { inputError, LiqError, usageError } from '../errors.ts';
import { readOneFile } from './read.ts';
import { shown } from './shown.ts';

export type Origin = 'default' | string;

export interface EffectiveConfig {
  readonly path: string | null;
  /** How the file was found; null without one. */
  readonly foundBy: FoundBy | null;
  readonly thresholds: Thresholds;
  /** Where each level came from: "default" or the config file's path. */
  readonly origins: Readonly<Record<IndicatorId, { watch: Origin; stress: Origin }>>;
  readonly netLiquidity: NetLiquidityFormula;
  /** Where the formula came from: "default" or the config file's path (the file is read once, so `--config /dev/stdin` works). */
  readonly netLiquidityOrigin: Origin;
  readonly episodes: Readonly<Record<string, string>>;
}

/** A thresholds config is a few hundred bytes; a megabyte is a wrong file. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

type LevelSetting = number | null | Record<string, number | null | undefined>;

/** How a config file was found, in the order of discovery: a flag, the environment, the current folder. */
export type FoundBy = '--config' | '$LIQ_CONFIG' | './liq.config.json';

export interface ConfigLocation {
  readonly path: string;
  readonly foundBy: FoundBy;
}

export function findConfig(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): ConfigLocation | null {
  if (flag !== undefined) return { path: flag, foundBy: '--config' };
  if (env.LIQ_CONFIG !== undefined && env.LIQ_CONFIG !== '') return { path: env.LIQ_CONFIG, foundBy: '$LIQ_CONFIG' };
  const local = resolve(cwd, 'liq.config.json');
  return existsSync(local) ? { path: 'liq.config.json', foundBy: './liq.config.json' } : null;
}

/** Reads the config once: the thresholds, formula and episodes in effect, and where each came from. */
export async function loadConfig(location: ConfigLocation | null): Promise<EffectiveConfig> {
  const origins = Object.fromEntries([...INDICATOR_BY_ID.keys()].map((id) => [id, { watch: 'default', stress: 'default' }])) as Record<IndicatorId, { watch: Origin; stress: Origin }>;
  if (location === null) {
    return { path: null, foundBy: null, thresholds: DEFAULT_THRESHOLDS, origins, netLiquidity: DEFAULT_NET_LIQUIDITY, netLiquidityOrigin: 'default', episodes: {} };
  }
  const { path, foundBy } = location;

  let text: string;
  try {
    text = await readOneFile(path, { maxBytes: MAX_CONFIG_BYTES, idleMs: 30_000, advice: 'a thresholds config is a few hundred bytes (is this the right file?)' });
  } catch (error) {
    if (!(error instanceof LiqError)) throw error;
    const message = error.message;
    throw inputError(message.startsWith('cannot read ') ? message.replace(/^cannot read /, 'cannot read the config ').replace(/: no such file or directory$/, ': no such file') : `the config ${message}`);
  }
  if (text.includes('\u0000')) throw usageError(`${path}: a NUL byte: the file is binary, not a JSON config`);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw usageError(`${path}: not valid JSON (${shown((error as Error).message, 120)})`);
  }
  const proto = protoKeyPath(data);
  if (proto !== null) throw usageError(`${path}: ${proto}: a key named "__proto__" is not allowed (it would be lost, not read)`);
  const { validateConfig } = await import('./config-schema.ts');
  const checked = validateConfig(data);
  if (!checked.ok) throw usageError(checked.problems.map((p) => `${path}: ${p}`));

  const thresholds: Record<IndicatorId, LevelPair> = { ...DEFAULT_THRESHOLDS };
  for (const [id, setting] of Object.entries(checked.config.thresholds ?? {})) {
    if (setting === undefined) continue;
    const indicator = id as IndicatorId;
    const current = thresholds[indicator];
    const next = { ...current };
    for (const which of ['watch', 'stress'] as const) {
      const value = setting[which] as LevelSetting | undefined;
      if (value === undefined) continue;
      next[which] = toLevel(indicator, value);
      origins[indicator][which] = path;
    }
    thresholds[indicator] = next;
  }
  const disordered = Object.entries(thresholds).flatMap(([id, pair]) => orderProblems(id as IndicatorId, pair, origins[id as IndicatorId]));
  if (disordered.length > 0) throw usageError(disordered.map((p) => `${path}: ${p}`));
  return {
    path,
    foundBy,
    thresholds,
    origins,
    netLiquidity: checked.config.netLiquidity ?? DEFAULT_NET_LIQUIDITY,
    netLiquidityOrigin: checked.config.netLiquidity === undefined ? 'default' : path,
    episodes: checked.config.episodes ?? {},
  };
}

/** Where JSON.parse kept a "__proto__" key (an own property, which zod and assignments drop), or null. */
function protoKeyPath(data: unknown, path = '', depth = 0): string | null {
  if (typeof data !== 'object' || data === null || depth > 4) return null;
  for (const key of Object.keys(data)) {
    const here = path === '' ? key : `${path}.${key}`;
    if (key === '__proto__') return here;
    const inner = protoKeyPath((data as Record<string, unknown>)[key], here, depth + 1);
    if (inner !== null) return inner;
  }
  return null;
}

/**
 * The stress level of a metric must be at least as far out as its watch level, in the
 * direction the rule looks (above for >=, below for <=): watch 1e308 with stress −1e308
 * would make every day stress and none watch.
 */
function orderProblems(id: IndicatorId, pair: LevelPair, from: { watch: Origin; stress: Origin }): string[] {
  if (pair.watch === null || pair.stress === null) return [];
  const problems: string[] = [];
  for (const stress of pair.stress) {
    const watch = pair.watch.find((r) => r.metric === stress.metric);
    if (watch === undefined) continue;
    const upward = stress.op === '>=' || stress.op === '>';
    if (upward ? stress.value >= watch.value : stress.value <= watch.value) continue;
    const said = (which: 'watch' | 'stress', value: number): string => `${which} ${value}${from[which] === 'default' ? ' (the default)' : ''}`;
    problems.push(
      `thresholds.${id}: ${said('stress', stress.value)} is ${upward ? 'below' : 'above'} ${said('watch', watch.value)} for ${stress.metric} (${stress.op}): stress must be at least as ${upward ? 'high' : 'low'} as watch`,
    );
  }
  return problems;
}

function toLevel(id: IndicatorId, setting: LevelSetting): Level {
  const definition = INDICATOR_BY_ID.get(id);
  if (definition === undefined || setting === null) return null;
  const rule = (metric: string, value: number): Rule => ({ metric, op: definition.thresholdMetrics[metric] ?? '>=', value });
  if (typeof setting === 'number') return [rule(definition.primaryMetric, setting)];
  const rules = Object.entries(setting).flatMap(([metric, value]) => (typeof value === 'number' ? [rule(metric, value)] : []));
  return rules.length > 0 ? rules : null;
}
