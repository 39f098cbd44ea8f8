/**
 * The JSON document of `liq check --json`, defined once with zod: the TypeScript type of
 * the document is inferred from it and `liq schema` prints its JSON Schema. Only
 * `liq schema`, config loading and tests import this module, so zod stays off start-up.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('calendar date, YYYY-MM-DD');
const status = z.enum(['ok', 'watch', 'stress', 'unknown', 'info', 'unavailable']);
const comparison = z.enum(['>=', '<=', '<', '>']);
const staleInput = z.object({ series: z.string(), date: isoDate, ageDays: z.number().int(), limitDays: z.number().int() });
const check = z.object({
  metric: z.string(),
  comparison,
  threshold: z.number(),
  value: z.number(),
  unit: z.enum(['bp', 'percent', '%', 'USD bn', 'days', 'date', 'bp per %', 'number', 'text']),
  level: z.enum(['watch', 'stress']),
  holds: z.boolean().describe('whether value comparison threshold holds'),
});
const reasonData = z
  .union([
    z.object({ kind: z.literal('met'), check }),
    z.object({ kind: z.literal('ok'), checks: z.array(check) }),
    z.object({ kind: z.literal('unknown'), stale: z.array(staleInput), checks: z.array(check) }),
    z.object({
      kind: z.literal('unavailable'),
      cause: z.literal('missing'),
      series: z.array(z.string()).describe('series needed and absent on or before the as-of date (with anyOf: any one would do)'),
      anyOf: z.boolean(),
    }),
    z.object({
      kind: z.literal('unavailable'),
      cause: z.literal('history'),
      series: z.array(z.string()),
      need: z.number().int(),
      have: z.number().int(),
      window: z.number().int(),
      unit: z.enum(['weeks', 'business days']),
    }).describe('fewer observations in the window than the method needs'),
    z.object({ kind: z.literal('unavailable'), cause: z.literal('flat'), series: z.array(z.string()) }).describe('the series did not vary where the method needs them to'),
    z.object({ kind: z.literal('unavailable'), cause: z.literal('metrics'), metrics: z.array(z.string()) }).describe('the metrics a threshold tests could not be computed'),
    z.object({ kind: z.literal('info') }),
  ])
  .describe('the data behind `reason`: the check that decided the status, or what was missing or stale');
const rule = z.object({
  metric: z.string(),
  op: comparison,
  value: z.number(),
});
const level = z.array(rule).nullable().describe('any rule holding reaches the level; null: no such level');

const dayType = z.enum(['year_end', 'quarter_end', 'month_end', 'mid_month', 'month_start', 'plain']);
const dayCount = z.object({
  test: z.union([
    z.object({ kind: z.literal('above_ceiling') }),
    z.object({ kind: z.literal('threshold'), metric: z.string(), op: z.enum(['>=', '<=', '<', '>']), value: z.number(), level: z.enum(['watch', 'stress']) }),
  ]),
  of: z.number().int().nonnegative().describe('days of the window with a reading'),
  count: z.number().int().nonnegative().describe('days that passed the test'),
  byType: z.array(z.object({ type: dayType, count: z.number().int().positive() })).describe('those days by their main type, plain first'),
  days: z.array(z.object({ date: isoDate, types: z.array(dayType) })),
});

const seriesSchema = z.object({
  name: z.string(),
  unit: z.enum(['percent', 'USD bn']),
  first: isoDate,
  last: isoDate,
  count: z.number().int().nonnegative(),
  lastValue: z.number(),
  derivedCount: z.number().int().nonnegative().describe('observations derived by a dated rule, not read'),
  stale: z.boolean(),
  sources: z.array(z.string()),
});

const indicatorSchema = z.object({
  id: z.string(),
  title: z.string(),
  unit: z.string(),
  status,
  reason: z.string().describe('the status in a sentence, for a person'),
  reasonData,
  metrics: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  inputs: z.array(z.object({ series: z.string(), date: isoDate, value: z.number(), derived: z.boolean() })),
  stale: z.array(staleInput),
  thresholds: z.object({ watch: level, stress: level }),
  formula: z.string().nullable(),
  days: dayCount.nullable().describe('the calendar types of the days the reason counts (SOFR above the ceiling, a daily spread at its level); null for other indicators'),
});

export const checkDocumentSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  asOf: isoDate,
  asPublished: z.boolean(),
  asOfDayTypes: z.array(dayType).describe("the as-of date's calendar types (empty when the bond market is closed that day)"),
  status: z.enum(['ok', 'watch', 'stress', 'unknown']),
  config: z
    .object({ path: z.string(), foundBy: z.enum(['--config', '$LIQ_CONFIG', './liq.config.json']) })
    .nullable()
    .describe('the config file whose thresholds were used, and how it was found; null: the defaults'),
  series: z.array(seriesSchema),
  indicators: z.array(indicatorSchema),
});

export type CheckDocument = z.infer<typeof checkDocumentSchema>;

export function checkJsonSchema(): unknown {
  return z.toJSONSchema(checkDocumentSchema, { target: 'draft-2020-12' });
}
