/**
 * Derived series (docs/data.md, Derived series): the corridor and EFFR filled in by dated rules where the
 * user's own series does not reach, each derived value flagged so it is labelled
 * `derived` wherever it is shown. Facts from the FOMC's implementation notes (see
 * fixtures/SOURCES.md): the bottom of the range is the top − 25 bp; the SRF minimum bid
 * is the top since the facility began on 2021-07-28; the ON RRP rate is the bottom, + 5 bp
 * from 2021-06-17 to 2024-12-18; IOER (the IORB of before 2021-07-29) is the top less the
 * FOMC's technical adjustments (IOER_STEPS).
 */
import { SERIES, type SeriesName } from '../domain/catalog.ts';
import { dayFromCivil, type Day } from '../domain/dates.ts';
import { indexAtOrBefore, type Series, type SeriesSet } from '../domain/series.ts';
import { firstItem, item } from './_lib/arrays.ts';

const SRF_START: Day = dayFromCivil(2021, 7, 28);
const RRP_ADDON_FROM: Day = dayFromCivil(2021, 6, 17);
const RRP_ADDON_TO: Day = dayFromCivil(2024, 12, 18);

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/**
 * IOER relative to the top of the target range, from each date on (FOMC implementation
 * notes): equal to the top from the range's start on 2008-12-16, then the technical
 * adjustments that kept the fed funds rate inside the range. IORB replaced IOER on
 * 2021-07-29, so nothing is derived from then on. Held day by day to FRED's IOER.xlsx in
 * derive.test.ts.
 */
const IOER_STEPS: readonly (readonly [Day, number])[] = [
  [dayFromCivil(2008, 12, 16), 0],
  [dayFromCivil(2018, 6, 14), -0.05],
  [dayFromCivil(2018, 12, 20), -0.1],
  [dayFromCivil(2019, 5, 2), -0.15],
  [dayFromCivil(2019, 9, 19), -0.2],
  [dayFromCivil(2020, 1, 30), -0.15],
  [dayFromCivil(2021, 6, 17), -0.1],
];
const IORB_START: Day = dayFromCivil(2021, 7, 29);

/**
 * Days on which FRED's target range already shows a decision announced that afternoon,
 * while IOER changed the next day, as the Fed's rates then took effect: the hikes of
 * 2015-12-16 and 2016-12-14 (IOER 0.25 and 0.50 on those days, the new top 0.50 and 0.75).
 * On them IOER is derived from the top of the day before.
 */
const TOP_AHEAD_OF_IOER: readonly Day[] = [dayFromCivil(2015, 12, 16), dayFromCivil(2016, 12, 14)];

/** The loaded series plus every derived one; pure. */
export function deriveSeries(loaded: SeriesSet): Map<SeriesName, Series> {
  const out = new Map(loaded);
  const upper = out.get('target_upper');
  if (upper !== undefined) {
    // Loops rather than map(): a callback per value is what costs on cold code (start-up, see Performance in the README).
    const bottom = new Float64Array(upper.values.length);
    for (let i = 0; i < bottom.length; i++) bottom[i] = round6(item(upper.values, i) - 0.25);
    fill(out, 'target_lower', upper.dates, bottom);
    const from = countBefore(upper.dates, SRF_START);
    if (from < upper.dates.length) fill(out, 'srf_rate', upper.dates.subarray(from), upper.values.subarray(from));
    const ioer = derivedIoer(upper);
    if (ioer.dates.length > 0) fill(out, 'iorb', ioer.dates, ioer.values);
  }
  const lower = out.get('target_lower');
  if (lower !== undefined) {
    const rrp = new Float64Array(lower.values.length);
    for (let i = 0; i < rrp.length; i++) {
      const day = item(lower.dates, i);
      rrp[i] = round6(item(lower.values, i) + (day >= RRP_ADDON_FROM && day <= RRP_ADDON_TO ? 0.05 : 0));
    }
    fill(out, 'rrp_rate', lower.dates, rrp);
  }
  const dff = out.get('dff');
  const sofr = out.get('sofr');
  if (dff !== undefined && sofr !== undefined) {
    // EFFR from FRED's 7-day DFF, on SOFR business days only: DFF repeats Friday over weekends.
    const { dates, values } = onDatesOf(dff, sofr.dates);
    fill(out, 'effr', dates, values);
  }
  return out;
}

/** IOER by the FOMC's rule on the target range's dates from 2008-12-16 to 2021-07-28. */
function derivedIoer(upper: Series): { dates: Int32Array; values: Float64Array } {
  const from = countBefore(upper.dates, IOER_STEPS[0]?.[0] as Day);
  const to = countBefore(upper.dates, IORB_START);
  const dates = upper.dates.subarray(from, Math.max(from, to));
  const values = new Float64Array(dates.length);
  let step = 0;
  for (let k = 0; k < dates.length; k++) {
    const day = dates[k] as number;
    while (step + 1 < IOER_STEPS.length && day >= (IOER_STEPS[step + 1]?.[0] as Day)) step++;
    const i = from + k;
    // The day before's top, on the two days FRED's range moved ahead of IOER (when that day is in the data).
    const top = TOP_AHEAD_OF_IOER.includes(day) && i > 0 && upper.dates[i - 1] === day - 1 ? upper.values[i - 1] : upper.values[i];
    values[k] = round6((top as number) + (IOER_STEPS[step]?.[1] as number));
  }
  return { dates, values };
}

/** The observations of `series` on the given dates (both sorted): a merge, not a lookup per date. */
function onDatesOf(series: Series, wanted: Int32Array): { dates: Int32Array; values: Float64Array } {
  const dates = new Int32Array(Math.min(series.dates.length, wanted.length));
  const values = new Float64Array(dates.length);
  let kept = 0;
  let i = 0;
  for (let w = 0; w < wanted.length && i < series.dates.length; w++) {
    const day = item(wanted, w);
    while (i < series.dates.length && item(series.dates, i) < day) i++;
    if (i < series.dates.length && series.dates[i] === day) {
      dates[kept] = day;
      values[kept] = item(series.values, i);
      kept++;
    }
  }
  return { dates: dates.subarray(0, kept), values: values.subarray(0, kept) };
}

/**
 * Adds the derived points (`dates`, `values`) wherever the user's series does not cover
 * them: before its first observation, or past its staleness limit after its last one on
 * or before the date (so a gap inside the series is filled too). Judged from earlier
 * observations only: data dated later never change what is derived for a day, so
 * `--as-of` cannot look ahead.
 *
 * The uncovered dates come in runs, one before the user's series and one after each of its
 * gaps longer than the limit, so they are found gap by gap with binary searches and copied
 * run by run: this runs on every start-up, on cold code (see Performance in the README).
 */
function fill(out: Map<SeriesName, Series>, name: SeriesName, dates: Int32Array, values: Float64Array): void {
  const own = out.get(name);
  const ownDates = own?.dates ?? new Int32Array(0);
  const ownValues = own?.values ?? new Float64Array(0);
  const limit = SERIES[name].staleAfterDays;
  const runs = uncoveredRuns(ownDates, dates, limit);
  if (runs.length === 0) return;
  const pickedCount = runs.reduce((n, [lo, hi]) => n + hi - lo, 0);
  const total = ownDates.length + pickedCount;
  const merged = { dates: new Int32Array(total), values: new Float64Array(total), derived: new Uint8Array(total) };
  // Own points and derived runs never share a date (a run lies between own points): each
  // own stretch before a run is copied, then the run.
  let k = 0;
  let a = 0;
  const copyOwn = (to: number): void => {
    merged.dates.set(ownDates.subarray(a, to), k);
    merged.values.set(ownValues.subarray(a, to), k);
    if (own?.derived) merged.derived.set(own.derived.subarray(a, to), k);
    k += to - a;
    a = to;
  };
  for (const [lo, hi] of runs) {
    copyOwn(countBefore(ownDates, item(dates, lo)));
    merged.dates.set(dates.subarray(lo, hi), k);
    merged.values.set(values.subarray(lo, hi), k);
    merged.derived.fill(1, k, k + hi - lo);
    k += hi - lo;
  }
  copyOwn(ownDates.length);
  out.set(name, { name, ...merged, sources: own?.sources ?? [] });
}

/**
 * The index ranges [lo, hi) of `dates` that `own` does not cover: those before its first
 * date, and those more than `limit` days after an own date and before the next one.
 */
function uncoveredRuns(own: Int32Array, dates: Int32Array, limit: number): [number, number][] {
  const runs: [number, number][] = [];
  const add = (lo: number, hi: number): void => {
    if (lo < hi) runs.push([lo, hi]);
  };
  if (own.length === 0) {
    add(0, dates.length);
    return runs;
  }
  add(0, countBefore(dates, firstItem(own)));
  for (let j = 0; j < own.length; j++) {
    const next = j + 1 < own.length ? item(own, j + 1) : Infinity;
    const stale = item(own, j) + limit + 1; // the first day the point at j no longer covers
    if (next > stale) add(countBefore(dates, stale), next === Infinity ? dates.length : countBefore(dates, next));
  }
  return runs;
}

/** How many of the sorted dates are before `day`. */
function countBefore(dates: Int32Array, day: number): number {
  return indexAtOrBefore(dates, day - 1) + 1;
}
