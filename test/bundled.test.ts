/**
 * The bundled SRF take-up and SOFR distribution (scripts/make-bundled.ts, from the raw
 * files in fixtures/raw/) reach the dashboard and the 2019 comparison.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { liq, ROOT } from './helpers/run-liq.ts';

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

  it('shows 50.35 bn on screen as the New York Fed publishes it: the row, its reason, the coverage and the markdown', () => {
    const args = ['check', 'fixtures/fred/', 'fixtures/bundled/', '--as-of', '2025-10-31'];
    const table = liq([...args, '--no-color'], { env: { COLUMNS: '120' } });
    const lines = table.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('SRF take-up ') && l.includes('STRESS'))).toMatch(/^SRF take-up +50\.35 bn +20d max 50\.35 bn +STRESS/);
    expect(table.stdout).toContain('latest take-up 50.35 bn is above the 50 bn stress level');
    expect(lines.find((l) => l.startsWith('srf '))).toMatch(/ 50\.35 bn /);
    expect(table.stdout, 'one decimal would show a figure nobody published').not.toContain('50.4 bn');
    // What the README says its first command shows.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`./bin/liq.cjs ${args.join(' ')}`);
    expect(readme.replace(/\s+/g, ' ')).toContain('SOFR above the SRF ceiling on 7 of the last 20 days, and SRF take-up of 50.35 bn');
    expect(lines.find((l) => l.startsWith('SOFR > ceiling '))).toMatch(/ 7 of 20 days /);
    expect(lines.find((l) => l.startsWith('SOFR − ON RRP '))).toMatch(/ 26\.9 bp \(10d\) /);
    const md = liq([...args, '--format', 'md']);
    expect(md.stdout).toMatch(/\| SRF take-up \| 50\.35 bn \| 20d max 50\.35 bn \|/);
    const compare = liq(['compare', 'fixtures/fred/', 'fixtures/bundled/', '--as-of', '2025-10-31', '--format', 'md']);
    expect(compare.stdout, 'now 50.35, eve 0, spike 40.85 (RPONTSYD 2019-09-17)').toMatch(/\| SRF take-up \| 50\.35 bn \| 0\.00 bn \| 40\.85 bn \| \+50\.35 bn \|/);
  });

  it('names the take-up levels in the history chart as the levels table does (5 bn, not 5.0 bn)', () => {
    const run = liq(['history', 'fixtures/fred/', 'fixtures/bundled/', '-i', 'srf_usage', '--from', '2025-09-01', '--to', '2025-10-31', '--format', 'chart']);
    expect(run.stdout).toContain('─ latest take-up · ┄ watch 5 bn · ┄ stress 50 bn');
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
