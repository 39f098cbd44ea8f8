/**
 * The config file, validated with zod (imported only when a config file exists): any
 * threshold of docs/indicators.md, the net-liquidity formula, and named episodes for `liq compare`.
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
import { FIRST_PLAUSIBLE_DAY, LAST_PLAUSIBLE_DAY, parseIsoDay } from '../domain/dates.ts';
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
      // A name starts with a letter or digit, so "__proto__" (which JSON.parse keeps as a
      // key but an object assignment would swallow) is refused rather than lost silently.
      z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'episode names start with a letter or digit, then letters, digits, _ . - (at most 64)'),
      z.string().refine(isEpisodeDate, 'expected a date YYYY-MM-DD from 1900 to 2199 (the years the data can have)'),
    )
    .optional(),
});

export type ConfigFile = z.infer<typeof configSchema>;

function isEpisodeDate(text: string): boolean {
  const day = parseIsoDay(text);
  return day !== null && day >= FIRST_PLAUSIBLE_DAY && day <= LAST_PLAUSIBLE_DAY;
}

/** Problems listed in full; past this a count stands for the rest (a 5-million-key file made a 59 MB line). */
const MAX_PROBLEMS = 8;
/** Unknown keys named in one problem. */
const MAX_KEYS = 5;

/** Validates parsed JSON; one message per problem, each naming its key path. */
export function validateConfig(data: unknown): { ok: true; config: ConfigFile } | { ok: false; problems: string[] } {
  const result = configSchema.safeParse(data);
  if (result.success) return { ok: true, config: result.data };
  const issues = result.error.issues;
  const problems = issues.slice(0, MAX_PROBLEMS).map((issue) => {
    const path = issue.path.map((p) => JSON.stringify(String(p)).slice(1, -1)).join('.');
    if (issue.code === 'unrecognized_keys') {
      const where = path === '' ? '' : ` in ${path}`;
      const named = issue.keys.slice(0, MAX_KEYS).map((k) => `"${k.length > 40 ? `${k.slice(0, 40)}…` : k}"`).join(', ');
      const more = issue.keys.length > MAX_KEYS ? ` and ${issue.keys.length - MAX_KEYS} more` : '';
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${named}${more}${where}${allowedAt(issue.path)}`;
    }
    return `${path === '' ? '(top level)' : path}: ${issue.message}`;
  });
  if (issues.length > MAX_PROBLEMS) problems.push(`… and ${issues.length - MAX_PROBLEMS} more problems`);
  return { ok: false, problems };
}

function allowedAt(path: readonly PropertyKey[]): string {
  if (path.length === 0) return ' (allowed: thresholds, netLiquidity, episodes)';
  if (path.length === 1 && path[0] === 'thresholds') return ` (indicators: ${INDICATORS.map((d) => d.id).join(', ')})`;
  if (path.length === 2) return ' (allowed: watch, stress)';
  const definition = INDICATORS.find((d) => d.id === path[1]);
  return definition === undefined ? '' : ` (metrics: ${Object.keys(definition.thresholdMetrics).join(', ')})`;
}
