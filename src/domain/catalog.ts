/**
 * The series liq knows (SPEC §1): canonical names, canonical units, how often they are
 * observed (which sets their staleness limit), the FRED ids that feed them, and the range
 * of values that is plausible in the canonical unit (outside it is a likely unit mistake).
 */

export const SERIES_NAMES = [
  'sofr', 'effr', 'dff', 'iorb', 'rrp_rate', 'srf_rate', 'target_lower', 'target_upper',
  'reserves', 'tga', 'rrp', 'fed_assets', 'srf', 'gdp', 'sofr_p99',
] as const;
export type SeriesName = (typeof SERIES_NAMES)[number];

export type Frequency = 'daily' | 'weekly' | 'quarterly';

/** Calendar days after its date that an observation may still be used without a warning. */
export const STALE_AFTER_DAYS: Record<Frequency, number> = { daily: 7, weekly: 14, quarterly: 200 };

export type Dimension = 'rate' | 'level';
export const CANONICAL_UNIT = { rate: 'percent', level: 'USD bn' } as const satisfies Record<Dimension, string>;
export type CanonicalUnit = (typeof CANONICAL_UNIT)[Dimension];

export interface SeriesInfo {
  readonly dimension: Dimension;
  readonly frequency: Frequency;
  readonly label: string;
  /** Inclusive plausible range in the canonical unit. */
  readonly plausible: readonly [number, number];
}

const RATE_RANGE = [-2, 25] as const;

export const SERIES: Record<SeriesName, SeriesInfo> = {
  sofr: { dimension: 'rate', frequency: 'daily', label: 'SOFR', plausible: RATE_RANGE },
  effr: { dimension: 'rate', frequency: 'daily', label: 'Effective fed funds rate', plausible: RATE_RANGE },
  dff: { dimension: 'rate', frequency: 'daily', label: 'Fed funds, 7-day (DFF)', plausible: RATE_RANGE },
  iorb: { dimension: 'rate', frequency: 'daily', label: 'Interest on reserve balances', plausible: RATE_RANGE },
  rrp_rate: { dimension: 'rate', frequency: 'daily', label: 'ON RRP award rate (floor)', plausible: RATE_RANGE },
  srf_rate: { dimension: 'rate', frequency: 'daily', label: 'SRF minimum bid (ceiling)', plausible: RATE_RANGE },
  target_lower: { dimension: 'rate', frequency: 'daily', label: 'Target range, bottom', plausible: RATE_RANGE },
  target_upper: { dimension: 'rate', frequency: 'daily', label: 'Target range, top', plausible: RATE_RANGE },
  reserves: { dimension: 'level', frequency: 'weekly', label: 'Reserve balances', plausible: [0, 10_000] },
  tga: { dimension: 'level', frequency: 'weekly', label: 'Treasury General Account', plausible: [0, 5_000] },
  rrp: { dimension: 'level', frequency: 'daily', label: 'ON RRP take-up', plausible: [0, 5_000] },
  fed_assets: { dimension: 'level', frequency: 'weekly', label: 'Fed total assets', plausible: [0, 20_000] },
  srf: { dimension: 'level', frequency: 'daily', label: 'SRF / repo operations take-up', plausible: [0, 2_000] },
  gdp: { dimension: 'level', frequency: 'quarterly', label: 'Nominal GDP (SAAR)', plausible: [100, 200_000] },
  sofr_p99: { dimension: 'rate', frequency: 'daily', label: 'SOFR 99th percentile', plausible: RATE_RANGE },
};

/**
 * Units a file may declare, as a factor to the canonical unit: value × num ÷ den.
 * Division by 1,000 (not × 0.001) keeps 3808042 millions exactly 3808.042 billions.
 */
export interface UnitScale { readonly dimension: Dimension; readonly num: number; readonly den: number; readonly name: string }

export const UNITS: Record<string, UnitScale> = {
  percent: { dimension: 'rate', num: 1, den: 1, name: 'percent' },
  pct: { dimension: 'rate', num: 1, den: 1, name: 'percent' },
  bp: { dimension: 'rate', num: 1, den: 100, name: 'bp' },
  fraction: { dimension: 'rate', num: 100, den: 1, name: 'fraction' },
  billions: { dimension: 'level', num: 1, den: 1, name: 'billions' },
  bn: { dimension: 'level', num: 1, den: 1, name: 'billions' },
  millions: { dimension: 'level', num: 1, den: 1_000, name: 'millions' },
  mn: { dimension: 'level', num: 1, den: 1_000, name: 'millions' },
  thousands: { dimension: 'level', num: 1, den: 1_000_000, name: 'thousands' },
  trillions: { dimension: 'level', num: 1_000, den: 1, name: 'trillions' },
  tn: { dimension: 'level', num: 1_000, den: 1, name: 'trillions' },
};

export const unitNamesFor = (dimension: Dimension): string[] =>
  [...new Set(Object.values(UNITS).filter((u) => u.dimension === dimension).map((u) => u.name))];

/**
 * How a FRED id's unit is known: fixed, or ‘magnitude’ where FRED changed it between
 * vintages (WRESBAL, WTREGEN: billions in 2023–24 downloads, millions from late 2025).
 */
export type FredUnit = { readonly kind: 'fixed'; readonly unit: string } | { readonly kind: 'magnitude' };

export interface FredSource { readonly series: SeriesName; readonly unit: FredUnit }

const fixed = (unit: string): FredUnit => ({ kind: 'fixed', unit });

export const FRED_IDS: Record<string, FredSource> = {
  SOFR: { series: 'sofr', unit: fixed('percent') },
  EFFR: { series: 'effr', unit: fixed('percent') },
  DFF: { series: 'dff', unit: fixed('percent') },
  IORB: { series: 'iorb', unit: fixed('percent') },
  IOER: { series: 'iorb', unit: fixed('percent') },
  RRPONTSYAWARD: { series: 'rrp_rate', unit: fixed('percent') },
  DFEDTARL: { series: 'target_lower', unit: fixed('percent') },
  DFEDTARU: { series: 'target_upper', unit: fixed('percent') },
  WRESBAL: { series: 'reserves', unit: { kind: 'magnitude' } },
  WRBWFRBL: { series: 'reserves', unit: fixed('millions') },
  WTREGEN: { series: 'tga', unit: { kind: 'magnitude' } },
  WDTGAL: { series: 'tga', unit: fixed('millions') },
  RRPONTSYD: { series: 'rrp', unit: fixed('billions') },
  WALCL: { series: 'fed_assets', unit: fixed('millions') },
  RPONTTLD: { series: 'srf', unit: fixed('billions') },
  RPONTSYD: { series: 'srf', unit: fixed('billions') },
  GDP: { series: 'gdp', unit: fixed('billions') },
  SOFR99: { series: 'sofr_p99', unit: fixed('percent') },
};

/**
 * A level series (WRESBAL, WTREGEN) most of whose values in a file exceed this is in
 * millions: reserves and the TGA have never reached 20 trillion, and in millions they have
 * been above 20,000 for most of their history.
 */
export const MILLIONS_IF_MAX_ABOVE = 20_000;

const BY_LOWER_NAME = new Map<string, { series: SeriesName; fred: FredSource | null }>([
  ...SERIES_NAMES.map((n) => [n, { series: n, fred: null }] as const),
  ...Object.entries(FRED_IDS).map(([id, src]) => [id.toLowerCase(), { series: src.series, fred: src }] as const),
]);

/** Resolves a column or file name (canonical name or FRED id, any case). */
export function lookupSeries(name: string): { series: SeriesName; fred: FredSource | null } | undefined {
  return BY_LOWER_NAME.get(name.trim().toLowerCase());
}
