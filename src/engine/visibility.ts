/**
 * Which observations were known on the as-of date (docs/data.md, Publication lags). Without --as-published,
 * everything dated on or before it; with it, only what had been published by that morning.
 */
import type { SeriesName } from '../domain/catalog.ts';
import type { Day } from '../domain/dates.ts';
import { indexAtOrBefore, type Series, type SeriesSet } from '../domain/series.ts';

/**
 * Days before the as-of date D that an observation must be dated to have been public on
 * the morning of D: daily market data the next morning (d < D), H.4.1 weekly data on the
 * Thursday after its Wednesday (W + 1 < D), GDP about a month after its quarter ends
 * (q + 120 < D), policy rates announced before they take effect (≤ D). The Daily
 * Treasury Statement comes out the next afternoon (d < D); H.8 bank assets dated
 * Wednesday W on the Friday of the week after (W + 9 < D).
 */
export const PUBLICATION_LAG_DAYS: Record<SeriesName, number> = {
  sofr: 1, effr: 1, dff: 1, rrp: 1, srf: 1, srf_submitted: 1, tga_daily: 1,
  sofr_p1: 1, sofr_p25: 1, sofr_p75: 1, sofr_p99: 1, sofr_volume: 1,
  effr_p1: 1, effr_p25: 1, effr_p75: 1, effr_p99: 1, effr_volume: 1,
  obfr: 1, tgcr: 1, bgcr: 1,
  reserves: 2, tga: 2, fed_assets: 2,
  bank_assets: 10,
  gdp: 121,
  iorb: 0, rrp_rate: 0, srf_rate: 0, target_lower: 0, target_upper: 0,
};

export function lastVisibleDay(name: SeriesName, asOf: Day, asPublished: boolean): Day {
  return asPublished ? asOf - PUBLICATION_LAG_DAYS[name] : asOf;
}

/** One series cut at what was visible on the as-of date (a view, not a copy); undefined if nothing was. */
function visibleSeries(series: Series, asOf: Day, asPublished: boolean): Series | undefined {
  const end = indexAtOrBefore(series.dates, lastVisibleDay(series.name, asOf, asPublished)) + 1;
  if (end === 0) return undefined;
  if (end === series.dates.length) return series;
  return {
    ...series,
    dates: series.dates.subarray(0, end),
    values: series.values.subarray(0, end),
    derived: series.derived?.subarray(0, end) ?? null,
  };
}

/** Every series cut at what was visible on the as-of date. */
export function visibleAt(all: SeriesSet, asOf: Day, asPublished: boolean): Map<SeriesName, Series> {
  const out = new Map<SeriesName, Series>();
  for (const series of all.values()) {
    const cut = visibleSeries(series, asOf, asPublished);
    if (cut !== undefined) out.set(series.name, cut);
  }
  return out;
}

/**
 * The same cut, made only for the series an indicator asks for: judging one indicator on
 * each of 2,000 days then cuts two or three series a day, not fifteen.
 */
export class LazyVisible implements Pick<SeriesSet, 'get'> {
  private readonly cut = new Map<SeriesName, Series | undefined>();

  constructor(
    private readonly all: SeriesSet,
    private readonly asOf: Day,
    private readonly asPublished: boolean,
  ) {}

  get(name: SeriesName): Series | undefined {
    if (!this.cut.has(name)) {
      const series = this.all.get(name);
      this.cut.set(name, series === undefined ? undefined : visibleSeries(series, this.asOf, this.asPublished));
    }
    return this.cut.get(name);
  }
}
