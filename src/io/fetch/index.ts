/**
 * `liq fetch`'s work: for each series, ask its sources for what the cache lacks (plus the
 * last few observations again, so a revision replaces the old value), merge by date,
 * and replace the cache file atomically. One series failing never stops the others.
 */
import { join } from 'node:path';
import { formatDay, parseIsoDay } from '../../domain/dates.ts';
import { grouped } from '../../domain/grouped.ts';
import { UNIT_VINTAGE_IDS, type SeriesName } from '../../domain/catalog.ts';
import { LiqError } from '../../errors.ts';
import { readCached, writeCached } from './cache.ts';
import { fetchFred, type FredEndpoints } from './fred.ts';
import { redact, SourceFailure, type HttpPolicy } from './http.ts';
import { fetchNyFed, nyfedHistoryStart, nyfedLabel, type NyFedAnswers } from './nyfed.ts';
import { fetchTgaDaily, TREASURY_LABEL } from './treasury.ts';
import { sameValue, sortedByDate, type Observation } from './observations.ts';
import { fileOf, publisherOf, TARGETS, type Publisher, type Source, type Target } from './targets.ts';

export { ensureCacheDir, listCache } from './cache.ts';
export { selectTargets, TARGETS, type Target } from './targets.ts';
export { defaultCacheDir } from '../cache-dir.ts';
export type { Deadline, HttpPolicy } from './http.ts';
export type { FredEndpoints } from './fred.ts';

export interface FetchSettings {
  readonly dir: string;
  /** Ask every source from this date (YYYY-MM-DD) instead of from what the cache holds. */
  readonly since: string | undefined;
  /** The date in New York, where the data are published: the end of NY Fed searches. */
  readonly today: string;
  readonly fred: FredEndpoints;
  readonly nyfedBase: string;
  /** Serves the Fiscal Data API (/services/api/fiscal_service/…). */
  readonly treasuryBase: string;
  readonly policy: HttpPolicy;
  /** Series fetched at once: fast, yet polite to FRED. */
  readonly concurrency: number;
}

export type Outcome = 'updated' | 'unchanged' | 'final' | 'partial' | 'failed';

export interface SeriesReport {
  readonly column: string;
  readonly file: string;
  readonly series: SeriesName;
  readonly outcome: Outcome;
  /** The first date asked for; null for the whole history. */
  readonly from: string | null;
  /** New dates with a value, and cached values that changed. */
  readonly added: number;
  readonly revised: number;
  /** The first and last dates with a value in the cache file afterwards (or as it stayed). */
  readonly first: string | null;
  readonly last: string | null;
  /** Sources that delivered, e.g. "FRED SOFR". */
  readonly sources: readonly string[];
  /** Who published what was delivered, e.g. ["FRED", "NY Fed"]. */
  readonly publishers: readonly Publisher[];
  /** One line per source that failed: who, why, and the URL asked. */
  readonly problems: readonly string[];
  readonly notes: readonly string[];
  /** The file could not be written (the cache keeps its old copy). */
  readonly writeFailed: boolean;
}

/** Cached observations asked for again on each run: enough for FRED's usual revisions of recent weeks. */
const OVERLAP_OBSERVATIONS = 5;

/** Where FRED carries a series' history, the NY Fed fills the recent past only. */
const NYFED_LOOKBACK_DAYS = 366;

/** A ratio this far from 1 between old and new values of the same dates is a change of unit, not a revision. */
const UNIT_CHANGE_RATIO = 100;


export async function fetchAll(settings: FetchSettings, targets: readonly Target[] = TARGETS): Promise<SeriesReport[]> {
  const reports: SeriesReport[] = new Array(targets.length);
  const answers: NyFedAnswers = new Map();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const i = next++;
      reports[i] = await fetchTarget(targets[i] as Target, settings, answers);
    }
  };
  await Promise.all(Array.from({ length: Math.min(settings.concurrency, targets.length) }, worker));
  return reports;
}

async function fetchTarget(target: Target, settings: FetchSettings, answers: NyFedAnswers): Promise<SeriesReport> {
  const file = fileOf(target);
  const path = join(settings.dir, file);
  const notes: string[] = [];
  const cached = readCached(path, target.column);
  if (cached.kind === 'unreadable') notes.push(`the cached ${file} could not be read (${cached.problem}): downloading it whole`);
  let original: readonly Observation[] = cached.kind === 'ok' ? cached.rows : [];
  const base = { column: target.column, file, series: target.series, from: null, added: 0, revised: 0, ...span(original), sources: [], publishers: [], problems: [], notes, writeFailed: false };

  if (target.discontinued === true && base.last !== null && settings.since === undefined) {
    return { ...base, outcome: 'final' };
  }
  const start = settings.since ?? overlapStart(original);
  const delivered: Observation[][] = [];
  const sources: string[] = [];
  const publishers: Publisher[] = [];
  const problems: string[] = [];
  for (const source of target.sources) {
    try {
      if (source.kind === 'fred') {
        let rows = await fetchFred(source.id, start, settings.fred, settings.policy);
        const factor = start === undefined ? null : unitChange(original, rows);
        // Only a series known to have changed unit is downloaded whole again on a 1000× jump;
        // for any other, a jump that size is a broken or hostile answer.
        if (factor !== null && !UNIT_VINTAGE_IDS.has(source.id)) {
          problems.push(`${sourceLabel(source)}: the new values of the cached dates are ${factor} the cached ones, not a revision and not a known change of unit: refused (the cache is kept)`);
          continue;
        }
        if (factor !== null) {
          // Mixing units in one file would make the loader misread all of it (docs/data.md, Units: FRED
          // moved WRESBAL and WTREGEN from billions to millions between vintages).
          rows = await fetchFred(source.id, undefined, settings.fred, settings.policy);
          original = [];
          notes.push(`FRED now gives ${source.id} in a unit ${factor} the cached one (a new vintage): downloaded its whole history again`);
        }
        delivered.push(rows);
      } else if (source.kind === 'nyfed') {
        // Where FRED carries the history, the NY Fed fills the recent past only.
        const history = target.sources.some((s) => s.kind === 'fred') ? null : nyfedHistoryStart(source.feed);
        const floor = history ?? shiftDays(settings.today, -NYFED_LOOKBACK_DAYS);
        const from = start === undefined || start < floor ? floor : start;
        delivered.push(from > settings.today ? [] : await fetchNyFed(source.feed, from, settings.today, settings.nyfedBase, settings.policy, answers));
      } else {
        delivered.push(await fetchTgaDaily(start, settings.treasuryBase, settings.policy));
      }
      sources.push(sourceLabel(source));
      if (!publishers.includes(publisherOf(source))) publishers.push(publisherOf(source));
    } catch (error) {
      if (!(error instanceof SourceFailure)) throw error;
      // A server's text may echo the key; the sources mask it, and this is the backstop.
      problems.push(redact(`${sourceLabel(source)}: ${error.reason} (${error.url})`, settings.fred.apiKey));
    }
  }
  const result = { ...base, from: start ?? null, sources, publishers, problems };
  if (delivered.length === 0) return { ...result, outcome: 'failed' };

  const merged = merge(original, delivered);
  const after = span(merged);
  if (after.last === null) {
    return { ...result, outcome: 'failed', problems: [...problems, `no observations from ${sources.join(' or ')}`] };
  }
  try {
    await writeCached(path, target.column, merged);
  } catch (error) {
    if (!(error instanceof LiqError)) throw error; // writeFileAtomic's outputError (exit 73): this series fails, the rest go on
    return { ...result, outcome: 'failed', writeFailed: true, problems: [...problems, error.message] };
  }
  const { added, revised } = compare(original, merged);
  const outcome = problems.length > 0 ? 'partial' : added + revised > 0 ? 'updated' : 'unchanged';
  return { ...result, ...after, added, revised, outcome };
}

/** Later deliveries win on a shared date (revisions, and the NY Fed over FRED). */
function merge(original: readonly Observation[], deliveries: readonly (readonly Observation[])[]): Observation[] {
  const byDate = new Map<string, string>();
  for (const row of original) byDate.set(row.date, row.value);
  for (const rows of deliveries) for (const row of rows) byDate.set(row.date, row.value);
  return sortedByDate(byDate);
}

function compare(before: readonly Observation[], after: readonly Observation[]): { added: number; revised: number } {
  const old = new Map(before.map((r) => [r.date, r.value]));
  let added = 0;
  let revised = 0;
  for (const row of after) {
    const was = old.get(row.date);
    if (was === undefined || was === '') {
      if (row.value !== '') added++;
    } else if (!sameValue(was, row.value)) {
      revised++;
    }
  }
  return { added, revised };
}

/** Where to start asking: the date of the OVERLAP_OBSERVATIONS-th last cached value; undefined (everything) for an empty cache. */
function overlapStart(rows: readonly Observation[]): string | undefined {
  const valued = rows.filter((r) => r.value !== '');
  return valued[Math.max(0, valued.length - OVERLAP_OBSERVATIONS)]?.date;
}

/**
 * The factor ("1000×", "1/1000 of") by which a source's values of the cached dates differ
 * from the cache, when that is a change of unit rather than revisions; else null.
 */
function unitChange(cached: readonly Observation[], fresh: readonly Observation[]): string | null {
  const old = new Map(cached.map((r) => [r.date, Number(r.value)]));
  const ratios: number[] = [];
  for (const row of fresh) {
    const was = old.get(row.date);
    if (was === undefined || was === 0 || row.value === '' || Number.isNaN(was)) continue;
    const now = Number(row.value);
    if (now !== 0) ratios.push(now / was);
  }
  if (ratios.length === 0) return null;
  ratios.sort((a, b) => a - b);
  const median = ratios[Math.floor(ratios.length / 2)] as number;
  if (median > 1 / UNIT_CHANGE_RATIO && median < UNIT_CHANGE_RATIO) return null;
  const power = 10 ** Math.round(Math.log10(Math.abs(median)));
  // Up to 3 decimals, as toLocaleString's default: 1 / 10^-15 is 999,999,999,999,999.9.
  return power >= 1 ? `${grouped(power, 3, 0)}×` : `1/${grouped(1 / power, 3, 0)} of`;
}

function span(rows: readonly Observation[]): { first: string | null; last: string | null } {
  let first: string | null = null;
  let last: string | null = null;
  for (const row of rows) {
    if (row.value === '') continue;
    first ??= row.date;
    last = row.date;
  }
  return { first, last };
}

function sourceLabel(source: Source): string {
  return source.kind === 'fred' ? `FRED ${source.id}` : source.kind === 'nyfed' ? nyfedLabel(source.feed) : TREASURY_LABEL;
}

function shiftDays(date: string, days: number): string {
  return formatDay((parseIsoDay(date) as number) + days);
}

/** The date in New York at `now`, where FRED and the NY Fed date their data. */
export function newYorkToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
