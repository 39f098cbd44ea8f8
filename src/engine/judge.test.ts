/**
 * History judges each day with judgeIndicator(), which skips the reason sentence and the
 * dated inputs; it must give the status, metrics and staleness runIndicator() gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { judgeIndicator, runIndicator } from './assess.ts';
import { Context } from './_lib/context.ts';
import { deriveSeries } from './derive.ts';
import { evaluate, statusOf } from './evaluate.ts';
import { INDICATORS } from './indicators/index.ts';
import { sofrAboveCeiling } from './indicators/sofr_above_ceiling.ts';
import { DEFAULT_THRESHOLDS } from './thresholds.ts';
import type { Level, LevelPair, Metrics } from './types.ts';
import { LazyVisible } from './visibility.ts';
import { loadPaths } from '../io/load.ts';

describe('statusOf', () => {
  it('decides as evaluate() does, for any metrics, thresholds and staleness', () => {
    const metric = fc.constantFrom('count', 'streak', 'longestStreak', 'maxExcessBp');
    const rule = fc.record({ metric, op: fc.constantFrom('>=', '<=', '<', '>' as const), value: fc.integer({ min: -3, max: 6 }) });
    const level: fc.Arbitrary<Level> = fc.option(fc.array(rule, { maxLength: 3 }), { nil: null });
    const metrics: fc.Arbitrary<Metrics> = fc.record(
      { count: fc.option(fc.integer({ min: -3, max: 6 })), streak: fc.option(fc.integer({ min: -3, max: 6 })), longestStreak: fc.constant(null), maxExcessBp: fc.double({ min: -5, max: 7, noNaN: true }) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(metrics, level, level, fc.boolean(), (m, watch, stress, stale) => {
        const pair: LevelPair = { watch, stress };
        const staleInputs = stale ? [{ series: 'sofr', date: '2025-10-01', ageDays: 30, limitDays: 7 } as const] : [];
        expect(statusOf(m, pair, stale)).toBe(evaluate(sofrAboveCeiling, m, pair, staleInputs).status);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('judgeIndicator', () => {
  it('gives runIndicator’s status, metrics and staleness on every 25th business day of the real data', async () => {
    const { series } = await loadPaths([join(import.meta.dirname, '../../fixtures/fred')]);
    const all = deriveSeries(series);
    const days = all.get('sofr')?.dates.filter((_, i) => i % 25 === 0) ?? [];
    expect(days.length).toBeGreaterThan(50);
    const engine = { netLiquidity: 'fed_assets - tga - rrp' } as const;
    for (const day of days) {
      for (const asPublished of [false, true]) {
        const ctx = new Context(new LazyVisible(all, day, asPublished), day);
        for (const definition of INDICATORS) {
          const full = runIndicator(definition, ctx, DEFAULT_THRESHOLDS, engine);
          const light = judgeIndicator(definition, ctx, DEFAULT_THRESHOLDS, engine);
          expect(light, `${definition.id} on day ${day}`).toEqual({ id: full.id, kind: full.kind, status: full.status, metrics: full.metrics, stale: full.stale.length > 0 });
        }
      }
    }
  });
});
