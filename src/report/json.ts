/** The JSON document of `liq check --json` (its schema: report/schema.ts, `liq schema`). */
import type { Assessment } from '../engine/types.ts';
import type { CheckDocument } from './schema.ts';

// Kept equal to SCHEMA_VERSION in schema.ts (a test holds them together); not imported
// from there so that printing JSON does not load zod.
export const SCHEMA_VERSION = 1;

export function checkDocument(assessment: Assessment): CheckDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    asOf: assessment.asOf,
    asPublished: assessment.asPublished,
    status: assessment.status,
    series: assessment.series.map((s) => ({ ...s, sources: [...s.sources] })),
    indicators: assessment.indicators.map((r) => ({
      id: r.id,
      title: r.title,
      unit: r.unit,
      status: r.status,
      reason: r.reason,
      metrics: r.metrics,
      inputs: r.inputs.map((i) => ({ ...i })),
      stale: r.stale.map((s) => ({ ...s })),
      thresholds: { watch: r.thresholds.watch === null ? null : [...r.thresholds.watch], stress: r.thresholds.stress === null ? null : [...r.thresholds.stress] },
      formula: r.formula,
    })),
  };
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
