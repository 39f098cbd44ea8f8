import { describe, expect, it } from 'vitest';
import { formatDay } from '../../domain/dates.ts';
import { day, judge, type Obs, type SeriesSpec } from '../../../test/helpers/series.ts';
import { reserveDemand } from './reserve_demand.ts';

const FIRST_WEDNESDAY = '2019-01-02';

/**
 * 60 weeks of synthetic data with a known slope: reserves drift down 0.3 % a week with a
 * wobble, bank assets grow slowly, and each business day EFFR − IORB (bp) =
 * intercept(regime) + slopePerLog × ln(reserves / bank assets) + a small deterministic noise.
 * IORB − top moves from −5 to −10 bp on the Thursday after week `changeAfter` (a technical
 * adjustment), and the intercept jumps with it, as EFFR − IORB did in 2018–19.
 */
function synthetic(slopePerPct: number, options: { changeAfter?: number; noiseBp?: number; bankAssets?: boolean; gdp?: boolean } = {}): SeriesSpec {
  const slopePerLog = slopePerPct / Math.log(1.01);
  const changeAfter = options.changeAfter ?? 30;
  const reserves: Obs[] = [];
  const bankAssets: Obs[] = [];
  const effr: Obs[] = [];
  const iorb: Obs[] = [];
  const upper: Obs[] = []; // observed daily, as FRED's DFEDTARU is: a step dated once would be stale
  const top = 2.5;
  const change = day(FIRST_WEDNESDAY) + 7 * changeAfter + 1;
  for (let w = 0; w < 60; w++) {
    const wed = day(FIRST_WEDNESDAY) + 7 * w;
    const r = 1600 * Math.exp(-0.003 * w + 0.01 * Math.sin(w / 3));
    const a = 17000 * (1 + 0.0005 * w);
    reserves.push([formatDay(wed), r]);
    bankAssets.push([formatDay(wed), a]);
    for (let d = wed - 6; d <= wed; d++) {
      const dow = (((d + 4) % 7) + 7) % 7;
      if (dow === 0 || dow === 6) continue;
      const after = d >= change;
      const noise = (options.noiseBp ?? 0.5) * Math.sin(d * 1.7);
      const spreadBp = (after ? 3 : -4) + slopePerLog * Math.log(r / a) + noise;
      const i = top + (after ? -0.1 : -0.05);
      iorb.push([formatDay(d), i]);
      upper.push([formatDay(d), top]);
      effr.push([formatDay(d), i + spreadBp / 100]);
    }
  }
  return {
    reserves, effr, iorb, target_upper: upper,
    ...(options.bankAssets === false ? {} : { bank_assets: bankAssets }),
    ...(options.gdp === false ? {} : { gdp: [['2019-01-01', 21000], ['2019-04-01', 21300], ['2019-07-01', 21500], ['2019-10-01', 21700], ['2020-01-01', 21900]] }),
  };
}
const LAST = formatDay(day(FIRST_WEDNESDAY) + 7 * 59); // the 60th Wednesday

describe('reserve_demand', () => {
  it('recovers a known slope of −0.30 bp per 1 % within its band, across a regime change', () => {
    const r = judge(reserveDemand, synthetic(-0.3), LAST);
    const { slopeBpPerPct, slopeLow, slopeHigh } = r.metrics as Record<string, number>;
    expect(slopeBpPerPct, 'the slope put into the data').toBeCloseTo(-0.3, 1);
    expect(slopeLow).toBeLessThanOrEqual(-0.3);
    expect(slopeHigh).toBeGreaterThanOrEqual(-0.3);
    expect(slopeHigh, 'band top below 0: demand is sloped').toBeLessThan(0);
    expect(r.metrics.basis).toBe('bank_assets');
    expect(r.metrics.weeks, '52 weeks less the one spanning the adjustment (Thursday after week 30)').toBe(51);
    expect(r.metrics.r2).toBeGreaterThan(0.5);
    expect(r.status, 'slopeHigh < 0').toBe('watch');
  });

  it('reads no slope into the step of a technical adjustment: a flat curve stays at 0', () => {
    const r = judge(reserveDemand, synthetic(0, { noiseBp: 0 }), LAST);
    expect(r.metrics.slopeBpPerPct, 'the intercepts absorb the 7 bp step').toBeCloseTo(0, 9);
    expect(r.status, 'band top 0 is not < 0').toBe('ok');
  });

  it('would read the adjustment as a slope without regime intercepts (why they are there)', () => {
    // The same data with IORB − top held at −5 bp: one regime, and the 7 bp step lands on the slope.
    const spec = synthetic(0, { noiseBp: 0 });
    const pooled = { ...spec, target_upper: (spec.iorb ?? []).map(([d, v]) => [d, v + 0.05] as const) };
    const r = judge(reserveDemand, pooled, LAST);
    expect(Math.abs(r.metrics.slopeBpPerPct as number)).toBeGreaterThan(0.1);
  });

  it('uses ln(reserves / GDP) when bank assets are missing, and says so', () => {
    const r = judge(reserveDemand, synthetic(-0.3, { bankAssets: false }), LAST);
    expect(r.metrics.basis).toBe('gdp');
    expect(r.inputs.map((i) => i.series)).toContain('gdp');
  });

  it('uses GDP when bank assets go stale inside the window', () => {
    const spec = synthetic(-0.3);
    const stale = { ...spec, bank_assets: (spec.bank_assets ?? []).slice(0, 40) };
    expect(judge(reserveDemand, stale, LAST).metrics.basis).toBe('gdp');
  });

  it('is unavailable with fewer than 26 weekly points, saying how many it had', () => {
    const r = judge(reserveDemand, synthetic(-0.3), formatDay(day(FIRST_WEDNESDAY) + 7 * 20));
    expect(r.status).toBe('unavailable');
    expect(r.reason).toBe('needs 26 of the last 52 weeks with Effective fed funds rate, Interest on reserve balances and Reserve balances, has 21');
  });

  it('is unavailable without EFFR, naming it', () => {
    const { effr: _, ...rest } = synthetic(-0.3);
    expect(judge(reserveDemand, rest, LAST).reason).toMatch(/needs Effective fed funds rate/);
  });

  it('is unavailable without either scale, naming GDP', () => {
    expect(judge(reserveDemand, synthetic(-0.3, { bankAssets: false, gdp: false }), LAST).reason).toMatch(/needs Nominal GDP/);
  });
});
