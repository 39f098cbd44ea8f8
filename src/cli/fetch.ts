/**
 * `liq fetch`: downloads the series into the cache folder; and the words of the cache side
 * of `liq check --cached` / `--fetch` (src/io/fetch/cached.ts does its work). Sources and
 * settings come from flags and the environment (LIQ_FRED_URL, LIQ_NYFED_URL,
 * LIQ_TREASURY_URL, … so tests point them at a local server). The clock is read here.
 */
import pkg from '../../package.json' with { type: 'json' };
import { formatDay } from '../domain/dates.ts';
import { visible } from '../domain/visible.ts';
import { ExitCode, LiqError, usageError } from '../errors.ts';
import {
  defaultCacheDir,
  ensureCacheDir,
  fetchAll,
  newYorkToday,
  selectTargets,
  TARGETS,
  type FetchSettings,
  type SeriesReport,
} from '../io/fetch/index.ts';
import type { SourceSummary } from '../io/fetch/cached.ts';
import type { RunContext } from './main.ts';
import { plural } from '../report/words.ts';
import { FORMATS, parseDayOption, resolveFormat } from './options.ts';
import { today } from './today.ts';

export interface FetchOptions {
  since?: string;
  dir?: string;
  timeout?: string;
  retries?: string;
  deadline?: string;
  format?: string;
  json?: boolean;
  quiet?: boolean;
  debug?: boolean;
}

const DEFAULTS = {
  fredUrl: 'https://fred.stlouisfed.org',
  fredApiUrl: 'https://api.stlouisfed.org',
  nyfedUrl: 'https://markets.newyorkfed.org',
  treasuryUrl: 'https://api.fiscaldata.treasury.gov',
  timeoutSeconds: 20,
  /** The whole run: 31 series, most a few requests of at most timeoutSeconds, with retries. */
  deadlineSeconds: 300,
  retries: 2,
  backoffSeconds: 1,
  concurrency: 4,
} as const;

/**
 * Exit codes: 0 every series saved; 66 (input unreadable) if any series could not be
 * fetched — the others are saved all the same; 73 if the cache could not be written;
 * 64 for a name that is no series liq fetches.
 */
export async function run(names: readonly string[], opts: FetchOptions, ctx: RunContext): Promise<number> {
  const format = resolveFormat(opts, FORMATS.fetch);
  const picked = selectTargets(names);
  if ('unknown' in picked) {
    throw usageError(`"${picked.unknown}" is not a series liq fetches: name a file's column or a series, as in ${TARGETS.map((t) => t.column).join(', ')}`);
  }
  const settings = fetchSettings(opts, ctx.env);
  ensureCacheDir(settings.dir);
  const reports = await fetchAll(settings, picked.targets);
  if (format === 'json') ctx.stdout(`${JSON.stringify(fetchDocument(settings, reports), null, 2)}\n`);
  if (opts.quiet !== true) for (const line of reportLines(reports)) ctx.stderr(`liq: ${visible(line)}\n`);
  const failed = reports.filter((r) => r.problems.length > 0);
  if (failed.length === 0) {
    if (opts.quiet !== true) ctx.stderr(`liq: ${reports.length} series saved in ${visible(settings.dir)}\n`);
    return ExitCode.ok;
  }
  const code = reports.some((r) => r.writeFailed) ? ExitCode.cantCreate : ExitCode.noInput;
  const saved = reports.length - reports.filter((r) => r.outcome === 'failed').length;
  throw new LiqError(code, [...failureLines(reports), `${failed.length} of ${reports.length} series failed; ${saved} saved in ${settings.dir}`]);
}

/**
 * The `--cached` / `--fetch` hook of `liq check`: the cache folder as the one input, and
 * on stderr what --fetch did, or, offline, one line per publisher saying how old its data are.
 */
export async function cachedPaths(files: readonly string[], opts: { cached?: boolean; fetch?: boolean; quiet?: boolean }, ctx: RunContext): Promise<string[]> {
  const { cacheInputs } = await import('../io/fetch/cached.ts');
  const fetching = opts.fetch === true;
  const dir = defaultCacheDir(ctx.env);
  const now = new Date();
  const cache = await cacheInputs(files, {
    flag: fetching ? '--fetch' : '--cached',
    dir,
    ...(fetching ? { fetch: fetchSettings({}, ctx.env, now) } : {}),
    today: fetchToday(ctx.env, now),
    now: now.getTime(),
  });
  const quiet = opts.quiet === true;
  if (cache.fetchWarning !== null) ctx.stderr(`liq: warning: ${visible(cache.fetchWarning)}\n`);
  if (!quiet) for (const line of reportLines(cache.fetched)) ctx.stderr(`liq: ${visible(line)}\n`);
  for (const line of failureLines(cache.fetched)) ctx.stderr(`liq: warning: ${visible(line)}\n`);
  if (!quiet && !fetching) {
    ctx.stderr(`liq: offline: reading the cache in ${visible(dir)}\n`);
    for (const source of cache.sources) ctx.stderr(`liq: offline: ${offlineLine(source)}\n`);
  }
  return [...cache.paths];
}

/** "FRED 14 series to 2026-07-30 (3 days old), fetched 2 hours ago" */
export function offlineLine(source: SourceSummary): string {
  const who = source.publisher === 'other' ? `${plural(source.files, 'other file')}` : `${source.publisher} ${source.files} series`;
  const age = source.last === null ? 'no observations' : `to ${source.last} (${plural(source.daysOld ?? 0, 'day')} old)`;
  return `${who} ${age}, fetched ${ago(source.fetchedAgoMs)}`;
}

/** Settings from flags, then the environment, then the defaults; bad values are usage errors. */
export function fetchSettings(opts: FetchOptions, env: NodeJS.ProcessEnv, now: Date = new Date()): FetchSettings {
  const since = parseDayOption('--since', opts.since);
  const key = env.FRED_API_KEY?.trim();
  const deadlineSeconds = number(opts.deadline, '--deadline', env.LIQ_FETCH_DEADLINE, 'LIQ_FETCH_DEADLINE', DEFAULTS.deadlineSeconds, { min: 0.001 });
  return {
    dir: opts.dir ?? defaultCacheDir(env),
    since: since === undefined ? undefined : formatDay(since),
    today: fetchToday(env, now),
    fred: {
      csvBase: baseUrl('LIQ_FRED_URL', env, DEFAULTS.fredUrl),
      apiBase: baseUrl('LIQ_FRED_API_URL', env, DEFAULTS.fredApiUrl),
      apiKey: key === undefined || key === '' ? undefined : key,
    },
    nyfedBase: baseUrl('LIQ_NYFED_URL', env, DEFAULTS.nyfedUrl),
    treasuryBase: baseUrl('LIQ_TREASURY_URL', env, DEFAULTS.treasuryUrl),
    policy: {
      timeoutMs: 1000 * number(opts.timeout, '--timeout', env.LIQ_FETCH_TIMEOUT, 'LIQ_FETCH_TIMEOUT', DEFAULTS.timeoutSeconds, { min: 0.001 }),
      retries: number(opts.retries, '--retries', env.LIQ_FETCH_RETRIES, 'LIQ_FETCH_RETRIES', DEFAULTS.retries, { min: 0, max: 10, integer: true }),
      backoffMs: 1000 * number(undefined, '', env.LIQ_FETCH_BACKOFF, 'LIQ_FETCH_BACKOFF', DEFAULTS.backoffSeconds, { min: 0, max: 60 }),
      userAgent: `liq/${pkg.version} (+https://www.npmjs.com/package/liq)`,
      deadline: { signal: AbortSignal.timeout(deadlineSeconds * 1000), seconds: deadlineSeconds },
    },
    concurrency: DEFAULTS.concurrency,
  };
}

/**
 * The date in New York, where the data are published (the end of NY Fed searches, and what
 * the data's age is told against); LIQ_TODAY stands in for it, as for every command.
 */
function fetchToday(env: NodeJS.ProcessEnv, now: Date): string {
  return env.LIQ_TODAY !== undefined && env.LIQ_TODAY !== '' ? formatDay(today(env)) : newYorkToday(now);
}

function baseUrl(name: string, env: NodeJS.ProcessEnv, fallback: string): string {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usageError(`${name}="${text}": expected a base URL such as ${fallback}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw usageError(`${name}="${text}": expected an http(s) URL such as ${fallback}`);
  return text.replace(/\/+$/, '');
}

function number(flagValue: string | undefined, flag: string, envValue: string | undefined, envName: string, fallback: number, range: { min: number; max?: number; integer?: boolean }): number {
  const [text, name] = flagValue !== undefined ? [flagValue, flag] : [envValue, envName];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  const ok = Number.isFinite(value) && value >= range.min && (range.max === undefined || value <= range.max) && (range.integer !== true || Number.isInteger(value));
  if (!ok) {
    const kind = range.integer === true ? 'a whole number' : 'a number of seconds';
    const bounds = range.max === undefined ? `above ${range.min === 0.001 ? 0 : range.min}` : `from ${range.min} to ${range.max}`;
    throw usageError(`${name} "${text}": expected ${kind} ${bounds}`);
  }
  return value;
}

/** One line per series that was saved or skipped. */
function reportLines(reports: readonly SeriesReport[]): string[] {
  const lines: string[] = [];
  for (const r of reports) {
    for (const note of r.notes) lines.push(`${r.column}: ${note}`);
    if (r.outcome === 'failed') continue;
    if (r.outcome === 'final') {
      lines.push(`${r.file.padEnd(19)} discontinued; cached ${r.first} to ${r.last}, not asked again`);
      continue;
    }
    const change = r.added + r.revised === 0 ? 'no change' : [`${r.added} new`, ...(r.revised > 0 ? [`${r.revised} revised`] : [])].join(', ');
    // Who delivered, not the whole source label (the JSON has it): the file names the series, and the line fits 80 columns.
    lines.push(`${r.file.padEnd(19)} ${change.padEnd(12)} ${r.first} to ${r.last}  (${r.publishers.join(' + ')})`);
  }
  return lines;
}

/** One line per source that failed, saying what the cache still holds. */
function failureLines(reports: readonly SeriesReport[]): string[] {
  const lines: string[] = [];
  for (const r of reports) {
    const kept =
      r.outcome === 'partial' ? `saved what ${r.sources.join(' + ')} gave`
      : r.last === null ? 'nothing cached yet'
      : `the cache keeps its data to ${r.last}`;
    for (const problem of r.problems) lines.push(`${r.file}: ${problem} — ${kept}`);
  }
  return lines;
}

function fetchDocument(settings: FetchSettings, reports: readonly SeriesReport[]): unknown {
  return {
    dir: settings.dir,
    today: settings.today,
    since: settings.since ?? null,
    ok: reports.every((r) => r.problems.length === 0),
    series: reports.map((r) => ({
      name: r.column,
      series: r.series,
      file: r.file,
      outcome: r.outcome,
      from: r.from,
      added: r.added,
      revised: r.revised,
      first: r.first,
      last: r.last,
      sources: r.sources,
      problems: r.problems,
      notes: r.notes,
    })),
  };
}


function ago(ms: number): string {
  const minutes = Math.floor(Math.max(ms, 0) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 120) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} hours ago` : `${plural(Math.floor(hours / 24), 'day')} ago`;
}
