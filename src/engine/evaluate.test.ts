import { describe, expect, it } from 'vitest';
import { overallStatus } from './assess.ts';
import { evaluate, formatReasonNumber, holds } from './evaluate.ts';
import { reserves } from './indicators/reserves.ts';
import { sofrAboveCeiling } from './indicators/sofr_above_ceiling.ts';
import { sofrRrpSpread } from './indicators/sofr_rrp_spread.ts';
import { tga } from './indicators/tga.ts';
import type { IndicatorResult, Status } from './types.ts';

const result = (status: Status): IndicatorResult => ({
  id: 'reserves', title: 'x', unit: 'USD bn', status, reason: '', metrics: {}, inputs: [], stale: [], thresholds: { watch: null, stress: null }, formula: null,
});

describe('evaluate', () => {
  const spread = (avg10Bp: number | null) => evaluate(sofrRrpSpread, { latestBp: 0, avg10Bp, avg10PrevBp: null, change10Bp: null }, sofrRrpSpread.defaults);

  it('checks stress before watch and says which rule decided', () => {
    expect(spread(26.9)).toEqual({ status: 'stress', reason: 'avg10Bp 26.9 bp ≥ 25 bp: stress' });
    expect(spread(24.99), '24.99 is not shown as the 25 bp stress level').toEqual({ status: 'watch', reason: 'avg10Bp 24.99 bp ≥ 10 bp: watch' });
    expect(spread(12.34).reason).toBe('avg10Bp 12.3 bp ≥ 10 bp: watch');
    expect(spread(9.99).status).toBe('ok');
  });

  it('says how far an ok value is from the nearest level', () => {
    expect(spread(1).reason).toBe('avg10Bp 1 bp < 10 bp (watch)');
  });

  it('reaches a level when any of its rules holds', () => {
    const m = (streak: number, count: number) => ({ count, streak, longestStreak: streak, maxExcessBp: 1, ceiling: 4 });
    expect(evaluate(sofrAboveCeiling, m(3, 3), sofrAboveCeiling.defaults).reason).toBe('streak 3 ≥ 3: stress');
    expect(evaluate(sofrAboveCeiling, m(1, 5), sofrAboveCeiling.defaults).reason).toBe('count 5 ≥ 5: stress');
    expect(evaluate(sofrAboveCeiling, m(2, 4), sofrAboveCeiling.defaults).status).toBe('watch');
  });

  it('is unavailable when no metric a threshold tests could be computed', () => {
    expect(spread(null)).toEqual({ status: 'unavailable', reason: 'not enough data for avg10Bp' });
  });

  it('is info without thresholds', () => {
    expect(evaluate(reserves, { level: 1, change52w: 0 }, { watch: null, stress: null })).toEqual({ status: 'info', reason: 'informational: no threshold' });
  });

  it('never shows a value rounded onto its threshold as if it were equal', () => {
    const r = evaluate(tga, { level: 900, change13w: 299.9 }, tga.defaults);
    expect(r.status).toBe('ok');
    expect(r.reason, '299.9 is under 300; "300 bn < 300 bn" would contradict itself').toBe('change13w 299.9 bn < 300 bn (watch)');
    expect(evaluate(reserves, { level: 2999.6, change52w: null }, reserves.defaults).reason).toBe('level 2,999.6 bn < 3,000 bn: watch');
  });

  it('compares with each operator', () => {
    const m = { x: 5 };
    expect([holds({ metric: 'x', op: '>=', value: 5 }, m), holds({ metric: 'x', op: '>', value: 5 }, m)]).toEqual([true, false]);
    expect([holds({ metric: 'x', op: '<=', value: 5 }, m), holds({ metric: 'x', op: '<', value: 5 }, m)]).toEqual([true, false]);
    expect(holds({ metric: 'y', op: '>=', value: 0 }, m), 'a missing metric never holds').toBe(false);
  });

  it('formats reason numbers for a sentence', () => {
    expect([formatReasonNumber(26.94), formatReasonNumber(2848.021), formatReasonNumber(0), formatReasonNumber(-597.4)]).toEqual(['26.9', '2,848', '0', '-597']);
  });
});

describe('overallStatus', () => {
  const overall = (...statuses: Status[]) => overallStatus(statuses.map(result));

  it('is the worst of ok < watch < stress', () => {
    expect(overall('ok', 'watch', 'ok')).toBe('watch');
    expect(overall('watch', 'stress', 'ok')).toBe('stress');
    expect(overall('ok', 'ok')).toBe('ok');
  });

  it('ignores info and unavailable indicators', () => {
    expect(overall('ok', 'info', 'unavailable')).toBe('ok');
    expect(overall('unavailable', 'watch', 'info')).toBe('watch');
  });

  it('is unknown when every threshold indicator is unavailable', () => {
    expect(overall('unavailable', 'unavailable', 'info')).toBe('unknown');
    expect(overall()).toBe('unknown');
  });
});
