import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grouped } from './grouped.ts';

const icu = (v: number, max: number, min: number): string => v.toLocaleString('en-US', { minimumFractionDigits: min, maximumFractionDigits: max });

describe('grouped', () => {
  it('writes 3,808,042 and 3,808.04 as toLocaleString does', () => {
    expect(grouped(3808042, 0)).toBe('3,808,042');
    expect(grouped(3808.042, 2)).toBe('3,808.04');
    expect(grouped(-1234.5, 1)).toBe('-1,234.5');
    expect(grouped(999.96, 1), 'a carry into a new group').toBe('1,000.0');
  });

  it('rounds the shortest decimal form half away from zero, as ICU does and toFixed does not', () => {
    expect(grouped(1.005, 2), 'String(1.005) is "1.005"').toBe('1.01');
    expect(grouped(-2.675, 2)).toBe('-2.68');
    expect(grouped(-0.04, 1), 'a negative rounding to zero keeps its sign').toBe('-0.0');
    expect(grouped(-0, 0)).toBe('-0');
  });

  it('matches toLocaleString for any double and any 0 ≤ min ≤ max ≤ 6 digits', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
      fc.integer({ min: -1e6, max: 1e6 }).map((n) => n + 0.5),
      fc.integer({ min: -99_999, max: 99_999 }).map((n) => (n * 10 + 5) / 1000),
    );
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), (v, a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        expect(grouped(v, max, min)).toBe(icu(v, max, min));
      }),
      { numRuns: 20_000 },
    );
  });
});
