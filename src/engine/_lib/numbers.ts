/**
 * Basis points between two percent rates. Rates carry at most a few decimals, so the
 * difference is rounded to 1e-6 bp: 2.43 − 2.00 is 43 bp, not 43.00000000000001.
 */
export function spreadBp(a: number, b: number): number {
  const steps = (a - b) * 1e8;
  // Half away from zero (Math.round alone sends −0.5 up), so spreadBp(a, b) = −spreadBp(b, a); + 0 turns −0 into 0.
  return (Math.sign(steps) * Math.round(Math.abs(steps))) / 1e6 + 0;
}

/**
 * How a value stands to a level: −1 below, 0 at, 1 above, NaN for NaN. They are at the
 * same place when they agree to 12 significant digits: binary arithmetic leaves noise far
 * below any digit the data carry (a 10-day mean of 25 bp computes as 24.999999999999996),
 * and noise must not decide a status. The metrics themselves keep the computed double:
 * that is the JSON's full precision.
 */
export function versus(value: number, level: number): number {
  const v = Number(value.toPrecision(12));
  const l = Number(level.toPrecision(12));
  return Number.isNaN(v) || Number.isNaN(l) ? Number.NaN : v === l ? 0 : v < l ? -1 : 1;
}

/** Beyond this many decimals a value is not a datum as published but a computed quotient. */
const MAX_DECIMALS = 9;

/** The decimals of a value's shortest form (2848.021 → 3, 25 → 0); more than MAX_DECIMALS for an exponent form. */
function decimalsOf(value: number): number {
  const text = String(Math.abs(value));
  if (text.includes('e')) return MAX_DECIMALS + 1;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * The terms' sum as a whole number of their smallest decimal unit, and that unit's scale;
 * null when a term has too many decimals or the sum would not be exact (past 2^53).
 */
function scaledSum(terms: readonly number[]): { sum: number; scale: number } | null {
  let decimals = 0;
  for (const t of terms) decimals = Math.max(decimals, decimalsOf(t));
  if (decimals > MAX_DECIMALS) return null;
  const scale = 10 ** decimals;
  let sum = 0;
  for (const t of terms) sum += Math.round(t * scale); // t·scale is within noise of a whole number
  return Number.isSafeInteger(sum) ? { sum, scale } : null;
}

/**
 * A sum of data values in their own decimals: the exact decimal result as the nearest
 * double (5577.242 − 5710 is −132.758, where binary arithmetic gives −132.7579999999998).
 * So a metric is full precision without noise, and a change of exactly 300 bn is 300.
 * Terms with more than 9 decimals are summed as doubles.
 */
export function decimalSum(terms: readonly number[]): number {
  const scaled = scaledSum(terms);
  if (scaled === null) return terms.reduce((a, b) => a + b, 0);
  return scaled.sum / scaled.scale + 0; // + 0: −0 is 0
}

/** a − b in the values' own decimals (decimalSum). */
export function decimalDifference(a: number, b: number): number {
  return decimalSum([a, -b]);
}

/**
 * Mean of every value, or null if any is missing: a mean over a window needs every day
 * (docs/indicators.md). One division of the exact decimal sum, so the mean of spreads
 * summing to 250.0 bp over 10 days is 25, not 24.999999999999996.
 */
export function meanOfAll(values: readonly (number | null)[]): number | null {
  if (values.length === 0) return null;
  const present: number[] = [];
  for (const v of values) {
    if (v === null) return null;
    present.push(v);
  }
  const scaled = scaledSum(present);
  if (scaled === null) return present.reduce((a, b) => a + b, 0) / present.length;
  return scaled.sum / (scaled.scale * present.length) + 0;
}
