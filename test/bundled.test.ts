/**
 * The bundled SRF take-up and SOFR distribution (scripts/make-bundled.ts, from the raw
 * files in fixtures/raw/) reach the dashboard and the 2019 comparison.
 */
import { describe, expect, it } from 'vitest';
import { liq } from './helpers/run-liq.ts';

const json = (args: readonly string[]): Record<string, unknown> => {
  const run = liq(args);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
};

describe('bundled SRF take-up and SOFR distribution', () => {
  it('shows the record SRF take-up of 2025-10-31: 50.35 bn (the New York Fed, all collateral)', () => {
    const doc = json(['check', 'fixtures/fred/', 'fixtures/bundled/', '--as-of', '2025-10-31', '--json']) as { indicators: { id: string; metrics: Record<string, number> }[] };
    const srf = doc.indicators.find((i) => i.id === 'srf_usage');
    expect(srf?.metrics.latest, '50,350,000,000 dollars accepted over the day\'s two operations').toBe(50.35);
  });

  it('compares SOFR − IORB and repo take-up on the eve and at the spike of September 2019', () => {
    const doc = json(['compare', 'fixtures/fred/', 'fixtures/bundled/', '--as-of', '2025-10-31', '--json']) as { rows: { indicator: string; metric: string; eve: number | null; spike: number | null }[] };
    const row = (indicator: string, metric: string) => doc.rows.find((r) => r.indicator === indicator && r.metric === metric);
    // SOFR 2.43 − IOER 2.10 = 33 bp on the eve; 5.25 − 2.10 = 315 bp at the spike.
    expect(row('sofr_iorb_spread', 'latestBp')).toMatchObject({ eve: 33, spike: 315 });
    // FRED RPONTSYD: no operation on 2019-09-16, 40.85 bn on 2019-09-17.
    expect(row('srf_usage', 'latest')).toMatchObject({ eve: 0, spike: 40.85 });
  });

  it('has the SOFR distribution of the spike: 1st 2.25, 25th 5.00, 75th 5.85, 99th 9.00 %, volume 1,177 bn', () => {
    const doc = json(['check', 'fixtures/fred/', 'fixtures/bundled/', '--as-of', '2019-09-17', '--json']) as { series: { name: string; lastValue: number; last: string }[] };
    const last = Object.fromEntries(doc.series.map((s) => [s.name, [s.last, s.lastValue]]));
    expect(last.sofr_p1).toEqual(['2019-09-17', 2.25]);
    expect(last.sofr_p25).toEqual(['2019-09-17', 5]);
    expect(last.sofr_p75).toEqual(['2019-09-17', 5.85]);
    expect(last.sofr_p99).toEqual(['2019-09-17', 9]);
    expect(last.sofr_volume).toEqual(['2019-09-17', 1177]);
  });
});
