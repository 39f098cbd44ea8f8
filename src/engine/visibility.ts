/**
 * Which observations were known on the as-of date (SPEC §3). Without --as-published,
 * everything dated on or before it; with it, only what had been published by that morning.
 */
import type { SeriesName } from '../domain/catalog.ts';
import type { Day } from '../domain/dates.ts';
import { indexAtOrBefore, type Series, type SeriesSet } from '../domain/series.ts';

/**
 * Days before the as-of date D that an observation must be dated to have been public on
 * the morning of D: daily market data the next morning (d < D), H.4.1 weekly data on the
 * Thursday after its Wednesday (W + 1 < D), GDP about a month after its quarter ends
 * (q + 120 < D), policy rates announced before they take effect (≤ D).
 */
export const PUBLICATION_LAG_DAYS: Record<SeriesName, number> = {
  sofr: 1, effr: 1, dff: 1, rrp: 1, srf: 1, sofr_p99: 1,
  reserves: 2, tga: 2, fed_assets: 2,
  gdp: 121,
  iorb: 0, rrp_rate: 0, srf_rate: 0, target_lower: 0, target_upper: 0,
};

export function lastVisibleDay(name: SeriesName, asOf: Day, asPublished: boolean): Day {
  return asPublished ? asOf - PUBLICATION_LAG_DAYS[name] : asOf;
}

/** Every series cut at what was visible on the as-of date (views, not copies). */
export function visibleAt(all: SeriesSet, asOf: Day, asPublished: boolean): Map<SeriesName, Series> {
  const out = new Map<SeriesName, Series>();
  for (const [name, series] of all) {
    const end = indexAtOrBefore(series.dates, lastVisibleDay(name, asOf, asPublished)) + 1;
    if (end === 0) continue;
    out.set(name, {
      ...series,
      dates: series.dates.subarray(0, end),
      values: series.values.subarray(0, end),
      derived: series.derived?.subarray(0, end) ?? null,
    });
  }
  return out;
}
