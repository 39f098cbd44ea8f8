/**
 * The New York Fed's Markets Data API (markets.newyorkfed.org, keyless JSON): the
 * reference rates it administers (SOFR, TGCR, BGCR, EFFR, OBFR) with their percentiles
 * and volumes, which FRED copies a day or more later or not at all, and the day's repo
 * operation results (the Standing Repo Facility's take-up and rate, out the same afternoon).
 *
 * Shapes, as the saved responses in fixtures/raw/ show them:
 *   /api/rates/secured/sofr/search.json?startDate=&endDate=&type=rate
 *     {"refRates": [{"effectiveDate", "type": "SOFR", "percentRate", "percentPercentile1",
 *      …25, …75, …99, "revisionIndicator"}]} — on 2019-05-31 and 2021-08-05 the percentiles
 *      are the string "NA" with "footnoteId": 2 (not published that day);
 *   the same with type=volume: {"effectiveDate", "type", "volumeInBillions"} (USD billions);
 *   /api/rates/unsecured/effr/search.json: as SOFR, plus "targetRateFrom", "targetRateTo";
 *   /api/rp/results/search.json?startDate=&endDate=
 *     {"repo": {"operations": [{"operationDate", "operationType": "Repo" | "Reverse Repo",
 *      "operationMethod": "Full Allotment" | …, "term": "Overnight", "auctionStatus": "Results",
 *      "totalAmtSubmitted", "totalAmtAccepted" (dollars), "details": [{"securityType",
 *      "amtSubmitted", "amtAccepted", "percentOfferingRate"}]}]}}.
 * Searches are asked one calendar year at a time; what a server sends outside the dates
 * asked is ignored, and repo results are filtered here, not by query, since the server has
 * been seen to ignore `operationTypes`.
 */
import { civilFromDay, dayFromCivil, formatDay, parseIsoDay } from '../../domain/dates.ts';
import { getAnswer, SourceFailure, type HttpPolicy } from './http.ts';
import { isIsoDate, parseJson, ShapeError, sortedByDate, type Observation } from './observations.ts';

/** The reference rates, by the path of their search under /api/rates/. */
export const NYFED_RATES = {
  sofr: { path: 'secured/sofr', label: 'SOFR', since: '2018-04-02' },
  tgcr: { path: 'secured/tgcr', label: 'TGCR', since: '2018-04-02' },
  bgcr: { path: 'secured/bgcr', label: 'BGCR', since: '2018-04-02' },
  // The NY Fed has calculated EFFR from its own data, with percentiles and volume, and
  // published OBFR, since 2016-03-01.
  effr: { path: 'unsecured/effr', label: 'EFFR', since: '2016-03-01' },
  obfr: { path: 'unsecured/obfr', label: 'OBFR', since: '2016-03-01' },
} as const;
export type NyFedRate = keyof typeof NYFED_RATES;

/** What a reference-rate feed takes from each day's record, and in which search (rate or volume). */
export const RATE_FIELDS = {
  rate: { key: 'percentRate', search: 'rate', label: 'rate' },
  p1: { key: 'percentPercentile1', search: 'rate', label: '1st percentile' },
  p25: { key: 'percentPercentile25', search: 'rate', label: '25th percentile' },
  p75: { key: 'percentPercentile75', search: 'rate', label: '75th percentile' },
  p99: { key: 'percentPercentile99', search: 'rate', label: '99th percentile' },
  volume: { key: 'volumeInBillions', search: 'volume', label: 'volume' },
} as const;
export type RateField = keyof typeof RATE_FIELDS;

/** What a repo-results feed takes from the day's overnight repo operations. */
export type RepoField = 'accepted' | 'submitted' | 'rate';

export type NyFedFeed =
  | { readonly kind: 'rate'; readonly rate: NyFedRate; readonly field: RateField }
  | { readonly kind: 'repo'; readonly field: RepoField };

const REPO_LABEL: Record<RepoField, string> = { accepted: 'accepted', submitted: 'submitted', rate: 'offering rate' };

export function nyfedLabel(feed: NyFedFeed): string {
  return feed.kind === 'rate'
    ? `NY Fed ${NYFED_RATES[feed.rate].label} ${RATE_FIELDS[feed.field].label}`
    : `NY Fed repo operation results (${REPO_LABEL[feed.field]})`;
}

/**
 * The first date the NY Fed publishes the feed from, when liq takes its whole history
 * from there; null for the repo results, of which the recent year is asked (FRED has
 * the take-up's history, and liq derives the SRF's rate before that).
 */
export function nyfedHistoryStart(feed: NyFedFeed): string | null {
  return feed.kind === 'rate' ? NYFED_RATES[feed.rate].since : null;
}

/**
 * Parsed answers of the run, by URL: the four SOFR percentiles come from one search, which
 * is asked once, not four times. Held for one `liq fetch` only, never written anywhere.
 */
export type NyFedAnswers = Map<string, Promise<unknown>>;

/** Observations of one feed dated `start` to `end` (inclusive). */
export async function fetchNyFed(feed: NyFedFeed, start: string, end: string, base: string, policy: HttpPolicy, answers: NyFedAnswers = new Map()): Promise<Observation[]> {
  const rows: Observation[] = [];
  for (const [from, to] of yearWindows(start, end)) {
    const url =
      feed.kind === 'repo'
        ? `${base}/api/rp/results/search.json?startDate=${from}&endDate=${to}`
        : `${base}/api/rates/${NYFED_RATES[feed.rate].path}/search.json?startDate=${from}&endDate=${to}&type=${RATE_FIELDS[feed.field].search}`;
    let answer = answers.get(url);
    if (answer === undefined) {
      answer = getJson(url, policy);
      answers.set(url, answer);
    }
    const doc = await answer;
    try {
      rows.push(...(feed.kind === 'repo' ? repoResults(doc, feed.field) : referenceRate(doc, feed.rate, feed.field)).filter((r) => r.date >= from && r.date <= to));
    } catch (error) {
      if (error instanceof ShapeError) throw new SourceFailure(url, `not the NY Fed's JSON: ${error.message}`);
      throw error;
    }
  }
  return rows;
}

const getJson = (url: string, policy: HttpPolicy): Promise<unknown> => getAnswer(url, policy, "the NY Fed's JSON", parseJson);

/** The first day of the Standing Repo Facility: the repo operations before it were not the SRF, nor their rates its ceiling. */
const SRF_START = '2021-07-28';

/**
 * One value per day from the overnight repo operations' results (since 2021 the SRF's
 * morning and afternoon operations; 2025-10-31 took 50.35 bn), in USD billions for the
 * amounts, summed over the day's operations:
 * - `accepted`: totalAmtAccepted (the take-up); `submitted`: totalAmtSubmitted (the
 *   bids; equal to the take-up in a "Full Allotment" operation, more in an auction);
 * - `rate`: the offering (minimum bid) rate in percent, from SRF_START on: the SRF's
 *   ceiling as published, of the day's last operation.
 * Reverse repos are the ON RRP, not this; term repos (2019–20) are left out, as in FRED's
 * RPONTTLD (overnight), and so are small-value exercises (test operations of a few
 * thousand dollars, at a nominal rate).
 * @throws ShapeError If the document is not a repo results search, because a wrong shape
 *   read as "no take-up" would be a silent zero.
 */
export function repoResults(doc: unknown, field: RepoField): Observation[] {
  const operations = (doc as { repo?: { operations?: unknown } } | null)?.repo?.operations;
  if (!Array.isArray(operations)) throw new ShapeError('no "repo.operations" array');
  const dollars = new Map<string, number>();
  const rates = new Map<string, string>();
  for (const item of operations as unknown[]) {
    const op = (item ?? {}) as Record<string, unknown>;
    if (lower(op.operationType) !== 'repo') continue;
    if (op.auctionStatus !== undefined && lower(op.auctionStatus) !== 'results') continue;
    if (op.term !== undefined && op.term !== null && lower(op.term) !== 'overnight') continue;
    if (lower(op.isSmallValue) === 'y' || /small[- ]value/i.test(typeof op.note === 'string' ? op.note : '')) continue;
    const date = op.operationDate;
    if (typeof date !== 'string' || !isIsoDate(date)) throw new ShapeError(`an operation without a valid operationDate: ${JSON.stringify(date)}`);
    if (field === 'rate') {
      const rate = offeringRate(op);
      if (rate !== null && date >= SRF_START) rates.set(date, String(rate));
      continue;
    }
    const key = field === 'accepted' ? 'totalAmtAccepted' : 'totalAmtSubmitted';
    const amount = toNumber(op[key]);
    if (amount === null || amount < 0) throw new ShapeError(`the operation on ${date} has no valid ${key}: ${JSON.stringify(op[key])}`);
    dollars.set(date, (dollars.get(date) ?? 0) + amount);
  }
  if (field === 'rate') return sortedByDate(rates);
  // Summed in dollars, divided once: 50350000000 / 1e9 prints as 50.35, without float dust.
  return sortedByDate(new Map([...dollars].map(([date, sum]) => [date, String(sum / 1e9)])));
}

/**
 * The rate of an operation: the same for every security type of it (3.75 for Treasury,
 * Agency and Mortgage-Backed on 2026-09-15); the offering rate of a full-allotment
 * operation, the minimum bid rate of an auction.
 * @throws ShapeError If the securities of one operation give different rates.
 */
function offeringRate(op: Record<string, unknown>): number | null {
  const details = Array.isArray(op.details) ? (op.details as unknown[]) : [];
  const found = new Set<number>();
  for (const detail of details) {
    const d = (detail ?? {}) as Record<string, unknown>;
    const rate = toNumber(d.percentOfferingRate ?? d.percentMinimumBidRate ?? d.minimumBidRate);
    if (rate !== null) found.add(rate);
  }
  if (found.size > 1) throw new ShapeError(`the operation on ${String(op.operationDate)} gives different rates for its securities: ${[...found].join(', ')}`);
  return found.size === 0 ? null : ([...found][0] as number);
}

/**
 * One field of a reference rate per day: a rate or percentile in percent, or the volume in
 * USD billions. "NA" (with a footnote: not published that day) is no observation, never 0;
 * a day without the field is left out.
 * @throws ShapeError If the document is not a reference rate search, or holds another rate
 *   (SOFR's numbers saved as TGCR's would be a silent lie).
 */
export function referenceRate(doc: unknown, rate: NyFedRate, field: RateField): Observation[] {
  const records = (doc as { refRates?: unknown } | null)?.refRates;
  if (!Array.isArray(records)) throw new ShapeError('no "refRates" array');
  const wanted = NYFED_RATES[rate].label;
  const key = RATE_FIELDS[field].key;
  const byDate = new Map<string, string>();
  for (const item of records as unknown[]) {
    const row = (item ?? {}) as Record<string, unknown>;
    if (typeof row.type !== 'string' || row.type.trim().toUpperCase() !== wanted) {
      throw new ShapeError(`the answer for ${wanted} holds another rate: ${JSON.stringify(row.type)} on ${JSON.stringify(row.effectiveDate)}`);
    }
    const date = row.effectiveDate;
    if (typeof date !== 'string' || !isIsoDate(date)) throw new ShapeError(`a rate without a valid effectiveDate: ${JSON.stringify(date)}`);
    const value = row[key];
    if (value === undefined || value === null) continue;
    if (value === 'NA') {
      byDate.set(date, '');
      continue;
    }
    const n = toNumber(value);
    if (n === null) throw new ShapeError(`${key} on ${date} is ${JSON.stringify(value)}, not a number or "NA"`);
    byDate.set(date, String(n));
  }
  return sortedByDate(byDate);
}

/** [start, end] cut at each 31 December, so no search spans more than a calendar year. */
export function yearWindows(start: string, end: string): Array<[string, string]> {
  const first = parseIsoDay(start);
  const last = parseIsoDay(end);
  if (first === null || last === null) throw new RangeError(`bad window ${start}..${end}`);
  const windows: Array<[string, string]> = [];
  for (let from = first; from <= last; ) {
    const year = civilFromDay(from).y;
    const to = Math.min(last, dayFromCivil(year, 12, 31));
    windows.push([formatDay(from), formatDay(to)]);
    from = to + 1;
  }
  return windows;
}

const lower = (value: unknown): string => (typeof value === 'string' ? value.trim().toLowerCase() : '');

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)$/;

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim().replaceAll(',', '');
  return NUMBER.test(text) ? Number(text) : null;
}
