/** The JSON document of `liq check --json` (its schema: report/schema.ts, `liq schema`). */
import type { Assessment, Reason } from '../engine/types.ts';
import type { CheckDocument } from './schema.ts';
import { reasonText } from './words.ts';

// Kept equal to SCHEMA_VERSION in schema.ts (a test holds them together); not imported
// from there so that printing JSON does not load zod.
export const SCHEMA_VERSION = 1;

/** The config file in effect, and how it was found (null: the defaults). */
export type ConfigUsed = { readonly path: string; readonly foundBy: '--config' | '$LIQ_CONFIG' | './liq.config.json' } | null;

export function checkDocument(assessment: Assessment, config: ConfigUsed = null): CheckDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    asOf: assessment.asOf,
    asPublished: assessment.asPublished,
    asOfDayTypes: [...assessment.asOfDayTypes],
    status: assessment.status,
    config: config === null ? null : { path: config.path, foundBy: config.foundBy },
    series: assessment.series.map((s) => ({ ...s, sources: [...s.sources] })),
    indicators: assessment.indicators.map((r) => ({
      id: r.id,
      title: r.title,
      unit: r.unit,
      status: r.status,
      reason: reasonText(r),
      reasonData: reasonData(r.reason),
      metrics: r.metrics,
      inputs: r.inputs.map((i) => ({ ...i })),
      stale: r.stale.map((s) => ({ ...s })),
      thresholds: { watch: r.thresholds.watch === null ? null : [...r.thresholds.watch], stress: r.thresholds.stress === null ? null : [...r.thresholds.stress] },
      formula: r.formula,
      days: r.days === undefined || r.days === null ? null : { ...r.days, byType: r.days.byType.map((t) => ({ ...t })), days: r.days.days.map((d) => ({ date: d.date, types: [...d.types] })) },
    })),
  };
}

/** The reason's data as the document holds it (plain arrays). */
function reasonData(reason: Reason): CheckDocument['indicators'][number]['reasonData'] {
  switch (reason.kind) {
    case 'met':
      return { kind: 'met', check: { ...reason.check } };
    case 'ok':
      return { kind: 'ok', checks: reason.checks.map((c) => ({ ...c })) };
    case 'unknown':
      return { kind: 'unknown', stale: reason.stale.map((s) => ({ ...s })), checks: reason.checks.map((c) => ({ ...c })) };
    case 'unavailable':
      switch (reason.cause) {
        case 'missing':
          return { kind: 'unavailable', cause: 'missing', series: [...reason.series], anyOf: reason.anyOf };
        case 'history':
          return { ...reason, series: [...reason.series] };
        case 'flat':
          return { kind: 'unavailable', cause: 'flat', series: [...reason.series] };
        case 'metrics':
          return { kind: 'unavailable', cause: 'metrics', metrics: [...reason.metrics] };
      }
    case 'info':
      return { kind: 'info' };
  }
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
