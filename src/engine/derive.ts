/**
 * Derived series (SPEC §3): the corridor and EFFR filled in by dated rules where the
 * user's own series does not reach, each derived value flagged so it is labelled
 * `derived` wherever it is shown. Facts from the FOMC's implementation notes (see
 * fixtures/SOURCES.md): the bottom of the range is the top − 25 bp; the SRF minimum bid
 * is the top since the facility began on 2021-07-28; the ON RRP rate is the bottom, + 5 bp
 * from 2021-06-17 to 2024-12-18.
 */
import { SERIES, type SeriesName } from '../domain/catalog.ts';
import { dayFromCivil, type Day } from '../domain/dates.ts';
import { indexAtOrBefore, type Series, type SeriesSet } from '../domain/series.ts';

const SRF_START: Day = dayFromCivil(2021, 7, 28);
const RRP_ADDON_FROM: Day = dayFromCivil(2021, 6, 17);
const RRP_ADDON_TO: Day = dayFromCivil(2024, 12, 18);

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/** The loaded series plus every derived one; pure. */
export function deriveSeries(loaded: SeriesSet): Map<SeriesName, Series> {
  const out = new Map(loaded);
  const upper = out.get('target_upper');
  if (upper !== undefined) {
    // Loops rather than map(): a callback per value is what costs on cold code (SPEC §7).
    const bottom = new Float64Array(upper.values.length);
    for (let i = 0; i < bottom.length; i++) bottom[i] = round6((upper.values[i] as number) - 0.25);
    fill(out, 'target_lower', upper.dates, bottom);
    const from = countBefore(upper.dates, SRF_START);
    if (from < upper.dates.length) fill(out, 'srf_rate', upper.dates.subarray(from), upper.values.subarray(from));
  }
  const lower = out.get('target_lower');
  if (lower !== undefined) {
    const rrp = new Float64Array(lower.values.length);
    for (let i = 0; i < rrp.length; i++) {
      const day = lower.dates[i] as number;
      rrp[i] = round6((lower.values[i] as number) + (day >= RRP_ADDON_FROM && day <= RRP_ADDON_TO ? 0.05 : 0));
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


/** The observations of `series` on the given dates (both sorted): a merge, not a lookup per date. */
function onDatesOf(series: Series, wanted: Int32Array): { dates: Int32Array; values: Float64Array } {
  const dates = new Int32Array(Math.min(series.dates.length, wanted.length));
  const values = new Float64Array(dates.length);
  let kept = 0;
  let i = 0;
  for (let w = 0; w < wanted.length && i < series.dates.length; w++) {
    const day = wanted[w] as number;
    while (i < series.dates.length && (series.dates[i] as number) < day) i++;
    if (i < series.dates.length && series.dates[i] === day) {
      dates[kept] = day;
      values[kept] = series.values[i] as number;
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
 * run by run: this runs on every start-up, on cold code (SPEC §7).
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
    copyOwn(countBefore(ownDates, dates[lo] as number));
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
  add(0, countBefore(dates, own[0] as number));
  for (let j = 0; j < own.length; j++) {
    const next = j + 1 < own.length ? (own[j + 1] as number) : Infinity;
    const stale = (own[j] as number) + limit + 1; // the first day the point at j no longer covers
    if (next > stale) add(countBefore(dates, stale), next === Infinity ? dates.length : countBefore(dates, next));
  }
  return runs;
}

/** How many of the sorted dates are before `day`. */
function countBefore(dates: Int32Array, day: number): number {
  return indexAtOrBefore(dates, day - 1) + 1;
}
