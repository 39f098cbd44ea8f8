/**
 * Reads of typed arrays at indices the caller has already bounds-checked (a loop bound, a
 * binary search). With noUncheckedIndexedAccess a read is `number | undefined`; these say
 * once, here, that a missing element is a bug — and throw rather than compute with NaN.
 */
type Numbers = ArrayLike<number>;

/** The element at `i`, which must exist. */
export function item(values: Numbers, i: number): number {
  const v = values[i];
  if (v === undefined) throw new RangeError(`index ${i} outside an array of ${values.length}`);
  return v;
}

/** The first element; the array must not be empty. */
export function firstItem(values: Numbers): number {
  return item(values, 0);
}

/** The last element; the array must not be empty. */
export function lastItem(values: Numbers): number {
  return item(values, values.length - 1);
}
