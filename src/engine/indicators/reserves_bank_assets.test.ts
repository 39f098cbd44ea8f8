import { describe, expect, it } from 'vitest';
import { judge } from '../../../test/helpers/series.ts';
import { reservesBankAssets } from './reserves_bank_assets.ts';

// FRED WRESBAL (billions, week average) and TLAACBW027SBOG (H.8, billions, Wednesday).
describe('reserves_bank_assets', () => {
  it('divides reserves by the latest H.8 bank assets, as on 2019-09-18', () => {
    const r = judge(reservesBankAssets, { reserves: [['2019-09-18', 1394.122]], bank_assets: [['2019-09-11', 17655.5], ['2019-09-18', 17700.3]] }, '2019-09-18');
    expect(r.metrics.ratioPct, '1394.122 / 17700.3 × 100 = 7.876 %').toBeCloseTo(7.87626, 5);
    expect(r.metrics.bankAssets).toBe(17700.3);
    expect(r.metrics.bankAssetsDate).toBe('2019-09-18');
    expect(r.status, '7.9 % < 13 %').toBe('watch');
  });

  it('is ok at 13 % and above', () => {
    const r = judge(reservesBankAssets, { reserves: [['2021-12-29', 2600]], bank_assets: [['2021-12-29', 20000]] }, '2021-12-29');
    expect(r.metrics.ratioPct, '2600 / 20000 = 13 %').toBe(13);
    expect(r.status).toBe('ok');
  });

  it('lists bank assets older than 21 days as stale (H.8 comes out nine days after its Wednesday)', () => {
    const r = judge(reservesBankAssets, { reserves: [['2022-01-26', 3900]], bank_assets: [['2021-12-29', 22605.474]] }, '2022-01-26');
    expect(r.stale.map((s) => s.series), '2022-01-26 − 2021-12-29 = 28 days').toEqual(['bank_assets']);
  });

  it('is unavailable without bank assets, naming them', () => {
    const r = judge(reservesBankAssets, { reserves: [['2019-09-18', 1394.122]] }, '2019-09-18');
    expect(r.status).toBe('unavailable');
    expect(r.reason).toMatch(/needs Bank total assets/);
    expect(r.metrics).toEqual({ ratioPct: null, bankAssets: null, bankAssetsDate: null });
  });
});
