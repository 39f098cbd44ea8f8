/** Shared by the SOFR spreads: the daily spread of SOFR over a carried-forward rate. */
import type { SeriesName } from '../../domain/catalog.ts';
import type { Context } from '../_lib/context.ts';
import { spreadBp } from '../_lib/numbers.ts';

/**
 * SOFR(d) − other(d) in bp for each business day d, `other` carried forward to d;
 * null on a day when `other` has no observation yet.
 */
export function sofrSpreads(ctx: Context, days: Int32Array, other: SeriesName): (number | null)[] {
  const spreads: (number | null)[] = [];
  for (const day of days) {
    const sofr = ctx.on('sofr', day);
    const base = ctx.at(other, day);
    spreads.push(sofr === null || base === null ? null : spreadBp(sofr.value, base.value));
  }
  return spreads;
}
