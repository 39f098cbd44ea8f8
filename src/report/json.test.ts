import { describe, expect, it } from 'vitest';
import { day, october2025, seriesSet } from '../../test/helpers/series.ts';
import { assess } from '../engine/assess.ts';
import { deriveSeries } from '../engine/derive.ts';
import { INDICATORS } from '../engine/indicators/index.ts';
import { checkDocument, SCHEMA_VERSION, toJson } from './json.ts';
import { checkDocumentSchema, checkJsonSchema, SCHEMA_VERSION as ZOD_SCHEMA_VERSION } from './schema.ts';

const doc = JSON.parse(toJson(checkDocument(assess(deriveSeries(seriesSet(october2025())), { asOf: day('2025-10-31') }))));
const indicator = (id: string) => doc.indicators.find((i: { id: string }) => i.id === id);

describe('checkDocument', () => {
  it('validates against the zod schema of the document', () => {
    const parsed = checkDocumentSchema.safeParse(doc);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('keeps the schema version of json.ts equal to the zod schema’s', () => {
    expect(SCHEMA_VERSION).toBe(ZOD_SCHEMA_VERSION);
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('writes every metric key of every indicator, null when missing', () => {
    for (const definition of INDICATORS) {
      expect(Object.keys(indicator(definition.id).metrics), definition.id).toEqual([...definition.metricKeys]);
    }
    expect(indicator('srf_usage').metrics).toEqual({ latest: null, max20: null, monthTotal: null });
  });

  it('keeps numbers unrounded and dates as YYYY-MM-DD strings', () => {
    expect(indicator('reserves_gdp').metrics.ratioPct, '2848.021 / 31095.089 × 100, every digit of the double (not cut to 12)').toBe(9.159070102677628);
    expect(indicator('rrp').metrics.peakDate).toBe('2022-12-30');
    expect(indicator('tga').stale).toEqual([{ series: 'tga', date: '2025-10-15', ageDays: 16, limitDays: 14 }]);
    expect(indicator('sofr_rrp_spread').inputs).toEqual([
      { series: 'sofr', date: '2025-10-31', value: 4.22, derived: false },
      { series: 'rrp_rate', date: '2025-10-30', value: 3.75, derived: true },
    ]);
  });

  it('writes each number as the shortest text that reads back as the same double, and a non-finite one as null', () => {
    const text = toJson(checkDocument(assess(deriveSeries(seriesSet(october2025())), { asOf: day('2025-10-31') })));
    expect(text).toContain('"ratioPct": 9.159070102677628');
    expect(toJson({ a: 1 / 3, b: Number.NaN, c: Number.POSITIVE_INFINITY, d: -0, e: 0.1 + 0.2 })).toBe('{\n  "a": 0.3333333333333333,\n  "b": null,\n  "c": null,\n  "d": 0,\n  "e": 0.30000000000000004\n}\n');
  });

  it('gives thresholds as rules and the net-liquidity formula', () => {
    expect(indicator('sofr_above_ceiling').thresholds).toEqual({
      watch: [{ metric: 'count', op: '>=', value: 1 }],
      stress: [{ metric: 'streak', op: '>=', value: 3 }, { metric: 'count', op: '>=', value: 5 }],
    });
    expect(indicator('net_liquidity').formula).toBe('fed_assets - tga - rrp');
    expect(indicator('reserves').formula).toBeNull();
  });
});

describe('checkJsonSchema', () => {
  const schema = checkJsonSchema() as {
    required: string[];
    properties: { indicators: { items: { required: string[] } }; series: { items: { required: string[] } } };
  };

  it('requires every top-level key the document has', () => {
    expect(schema.required.sort()).toEqual(Object.keys(doc).sort());
  });

  it('requires every key of each indicator and series entry', () => {
    expect(schema.properties.indicators.items.required.sort()).toEqual(Object.keys(doc.indicators[0]).sort());
    expect(schema.properties.series.items.required.sort()).toEqual(Object.keys(doc.series[0]).sort());
  });
});
