import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../engine/indicators/index.ts';
import type { Check } from '../engine/types.ts';
import { checkSentence, levelText, METRIC_WORDS, reasonWords } from './words.ts';

const check = (c: Partial<Check> & Pick<Check, 'metric' | 'value' | 'threshold'>): Check => ({ comparison: '>=', unit: 'bp', level: 'stress', holds: c.value >= c.threshold, ...c });

describe('checkSentence', () => {
  it('says a met level in words, with the unit and the table’s rounding', () => {
    // 26.94 bp shows as 26.9, as in the Value column (one decimal for a mean in bp)
    expect(checkSentence('sofr_rrp_spread', check({ metric: 'avg10Bp', value: 26.94, threshold: 25 }))).toBe('10-day mean 26.9 bp is above the 25 bp stress level');
    expect(checkSentence('sofr_rrp_spread', check({ metric: 'avg10Bp', value: 25, threshold: 25 })), 'at, not above').toBe('10-day mean 25 bp is at the 25 bp stress level');
    expect(checkSentence('reserves', check({ metric: 'level', value: 2848.021, threshold: 3000, comparison: '<', unit: 'USD bn', level: 'watch', holds: true })))
      .toBe('level 2,848 bn is below the 3,000 bn watch level');
  });

  it('reads EFFR against the range as a clause: "14 bp below the top"', () => {
    // 4.00 − 3.86 = 14 bp: watch is within 5 bp of the top, not reached
    const ok = check({ metric: 'belowUpperBp', value: 14, threshold: 5, comparison: '<=', level: 'watch', holds: false });
    expect(checkSentence('effr_in_range', ok)).toBe('EFFR is 14 bp below the top of the range (watch within 5 bp of the top)');
    expect(reasonWords('effr_in_range', { kind: 'ok', checks: [ok] })).toBe('EFFR is 14 bp below the top of the range (watch within 5 bp of the top): ok');
    // 2.25 − 2.30 = −5 bp: EFFR over the top, 2019-09-17
    expect(checkSentence('effr_in_range', check({ metric: 'belowUpperBp', value: -5, threshold: 0, comparison: '<=', holds: true })))
      .toBe('EFFR is 5 bp above the top of the range: stress at or above the top');
    expect(checkSentence('effr_in_range', check({ metric: 'effrIorbBp', value: -4, threshold: 0, level: 'watch', holds: false })))
      .toBe('EFFR is 4 bp below IORB (watch at or above IORB)');
  });

  it('puts a true minus sign and a + on changes, and more digits only where rounding would meet the threshold', () => {
    const tga = (value: number) => checkSentence('tga', check({ metric: 'change13w', value, threshold: 300, unit: 'USD bn', level: 'watch' }));
    expect(tga(587.483), '587.483 rounds to 587 (no decimal at 100 bn and more)').toBe('13-week change +587 bn is above the +300 bn watch level');
    expect(tga(299.9), '299.9 would round to the 300 it is below').toBe('13-week change +299.9 bn is below the +300 bn watch level');
    expect(checkSentence('net_liquidity', check({ metric: 'change13w', value: -594.829, threshold: -500, comparison: '<=', unit: 'USD bn', level: 'watch', holds: true })))
      .toBe('13-week change −595 bn is below the −500 bn watch level');
  });

  it('counts days above the ceiling in words', () => {
    expect(checkSentence('sofr_above_ceiling', check({ metric: 'streak', value: 5, threshold: 3, unit: 'days' })))
      .toBe('SOFR above the ceiling 5 business days running: stress at 3 or more days running');
    expect(checkSentence('sofr_above_ceiling', check({ metric: 'count', value: 0, threshold: 1, unit: 'days', level: 'watch' })))
      .toBe('SOFR above the ceiling on 0 of the last 20 days (watch at 1 or more days)');
  });
});

describe('reasonWords', () => {
  it('says why a stale indicator is not ok, naming the input and its age', () => {
    const stale = [{ series: 'rrp_rate', date: '2025-11-12', ageDays: 260, limitDays: 7 }] as const;
    expect(reasonWords('sofr_rrp_spread', { kind: 'unknown', stale, checks: [] })).toBe('ON RRP award rate 260 days old: cannot confirm ok');
  });

  it('names missing series by their names in words', () => {
    expect(reasonWords('sofr_rrp_spread', { kind: 'unavailable', cause: 'missing', series: ['sofr', 'rrp_rate'], anyOf: false })).toBe('needs SOFR and ON RRP award rate: no data on or before the as-of date');
    expect(reasonWords('sofr_above_ceiling', { kind: 'unavailable', cause: 'missing', series: ['srf_rate', 'target_upper'], anyOf: true })).toBe('needs SRF minimum bid or Target range, top in force on the days it judges');
    expect(reasonWords('tga', { kind: 'unavailable', cause: 'metrics', metrics: ['change13w'] })).toBe('not enough history for the 13-week change');
  });
});

describe('levelText', () => {
  it('names the metric a threshold tests when the row shows another, with its unit and sign', () => {
    expect(levelText({ id: 'tga' }, [{ metric: 'change13w', op: '>=', value: 300 }], 'level', () => 'USD bn')).toBe('13w change ≥ +300 bn');
    expect(levelText({ id: 'reserves' }, [{ metric: 'level', op: '<', value: 3000 }], 'level', () => 'USD bn')).toBe('< 3,000 bn');
    expect(levelText({ id: 'sofr_above_ceiling' }, [{ metric: 'streak', op: '>=', value: 3 }, { metric: 'count', op: '>=', value: 5 }], 'count', () => 'days')).toBe('run ≥ 3 or days above ≥ 5');
  });
});

describe('METRIC_WORDS', () => {
  it('has words for every metric of every indicator, so no JSON key reaches a person', () => {
    for (const d of INDICATORS) {
      for (const key of d.metricKeys) expect(METRIC_WORDS[d.id]?.[key]?.name, `${d.id}.${key}`).toBeTruthy();
    }
  });
});
