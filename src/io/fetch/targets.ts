/**
 * What `liq fetch` keeps: one cache file per series (docs/data.md) that has a public source.
 * Only one source of each canonical series goes into the cache (WRESBAL, not also
 * WRBWFRBL; RPONTTLD, not also RPONTSYD), because two sources of one series that differ on
 * a date are a conflict the loader rightly refuses.
 */
import { FRED_IDS, type SeriesName } from '../../domain/catalog.ts';
import type { NyFedFeed, NyFedRate, RateField, RepoField } from './nyfed.ts';

export type Source =
  | { readonly kind: 'fred'; readonly id: string }
  | { readonly kind: 'nyfed'; readonly feed: NyFedFeed }
  | { readonly kind: 'treasury' };

/** Who publishes a source: the offline summary of `liq check --cached` gives one line each. */
export type Publisher = 'FRED' | 'NY Fed' | 'Treasury';

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

/** A reference-rate series from the NY Fed alone, its whole history (FRED copies them, later). */
const nyfedRate = (series: SeriesName, rate: NyFedRate, field: RateField): Target => ({
  column: series,
  series,
  sources: [{ kind: 'nyfed', feed: { kind: 'rate', rate, field } }],
});

const repo = (field: RepoField): Source => ({ kind: 'nyfed', feed: { kind: 'repo', field } });

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
  fred('TLAACBW027SBOG'),
  // The reference rates' distributions and the rates FRED lacks, from their administrator.
  nyfedRate('sofr_p1', 'sofr', 'p1'),
  nyfedRate('sofr_p25', 'sofr', 'p25'),
  nyfedRate('sofr_p75', 'sofr', 'p75'),
  nyfedRate('sofr_p99', 'sofr', 'p99'),
  nyfedRate('sofr_volume', 'sofr', 'volume'),
  nyfedRate('effr_p1', 'effr', 'p1'),
  nyfedRate('effr_p25', 'effr', 'p25'),
  nyfedRate('effr_p75', 'effr', 'p75'),
  nyfedRate('effr_p99', 'effr', 'p99'),
  nyfedRate('effr_volume', 'effr', 'volume'),
  nyfedRate('tgcr', 'tgcr', 'rate'),
  nyfedRate('bgcr', 'bgcr', 'rate'),
  nyfedRate('obfr', 'obfr', 'rate'),
  // FRED has the history; the New York Fed publishes the day's results hours before FRED
  // and is the authority (docs/data.md), so it wins where both give a date.
  { column: 'srf', series: 'srf', sources: [{ kind: 'fred', id: 'RPONTTLD' }, repo('accepted')] },
  { column: 'srf_submitted', series: 'srf_submitted', sources: [repo('submitted')] },
  // The SRF's published rate; before the NY Fed's recent year liq derives it from the target range.
  { column: 'srf_rate', series: 'srf_rate', sources: [repo('rate')] },
  { column: 'tga_daily', series: 'tga_daily', sources: [{ kind: 'treasury' }] },
];

export const fileOf = (target: Target): string => `${target.column}.csv`;

export const publisherOf = (source: Source): Publisher => (source.kind === 'fred' ? 'FRED' : source.kind === 'nyfed' ? 'NY Fed' : 'Treasury');

/** The publisher of a target's authoritative source (the last, which wins on a shared date). */
export const publisherOfTarget = (target: Target): Publisher => publisherOf(target.sources[target.sources.length - 1] as Source);

/**
 * The targets a list of names picks (a cache column such as SOFR, or a series such as
 * iorb, which picks IORB and IOER), in TARGETS order; all of them for no names.
 * @returns the targets, or the first name that picks none.
 */
export function selectTargets(names: readonly string[]): { targets: Target[] } | { unknown: string } {
  if (names.length === 0) return { targets: [...TARGETS] };
  const wanted = new Set<Target>();
  for (const name of names) {
    const key = name.trim().toLowerCase();
    const picked = TARGETS.filter((t) => t.column.toLowerCase() === key || t.series === key);
    if (picked.length === 0) return { unknown: name };
    for (const t of picked) wanted.add(t);
  }
  return { targets: TARGETS.filter((t) => wanted.has(t)) };
}
