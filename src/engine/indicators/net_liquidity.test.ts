import { describe, expect, it } from 'vitest';
import { judge, type SeriesSpec } from '../../../test/helpers/series.ts';
import { netLiquidity } from './net_liquidity.ts';

// WALCL, WTREGEN, WRESBAL on Wednesdays (billions; FRED values at 07-30 and 10-29), RRP daily.
const DATA: SeriesSpec = {
  fed_assets: [['2025-07-30', 6642.578], ['2025-10-01', 6600], ['2025-10-29', 6587.034]],
  tga: [['2025-07-30', 370.507], ['2025-10-01', 850], ['2025-10-29', 957.99]],
  reserves: [['2025-07-30', 3347.414], ['2025-10-01', 3000], ['2025-10-29', 2848.021]],
  rrp: [['2025-08-01', 100], ['2025-10-03', 40], ['2025-10-31', 51.802]],
};

describe('net_liquidity', () => {
  it('is fed_assets − tga − rrp by default, each its latest on or before the day', () => {
    const r = judge(netLiquidity, DATA, '2025-10-31');
    expect(r.metrics.level, '6587.034 − 957.990 − 51.802 = 5577.242').toBe(5577.242);
    // 4 weeks back (10-03): 6600 − 850 − 40 = 5710
    expect(r.metrics.change4w, '5577.242 − 5710 = −132.758').toBe(-132.758);
    // 13 weeks back (08-01): 6642.578 − 370.507 − 100 = 6172.071
    expect(r.metrics.change13w, '5577.242 − 6172.071 = −594.829').toBe(-594.829);
    expect(r.formula).toBe('fed_assets - tga - rrp');
    expect(r.inputs.map((i) => `${i.series} ${i.date}`)).toEqual(['fed_assets 2025-10-29', 'tga 2025-10-29', 'rrp 2025-10-31']);
    expect(r.status, '−595 ≤ −500').toBe('watch');
  });

  it('is reserves + rrp − tga when asked', () => {
    const r = judge(netLiquidity, DATA, '2025-10-31', { netLiquidity: 'reserves + rrp - tga' });
    expect(r.metrics.level, '2848.021 + 51.802 − 957.990 = 1941.833').toBe(1941.833);
    // 13 weeks back: 3347.414 + 100 − 370.507 = 3076.907
    expect(r.metrics.change13w, '1941.833 − 3076.907 = −1135.074').toBe(-1135.074);
    expect(r.formula).toBe('reserves + rrp - tga');
    expect(r.inputs.map((i) => i.series)).toEqual(['reserves', 'rrp', 'tga']);
  });

  it('is ok above −500 over 13 weeks', () => {
    const r = judge(netLiquidity, { ...DATA, tga: [['2025-07-30', 370.507], ['2025-10-29', 800]] }, '2025-10-31');
    // 6587.034 − 800 − 51.802 = 5735.232; − 6172.071 = −436.839
    expect(r.metrics.change13w).toBe(-436.839);
    expect(r.status).toBe('ok');
  });

  it('is unavailable without a term of its formula, naming it and the formula', () => {
    const { fed_assets: _omit, ...rest } = DATA;
    const r = judge(netLiquidity, rest, '2025-10-31');
    expect(r.status).toBe('unavailable');
    expect(r.reason).toMatch(/needs Fed total assets/);
    expect(r.formula).toBe('fed_assets - tga - rrp');
    expect(judge(netLiquidity, rest, '2025-10-31', { netLiquidity: 'reserves + rrp - tga' }).status, 'the other formula needs no fed_assets').toBe('watch');
  });

  it('lists a stale term and still computes', () => {
    const r = judge(netLiquidity, DATA, '2025-11-14');
    expect(r.stale.map((s) => `${s.series} ${s.ageDays}/${s.limitDays}`), 'weekly 16 days > 14; RRP 14 days > 7').toEqual(['fed_assets 16/14', 'tga 16/14', 'rrp 14/7']);
    expect(r.metrics.level).toBe(5577.242);
  });
});
