import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PrefixMax } from './peak.ts';

const firstMaxIndex = (values: Float64Array): number => new PrefixMax().firstMaxIndex(values);

/** The definition: the first index of the largest value, by a plain scan. */
function naive(values: ArrayLike<number>): number {
  let at = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[at] as number)) at = i;
  return values.length === 0 ? -1 : at;
}

describe('firstMaxIndex', () => {
  it('finds the first of equal peaks, and -1 when there is no data', () => {
    expect(firstMaxIndex(Float64Array.from([1, 3, 2, 3]))).toBe(1);
    expect(firstMaxIndex(new Float64Array(0))).toBe(-1);
  });

  it('answers every prefix view of a series as a scan of that prefix would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 60 }), fc.array(fc.nat()), (raw, cuts) => {
        const values = Float64Array.from(raw);
        for (const cut of [...cuts, raw.length - 1]) {
          const view = values.subarray(0, (cut % raw.length) + 1);
          expect(firstMaxIndex(view)).toBe(naive(view));
        }
      }),
    );
  });

  it('scans a view that does not start at the beginning of its buffer', () => {
    const values = Float64Array.from([9, 1, 5, 2]);
    expect(firstMaxIndex(values.subarray(1))).toBe(1);
  });
});
