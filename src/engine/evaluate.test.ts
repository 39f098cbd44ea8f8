import { describe, expect, it } from 'vitest';
import { overallStatus } from './assess.ts';
import { evaluate, holds } from './evaluate.ts';
import { reserves } from './indicators/reserves.ts';
import { sofrAboveCeiling } from './indicators/sofr_above_ceiling.ts';
import { sofrRrpSpread } from './indicators/sofr_rrp_spread.ts';
import { tga } from './indicators/tga.ts';
import type { IndicatorKind, Status } from './types.ts';

const STALE_RRP_RATE = { series: 'rrp_rate', date: '2025-11-13', ageDays: 260, limitDays: 7 } as const;

describe('evaluate', () => {
  const spread = (avg10Bp: number | null, stale: readonly (typeof STALE_RRP_RATE)[] = []) =>
    evaluate(sofrRrpSpread, { latestBp: 0, avg10Bp, avg10PrevBp: null, change10Bp: null }, sofrRrpSpread.defaults, stale);
  const avg10 = { metric: 'avg10Bp', unit: 'bp' } as const;

  it('checks stress before watch and gives the rule that decided, with value, threshold and unit', () => {
    expect(spread(26.9)).toEqual({
      status: 'stress',
      reason: { kind: 'met', check: { ...avg10, comparison: '>=', threshold: 25, value: 26.9, level: 'stress', holds: true } },
    });
    expect(spread(24.99).reason, '24.99 ≥ 10: watch, not the 25 bp stress level').toEqual({
      kind: 'met', check: { ...avg10, comparison: '>=', threshold: 10, value: 24.99, level: 'watch', holds: true },
    });
    expect(spread(9.99).status).toBe('ok');
  });

  it('gives an ok value with the rules of the nearest level it has not reached', () => {
    expect(spread(1).reason).toEqual({ kind: 'ok', checks: [{ ...avg10, comparison: '>=', threshold: 10, value: 1, level: 'watch', holds: false }] });
  });

  it('reaches a level when any of its rules holds', () => {
    const m = (streak: number, count: number) => ({ count, streak, longestStreak: streak, maxExcessBp: 1, ceiling: 4 });
    const met = (streak: number, count: number) => {
      const r = evaluate(sofrAboveCeiling, m(streak, count), sofrAboveCeiling.defaults).reason;
      return r.kind === 'met' ? `${r.check.metric} ${r.check.value} ${r.check.level}` : r.kind;
    };
    expect(met(3, 3), 'streak 3 ≥ 3').toBe('streak 3 stress');
    expect(met(1, 5), 'count 5 ≥ 5').toBe('count 5 stress');
    expect(met(2, 4), 'streak 2 < 3, count 4 < 5, count 4 ≥ 1').toBe('count 4 watch');
  });

  it('is unavailable when no metric a threshold tests could be computed, naming the metrics', () => {
    expect(spread(null)).toEqual({ status: 'unavailable', reason: { kind: 'unavailable', cause: 'metrics', metrics: ['avg10Bp'] } });
  });

  it('is info without thresholds', () => {
    expect(evaluate(reserves, { level: 1, change52w: 0 }, { watch: null, stress: null })).toEqual({ status: 'info', reason: { kind: 'info' } });
  });

  it('is never ok from a stale input: unknown, naming the stale input, unless a level is met', () => {
    expect(spread(1, [STALE_RRP_RATE])).toEqual({
      status: 'unknown',
      reason: { kind: 'unknown', stale: [STALE_RRP_RATE], checks: [{ ...avg10, comparison: '>=', threshold: 10, value: 1, level: 'watch', holds: false }] },
    });
    expect(spread(26.9, [STALE_RRP_RATE]).status, 'stale data showing strain are still a warning').toBe('stress');
    expect(spread(12, [STALE_RRP_RATE]).status).toBe('watch');
    expect(spread(null, [STALE_RRP_RATE]).status, 'nothing to judge stays unavailable').toBe('unavailable');
  });

  it('keeps the unrounded value: 299.9 is below the 300 level', () => {
    const r = evaluate(tga, { level: 900, change13w: 299.9 }, tga.defaults);
    expect(r.status).toBe('ok');
    expect(r.reason.kind === 'ok' && r.reason.checks[0]?.value).toBe(299.9);
  });

  it('compares with each operator', () => {
    const m = { x: 5 };
    expect([holds({ metric: 'x', op: '>=', value: 5 }, m), holds({ metric: 'x', op: '>', value: 5 }, m)]).toEqual([true, false]);
    expect([holds({ metric: 'x', op: '<=', value: 5 }, m), holds({ metric: 'x', op: '<', value: 5 }, m)]).toEqual([true, false]);
    expect(holds({ metric: 'y', op: '>=', value: 0 }, m), 'a missing metric never holds').toBe(false);
  });
});

describe('overallStatus', () => {
  const of = (kind: IndicatorKind) => (...statuses: Status[]) => statuses.map((status) => ({ kind, status }));
  const prices = of('price');
  const quantities = of('quantity');

  it('is the worst of ok < watch < stress', () => {
    expect(overallStatus([...prices('ok', 'watch'), ...quantities('ok')])).toBe('watch');
    expect(overallStatus([...prices('watch', 'stress'), ...quantities('ok')])).toBe('stress');
    expect(overallStatus(prices('ok', 'ok'))).toBe('ok');
  });

  it('ignores info, unavailable and unknown indicators while a price indicator is judged', () => {
    expect(overallStatus([...prices('ok', 'unknown'), ...quantities('info', 'unavailable')])).toBe('ok');
    expect(overallStatus([...prices('unavailable', 'ok'), ...quantities('watch', 'info', 'unknown')])).toBe('watch');
  });

  it('is unknown when every price indicator is unknown or unavailable, whatever the quantities say', () => {
    expect(overallStatus([...prices('unknown', 'unavailable', 'unknown', 'unknown'), ...quantities('watch', 'ok')])).toBe('unknown');
    expect(overallStatus([...prices('unknown', 'stress'), ...quantities('ok')]), 'one price indicator in stress decides').toBe('stress');
  });

  it('is unknown when every threshold indicator is unavailable', () => {
    expect(overallStatus(quantities('unavailable', 'unavailable', 'info'))).toBe('unknown');
    expect(overallStatus([])).toBe('unknown');
  });
});
