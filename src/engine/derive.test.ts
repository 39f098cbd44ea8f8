import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../domain/dates.ts';
import type { Series } from '../domain/series.ts';
import { day, seriesSet, weekdays, type Obs } from '../../test/helpers/series.ts';
import { assess } from './assess.ts';
import { deriveSeries } from './derive.ts';
import { sofrRrpSpread } from './indicators/sofr_rrp_spread.ts';

/** FRED's DFEDTARU style: a value on every calendar day from `from` to `to`. */
function everyDay(from: string, to: string, value: (iso: string) => number): Obs[] {
  const out: Obs[] = [];
  for (let d = day(from); d <= day(to); d++) out.push([formatDay(d), value(formatDay(d))]);
  return out;
}

const rows = (s: Series | undefined): string[] =>
  s === undefined ? [] : [...s.dates].map((d, i) => `${formatDay(d)} ${s.values[i]}${s.derived?.[i] === 1 ? ' derived' : ''}`);

describe('deriveSeries', () => {
  it('derives the bottom of the range as the top − 25 bp, flagged derived', () => {
    const out = deriveSeries(seriesSet({ target_upper: [['2019-09-18', 2.25], ['2019-09-19', 2.0]] }));
    expect(rows(out.get('target_lower')), '2.25 − 0.25 = 2.00; 2.00 − 0.25 = 1.75').toEqual(['2019-09-18 2 derived', '2019-09-19 1.75 derived']);
  });

  it('derives the SRF rate from the top of the range from 2021-07-28 only', () => {
    const out = deriveSeries(seriesSet({ target_upper: everyDay('2021-07-26', '2021-07-29', () => 0.25) }));
    expect(rows(out.get('srf_rate'))).toEqual(['2021-07-28 0.25 derived', '2021-07-29 0.25 derived']);
    expect(deriveSeries(seriesSet({ target_upper: [['2019-09-17', 2.25]] })).has('srf_rate'), 'no SRF in 2019').toBe(false);
  });

  it('derives the RRP rate as the bottom, + 5 bp from 2021-06-17 to 2024-12-18 inclusive', () => {
    const out = deriveSeries(seriesSet({
      target_upper: [['2021-06-16', 0.25], ['2021-06-17', 0.25], ['2024-12-18', 4.75], ['2024-12-19', 4.5]],
    }));
    expect(rows(out.get('rrp_rate'))).toEqual([
      '2021-06-16 0 derived', // bottom 0.00
      '2021-06-17 0.05 derived', // 0.00 + 0.05
      '2024-12-18 4.55 derived', // 4.75 − 0.25 + 0.05
      '2024-12-19 4.25 derived', // 4.50 − 0.25, add-on gone
    ]);
  });

  it('derives the RRP rate from the user’s own bottom of the range where there is one', () => {
    const out = deriveSeries(seriesSet({ target_lower: [['2022-03-17', 0.25]] }));
    expect(rows(out.get('rrp_rate')), '0.25 + 0.05').toEqual(['2022-03-17 0.3 derived']);
  });

  it('derives EFFR from DFF on SOFR business days only', () => {
    const out = deriveSeries(seriesSet({
      dff: everyDay('2019-09-13', '2019-09-17', (d) => (d === '2019-09-17' ? 2.3 : d === '2019-09-16' ? 2.25 : 2.14)),
      sofr: [['2019-09-13', 2.2], ['2019-09-16', 2.43], ['2019-09-17', 5.25], ['2019-09-18', 2.55]],
    }));
    expect(rows(out.get('effr')), 'not the weekend 09-14/15 (DFF repeats Friday), not 09-18 (no DFF)').toEqual([
      '2019-09-13 2.14 derived', '2019-09-16 2.25 derived', '2019-09-17 2.3 derived',
    ]);
  });

  it('fills only before the user’s first observation and past its staleness limit after its last', () => {
    const out = deriveSeries(seriesSet({
      target_upper: everyDay('2019-09-05', '2019-09-25', () => 2.25),
      rrp_rate: [['2019-09-10', 2.0], ['2019-09-11', 2.0], ['2019-09-12', 2.0], ['2019-09-13', 2.0]],
    }));
    const rrp = rows(out.get('rrp_rate'));
    expect(rrp.slice(0, 6), 'derived before 09-10, then the user’s own').toEqual([
      '2019-09-05 2 derived', '2019-09-06 2 derived', '2019-09-07 2 derived', '2019-09-08 2 derived', '2019-09-09 2 derived', '2019-09-10 2',
    ]);
    // own last 09-13 + 7 days = 09-20 still covered by carry-forward; derived from 09-21
    expect(rrp.slice(9), 'nothing derived 09-14 … 09-20').toEqual([
      '2019-09-21 2 derived', '2019-09-22 2 derived', '2019-09-23 2 derived', '2019-09-24 2 derived', '2019-09-25 2 derived',
    ]);
  });

  it('never replaces or drops a value the user gave', () => {
    const own = seriesSet({ target_upper: [['2019-09-17', 2.25]], target_lower: [['2019-09-17', 1.99]] });
    const out = deriveSeries(own);
    expect(rows(out.get('target_lower'))).toEqual(['2019-09-17 1.99']);
    expect(out.get('target_upper'), 'loaded series pass through untouched').toBe(own.get('target_upper'));
    expect(own.has('rrp_rate'), 'the input map is not mutated').toBe(false);
  });

  it('fills a gap longer than the staleness limit inside the user’s series', () => {
    const out = deriveSeries(seriesSet({
      target_upper: everyDay('2019-09-01', '2019-10-10', () => 2.25),
      rrp_rate: [['2019-09-03', 2.0], ['2019-10-01', 2.0]],
    }));
    const derived = rows(out.get('rrp_rate')).filter((r) => r.endsWith('derived')).map((r) => r.slice(0, 10));
    expect(derived.includes('2019-09-10'), 'own 09-03 + 7 = 09-10 is still covered').toBe(false);
    expect(derived.includes('2019-09-11'), 'past the limit after 09-03').toBe(true);
    expect(derived.includes('2019-09-30')).toBe(true);
    expect(derived.includes('2019-10-01'), 'the user’s own value').toBe(false);
  });

  it('derives the same values on or before a day whatever the user’s series holds after it', () => {
    const sofr = weekdays('2019-09-02', 20).map((d) => [d, 2.2] as const);
    const base = {
      sofr,
      target_upper: everyDay('2019-08-01', '2019-10-31', () => 2.25),
      rrp_rate: [['2019-09-03', 2.0]] as Obs[],
    };
    const later = { ...base, rrp_rate: [...base.rrp_rate, ['2019-10-15', 2.0]] as Obs[] };
    const asOf = day('2019-09-27');
    const judge = (spec: typeof base) => assess(deriveSeries(seriesSet(spec)), { asOf, only: [sofrRrpSpread] });
    expect(judge(later), 'an observation dated after the as-of date changes nothing').toEqual(judge(base));
    expect(judge(base).indicators[0]?.stale, 'the derived rate fills the gap, so nothing is stale').toEqual([]);
  });

  it('labels derived points in the coverage', () => {
    const a = assess(deriveSeries(seriesSet({ sofr: [['2019-09-17', 5.25]], target_upper: [['2019-09-16', 2.25], ['2019-09-17', 2.25]] })), { asOf: day('2019-09-17') });
    expect(a.series.map((s) => `${s.name} ${s.derivedCount}/${s.count}`)).toEqual(['sofr 0/1', 'iorb 2/2', 'rrp_rate 2/2', 'target_lower 2/2', 'target_upper 0/2']);
    const rrp = a.indicators.find((i) => i.id === 'sofr_rrp_spread');
    expect(rrp?.inputs.find((i) => i.series === 'rrp_rate')).toEqual({ series: 'rrp_rate', date: '2019-09-17', value: 2, derived: true });
  });
});

describe('deriveSeries fills exactly the dates the user\'s series does not cover', () => {
  // The rule, date by date: a derived bottom of the range on an upper-bound date d when the
  // user's bottom has no observation on or before d, or its last one is over 7 days before d.
  it('on random series with random gaps (against the rule applied date by date)', () => {
    const steps = (max: number) => fc.array(fc.integer({ min: 1, max }), { maxLength: 60 });
    fc.assert(
      fc.property(steps(20), steps(30), fc.integer({ min: -40, max: 40 }), (upperSteps, ownSteps, offset) => {
        const start = day('2019-01-01');
        const upperDays = upperSteps.reduce<number[]>((acc, st) => [...acc, (acc.at(-1) ?? start) + st], []);
        const ownDays = ownSteps.reduce<number[]>((acc, st) => [...acc, (acc.at(-1) ?? start + offset) + st], []);
        const out = deriveSeries(seriesSet({
          target_upper: upperDays.map((d) => [formatDay(d), 2.5] as const),
          target_lower: ownDays.map((d) => [formatDay(d), 1] as const),
        }));
        const expected: string[] = [];
        for (const d of [...new Set([...upperDays, ...ownDays])].sort((a, b) => a - b)) {
          if (ownDays.includes(d)) expected.push(`${formatDay(d)} 1`);
          else if (upperDays.includes(d)) {
            const last = ownDays.filter((o) => o <= d).at(-1);
            if (last === undefined || d - last > 7) expected.push(`${formatDay(d)} 2.25 derived`);
          }
        }
        expect(rows(out.get('target_lower'))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
