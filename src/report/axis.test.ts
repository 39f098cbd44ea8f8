import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../domain/dates.ts';
import { linearScale, monthTicks, niceTicks } from './axis.ts';

const day = (iso: string): number => parseIsoDay(iso) as number;

describe('linearScale', () => {
  it('maps the ends of the domain onto the ends of the range, inverted for a y axis', () => {
    const y = linearScale(0, 50, 200, 30);
    expect(y(0)).toBe(200);
    expect(y(50)).toBe(30);
    expect(y(25), 'half way: (200 + 30) / 2').toBe(115);
  });

  it('maps a zero-width domain to the middle of the range', () => {
    expect(linearScale(3, 3, 0, 100)(3)).toBe(50);
  });
});

describe('niceTicks', () => {
  it('gives round steps that cover the data: −12.7…26.9 bp in steps of 10', () => {
    expect(niceTicks(-12.7, 26.9, 5)).toEqual([-20, -10, 0, 10, 20, 30]);
  });

  it('prints decimal steps without binary noise', () => {
    expect(niceTicks(9.2, 10.2, 5)).toEqual([9.2, 9.4, 9.6, 9.8, 10, 10.2]);
  });

  it('widens a flat series around its value', () => {
    const ticks = niceTicks(0, 0);
    expect(ticks[0]).toBeLessThan(0);
    expect(ticks.at(-1)).toBeGreaterThan(0);
  });

  it('throws on bounds that are not finite, quoting them', () => {
    expect(() => niceTicks(0, Infinity)).toThrow(/0 and Infinity/);
  });

  it('always starts at or below min, ends at or above max, in equal steps', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (lo, span) => {
        const ticks = niceTicks(lo, lo + span, 5);
        // Ticks are rounded to the step's precision, so "at or below" holds to a millionth of a step
        // (lo = −1e-9 with steps of 1 may start at 0).
        const step = ticks.length > 1 ? (ticks[1] as number) - (ticks[0] as number) : 1;
        expect(ticks[0] as number).toBeLessThanOrEqual(lo + Math.abs(lo) * 1e-9 + step * 1e-6);
        expect(ticks.at(-1) as number).toBeGreaterThanOrEqual(lo + span - Math.abs(lo + span) * 1e-9 - step * 1e-6);
        expect(ticks.length).toBeLessThanOrEqual(12);
        const steps = ticks.slice(1).map((t, i) => t - (ticks[i] as number));
        for (const s of steps) expect(Math.abs(s - (steps[0] as number))).toBeLessThanOrEqual(Math.abs(steps[0] as number) * 1e-6);
      }),
    );
  });
});

describe('niceTicks for counts', () => {
  it('steps by whole numbers: 0…7 days in steps of 2, never 2.5', () => {
    expect(niceTicks(0, 7, 5, true)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0, 2, 5, true), 'a small count: steps of 1, not 0.5').toEqual([0, 1, 2]);
    expect(niceTicks(0, 24, 5, true)).toEqual([0, 5, 10, 15, 20, 25]);
  });

  it('gives integer ticks for any integer span', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (lo, span) => {
        for (const t of niceTicks(lo, lo + span, 5, true)) expect(Number.isInteger(t)).toBe(true);
      }),
    );
  });
});

describe('monthTicks', () => {
  it('puts a tick on the first of every month inside the span, naming January by its year', () => {
    const ticks = monthTicks(day('2025-11-15'), day('2026-03-10'));
    expect(ticks.map((t) => t.label)).toEqual(['Dec', '2026', 'Feb', 'Mar']);
    expect(ticks[0]?.x).toBe(day('2025-12-01'));
  });
});

