/**
 * The New York Fed's Markets Data API (markets.newyorkfed.org, keyless JSON), for what
 * FRED publishes late or not at all: the day's repo operation results (the Standing Repo
 * Facility take-up, out the same afternoon) and the SOFR 99th percentile.
 *
 * Shapes (the API's own docs: /static/docs/markets-api.html):
 *   /api/rp/results/search.json?startDate=&endDate=
 *     {"repo": {"operations": [{"operationDate", "operationType": "Repo" | "Reverse Repo",
 *      "term": "Overnight", "auctionStatus": "Results", "totalAmtAccepted": dollars, …}]}}
 *   /api/rates/secured/sofr/search.json?startDate=&endDate=
 *     {"refRates": [{"effectiveDate", "type": "SOFR", "percentRate", "percentPercentile99", …}]}
 * Searches are asked one calendar year at a time, as the API's own clients do; repo results
 * are filtered here, not by query, since the server has been seen to ignore `operationTypes`.
 */
import { civilFromDay, dayFromCivil, formatDay, parseIsoDay } from '../../domain/dates.ts';
import { httpGet, SourceFailure, type HttpPolicy } from './http.ts';
import { isIsoDate, parseJson, ShapeError, sortedByDate, type Observation } from './observations.ts';

export type NyFedFeed = 'repo' | 'sofr_p99';

export const NYFED_FEED_LABEL: Record<NyFedFeed, string> = {
  repo: 'NY Fed repo operation results',
  sofr_p99: 'NY Fed SOFR percentiles',
};

/** Observations of one feed dated `start` to `end` (inclusive). */
export async function fetchNyFed(feed: NyFedFeed, start: string, end: string, base: string, policy: HttpPolicy): Promise<Observation[]> {
  const rows: Observation[] = [];
  for (const [from, to] of yearWindows(start, end)) {
    const url = feed === 'repo' ? `${base}/api/rp/results/search.json?startDate=${from}&endDate=${to}` : `${base}/api/rates/secured/sofr/search.json?startDate=${from}&endDate=${to}`;
    const response = await httpGet(url, policy);
    if (response.status >= 400) throw new SourceFailure(url, `HTTP ${response.status}`);
    try {
      const doc = parseJson(response.text);
      rows.push(...(feed === 'repo' ? repoTakeUp(doc) : sofrP99(doc)));
    } catch (error) {
      if (error instanceof ShapeError) throw new SourceFailure(url, `not the NY Fed's JSON: ${error.message}`);
      throw error;
    }
  }
  return rows;
}

/**
 * Repo take-up per day in USD billions: the accepted amounts of the day's overnight repo
 * operations summed (since 2021 these are the Standing Repo Facility's morning and
 * afternoon operations: 2025-10-31 took 50.35 bn). Reverse repos are the ON RRP, not this;
 * term repos (2019–20) are left out, as in FRED's RPONTTLD (overnight).
 * @throws ShapeError If the document is not a repo results search, because a wrong shape
 *   read as "no take-up" would be a silent zero.
 */
export function repoTakeUp(doc: unknown): Observation[] {
  const operations = (doc as { repo?: { operations?: unknown } } | null)?.repo?.operations;
  if (!Array.isArray(operations)) throw new ShapeError('no "repo.operations" array');
  const dollars = new Map<string, number>();
  for (const item of operations as unknown[]) {
    const op = (item ?? {}) as Record<string, unknown>;
    if (lower(op.operationType) !== 'repo') continue;
    if (op.auctionStatus !== undefined && lower(op.auctionStatus) !== 'results') continue;
    if (op.term !== undefined && op.term !== null && lower(op.term) !== 'overnight') continue;
    const date = op.operationDate;
    if (typeof date !== 'string' || !isIsoDate(date)) throw new ShapeError(`an operation without a valid operationDate: ${JSON.stringify(date)}`);
    const amount = toNumber(op.totalAmtAccepted);
    if (amount === null || amount < 0) throw new ShapeError(`the operation on ${date} has no valid totalAmtAccepted: ${JSON.stringify(op.totalAmtAccepted)}`);
    dollars.set(date, (dollars.get(date) ?? 0) + amount);
  }
  // Summed in dollars, divided once: 50350000000 / 1e9 prints as 50.35, without float dust.
  return sortedByDate(new Map([...dollars].map(([date, sum]) => [date, String(sum / 1e9)])));
}

/**
 * The SOFR 99th percentile per day, in percent.
 * @throws ShapeError If the document is not a reference rate search.
 */
export function sofrP99(doc: unknown): Observation[] {
  const rates = (doc as { refRates?: unknown } | null)?.refRates;
  if (!Array.isArray(rates)) throw new ShapeError('no "refRates" array');
  const byDate = new Map<string, string>();
  for (const item of rates as unknown[]) {
    const row = (item ?? {}) as Record<string, unknown>;
    if (row.type !== undefined && lower(row.type) !== 'sofr') continue;
    const date = row.effectiveDate;
    if (typeof date !== 'string' || !isIsoDate(date)) throw new ShapeError(`a rate without a valid effectiveDate: ${JSON.stringify(date)}`);
    const p99 = toNumber(row.percentPercentile99);
    if (p99 === null) continue; // the percentile is not published every day the rate is
    byDate.set(date, String(p99));
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

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const n = Number(value.replaceAll(',', ''));
  return Number.isFinite(n) ? n : null;
}
