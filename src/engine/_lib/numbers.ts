/**
 * Basis points between two percent rates. Rates carry at most a few decimals, so the
 * difference is rounded to 1e-6 bp: 2.43 − 2.00 is 43 bp, not 43.00000000000001.
 */
export function spreadBp(a: number, b: number): number {
  const steps = (a - b) * 1e8;
  // Half away from zero (Math.round alone sends −0.5 up), so spreadBp(a, b) = −spreadBp(b, a); + 0 turns −0 into 0.
  return (Math.sign(steps) * Math.round(Math.abs(steps))) / 1e6 + 0;
}

/** Drops binary floating-point noise beyond 12 significant digits (26.900000000000002 → 26.9). */
export function clean(value: number | null): number | null {
  return value === null ? null : Number(value.toPrecision(12));
}

/** Mean of every value, or null if any is missing: a mean over a window needs every day (docs/indicators.md). */
export function meanOfAll(values: readonly (number | null)[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) {
    if (v === null) return null;
    sum += v;
  }
  return sum / values.length;
}
