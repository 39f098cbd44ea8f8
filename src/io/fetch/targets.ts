/**
 * What `liq fetch` keeps: one cache file per series (docs/data.md) that has a public source.
 * Only one source of each canonical series goes into the cache (WRESBAL, not also
 * WRBWFRBL; RPONTTLD, not also RPONTSYD), because two sources of one series that differ on
 * a date are a conflict the loader rightly refuses.
 */
import { FRED_IDS, type SeriesName } from '../../domain/catalog.ts';
import type { NyFedFeed } from './nyfed.ts';

export type Source = { readonly kind: 'fred'; readonly id: string } | { readonly kind: 'nyfed'; readonly feed: NyFedFeed };

export interface Target {
  /** The cache file's column, which names the series to the loader: a FRED id or a canonical name. */
  readonly column: string;
  readonly series: SeriesName;
  /** Asked in order; where two give the same date, the later one wins. */
  readonly sources: readonly Source[];
  /** Discontinued by its publisher: a cached copy is final and is not asked for again. */
  readonly discontinued?: true;
}

const fred = (id: string): Target => {
  const known = FRED_IDS[id];
  if (known === undefined) throw new Error(`${id} is not in the catalog's FRED_IDS`);
  return { column: id, series: known.series, sources: [{ kind: 'fred', id }] };
};

export const TARGETS: readonly Target[] = [
  fred('SOFR'),
  fred('EFFR'),
  fred('DFF'),
  fred('IORB'),
  // IOER ended on 2021-07-28, the day before IORB began: kept for 2019 comparisons.
  { ...fred('IOER'), discontinued: true },
  fred('RRPONTSYAWARD'),
  fred('DFEDTARL'),
  fred('DFEDTARU'),
  fred('WRESBAL'),
  fred('WTREGEN'),
  fred('RRPONTSYD'),
  fred('WALCL'),
  fred('GDP'),
  // FRED has the history; the New York Fed publishes the day's results hours before FRED
  // and is the authority (docs/data.md), so it wins where both give a date.
  { column: 'srf', series: 'srf', sources: [{ kind: 'fred', id: 'RPONTTLD' }, { kind: 'nyfed', feed: 'repo' }] },
  { column: 'sofr_p99', series: 'sofr_p99', sources: [{ kind: 'fred', id: 'SOFR99' }, { kind: 'nyfed', feed: 'sofr_p99' }] },
];

export const fileOf = (target: Target): string => `${target.column}.csv`;
