/**
 * Least squares of y on x with a separate intercept for each group, and the slope's
 * Newey–West (HAC) standard error: the regression behind reserve_demand.
 *
 * With one intercept per group the slope is the within-group slope (Frisch–Waugh–Lovell):
 * x and y are demeaned inside each group and y is regressed on x through the origin. The
 * slope's score for observation t is x̃ₜ·eₜ, so its HAC variance is
 *   ( Σ uₜ² + 2 Σₗ (1 − l/(L+1)) Σ uₜ·uₜ₋ₗ ) / (Σ x̃ₜ²)²,   uₜ = x̃ₜ·eₜ,
 * with the Bartlett weights of Newey and West (1987). Lags count in periods of `t`, not in
 * positions, so an observation left out (a week spanning a regime change) does not pull
 * two weeks a fortnight apart into lag 1.
 */

export interface RegressionPoint {
  /** The period (e.g. a week number): lags are differences of t. */
  readonly t: number;
  readonly x: number;
  readonly y: number;
  /** Observations with the same group share an intercept. */
  readonly group: number;
}

export interface GroupedFit {
  readonly slope: number;
  /** Newey–West standard error of the slope. */
  readonly se: number;
  /** Share of the within-group variation of y that the slope explains (1 − SSR/SST within groups). */
  readonly r2: number;
  readonly n: number;
  readonly groups: number;
}

/**
 * The within-group slope and its HAC standard error, or null when x does not vary inside
 * any group (no slope can be estimated).
 * @throws If lags is negative or not an integer, because the Bartlett weights need 0, 1, 2, …
 */
export function groupedSlope(points: readonly RegressionPoint[], lags: number): GroupedFit | null {
  if (!Number.isInteger(lags) || lags < 0) throw new Error(`lags "${lags}" must be an integer ≥ 0`);
  const sums = new Map<number, { x: number; y: number; n: number }>();
  for (const p of points) {
    const s = sums.get(p.group) ?? { x: 0, y: 0, n: 0 };
    s.x += p.x;
    s.y += p.y;
    s.n += 1;
    sums.set(p.group, s);
  }
  const sorted = [...points].sort((a, b) => a.t - b.t);
  const xt = new Float64Array(sorted.length);
  const yt = new Float64Array(sorted.length);
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  sorted.forEach((p, i) => {
    const s = sums.get(p.group) as { x: number; y: number; n: number };
    const x = p.x - s.x / s.n;
    const y = p.y - s.y / s.n;
    xt[i] = x;
    yt[i] = y;
    sxx += x * x;
    sxy += x * y;
    syy += y * y;
  });
  // Relative to the data's own scale: demeaning leaves rounding dust where x is constant.
  const scale = sorted.reduce((m, p) => Math.max(m, Math.abs(p.x)), 0);
  if (sorted.length === 0 || sxx <= (scale * 1e-12) ** 2 * sorted.length) return null;
  const slope = sxy / sxx;
  const u = new Float64Array(sorted.length);
  let ssr = 0;
  for (let i = 0; i < sorted.length; i++) {
    const e = (yt[i] as number) - slope * (xt[i] as number);
    ssr += e * e;
    u[i] = (xt[i] as number) * e;
  }
  let meat = 0;
  for (let i = 0; i < sorted.length; i++) {
    const ui = u[i] as number;
    meat += ui * ui;
    const ti = (sorted[i] as RegressionPoint).t;
    // Earlier points within `lags` periods; sorted by t, so walk back until too far.
    for (let j = i - 1; j >= 0; j--) {
      const lag = ti - (sorted[j] as RegressionPoint).t;
      if (lag > lags) break;
      if (lag >= 1) meat += 2 * (1 - lag / (lags + 1)) * ui * (u[j] as number);
    }
  }
  const se = Math.sqrt(Math.max(0, meat)) / sxx;
  return { slope, se, r2: syy > 0 ? 1 - ssr / syy : 0, n: sorted.length, groups: sums.size };
}
