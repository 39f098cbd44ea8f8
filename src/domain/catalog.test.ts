import { describe, expect, it } from 'vitest';
import { FRED_IDS, SERIES, SERIES_NAMES, UNITS, lookupSeries } from './catalog.ts';

describe('catalog', () => {
  it('marks exactly the market series as business-daily: a weekend row of these was forward-filled', () => {
    const businessDaily = SERIES_NAMES.filter((n) => SERIES[n].businessDaily).sort();
    expect(businessDaily).toEqual([
      'bgcr', 'effr', 'effr_p1', 'effr_p25', 'effr_p75', 'effr_p99', 'effr_volume', 'obfr', 'rrp', 'rrp_rate',
      'sofr', 'sofr_p1', 'sofr_p25', 'sofr_p75', 'sofr_p99', 'sofr_volume', 'srf', 'srf_submitted', 'tga_daily', 'tgcr',
    ]);
    // IORB, the target range and DFF are published for every calendar day.
    expect(SERIES.iorb.businessDaily || SERIES.target_upper.businessDaily || SERIES.dff.businessDaily).toBe(false);
  });

  it('closes the repo market series on bond-market holidays, not fed funds (traded on Good Friday)', () => {
    const repo = SERIES_NAMES.filter((n) => SERIES[n].repoMarket).sort();
    expect(repo).toEqual(['bgcr', 'sofr', 'sofr_p1', 'sofr_p25', 'sofr_p75', 'sofr_p99', 'sofr_volume', 'tgcr']);
  });

  it('gives each series the staleness limit of its frequency, and H.8 bank assets room for their 9-day release lag', () => {
    expect(SERIES.sofr_p25.staleAfterDays).toBe(7);
    expect(SERIES.tga_daily.staleAfterDays).toBe(7);
    expect(SERIES.tga.staleAfterDays).toBe(14);
    expect(SERIES.bank_assets.staleAfterDays, 'Wednesday + 9 days to the Friday release + a week').toBe(21);
    expect(SERIES.gdp.staleAfterDays).toBe(200);
  });

  it('reads the FRED ids of the distribution, volumes, OBFR and H.8 in their published units', () => {
    expect(lookupSeries('SOFR25')).toMatchObject({ series: 'sofr_p25', fred: { unit: { kind: 'fixed', unit: 'percent' } } });
    expect(lookupSeries('sofrvol')).toMatchObject({ series: 'sofr_volume', fred: { unit: { unit: 'billions' } } });
    expect(lookupSeries('EFFRVOL')).toMatchObject({ series: 'effr_volume', fred: { unit: { unit: 'billions' } } });
    expect(lookupSeries('OBFR')?.series).toBe('obfr');
    expect(lookupSeries('TLAACBW027SBOG')).toMatchObject({ series: 'bank_assets', fred: { unit: { unit: 'billions' } } });
    expect(lookupSeries('tgcr')).toEqual({ series: 'tgcr', fred: null });
    expect(lookupSeries('tga_daily')).toEqual({ series: 'tga_daily', fred: null });
    for (const [id, src] of Object.entries(FRED_IDS)) expect(SERIES_NAMES, id).toContain(src.series);
  });

  it('knows dollars: the NY Fed 50,350,000,000 accepted on 2025-10-31 is 50.35 bn', () => {
    const u = UNITS.dollars!;
    expect(u.dimension).toBe('level');
    expect((50_350_000_000 * u.num) / u.den).toBe(50.35);
  });
});
