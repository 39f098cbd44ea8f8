/**
 * Derived series (SPEC §3): the corridor and EFFR filled in by dated rules where the
 * user's own series does not reach, each derived value flagged so it is labelled
 * `derived` wherever it is shown. Facts from the FOMC's implementation notes (see
 * fixtures/SOURCES.md): the bottom of the range is the top − 25 bp; the SRF minimum bid
 * is the top since the facility began on 2021-07-28; the ON RRP rate is the bottom, + 5 bp
 * from 2021-06-17 to 2024-12-18.
 */
import { SERIES, STALE_AFTER_DAYS, type SeriesName } from '../domain/catalog.ts';
import { dayFromCivil, type Day } from '../domain/dates.ts';
import { indexAtOrBefore, type Series, type SeriesSet } from '../domain/series.ts';

export const SRF_START: Day = dayFromCivil(2021, 7, 28);
export const RRP_ADDON_FROM: Day = dayFromCivil(2021, 6, 17);
export const RRP_ADDON_TO: Day = dayFromCivil(2024, 12, 18);

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
    const from = indexAtOrAfter(upper.dates, SRF_START);
    if (from >= 0) fill(out, 'srf_rate', upper.dates.subarray(from), upper.values.subarray(from));
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

/** The index of the first date on or after `day`, or -1 if every date is earlier. */
function indexAtOrAfter(dates: Int32Array, day: number): number {
  const before = indexAtOrBefore(dates, day - 1);
  return before + 1 < dates.length ? before + 1 : -1;
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
 */
function fill(out: Map<SeriesName, Series>, name: SeriesName, dates: Int32Array, values: Float64Array): void {
  const own = out.get(name);
  const ownDates = own?.dates ?? new Int32Array(0);
  const ownValues = own?.values ?? new Float64Array(0);
  const ownDerived = own?.derived ?? null;
  const limit = STALE_AFTER_DAYS[SERIES[name].frequency];
  const ownCount = ownDates.length;
  const picked = new Int32Array(dates.length);
  let pickedCount = 0;
  let last = -1; // index of the user's last observation on or before the date
  for (let i = 0; i < dates.length; i++) {
    const day = dates[i] as number;
    while (last + 1 < ownCount && (ownDates[last + 1] as number) <= day) last++;
    if (last < 0 || day - (ownDates[last] as number) > limit) picked[pickedCount++] = i;
  }
  if (pickedCount === 0) return;
  const total = ownCount + pickedCount;
  const merged = { dates: new Int32Array(total), values: new Float64Array(total), derived: new Uint8Array(total) };
  // Two sorted runs with no date in common (a derived date has no own point): merge them.
  let a = 0;
  let b = 0;
  for (let k = 0; k < total; k++) {
    const ownDay = a < ownCount ? (ownDates[a] as number) : Infinity;
    const derivedDay = b < pickedCount ? (dates[picked[b] as number] as number) : Infinity;
    if (ownDay <= derivedDay) {
      merged.dates[k] = ownDay;
      merged.values[k] = ownValues[a] as number;
      merged.derived[k] = ownDerived === null ? 0 : (ownDerived[a] as number);
      a++;
    } else {
      merged.dates[k] = derivedDay;
      merged.values[k] = values[picked[b] as number] as number;
      merged.derived[k] = 1;
      b++;
    }
  }
  out.set(name, { name, ...merged, sources: own?.sources ?? [] });
}
