import { describe, expect, it } from 'vitest';
import { day, october2025, seriesSet } from '../../test/helpers/series.ts';
import { assess } from '../engine/assess.ts';
import { deriveSeries } from '../engine/derive.ts';
import { nagiosLine } from './nagios.ts';

describe('nagiosLine', () => {
  const line = nagiosLine(assess(deriveSeries(seriesSet(october2025())), { asOf: day('2025-10-31') }));
  const [summary = '', perfdata = ''] = line.trimEnd().split(' | ');

  it('is one line: status, then the stress reasons before the watch ones', () => {
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trimEnd()).not.toMatch(/\n/);
    expect(summary).toMatch(/^LIQ STRESS - 2025-10-31: sofr_rrp_spread avg10Bp 26\.9 bp ≥ 25 bp: stress; /);
    expect(summary.indexOf('stress;')).toBeLessThan(summary.indexOf(': watch'));
  });

  it('gives performance data with watch and stress ranges', () => {
    const perf = perfdata.split(' ');
    expect(perf).toContain("'sofr_rrp_avg10'=26.9;10;25");
    expect(perf).toContain("'sofr_iorb_avg10'=11.9;0;10");
    expect(perf).toContain("'sofr_above_ceiling_days'=7;1;5");
    expect(perf, 'below 3,000 alerts: the range 3000:').toContain("'reserves'=2848.021;3000:;");
    expect(perf).toContain("'reserves_gdp_pct'=9.15907010268%;10:;");
    expect(perf, 'informational: no ranges').toContain("'qt_per_month'=-18.5146666667;;");
    expect(perf.some((p) => p.startsWith("'srf_latest'")), 'no SRF data: no perfdata').toBe(false);
  });

  it('says no stress when all is ok', () => {
    const ok = nagiosLine(assess(seriesSet({ sofr: [['2021-06-15', 0.01]], target_upper: [['2021-06-15', 0.25]] }), { asOf: day('2021-06-15') }));
    expect(ok).toBe("LIQ OK - no stress as of 2021-06-15 | 'sofr_above_ceiling_days'=0;1;5\n");
  });
});
