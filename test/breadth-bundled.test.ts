/**
 * The breadth indicators on the bundled New York Fed series (fixtures/bundled/, built by
 * scripts/make-bundled.ts from the NY Fed's own files in fixtures/raw/), checked against the
 * values read by hand from those files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { liq, ROOT } from './helpers/run-liq.ts';

interface Doc { indicators: { id: string; status: string; metrics: Record<string, number | string | null> }[] }
const check = (asOf: string): Doc => JSON.parse(liq(['check', 'fixtures/fred/', 'fixtures/bundled/', '--as-of', asOf, '--json']).stdout) as Doc;
const metrics = (doc: Doc, id: string) => doc.indicators.find((r) => r.id === id)?.metrics ?? {};

describe('the breadth indicators on the bundled data', () => {
  it('read 2025-10-31: a 13 bp tail, three quarters of SOFR above IORB, tri-party 40 bp over the floor', () => {
    const doc = check('2025-10-31');
    expect(metrics(doc, 'sofr_tail').p99Bp, 'p99 4.35 − SOFR 4.22').toBe(13);
    expect(metrics(doc, 'sofr_tail').shareAboveIorbMin, 'p25 4.15 > IORB 3.90').toBe(75);
    expect(metrics(doc, 'repo_segments').tgcrRrpBp, 'TGCR 4.15 − ON RRP 3.75').toBe(40);
    expect(metrics(doc, 'repo_segments').sofrTgcrBp, 'SOFR 4.22 − TGCR 4.15').toBe(7);
    expect(metrics(doc, 'effr_tail').p75IorbBp, 'EFFR p75 3.87 − IORB 3.90').toBe(-3);
    expect(metrics(doc, 'sofr_volume').level, 'NY Fed SOFR volume, bn').toBe(3211);
    expect(metrics(doc, 'sofr_volume').change52wPct as number, '3,211 / 2,164 (2024-11-01) − 1').toBeCloseTo(48.383, 3);
    for (const id of ['sofr_tail', 'repo_segments', 'effr_tail', 'sofr_volume', 'calendar']) {
      expect(doc.indicators.find((r) => r.id === id)?.status, `${id}: never stress by default`).not.toBe('stress');
    }
  });

  it('reads the 2019 spike: SOFR’s 99th percentile at 9.00 %, 375 bp over the median', () => {
    expect(metrics(check('2019-09-17'), 'sofr_tail').p99Bp, 'p99 9.00 − SOFR 5.25').toBe(375);
  });

  it('is built from the NY Fed files by its script, value for value', () => {
    const api = JSON.parse(readFileSync(`${ROOT}fixtures/raw/sofr-rate_2018-04-03_2026-09-03.json`, 'utf8')) as { refRates: { effectiveDate: string; percentPercentile99: number | string }[] };
    const csv = readFileSync(`${ROOT}fixtures/bundled/sofr_distribution_nyfed.csv`, 'utf8').trim().split('\n').slice(1);
    const p99 = new Map(csv.map((line) => [line.split(',')[0], line.split(',')[4]]));
    for (const r of api.refRates) expect(p99.get(r.effectiveDate), r.effectiveDate).toBe(r.percentPercentile99 === 'NA' ? '' : String(r.percentPercentile99));
  });
});
