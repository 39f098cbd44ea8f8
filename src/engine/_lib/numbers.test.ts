import { describe, expect, it } from 'vitest';
import { clean, meanOfAll, spreadBp } from './numbers.ts';

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

describe('clean', () => {
  it('drops floating-point noise beyond 12 significant digits', () => {
    expect(clean(26.900000000000002)).toBe(26.9);
    expect(clean(0.1 + 0.2)).toBe(0.3);
    expect(clean(null)).toBeNull();
  });
});

describe('meanOfAll', () => {
  it('is the mean only when every value is there', () => {
    expect(meanOfAll([10, 20, 30])).toBe(20);
    expect(meanOfAll([10, null, 30]), 'a mean over a window needs every day').toBeNull();
    expect(meanOfAll([])).toBeNull();
  });
});
