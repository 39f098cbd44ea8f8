/**
 * Funding episodes: the bundled September 2019 reference that `liq compare` and the report
 * measure today against (built by scripts/make-reference.ts), and the episodes the backtest
 * reports lead times for, besides those in the config. Dates are the episodes' worst days
 * (facts: fixtures/SOURCES.md).
 */
import reference2019 from '../reference/episode-2019-09.json' with { type: 'json' };
import type { EpisodeReference } from './compare.ts';

/** The eve (2019-09-16) and spike (2019-09-17) of the September 2019 repo spike, as computed from the bundled data. */
export const REFERENCE_2019: EpisodeReference = reference2019 as EpisodeReference;

export interface KnownEpisode {
  readonly name: string;
  readonly date: string;
}

export const KNOWN_EPISODES: readonly KnownEpisode[] = [
  { name: '2019-09 repo spike', date: '2019-09-17' },
  { name: '2020-03 dash for cash', date: '2020-03-16' },
  { name: '2025-10 month-end, SRF 50 bn', date: '2025-10-31' },
];
