import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupedSlope, type RegressionPoint } from './regression.ts';

const pts = (xs: readonly number[], ys: readonly number[], group = 0): RegressionPoint[] =>
  xs.map((x, i) => ({ t: i, x, y: ys[i] as number, group }));

describe('groupedSlope', () => {
  it('fits three points by hand', () => {
    // x̃ = (−1, 0, 1), ỹ = (−7/3, −1/3, 8/3): slope = Σx̃ỹ / Σx̃² = 5 / 2; residuals (1/6, −1/3, 1/6).
    const fit = groupedSlope(pts([1, 2, 3], [2, 4, 7]), 0);
    expect(fit?.slope, '5 / 2').toBeCloseTo(2.5, 12);
    expect(fit?.r2, '1 − (1/6) / (114/9)').toBeCloseTo(1 - 9 / 684, 12);
    // u = x̃e = (−1/6, 0, 1/6): Σu² = 1/18, se = √(1/18) / 2.
    expect(fit?.se, '√(1/18) / 2').toBeCloseTo(Math.sqrt(1 / 18) / 2, 12);
    expect(fit?.n).toBe(3);
    expect(fit?.groups).toBe(1);
  });

  it('adds Bartlett-weighted autocovariances of the scores, lag by lag', () => {
    // lag 1: u₁u₀ + u₂u₁ = 0; lag 2 (weight 1 − 2/3): u₂u₀ = −1/36 → meat = 1/18 + 2·(1/3)·(−1/36) = 1/27.
    expect(groupedSlope(pts([1, 2, 3], [2, 4, 7]), 1)?.se, 'lag 1 adds 0').toBeCloseTo(Math.sqrt(1 / 18) / 2, 12);
    expect(groupedSlope(pts([1, 2, 3], [2, 4, 7]), 2)?.se, '√(1/27) / 2').toBeCloseTo(Math.sqrt(1 / 27) / 2, 12);
  });

  it('counts lags in periods, not positions: a gap of 3 periods is beyond lag 2', () => {
    const gapped = pts([1, 2, 3], [2, 4, 7]).map((p, i) => ({ ...p, t: i === 2 ? 5 : p.t }));
    // u₂ is now 4 periods after u₀ and 4 after u₁: only lag 1 (u₁u₀ = 0) is in range.
    expect(groupedSlope(gapped, 2)?.se).toBeCloseTo(Math.sqrt(1 / 18) / 2, 12);
  });

  it('gives each group its own intercept: two parallel lines have the common slope exactly', () => {
    const a = pts([1, 2, 3, 4], [10, 8, 6, 4], 1); // y = 12 − 2x
    const b = pts([6.5, 7.5, 8.5], [-13, -15, -17], 2).map((p) => ({ ...p, t: p.t + 10 })); // y = −2x
    const fit = groupedSlope([...a, ...b], 4);
    expect(fit?.slope, 'both lines fall 2 per unit of x').toBeCloseTo(-2, 12);
    expect(fit?.se).toBeCloseTo(0, 12);
    expect(fit?.r2).toBeCloseTo(1, 12);
    expect(fit?.groups).toBe(2);
    // Pooled with one intercept the level shift between groups would bias the slope.
    const pooled = groupedSlope([...a, ...b].map((p) => ({ ...p, group: 0 })), 4);
    expect(pooled?.slope).not.toBeCloseTo(-2, 1);
  });

  it('has no slope when x is constant within every group', () => {
    expect(groupedSlope(pts([2, 2, 2], [1, 2, 3]), 4)).toBeNull();
    expect(groupedSlope([], 4)).toBeNull();
  });

  it('rejects a negative or fractional lag count, quoting it', () => {
    expect(() => groupedSlope(pts([1, 2], [1, 2]), -1)).toThrow('lags "-1" must be an integer ≥ 0');
    expect(() => groupedSlope(pts([1, 2], [1, 2]), 1.5)).toThrow('lags "1.5"');
  });

  it('recovers the slope of a noiseless line with any group intercepts, and is not changed by the input order', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.array(fc.record({ x: fc.integer({ min: -50, max: 50 }).map((k) => k / 10), group: fc.integer({ min: 0, max: 3 }) }), { minLength: 3, maxLength: 40 }),
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (slope, rows, intercepts) => {
          const points = rows.map((r, i) => ({ t: i, x: r.x, y: (intercepts[r.group] as number) + slope * r.x, group: r.group }));
          const fit = groupedSlope(points, 4);
          if (fit === null) return;
          // x on a 0.1 grid: where it varies within a group it varies by at least 0.1, so the fit is well conditioned.
          expect(Math.abs(fit.slope - slope)).toBeLessThan(1e-8 * (1 + Math.abs(slope)));
          const reversed = groupedSlope([...points].reverse(), 4);
          expect(reversed?.slope).toBeCloseTo(fit.slope, 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});
