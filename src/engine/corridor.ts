/**
 * The policy-rate corridor over a span of days, for the report's corridor chart: SOFR on
 * each of its business days with the administered rates in force that day (the ON RRP
 * rate, IORB, the SRF rate, the target range) and, where the data hold them, SOFR's 1st
 * and 99th percentiles; and the SRF take-up of each day it was reported. Pure: series in,
 * plain values out.
 */
import type { SeriesName } from '../domain/catalog.ts';
import { formatDay, type Day } from '../domain/dates.ts';
import type { SeriesSet } from '../domain/series.ts';
import { Context, isStale } from './_lib/context.ts';

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

const ADMINISTERED: readonly (readonly [CorridorRate, SeriesName])[] = [
  ['rrpRate', 'rrp_rate'],
  ['iorb', 'iorb'],
  ['srfRate', 'srf_rate'],
  ['targetLower', 'target_lower'],
  ['targetUpper', 'target_upper'],
];

/** The corridor on every SOFR date in [from, to]. */
export function corridorHistory(all: SeriesSet, from: Day, to: Day): CorridorPoint[] {
  const ctx = new Context(all, to);
  return ctx.between('sofr', from, to).map((sofr): CorridorPoint => {
    const day = sofr.date;
    const rates = {} as Record<CorridorRate, number | null>;
    const staleRates: CorridorRate[] = [];
    for (const [field, name] of ADMINISTERED) {
      // The rate in force that day: the last at or before it, flagged past its staleness limit.
      const rate = ctx.at(name, day);
      rates[field] = rate?.value ?? null;
      if (rate !== null && isStale(name, rate.date, day)) staleRates.push(field);
    }
    return { date: formatDay(day), sofr: sofr.value, ...rates, p1: ctx.on('sofr_p1', day)?.value ?? null, p99: ctx.on('sofr_p99', day)?.value ?? null, staleRates };
  });
}

/** Each reported day of SRF / repo-operation take-up in [from, to]. */
export function takeUpHistory(all: SeriesSet, from: Day, to: Day): TakeUpPoint[] {
  return new Context(all, to).between('srf', from, to).map((p) => ({ date: formatDay(p.date), value: p.value }));
}
