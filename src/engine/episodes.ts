/**
 * Funding episodes the backtest reports lead times for, besides those in the config: data
 * of the engine, beside the bundled 2019 reference (src/reference/episode-2019-09.json).
 * Dates are the episodes' worst days (facts: fixtures/SOURCES.md).
 */
export interface KnownEpisode {
  readonly name: string;
  readonly date: string;
}

export const KNOWN_EPISODES: readonly KnownEpisode[] = [
  { name: '2019-09 repo spike', date: '2019-09-17' },
  { name: '2020-03 dash for cash', date: '2020-03-16' },
  { name: '2025-10 month-end, SRF 50 bn', date: '2025-10-31' },
];
