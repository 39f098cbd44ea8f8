/**
 * Loaded values equal the raw FRED values after unit conversion (docs/data.md, Units), checked on
 * hand-picked dates: an analyst will compare these with FRED by hand.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../src/domain/dates.ts';
import { indexAtOrBefore, type Series } from '../src/domain/series.ts';
import { loadPaths } from '../src/io/load.ts';
import { ROOT } from './helpers/run-liq.ts';

const fixture = (path: string): string => join(ROOT, 'fixtures', path);

function valueOn(series: Series | undefined, date: string): number | undefined {
  if (series === undefined) return undefined;
  const day = parseIsoDay(date) as number;
  const i = indexAtOrBefore(series.dates, day);
  return i >= 0 && series.dates[i] === day ? series.values[i] : undefined;
}

describe('unit conversion on load', () => {
  it('reads WALCL millions as billions and RRPONTSYD billions as they are', async () => {
    const { series } = await loadPaths([fixture('fred/WALCL.csv'), fixture('fred/RRPONTSYD.csv')]);
    // WALCL 2019-09-18 = 3844695 millions = 3844.695 bn; 2022-12-28 = 8551169 → 8551.169 bn.
    expect(valueOn(series.get('fed_assets'), '2019-09-18')).toBe(3844.695);
    expect(valueOn(series.get('fed_assets'), '2022-12-28')).toBe(8551.169);
    // RRPONTSYD is published in billions: 2019-09-18 = 18.91, the record 2022-12-30 = 2553.716.
    expect(valueOn(series.get('rrp'), '2019-09-18')).toBe(18.91);
    expect(valueOn(series.get('rrp'), '2022-12-30')).toBe(2553.716);
  });

  it('tells the WRESBAL vintages apart by magnitude and they agree on every shared date', async () => {
    const billions = (await loadPaths([fixture('fred/WRESBAL.csv')])).series.get('reserves') as Series;
    const millions = (await loadPaths([fixture('fred/WRESBAL_millions_2021-06_2026-06.csv')])).series.get('reserves') as Series;
    expect(billions.sources[0]).toMatchObject({ unit: 'billions' });
    expect(millions.sources[0]).toMatchObject({ unit: 'millions' });
    // 2021-06-23: 3808.042 (billions file) and 3808042 (millions file) are the same 3808.042 bn.
    expect(valueOn(millions, '2021-06-23')).toBe(3808.042);
    let shared = 0;
    millions.dates.forEach((day, i) => {
      const j = indexAtOrBefore(billions.dates, day);
      if (j < 0 || billions.dates[j] !== day) return;
      shared++;
      expect(Math.abs((millions.values[i] as number) - (billions.values[j] as number))).toBeLessThan(1e-9);
    });
    expect(shared).toBe(178); // 2021-06-23 .. 2024-11-13, as fixtures/SOURCES.md reports
  });

  it('reads WTREGEN of the late-2025 vintage as millions', async () => {
    const tga = (await loadPaths([fixture('fred/WTREGEN.csv')])).series.get('tga');
    // WTREGEN 2019-09-18 = 250226.0 millions = 250.226 bn.
    expect(valueOn(tga, '2019-09-18')).toBe(250.226);
    expect(tga?.sources[0]).toMatchObject({ unit: 'millions', unitBasis: expect.stringContaining('> 20,000') });
  });

  it('reads the daily TGA closing balance from the Daily Treasury Statement', async () => {
    const tga = (await loadPaths([fixture('treasury')])).series.get('tga_daily');
    // "Treasury General Account (TGA) Closing Balance" rows, millions: 22892 and 959113.
    expect(valueOn(tga, '2023-06-01')).toBe(22.892);
    expect(valueOn(tga, '2025-11-14')).toBe(959.113);
    expect(tga?.dates[0]).toBe(parseIsoDay('2022-04-18'));
  });

  it('reads GDP in billions and the policy rates in percent as written', async () => {
    const { series } = await loadPaths([fixture('fred/GDP.csv'), fixture('fred/DFEDTARU.csv'), fixture('fred/SOFR.csv')]);
    expect(valueOn(series.get('gdp'), '2019-07-01')).toBe(21717.171);
    expect(valueOn(series.get('target_upper'), '2025-10-31')).toBe(4);
    expect(valueOn(series.get('sofr'), '2019-09-17')).toBe(5.25);
    expect(valueOn(series.get('sofr'), '2025-10-31')).toBe(4.22);
  });

  it('converts declared units in a wide file: millions, trillions and basis points', async () => {
    const text = 'date,reserves[millions],gdp (trillions),sofr[bp]\n2019-09-18,1394122,21.717171,525\n';
    const { series } = await loadPaths(['-'], { stdin: async () => text });
    expect(valueOn(series.get('reserves'), '2019-09-18')).toBe(1394.122);
    expect(valueOn(series.get('gdp'), '2019-09-18')).toBeCloseTo(21717.171, 9);
    expect(valueOn(series.get('sofr'), '2019-09-18')).toBe(5.25);
  });

  it('takes a unit from --unit for a column without one', async () => {
    const text = 'date,reserves\n2019-09-18,1394122\n';
    const { series } = await loadPaths(['-'], { stdin: async () => text, units: ['reserves=millions'] });
    expect(valueOn(series.get('reserves'), '2019-09-18')).toBe(1394.122);
  });
});

describe('unit by magnitude', () => {
  it('is decided by most values, so one mistyped value is reported rather than rescaling the file', async () => {
    // 1456.796 and 1394.122 bn, then a typo with an extra digit: 14001.71 "billions" is implausible.
    const text = 'observation_date,WRESBAL\n2019-09-11,1456.796\n2019-09-18,1394.122\n2019-09-25,14001.71\n';
    await expect(loadPaths(['-'], { stdin: async () => text })).rejects.toThrow(/<stdin>:4:2: reserves value 14,?001\.71 is implausible/);
  });

  it('reads a file whose values are mostly above 20,000 as millions', async () => {
    const text = 'observation_date,WRESBAL\n2019-09-11,1456796\n2019-09-18,1394122\n';
    const { series } = await loadPaths(['-'], { stdin: async () => text });
    expect(series.get('reserves')?.values[1]).toBe(1394.122);
    expect(series.get('reserves')?.sources[0]?.unitBasis).toBe('2 of 2 values > 20,000');
  });
});

describe('units both ways', () => {
  it('refuses millions declared for a WRESBAL file in billions: reserves of 4.3 bn are too small', async () => {
    await expect(loadPaths([join(ROOT, 'fixtures/fred/WRESBAL.csv')], { units: ['WRESBAL=millions'] })).rejects.toThrow(
      /WRESBAL\.csv:2:2: WRESBAL declared in millions, but most of its 2,133 values are at most 20,000: read so, its largest would be 4\.275806 bn, implausibly small — the file is in billions/,
    );
  });

  it('reads dollars (the NY Fed API\'s amounts) and names every unit that would fit a wrong one', async () => {
    const dollars = await loadPaths(['-'], { stdin: async () => 'date,srf[dollars]\n2025-10-31,50350000000\n' });
    expect([...(dollars.series.get('srf')?.values ?? [])], '50,350,000,000 / 1e9').toEqual([50.35]);
    await expect(loadPaths(['-'], { stdin: async () => 'date,srf\n2025-10-31,3000000\n' })).rejects.toThrow(
      'it fits if the file is in thousands or dollars: declare it in the header, e.g. srf[thousands] or srf[dollars]',
    );
  });

  it('refuses Fed assets too small for billions (a millions file declared as trillions would be far too large)', async () => {
    await expect(loadPaths(['-'], { stdin: async () => 'date,fed_assets[millions]\n2025-10-29,6587\n' })).rejects.toThrow(/fed_assets value 6\.587 \(6,587 millions\) is implausible in USD billions \(expected 100 to 20,000\)/);
  });
});
