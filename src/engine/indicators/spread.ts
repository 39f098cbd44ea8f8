/** Shared by the SOFR spreads: the daily spread of SOFR over a carried-forward rate. */
import type { SeriesName } from '../../domain/catalog.ts';
import type { Context, Point } from '../_lib/context.ts';
import { meanOfAll, spreadBp } from '../_lib/numbers.ts';

/**
 * SOFR(d) − other(d) in bp for each business day d, `other` carried forward to d;
 * null on a day when `other` has no observation yet.
 */
function sofrSpreads(ctx: Context, days: Int32Array, other: SeriesName): (number | null)[] {
  const spreads: (number | null)[] = [];
  for (const day of days) {
    const sofr = ctx.on('sofr', day);
    const base = ctx.at(other, day);
    spreads.push(sofr === null || base === null ? null : spreadBp(sofr.value, base.value));
  }
  return spreads;
}

/** SOFR over `other` across the `window` business days that end `skip` business days before the last. */
export interface SpreadWindow {
  /** The spread on the window's last day. */
  readonly latest: number | null;
  /** The mean spread; null unless all `window` days are there and each has a spread. */
  readonly avg: number | null;
  /** The observations behind the spread on the window's last day. */
  readonly used: Point[];
  /** The window's days and each day's spread. */
  readonly daily: { readonly days: Int32Array; readonly values: readonly (number | null)[] };
}

export function spreadWindow(ctx: Context, other: SeriesName, window: number, skip = 0): SpreadWindow {
  const days = ctx.lastBusinessDays(window, skip);
  const spreads = sofrSpreads(ctx, days, other);
  const lastDay = days.at(-1);
  return {
    latest: spreads.at(-1) ?? null,
    avg: spreads.length === window ? meanOfAll(spreads) : null,
    used: lastDay === undefined ? [] : [ctx.on('sofr', lastDay), ctx.at(other, lastDay)].filter((p) => p !== null),
    daily: { days, values: spreads },
  };
}
