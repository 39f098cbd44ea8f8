/**
 * What an indicator may see on its as-of date: every series cut at the as-of date (or at
 * what was published by then), the business-day calendar (the dates SOFR was observed),
 * and look-ups of the latest observation on or before a day (carry-forward).
 */
import { SERIES, type SeriesName } from '../../domain/catalog.ts';
import { formatDay, type Day } from '../../domain/dates.ts';
import { indexAtOrBefore, type Series, type SeriesSet } from '../../domain/series.ts';
import type { InputUse, StaleInput } from '../types.ts';
import { PrefixMax } from './peak.ts';
import { item } from './arrays.ts';

export interface Point {
  readonly series: SeriesName;
  readonly date: Day;
  readonly value: number;
  readonly derived: boolean;
}

const EMPTY_DAYS = new Int32Array(0);

/**
 * Work the days of one history run share, each entry reading only data that every later
 * day sees the same (with or without --as-published).
 */
export interface RunMemo {
  /** Running maxima of the series. */
  readonly peaks: PrefixMax;
  /** Each business day's calendar pop once worked out (it reads only data dated on or before it). */
  readonly pops: Map<Day, number | null>;
  /** Each week's mean EFFR − IORB for reserve demand; kept only for weeks a full week old, when every print of them is out. */
  readonly weekSpreads: Map<Day, { spreadBp: number; regimeBp: number } | null>;
}

export function newRunMemo(): RunMemo {
  return { peaks: new PrefixMax(), pops: new Map(), weekSpreads: new Map() };
}

export class Context {
  /** Business days (SOFR observation dates) up to and including the as-of date. */
  readonly businessDays: Int32Array;

  constructor(
    /** The series as visible on the as-of date (only get() is used). */
    readonly series: Pick<SeriesSet, 'get'>,
    readonly asOf: Day,
    /** What the days of one history run share (a fresh one for a single day). */
    readonly memo: RunMemo = newRunMemo(),
  ) {
    this.businessDays = series.get('sofr')?.dates ?? EMPTY_DAYS;
  }

  has(name: SeriesName): boolean {
    return (this.series.get(name)?.dates.length ?? 0) > 0;
  }

  /** The latest observation on or before `day`: step and slow series carry forward. */
  at(name: SeriesName, day: Day): Point | null {
    const series = this.series.get(name);
    if (series === undefined) return null;
    const i = indexAtOrBefore(series.dates, day);
    return i < 0 ? null : pointAt(series, i);
  }

  /** The observation dated exactly `day`, if any. */
  on(name: SeriesName, day: Day): Point | null {
    const point = this.at(name, day);
    return point !== null && point.date === day ? point : null;
  }

  /** The last `n` business days up to the as-of date (fewer when the data are shorter). */
  lastBusinessDays(n: number, skip = 0): Int32Array {
    const end = this.businessDays.length - skip;
    return this.businessDays.subarray(Math.max(0, end - n), Math.max(0, end));
  }

  /** Every observation of a series dated within [from, to]. */
  between(name: SeriesName, from: Day, to: Day): Point[] {
    const series = this.series.get(name);
    if (series === undefined) return [];
    const points: Point[] = [];
    for (let i = indexAtOrBefore(series.dates, from - 1) + 1; i < series.dates.length && item(series.dates, i) <= to; i++) {
      points.push(pointAt(series, i));
    }
    return points;
  }
}

function pointAt(series: Series, i: number): Point {
  return { series: series.name, date: item(series.dates, i), value: item(series.values, i), derived: series.derived?.[i] === 1 };
}

export function toInput(point: Point): InputUse {
  return { series: point.series, date: formatDay(point.date), value: point.value, derived: point.derived };
}

/** Days after which an observation of a series is stale (docs/data.md, Calendar). */
function staleLimitDays(name: SeriesName): number {
  return SERIES[name].staleAfterDays;
}

/** Whether an observation dated `date` is older than its series' staleness limit on the as-of date. */
export function isStale(name: SeriesName, date: Day, asOf: Day): boolean {
  return asOf - date > staleLimitDays(name);
}

/** An input older than its series' staleness limit on the as-of date (docs/data.md, Calendar), or null. */
export function staleness(point: Point, asOf: Day): StaleInput | null {
  if (!isStale(point.series, point.date, asOf)) return null;
  return { series: point.series, date: formatDay(point.date), ageDays: asOf - point.date, limitDays: staleLimitDays(point.series) };
}
