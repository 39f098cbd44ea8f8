/**
 * The policy-rate corridor over a span of days, for the report's corridor chart: SOFR on
 * each of its business days with the administered rates in force that day (the ON RRP
 * rate, IORB, the SRF rate, the target range) and, where the data hold them, SOFR's 1st
 * and 99th percentiles; and the SRF take-up of each day it was reported. Pure: series in,
 * plain values out.
 */
import { SERIES, STALE_AFTER_DAYS, type SeriesName } from '../domain/catalog.ts';
import { formatDay, type Day } from '../domain/dates.ts';
import { indexAtOrBefore, type Series, type SeriesSet } from '../domain/series.ts';

export interface CorridorPoint {
  readonly date: string;
  readonly sofr: number;
  readonly rrpRate: number | null;
  readonly iorb: number | null;
  readonly srfRate: number | null;
  readonly targetLower: number | null;
  readonly targetUpper: number | null;
  /** SOFR's 1st and 99th percentiles of the same day; null where not published or not loaded. */
  readonly p1: number | null;
  readonly p99: number | null;
  /** The administered rates of this day carried forward past their staleness limit. */
  readonly staleRates: readonly CorridorRate[];
}

/** The administered rates of a corridor point, by field name. */
export type CorridorRate = 'rrpRate' | 'iorb' | 'srfRate' | 'targetLower' | 'targetUpper';

export interface TakeUpPoint {
  readonly date: string;
  /** USD bn accepted that day. */
  readonly value: number;
}

/** Percentile series may come later than the catalog of this build: looked up by name. */
function named(all: SeriesSet, name: string): Series | undefined {
  return (all as ReadonlyMap<string, Series>).get(name);
}

/** The value in force on `day` (the last at or before it) and whether it is older than its limit. */
function inForce(series: Series | undefined, day: Day): { value: number | null; stale: boolean } {
  if (series === undefined) return { value: null, stale: false };
  const i = indexAtOrBefore(series.dates, day);
  if (i < 0) return { value: null, stale: false };
  const limit = STALE_AFTER_DAYS[SERIES[series.name].frequency];
  return { value: series.values[i] as number, stale: day - (series.dates[i] as number) > limit };
}

/** The value observed on exactly `day`, or null. */
function onDay(series: Series | undefined, day: Day): number | null {
  if (series === undefined) return null;
  const i = indexAtOrBefore(series.dates, day);
  return i >= 0 && series.dates[i] === day ? (series.values[i] as number) : null;
}

const ADMINISTERED: readonly (readonly [CorridorRate, SeriesName])[] = [
  ['rrpRate', 'rrp_rate'],
  ['iorb', 'iorb'],
  ['srfRate', 'srf_rate'],
  ['targetLower', 'target_lower'],
  ['targetUpper', 'target_upper'],
];

/** The corridor on every SOFR date in [from, to]. */
export function corridorHistory(all: SeriesSet, from: Day, to: Day): CorridorPoint[] {
  const sofr = all.get('sofr');
  if (sofr === undefined) return [];
  const p1 = named(all, 'sofr_p1');
  const p99 = named(all, 'sofr_p99');
  const points: CorridorPoint[] = [];
  for (let i = Math.max(0, indexAtOrBefore(sofr.dates, from - 1) + 1); i < sofr.dates.length; i++) {
    const day = sofr.dates[i] as Day;
    if (day > to) break;
    const rates = {} as Record<CorridorRate, number | null>;
    const staleRates: CorridorRate[] = [];
    for (const [field, name] of ADMINISTERED) {
      const rate = inForce(all.get(name), day);
      rates[field] = rate.value;
      if (rate.stale) staleRates.push(field);
    }
    points.push({ date: formatDay(day), sofr: sofr.values[i] as number, ...rates, p1: onDay(p1, day), p99: onDay(p99, day), staleRates });
  }
  return points;
}

/** Each reported day of SRF / repo-operation take-up in [from, to]. */
export function takeUpHistory(all: SeriesSet, from: Day, to: Day): TakeUpPoint[] {
  const srf = all.get('srf');
  if (srf === undefined) return [];
  const points: TakeUpPoint[] = [];
  for (let i = Math.max(0, indexAtOrBefore(srf.dates, from - 1) + 1); i < srf.dates.length; i++) {
    const day = srf.dates[i] as Day;
    if (day > to) break;
    points.push({ date: formatDay(day), value: srf.values[i] as number });
  }
  return points;
}
