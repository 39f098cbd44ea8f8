/**
 * IOER by the FOMC's rule (derive.ts), held day by day to FRED's own IOER series
 * (fixtures/excel/IOER.xlsx, FRED's Excel download) over the whole life of the target
 * range before IORB: 2008-12-16 to 2021-07-28.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDay, parseIsoDay } from '../domain/dates.ts';
import { indexAtOrBefore } from '../domain/series.ts';
import { loadPaths } from '../io/load.ts';
import { ROOT } from '../../test/helpers/run-liq.ts';
import { deriveSeries } from './derive.ts';

describe('IOER derived from the target range', () => {
  it('equals FRED IOER on every day of 2008-12-16 to 2021-07-28, the two announcement days included', async () => {
    const ioer = (await loadPaths([join(ROOT, 'fixtures/excel/IOER.xlsx')])).series.get('iorb');
    const upper = (await loadPaths([join(ROOT, 'fixtures/fred/DFEDTARU.csv')])).series;
    expect(ioer?.dates.length, 'IOER.xlsx: 2008-10-09 to 2021-07-28, every calendar day').toBe(4676);
    const derived = deriveSeries(upper).get('iorb');
    if (ioer === undefined || derived === undefined) throw new Error('no IOER');
    expect(formatDay(derived.dates[0] as number)).toBe('2008-12-16');
    expect(formatDay(derived.dates.at(-1) as number), 'IORB from 2021-07-29: nothing derived after').toBe('2021-07-28');
    expect([...(derived.derived ?? [])].every((f) => f === 1), 'every value labelled derived').toBe(true);
    const from = parseIsoDay('2008-12-16') as number;
    const differences: string[] = [];
    let compared = 0;
    ioer.dates.forEach((d, i) => {
      if (d < from) return;
      const k = indexAtOrBefore(derived.dates, d);
      if (derived.dates[k] !== d) return;
      compared++;
      if (Math.abs((derived.values[k] as number) - (ioer.values[i] as number)) > 1e-9) differences.push(`${formatDay(d)}: ${derived.values[k]} vs IOER ${ioer.values[i]}`);
    });
    expect(compared, 'every day of 2008-12-16 .. 2021-07-28').toBe(4608);
    expect(differences).toEqual([]);
  });

  it('keeps the old IOER on the announcement days of 2015-12-16 and 2016-12-14, when FRED\'s range moved a day early', () => {
    const out = deriveSeries(
      new Map([
        [
          'target_upper',
          {
            name: 'target_upper' as const,
            dates: Int32Array.from(['2015-12-15', '2015-12-16', '2015-12-17', '2019-09-18', '2019-09-19'].map((d) => parseIsoDay(d) as number)),
            values: Float64Array.from([0.25, 0.5, 0.5, 2.25, 2.0]),
            derived: null,
            sources: [],
          },
        ],
      ]),
    ).get('iorb');
    // 2015-12-16: the day before's top 0.25 (IOER rose to 0.50 on the 17th); 2019-09-18:
    // top 2.25 − 15 bp = 2.10; 2019-09-19: top 2.00 − 20 bp = 1.80 (the spike's week).
    expect([...(out?.values ?? [])]).toEqual([0.25, 0.25, 0.5, 2.1, 1.8]);
  });
});
