/**
 * The config file, validated with zod (imported only when a config file exists): any
 * threshold of SPEC §4, the net-liquidity formula, and named episodes for `liq compare`.
 *
 *   { "thresholds": { "sofr_rrp_spread": { "watch": 12, "stress": 30 },
 *                     "sofr_above_ceiling": { "stress": { "streak": 3, "count": 5 } },
 *                     "reserves": { "stress": 2500 }, "tga": { "watch": null } },
 *     "netLiquidity": "reserves + rrp - tga",
 *     "episodes": { "covid": "2020-03-16" } }
 *
 * A bare number sets the indicator's main metric; an object sets named metrics (any of
 * them holding reaches the level); null removes the level.
 */
import { z } from 'zod';
import { parseIsoDay } from '../domain/dates.ts';
import { INDICATORS } from '../engine/indicators/index.ts';
import type { IndicatorDefinition } from '../engine/indicator.ts';
import { NET_LIQUIDITY_FORMULAS } from '../engine/types.ts';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

function levelSchema(definition: IndicatorDefinition) {
  const metrics = Object.keys(definition.thresholdMetrics);
  const byMetric = z.strictObject(Object.fromEntries(metrics.map((m) => [m, finite.nullable().optional()])));
  return z.union([finite, z.null(), byMetric], {
    error: `expected a number (for ${definition.primaryMetric}), null (no level), or an object with any of: ${metrics.join(', ')}`,
  });
}

const thresholdsSchema = z.strictObject(
  Object.fromEntries(
    INDICATORS.map((d) => [d.id, z.strictObject({ watch: levelSchema(d).optional(), stress: levelSchema(d).optional() }).optional()]),
  ),
);

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  thresholds: thresholdsSchema.optional(),
  netLiquidity: z.enum(NET_LIQUIDITY_FORMULAS).optional(),
  episodes: z
    .record(
      z.string().regex(/^[A-Za-z0-9_.-]+$/, 'episode names use letters, digits, _ . -'),
      z.string().refine((s) => parseIsoDay(s) !== null, 'expected a date YYYY-MM-DD'),
    )
    .optional(),
});

export type ConfigFile = z.infer<typeof configSchema>;

/** Validates parsed JSON; one message per problem, each naming its key path. */
export function validateConfig(data: unknown): { ok: true; config: ConfigFile } | { ok: false; problems: string[] } {
  const result = configSchema.safeParse(data);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') {
        const where = path === '' ? '' : ` in ${path}`;
        return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${where}${allowedAt(issue.path)}`;
      }
      return `${path === '' ? '(top level)' : path}: ${issue.message}`;
    }),
  };
}

function allowedAt(path: readonly PropertyKey[]): string {
  if (path.length === 0) return ' (allowed: thresholds, netLiquidity, episodes)';
  if (path.length === 1 && path[0] === 'thresholds') return ` (indicators: ${INDICATORS.map((d) => d.id).join(', ')})`;
  if (path.length === 2) return ' (allowed: watch, stress)';
  const definition = INDICATORS.find((d) => d.id === path[1]);
  return definition === undefined ? '' : ` (metrics: ${Object.keys(definition.thresholdMetrics).join(', ')})`;
}
