/**
 * The cache folder: one FRED-format CSV per series, so `liq check DIR` reads it as any
 * other folder of downloads. A file is only ever replaced whole (src/io/write-atomic.ts),
 * so a reader, a crash or a second cron run never sees half a file.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { outputError } from '../../errors.ts';
import { writeFileAtomic } from '../write-atomic.ts';
import { formatFredCsv, parseFredCsv, ShapeError, type Observation } from './observations.ts';

/**
 * Creates the folder if need be, private (0700), and refuses one that another user could
 * write into — owned by someone else, or group- or world-writable — as ssh refuses such a
 * ~/.ssh: whoever can write there could plant a symlink or a forged series. (Temporary
 * files that killed runs left behind are cleared by the atomic writer, file by file.)
 * @throws LiqError (exit 73) If the folder cannot be created or is not safe to use.
 */
export function ensureCacheDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw outputError(`cannot create the cache folder ${dir}: ${reason(error)}`);
  }
  checkOwnFolder(dir);
}

/** @throws LiqError (exit 73) Unless `dir` is a folder of the current user that only they can write. */
export function checkOwnFolder(dir: string, uid: number | undefined = process.getuid?.()): void {
  const stats = statSync(dir);
  if (!stats.isDirectory()) throw outputError(`the cache folder ${dir} is not a folder`);
  if (uid === undefined) return; // no users to tell apart (Windows)
  if (stats.uid !== uid) {
    throw outputError(`the cache folder ${dir} belongs to another user (uid ${stats.uid}, you are ${uid}): liq does not use a folder someone else controls; use your own (--dir, or LIQ_CACHE_DIR), or take it over: chown -R ${uid} ${dir}`);
  }
  if ((stats.mode & 0o022) !== 0) {
    const mode = (stats.mode & 0o777).toString(8).padStart(3, '0');
    throw outputError(`the cache folder ${dir} can be written by other users (mode ${mode}), who could plant files in it: make it yours alone with chmod 700 ${dir}`);
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export type Cached =
  | { readonly kind: 'absent' }
  | { readonly kind: 'ok'; readonly rows: readonly Observation[] }
  | { readonly kind: 'unreadable'; readonly problem: string };

/** A cache file as rows; an unreadable one is reported, so it is fetched again in full. */
export function readCached(path: string, column: string): Cached {
  let text: string;
  try {
    // A link in the cache is never followed: it is replaced by the download.
    if (lstatSync(path).isSymbolicLink()) return { kind: 'unreadable', problem: 'it is a symlink, which liq does not follow in its cache' };
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'unreadable', problem: reason(error) };
  }
  try {
    return { kind: 'ok', rows: parseFredCsv(text, column) };
  } catch (error) {
    if (error instanceof ShapeError) return { kind: 'unreadable', problem: error.message };
    throw error;
  }
}

/**
 * Replaces `path` with the rows, atomically, through the same writer as `liq report`; a
 * symlink at the name is replaced, never written through, and a new file is private (0600).
 * @throws LiqError (exit 73) If the folder is not writable or the disk is full; the old file stays.
 */
export async function writeCached(path: string, column: string, rows: readonly Observation[]): Promise<void> {
  await writeFileAtomic(path, formatFredCsv(column, rows), { noFollow: true, mode: 0o600 });
}

export interface CacheEntry {
  readonly file: string;
  readonly column: string;
  /** Last date with a value; null if the file holds none. */
  readonly last: string | null;
  /** When it was last written by `liq fetch`. */
  readonly fetchedAt: Date;
}

/** What the cache holds, file by file, for `liq check --cached`; unreadable files are skipped (the loader will name them). */
export function listCache(dir: string): CacheEntry[] {
  const entries: CacheEntry[] = [];
  for (const file of safeList(dir).filter((n) => n.toLowerCase().endsWith('.csv')).sort()) {
    const path = join(dir, file);
    try {
      const text = readFileSync(path, 'utf8');
      const column = (/^\uFEFF?[^,\r\n]*,([^,\r\n]*)/.exec(text)?.[1] ?? file.replace(/\.csv$/i, '')).trim();
      entries.push({ file, column, last: lastValueDate(text), fetchedAt: statSync(path).mtime });
    } catch {
      continue;
    }
  }
  return entries;
}

/** The date of the last row with a value, read from the end: files are in date order. */
function lastValueDate(text: string): string | null {
  const lines = text.split(/\r?\n/);
  for (let i = lines.length - 1; i > 0; i--) {
    const match = /^(\d{4}-\d{2}-\d{2}),\s*([^\s.][^,]*|\.\d+)\s*$/.exec(lines[i] as string);
    if (match !== null) return match[1] as string;
  }
  return null;
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file is in the way of the folder';
  return (error as Error).message;
}
