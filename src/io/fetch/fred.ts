/**
 * FRED, two ways: the CSV behind the "Download CSV" button (no key needed), or, when the
 * user has a key (FRED_API_KEY), the documented API (`fred/series/observations`, JSON).
 */
import { getAnswer, httpGet, redact, serverText, SourceFailure, type HttpPolicy } from './http.ts';
import { parseFredCsv, parseJson, ShapeError, valueCell, isIsoDate, type Observation } from './observations.ts';

export interface FredEndpoints {
  /** Serves /graph/fredgraph.csv. */
  readonly csvBase: string;
  /** Serves /fred/series/observations. */
  readonly apiBase: string;
  readonly apiKey: string | undefined;
}

/** The FRED API's page size ceiling. */
const API_LIMIT = 100_000;

/**
 * The most observations liq takes of one series: the longest daily FRED series (DFF,
 * from 1954) has about 26,000, one page. A server that claims more (`count: 1e9`) is
 * refused before it is paged through, and one that keeps sending small pages is
 * stopped after MAX_PAGES requests.
 */
export const MAX_OBSERVATIONS = 1_000_000;
export const MAX_PAGES = 20;

/** Observations of one FRED series from `start` (inclusive), or its whole history. */
export async function fetchFred(id: string, start: string | undefined, endpoints: FredEndpoints, policy: HttpPolicy): Promise<Observation[]> {
  return endpoints.apiKey === undefined ? fetchCsv(id, start, endpoints.csvBase, policy) : fetchApi(id, start, endpoints, policy);
}

function fredCsvUrl(base: string, id: string, start: string | undefined): string {
  const cosd = start === undefined ? '' : `&cosd=${start}`;
  return `${base}/graph/fredgraph.csv?id=${encodeURIComponent(id)}${cosd}`;
}

async function fetchCsv(id: string, start: string | undefined, base: string, policy: HttpPolicy): Promise<Observation[]> {
  const url = fredCsvUrl(base, id, start);
  return getAnswer(url, policy, 'a FRED CSV', (body) => parseFredCsv(body, id), `FRED has no series ${id}`);
}

async function fetchApi(id: string, start: string | undefined, endpoints: FredEndpoints, policy: HttpPolicy): Promise<Observation[]> {
  const rows: Observation[] = [];
  for (let offset = 0, pages = 0; ; ) {
    const query = new URLSearchParams({ series_id: id, api_key: endpoints.apiKey ?? '', file_type: 'json', limit: String(API_LIMIT) });
    if (start !== undefined) query.set('observation_start', start);
    if (offset > 0) query.set('offset', String(offset));
    const url = `${endpoints.apiBase}/fred/series/observations?${query.toString()}`;
    // The key must never reach a message, a log or a cron mail, nor another host.
    const secret = endpoints.apiKey;
    const shown = redact(url, secret);
    const response = await httpGet(url, policy, { secret });
    let page: ApiPage;
    try {
      page = parseApiPage(response.text, response.status);
    } catch (error) {
      if (error instanceof ShapeError) throw new SourceFailure(shown, serverText(error.message, secret));
      throw error;
    }
    if (page.count > MAX_OBSERVATIONS || rows.length + page.rows.length > MAX_OBSERVATIONS) {
      throw new SourceFailure(shown, `the FRED API claims ${page.count} observations of ${id}, more than any FRED series has (liq reads at most ${MAX_OBSERVATIONS}): refused`);
    }
    rows.push(...page.rows);
    offset += page.rows.length;
    if (page.rows.length === 0 || offset >= page.count) break;
    if (++pages >= MAX_PAGES) {
      throw new SourceFailure(shown, `the FRED API needs more than ${MAX_PAGES} pages for ${id} (${offset} of ${page.count} observations so far): refused`);
    }
  }
  return rows;
}

interface ApiPage {
  readonly rows: Observation[];
  readonly count: number;
}

/**
 * One page of `fred/series/observations?file_type=json`. An error answer
 * (`{"error_code": 400, "error_message": "Bad Request.  The series does not exist."}`)
 * becomes its message.
 */
export function parseApiPage(body: string, status: number): ApiPage {
  const doc = parseJson(body) as { observations?: unknown; count?: unknown; error_message?: unknown };
  if (typeof doc !== 'object' || doc === null) throw new ShapeError('unexpected JSON (expected an object with observations)');
  if (typeof doc.error_message === 'string') throw new ShapeError(`FRED API: ${doc.error_message.replace(/\s+/g, ' ')}`);
  if (status >= 400) throw new ShapeError(`HTTP ${status}`);
  if (!Array.isArray(doc.observations)) throw new ShapeError('unexpected JSON: no "observations" array');
  const rows: Observation[] = [];
  for (const item of doc.observations as unknown[]) {
    const { date, value } = (item ?? {}) as { date?: unknown; value?: unknown };
    const cell = typeof value === 'string' ? valueCell(value.trim()) : null;
    if (typeof date !== 'string' || !isIsoDate(date) || cell === null) {
      throw new ShapeError(`unexpected observation ${JSON.stringify(item).slice(0, 80)} (expected {"date": "YYYY-MM-DD", "value": "number or ."})`);
    }
    const previous = rows[rows.length - 1];
    if (previous !== undefined && previous.date >= date) throw new ShapeError(`observation ${date} follows ${previous.date} (dates must increase)`);
    rows.push({ date, value: cell });
  }
  const count = typeof doc.count === 'number' && !Number.isNaN(doc.count) ? doc.count : rows.length;
  return { rows, count };
}
