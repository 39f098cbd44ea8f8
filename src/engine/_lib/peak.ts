/**
 * The index of the first highest value of a series up to any day, in O(1) after one pass:
 * history asks for the ON RRP peak "of all data ≤ as-of" on each of ~2,000 days, and a
 * scan per day made that quadratic (issue 7: no quadratic recomputation).
 */
import { item } from './arrays.ts';

/**
 * Prefix arg-max by buffer (element k is the first index of the maximum of [0, k]), kept
 * by whoever owns the run: a history passes one to every day's Context, so the engine
 * holds no module-level state.
 */
export class PrefixMax {
  private readonly memo = new WeakMap<ArrayBufferLike, Int32Array>();

  /**
   * The index of the first maximum of `values`. Series are immutable once loaded and the
   * as-of views are prefixes (subarrays from 0) of one buffer, so the prefix arg-max of the
   * whole buffer answers every view; any other array is scanned.
   */
  firstMaxIndex(values: Float64Array): number {
    if (values.length === 0) return -1;
    if (values.byteOffset !== 0) return scan(values);
    let prefix = this.memo.get(values.buffer);
    if (prefix === undefined) {
      const whole = new Float64Array(values.buffer, 0, values.buffer.byteLength / Float64Array.BYTES_PER_ELEMENT);
      prefix = new Int32Array(whole.length);
      for (let i = 1; i < whole.length; i++) {
        const best = item(prefix, i - 1);
        prefix[i] = item(whole, i) > item(whole, best) ? i : best;
      }
      this.memo.set(values.buffer, prefix);
    }
    return item(prefix, values.length - 1);
  }
}

function scan(values: Float64Array): number {
  let at = 0;
  for (let i = 1; i < values.length; i++) if (item(values, i) > item(values, at)) at = i;
  return at;
}
