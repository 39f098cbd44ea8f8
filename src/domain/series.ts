import type { SeriesName } from './catalog.ts';
import type { Day } from './dates.ts';

/** Where one file's column fed a series, and in which unit it was read. */
export interface SeriesSource {
  readonly file: string;
  readonly column: string;
  /** The unit the file's values were in, before conversion to the canonical unit. */
  readonly unit: string;
  /** How the unit was decided, e.g. "FRED WALCL", "declared", "1,150 of 1,197 values > 20,000". */
  readonly unitBasis: string;
  /** The earliest date this source gave an observation for. */
  readonly first: Day;
}

/**
 * One loaded series: strictly increasing dates and their values in the canonical unit.
 * Typed arrays keep a million rows compact.
 */
export interface Series {
  readonly name: SeriesName;
  readonly dates: Int32Array;
  readonly values: Float64Array;
  /** 1 where the value was derived by a dated rule (docs/data.md) rather than read; null if none was. */
  readonly derived: Uint8Array | null;
  readonly sources: readonly SeriesSource[];
}

export type SeriesSet = ReadonlyMap<SeriesName, Series>;

/** Index of the last date ≤ day, or -1 when every date is later. */
export function indexAtOrBefore(dates: Int32Array, day: Day): number {
  let lo = 0;
  let hi = dates.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((dates[mid] as number) <= day) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
