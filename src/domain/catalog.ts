/**
 * The series liq knows (docs/data.md): canonical names, canonical units, how often they are
 * observed (which sets their staleness limit), the FRED ids that feed them, and the range
 * of values that is plausible in the canonical unit (outside it is a likely unit mistake).
 */

export const SERIES_NAMES = [
  'sofr', 'effr', 'dff', 'iorb', 'rrp_rate', 'srf_rate', 'target_lower', 'target_upper',
  'reserves', 'tga', 'tga_daily', 'rrp', 'fed_assets', 'srf', 'srf_submitted', 'gdp', 'bank_assets',
  'sofr_p1', 'sofr_p25', 'sofr_p75', 'sofr_p99', 'sofr_volume',
  'effr_p1', 'effr_p25', 'effr_p75', 'effr_p99', 'effr_volume',
  'obfr', 'tgcr', 'bgcr',
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
  /**
   * Observed only on market business days: a row on a Saturday or Sunday (or a holiday
   * row repeating the day before) was forward-filled by whoever saved the file, and is
   * never counted as a business day. Policy rates (IORB, the target range) and DFF are
   * published for every calendar day, so they are not.
   */
  readonly businessDaily: boolean;
  /**
   * Traded in the repo market, which closes on the bond market's holidays (SIFMA's, Good
   * Friday included): a row on one of them that repeats the day before was forward-filled.
   * Fed funds (EFFR, OBFR) trade on Good Friday, so their holiday rows are kept.
   */
  readonly repoMarket: boolean;
  /** Calendar days after its date that an observation may still be used without a warning. */
  readonly staleAfterDays: number;
  readonly label: string;
  /** Inclusive plausible range in the canonical unit. */
  readonly plausible: readonly [number, number];
}

const RATE_RANGE = [-2, 25] as const;

type Entry = Omit<SeriesInfo, 'staleAfterDays' | 'repoMarket'> & { readonly staleAfterDays?: number; readonly repoMarket?: boolean };
const entry = (info: Entry): SeriesInfo => ({ ...info, repoMarket: info.repoMarket ?? false, staleAfterDays: info.staleAfterDays ?? STALE_AFTER_DAYS[info.frequency] });
const rate = (frequency: Frequency, businessDaily: boolean, label: string): SeriesInfo =>
  entry({ dimension: 'rate', frequency, businessDaily, label, plausible: RATE_RANGE });
/** A market rate published for each business day (SOFR, EFFR, their percentiles, OBFR, TGCR, BGCR). */
const marketRate = (label: string): SeriesInfo => rate('daily', true, label);
/** A repo market rate: also closed on the bond market's holidays. */
const repoRate = (label: string): SeriesInfo => ({ ...marketRate(label), repoMarket: true });
const level = (frequency: Frequency, businessDaily: boolean, label: string, plausible: readonly [number, number], staleAfterDays?: number): SeriesInfo =>
  entry({ dimension: 'level', frequency, businessDaily, label, plausible, ...(staleAfterDays === undefined ? {} : { staleAfterDays }) });

export const SERIES: Record<SeriesName, SeriesInfo> = {
  sofr: repoRate('SOFR'),
  effr: marketRate('Effective fed funds rate'),
  dff: rate('daily', false, 'Fed funds, 7-day (DFF)'),
  iorb: rate('daily', false, 'Interest on reserve balances'),
  rrp_rate: rate('daily', true, 'ON RRP award rate (floor)'),
  srf_rate: rate('daily', false, 'SRF minimum bid (ceiling)'),
  target_lower: rate('daily', false, 'Target range, bottom'),
  target_upper: rate('daily', false, 'Target range, top'),
  reserves: level('weekly', false, 'Reserve balances', [0, 10_000]),
  tga: level('weekly', false, 'Treasury General Account', [0, 5_000]),
  tga_daily: level('daily', true, 'TGA, Daily Treasury Statement', [0, 5_000]),
  rrp: level('daily', true, 'ON RRP take-up', [0, 5_000]),
  fed_assets: level('weekly', false, 'Fed total assets', [100, 20_000]), // never below 500 bn since 1990
  srf: level('daily', true, 'SRF / repo operations take-up', [0, 2_000]),
  // What dealers bid: the take-up in a full-allotment operation, more when an auction rations (2019-09-17: 80.05 bn bid, 53.15 bn accepted, the NY Fed's statement of that day).
  srf_submitted: level('daily', true, 'SRF / repo operations bids submitted', [0, 2_000]),
  gdp: level('quarterly', false, 'Nominal GDP (SAAR)', [100, 200_000]),
  // H.8 is released on the Friday nine days after its Wednesday: at 14 days the latest
  // figure would be stale one day in seven through no fault of the user's data.
  bank_assets: level('weekly', false, 'Bank total assets (H.8)', [100, 100_000], 21),
  sofr_p1: repoRate('SOFR 1st percentile'),
  sofr_p25: repoRate('SOFR 25th percentile'),
  sofr_p75: repoRate('SOFR 75th percentile'),
  sofr_p99: repoRate('SOFR 99th percentile'),
  sofr_volume: { ...level('daily', true, 'SOFR volume', [10, 20_000]), repoMarket: true },
  effr_p1: marketRate('EFFR 1st percentile'),
  effr_p25: marketRate('EFFR 25th percentile'),
  effr_p75: marketRate('EFFR 75th percentile'),
  effr_p99: marketRate('EFFR 99th percentile'),
  effr_volume: level('daily', true, 'EFFR volume', [1, 5_000]),
  obfr: marketRate('Overnight bank funding rate'),
  tgcr: repoRate('Tri-party general collateral rate'),
  bgcr: repoRate('Broad general collateral rate'),
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
  // The NY Fed API's amounts (totalAmtAccepted) are in dollars.
  dollars: { dimension: 'level', num: 1, den: 1_000_000_000, name: 'dollars' },
  usd: { dimension: 'level', num: 1, den: 1_000_000_000, name: 'dollars' },
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
  SOFR1: { series: 'sofr_p1', unit: fixed('percent') },
  SOFR25: { series: 'sofr_p25', unit: fixed('percent') },
  SOFR75: { series: 'sofr_p75', unit: fixed('percent') },
  SOFR99: { series: 'sofr_p99', unit: fixed('percent') },
  SOFRVOL: { series: 'sofr_volume', unit: fixed('billions') },
  EFFR1: { series: 'effr_p1', unit: fixed('percent') },
  EFFR25: { series: 'effr_p25', unit: fixed('percent') },
  EFFR75: { series: 'effr_p75', unit: fixed('percent') },
  EFFR99: { series: 'effr_p99', unit: fixed('percent') },
  EFFRVOL: { series: 'effr_volume', unit: fixed('billions') },
  OBFR: { series: 'obfr', unit: fixed('percent') },
  TLAACBW027SBOG: { series: 'bank_assets', unit: fixed('billions') },
};

/**
 * A level series (WRESBAL, WTREGEN) most of whose values in a file exceed this is in
 * millions: reserves and the TGA have never reached 20 trillion, and in millions they have
 * been above 20,000 for most of their history.
 */
export const MILLIONS_IF_MAX_ABOVE = 20_000;

/** The FRED series whose unit changed between vintages (billions, then millions of dollars). */
export const UNIT_VINTAGE_IDS: ReadonlySet<string> = new Set(['WRESBAL', 'WTREGEN']);

const BY_LOWER_NAME = new Map<string, { series: SeriesName; fred: FredSource | null }>([
  ...SERIES_NAMES.map((n) => [n, { series: n, fred: null }] as const),
  ...Object.entries(FRED_IDS).map(([id, src]) => [id.toLowerCase(), { series: src.series, fred: src }] as const),
]);

/** Resolves a column or file name (canonical name or FRED id, any case). */
export function lookupSeries(name: string): { series: SeriesName; fred: FredSource | null } | undefined {
  return BY_LOWER_NAME.get(name.trim().toLowerCase());
}
