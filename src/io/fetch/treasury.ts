/**
 * The Treasury's Fiscal Data API (api.fiscaldata.treasury.gov, keyless JSON): the Daily
 * Treasury Statement's Table I, the operating cash balance, for `tga_daily`.
 *
 * Shape, as the saved response in fixtures/raw/treasury/ shows it:
 *   /services/api/fiscal_service/v1/accounting/dts/operating_cash_balance?fields=…&filter=…
 *     {"data": [{"record_date": "2026-01-02", "account_type": "Treasury General Account
 *      (TGA) Closing Balance", "open_today_bal": "781204", "close_today_bal": "null"}],
 *      "meta": {"total-pages": 1, …}, "links": {…}}
 * Amounts are strings in millions of dollars. Since the table's redesign of 2022-04-18 the
 * day's closing balance is a row of its own, and its figure sits in `open_today_bal`
 * ("Opening Balance Today", the column the table keeps for every row); `close_today_bal`
 * is the string "null". The earlier layouts (a "Federal Reserve Account" row before
 * October 2021, a "Treasury General Account (TGA)" row until April 2022) are not asked
 * for: those days are in the Treasury's CSV export, which `liq check` reads.
 */
import { getAnswer, SourceFailure, type HttpPolicy } from './http.ts';
import { isIsoDate, parseJson, ShapeError, sortedByDate, type Observation } from './observations.ts';

const TGA_CLOSING = 'Treasury General Account (TGA) Closing Balance';

/** The first day of the table's current layout, with the TGA's closing balance on its own row. */
export const TGA_DAILY_SINCE = '2022-04-18';

/** A page holds up to 10,000 rows, about 40 years of this one row a day. */
const PAGE_SIZE = 10_000;
/** A server that keeps claiming more pages is stopped here. */
export const MAX_TREASURY_PAGES = 20;

export const TREASURY_LABEL = 'Treasury DTS operating cash balance';

/** The TGA's closing balance per day from `start` (inclusive; undefined: all the table has), in USD billions. */
export async function fetchTgaDaily(start: string | undefined, base: string, policy: HttpPolicy): Promise<Observation[]> {
  const from = start === undefined || start < TGA_DAILY_SINCE ? TGA_DAILY_SINCE : start;
  const byDate = new Map<string, string>();
  for (let page = 1; ; page++) {
    const query = [
      'fields=record_date,account_type,open_today_bal,close_today_bal',
      `filter=${encodeURIComponent(`record_date:gte:${from},account_type:eq:${TGA_CLOSING}`)}`,
      'sort=record_date',
      `page${encodeURIComponent('[number]')}=${page}`,
      `page${encodeURIComponent('[size]')}=${PAGE_SIZE}`,
    ].join('&');
    const url = `${base}/services/api/fiscal_service/v1/accounting/dts/operating_cash_balance?${query}`;
    const answer = await getAnswer(url, policy, "the Fiscal Data API's JSON", (body) => tgaClosingBalances(parseJson(body)));
    for (const row of answer.rows) if (row.date >= from) byDate.set(row.date, row.value);
    const pages = answer.pages;
    if (page >= pages) break;
    if (page >= MAX_TREASURY_PAGES) throw new SourceFailure(url, `the Fiscal Data API claims ${pages} pages of the TGA's balance (liq reads at most ${MAX_TREASURY_PAGES}): refused`);
  }
  return sortedByDate(byDate);
}

/**
 * The TGA closing balance rows of one page, millions / 1,000 = billions (781204 → 781.204),
 * and the page count the answer claims. Other account types are skipped (a server that
 * ignores the filter sends the whole table); "null" or an empty figure is no observation.
 * @throws ShapeError If the document is not such a page, or a figure is not a number.
 */
export function tgaClosingBalances(doc: unknown): { rows: Observation[]; pages: number } {
  const data = (doc as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new ShapeError('no "data" array');
  const rows: Observation[] = [];
  for (const item of data as unknown[]) {
    const row = (item ?? {}) as Record<string, unknown>;
    if (row.account_type !== TGA_CLOSING) continue;
    const date = row.record_date;
    if (typeof date !== 'string' || !isIsoDate(date)) throw new ShapeError(`a row without a valid record_date: ${JSON.stringify(date)}`);
    const figure = row.open_today_bal;
    if (figure === 'null' || figure === '' || figure === null || figure === undefined) {
      rows.push({ date, value: '' });
      continue;
    }
    if (typeof figure !== 'string' || !/^-?\d+(?:\.\d+)?$/.test(figure.trim())) {
      throw new ShapeError(`open_today_bal on ${date} is ${JSON.stringify(figure)}, not a number of millions`);
    }
    // Division by 1,000 of a whole number of millions prints as the exact decimal (781.204).
    rows.push({ date, value: String(Number(figure.trim()) / 1000) });
  }
  const claimed = (doc as { meta?: { 'total-pages'?: unknown } }).meta?.['total-pages'];
  const pages = typeof claimed === 'number' && Number.isInteger(claimed) && claimed >= 1 ? claimed : 1;
  return { rows, pages };
}
