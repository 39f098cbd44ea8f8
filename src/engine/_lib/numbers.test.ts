import { describe, expect, it } from 'vitest';
import { decimalDifference, decimalSum, meanOfAll, spreadBp, versus } from './numbers.ts';

describe('spreadBp', () => {
  it('gives whole basis points without binary noise', () => {
    expect(spreadBp(2.43, 2.0), '2.43 − 2.00 = 43 bp, not 43.00000000000001').toBe(43);
    expect(spreadBp(5.25, 2.0), 'SOFR 5.25 − RRP 2.00 = 325 bp on 2019-09-17').toBe(325);
    expect(spreadBp(4.04, 3.75)).toBe(29);
    expect(spreadBp(3.86, 3.9)).toBe(-4);
  });

  it('is antisymmetric even where the sub-basis-point rounding meets a half', () => {
    // 5e-9 % is 0.0000005 bp: halfway between two 1e-6 bp steps
    expect(spreadBp(5e-9, 0), 'rounds half away from zero').toBe(1e-6);
    expect(spreadBp(0, 5e-9), 'and the same magnitude the other way').toBe(-1e-6);
    expect(spreadBp(2.5e-8, 0) + spreadBp(0, 2.5e-8)).toBe(0);
  });

  it('gives +0 for equal rates, never −0', () => {
    expect(Object.is(spreadBp(4.15, 4.15), 0)).toBe(true);
    expect(Object.is(spreadBp(0, 4e-9), 0), 'a difference that rounds to nothing').toBe(true);
  });
});

describe('versus', () => {
  it('puts a value at a level when they agree to 12 significant digits: binary noise is no crossing', () => {
    const spreads = [16.9, 30.8, 20.3, 24.4, 34.5, 31.7, 23.2, 30.1, 25.6, 12.5]; // sum 250.0
    const binary = spreads.reduce((a, b) => a + b, 0) / spreads.length;
    expect(binary, 'summed in binary').toBe(24.999999999999996);
    expect(versus(binary, 25), '250.0 / 10 = 25').toBe(0);
    expect(versus(0.1 + 0.2, 0.3), '0.30000000000000004 is 0.3').toBe(0);
    expect(versus(24.99999999, 25), 'a real difference in the 10th digit').toBe(-1);
    expect(versus(300.0000001, 300)).toBe(1);
    expect(versus(-597, -500)).toBe(-1);
    expect(versus(Number.NaN, 1)).toBeNaN();
  });
});

describe('decimalSum and meanOfAll', () => {
  it('sum data values in their own decimals: the exact decimal result', () => {
    expect(decimalSum([5577.242, -5710]), '5577.242 − 5710 (binary: −132.7579999999998)').toBe(-132.758);
    expect(decimalSum([2848.021, 51.802, -957.99]), '2848.021 + 51.802 − 957.990 (binary: 1941.8330000000003)').toBe(1941.833);
    expect(decimalDifference(1258.3, 958.3), 'a change of exactly 300 bn').toBe(300);
    expect(Object.is(decimalDifference(4.1, 4.1), 0), 'no −0').toBe(true);
    expect(decimalSum([1 / 3, 1 / 3]), 'quotients (more than 9 decimals) are summed as doubles').toBe(2 / 3);
  });

  it('take the mean as one division of the exact sum', () => {
    const spreads = [16.9, 30.8, 20.3, 24.4, 34.5, 31.7, 23.2, 30.1, 25.6, 12.5];
    expect(meanOfAll(spreads), '250.0 / 10 (binary: 24.999999999999996)').toBe(25);
    expect(meanOfAll(Array(10).fill(9.9)), '99.0 / 10 (binary: 9.900000000000002)').toBe(9.9);
    expect(meanOfAll([1, 2]), '3 / 2').toBe(1.5);
  });

  it('is the mean only when every value is there', () => {
    expect(meanOfAll([10, 20, 30])).toBe(20);
    expect(meanOfAll([10, null, 30]), 'a mean over a window needs every day').toBeNull();
    expect(meanOfAll([])).toBeNull();
  });
});
