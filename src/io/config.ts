/**
 * Finding and reading the config: --config, else $LIQ_CONFIG, else ./liq.config.json.
 * Without a config file nothing here imports zod, so start-up stays fast.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { INDICATOR_BY_ID } from '../engine/indicators/index.ts';
import { DEFAULT_THRESHOLDS } from '../engine/thresholds.ts';
import { DEFAULT_NET_LIQUIDITY, type IndicatorId, type Level, type LevelPair, type NetLiquidityFormula, type Rule, type Thresholds } from '../engine/types.ts';
import { inputError, usageError } from '../errors.ts';

export type Origin = 'default' | string;

export interface EffectiveConfig {
  readonly path: string | null;
  readonly thresholds: Thresholds;
  /** Where each level came from: "default" or the config file's path. */
  readonly origins: Readonly<Record<IndicatorId, { watch: Origin; stress: Origin }>>;
  readonly netLiquidity: NetLiquidityFormula;
  readonly episodes: Readonly<Record<string, string>>;
}

type LevelSetting = number | null | Record<string, number | null | undefined>;

export function findConfig(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string | null {
  if (flag !== undefined) return flag;
  if (env.LIQ_CONFIG !== undefined && env.LIQ_CONFIG !== '') return env.LIQ_CONFIG;
  const local = resolve(cwd, 'liq.config.json');
  return existsSync(local) ? 'liq.config.json' : null;
}

export async function loadConfig(path: string | null): Promise<EffectiveConfig> {
  const origins = Object.fromEntries([...INDICATOR_BY_ID.keys()].map((id) => [id, { watch: 'default', stress: 'default' }])) as Record<IndicatorId, { watch: Origin; stress: Origin }>;
  if (path === null) return { path, thresholds: DEFAULT_THRESHOLDS, origins, netLiquidity: DEFAULT_NET_LIQUIDITY, episodes: {} };

  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw inputError(`cannot read the config ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw usageError(`${path}: not valid JSON (${(error as Error).message})`);
  }
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
  return {
    path,
    thresholds,
    origins,
    netLiquidity: checked.config.netLiquidity ?? DEFAULT_NET_LIQUIDITY,
    episodes: checked.config.episodes ?? {},
  };
}

function toLevel(id: IndicatorId, setting: LevelSetting): Level {
  const definition = INDICATOR_BY_ID.get(id);
  if (definition === undefined || setting === null) return null;
  const rule = (metric: string, value: number): Rule => ({ metric, op: definition.thresholdMetrics[metric] ?? '>=', value });
  if (typeof setting === 'number') return [rule(definition.primaryMetric, setting)];
  const rules = Object.entries(setting).flatMap(([metric, value]) => (typeof value === 'number' ? [rule(metric, value)] : []));
  return rules.length > 0 ? rules : null;
}
