/**
 * The cache as the input of `liq check --cached` / `--fetch`: fetched first with --fetch
 * (a failure only warns: the cache still answers, and the dashboard marks what has gone
 * stale), then checked to be its owner's alone, and summed up per publisher. The caller
 * passes the date and the time in: the clock is read only in the CLI.
 */
import { existsSync } from 'node:fs';
import { parseIsoDay } from '../../domain/dates.ts';
import { ExitCode, inputError, LiqError, usageError } from '../../errors.ts';
import { checkOwnFolder, ensureCacheDir, listCache, type CacheEntry } from './cache.ts';
import { fetchAll, type FetchSettings, type SeriesReport } from './index.ts';
import { fileOf, publisherOfTarget, TARGETS, type Publisher } from './targets.ts';

export interface CacheRequest {
  readonly flag: '--cached' | '--fetch';
  readonly dir: string;
  /** With --fetch: how to fetch first. */
  readonly fetch?: FetchSettings;
  /** The date in New York (YYYY-MM-DD), against which the data's age is told. */
  readonly today: string;
  /** Milliseconds since the epoch, against which the files' fetch times are told. */
  readonly now: number;
}

export interface CacheInputs {
  /** What the loader reads: the cache folder. */
  readonly paths: readonly string[];
  /** What --fetch did, series by series (empty if it could not start). */
  readonly fetched: readonly SeriesReport[];
  /** Why --fetch could not start (the cache folder could not be made); null if it ran or was not asked. */
  readonly fetchWarning: string | null;
  /** One entry per publisher whose files the cache holds, in the order FRED, NY Fed, Treasury, then other files. */
  readonly sources: readonly SourceSummary[];
}

export interface SourceSummary {
  /** 'other' for files no `liq fetch` target writes (put there by hand). */
  readonly publisher: Publisher | 'other';
  readonly files: number;
  /** The latest date with a value in any of its files; null if none has one. */
  readonly last: string | null;
  /** Calendar days from `last` to today; null with `last`. */
  readonly daysOld: number | null;
  /**
   * Milliseconds since the least recently written of its files (a discontinued series,
   * never asked again, aside): every series of the source was fetched since.
   */
  readonly fetchedAgoMs: number;
}

const PUBLISHER_OF_FILE = new Map(TARGETS.map((t) => [fileOf(t).toLowerCase(), publisherOfTarget(t)]));
const FINAL_FILES = new Set(TARGETS.filter((t) => t.discontinued === true).map((t) => fileOf(t).toLowerCase()));
const ORDER: ReadonlyArray<Publisher | 'other'> = ['FRED', 'NY Fed', 'Treasury', 'other'];

/**
 * @throws LiqError 64 if files are given beside the flag; 66 if the cache is empty; 73 if
 *   the folder is someone else's or others can write it (it could hold planted files).
 */
export async function cacheInputs(files: readonly string[], request: CacheRequest): Promise<CacheInputs> {
  const { dir, flag } = request;
  if (files.length > 0) throw usageError(`${flag} reads the cache folder (${dir}), not files: give no files with it, or drop ${flag}`);
  let fetched: SeriesReport[] = [];
  let fetchWarning: string | null = null;
  if (request.fetch !== undefined) {
    try {
      ensureCacheDir(dir);
      fetched = await fetchAll(request.fetch);
    } catch (error) {
      // The cache folder could not be made (fetchAll reports its own write failures per series).
      if (!(error instanceof LiqError && error.exitCode === ExitCode.cantCreate)) throw error;
      fetchWarning = error.message;
    }
  }
  // Read only a folder that no one else could have planted files in.
  if (existsSync(dir)) checkOwnFolder(dir);
  const entries = listCache(dir);
  if (entries.length === 0) throw inputError(`no cached data in ${dir}: run liq fetch first (or liq check --fetch)`);
  return { paths: [dir], fetched, fetchWarning, sources: summarise(entries, request.today, request.now) };
}

/** The cache's files grouped by who published them: one line each offline, not one per series. */
export function summarise(entries: readonly CacheEntry[], today: string, now: number): SourceSummary[] {
  const groups = new Map<Publisher | 'other', CacheEntry[]>();
  for (const entry of entries) {
    const publisher = PUBLISHER_OF_FILE.get(entry.file.toLowerCase()) ?? 'other';
    groups.set(publisher, [...(groups.get(publisher) ?? []), entry]);
  }
  const todayDay = parseIsoDay(today) as number;
  return ORDER.flatMap((publisher) => {
    const group = groups.get(publisher);
    if (group === undefined) return [];
    const last = group.reduce<string | null>((max, e) => (e.last !== null && (max === null || e.last > max) ? e.last : max), null);
    const live = group.filter((e) => !FINAL_FILES.has(e.file.toLowerCase()));
    const written = Math.min(...(live.length > 0 ? live : group).map((e) => e.fetchedAt.getTime()));
    return [{ publisher, files: group.length, last, daysOld: last === null ? null : todayDay - (parseIsoDay(last) as number), fetchedAgoMs: now - written }];
  });
}
