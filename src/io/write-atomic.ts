/**
 * Writes an output file so that a reader sees the old file or the new one, never half of
 * either: the text goes to a temporary file in the same folder (so the rename cannot cross
 * file systems), is flushed to disk, then renamed over the target. A failed or interrupted
 * run (SIGINT, SIGTERM, SIGHUP) removes its temporary file and leaves the old report as it
 * was; one killed outright (SIGKILL, power loss) leaves a temporary file that the next run
 * for the same target removes.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, lstatSync, openSync, fsyncSync, readdirSync, realpathSync, statSync, unlinkSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { outputError } from '../errors.ts';

export interface WriteHooks {
  /** Runs after the text is in the temporary file, before it replaces the target (tests interrupt here). */
  readonly beforeRename?: (tempPath: string) => void | Promise<void>;
  /**
   * False for a file that may be lost in a power cut, such as a cache whose damage is
   * detected on reading: no fsync then, only the atomic rename. Default true.
   */
  readonly durable?: boolean;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const pending = new Set<string>();

function onSignal(signal: NodeJS.Signals): void {
  for (const temp of pending) removeQuietly(temp);
  pending.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // Die of the same signal, as if no handler had been installed, so the caller's shell sees 128+n.
  process.kill(process.pid, signal);
}

function track(temp: string): void {
  if (pending.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  pending.add(temp);
}

function untrack(temp: string): void {
  pending.delete(temp);
  if (pending.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** `.report.md.12345.9f3a1c2b.liq-tmp`: hidden, names its target and the process that wrote it. */
const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.liq-tmp$/;

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.liq-tmp`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** Removes temporary files for `target` left by runs that were killed outright. */
export function sweepStaleTemps(target: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dirname(target));
  } catch {
    return; // the write itself will report the folder
  }
  for (const entry of entries) {
    const match = TEMP.exec(entry);
    if (match === null || match[1] !== basename(target)) continue;
    const pid = Number(match[2]);
    if (pid !== process.pid && !alive(pid)) removeQuietly(join(dirname(target), entry));
  }
}

/** Why a write failed, in words a person can act on; the old file is always unchanged. */
function describe(target: string, error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  const folder = dirname(target);
  const why: Record<string, string> = {
    ENOENT: `the folder ${folder} does not exist`,
    ENOTDIR: `${folder} is not a folder`,
    EACCES: `permission denied (cannot create a file in ${folder})`,
    EPERM: `permission denied (cannot create a file in ${folder})`,
    EISDIR: `${target} is a directory`,
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'the disk quota is exceeded',
    EFBIG: 'the file is too large (the file-size limit, ulimit -f, was reached)',
    EMFILE: 'too many open files',
  };
  const reason = (err.code === undefined ? undefined : why[err.code]) ?? err.message;
  return `cannot write ${target}: ${reason}; any previous ${basename(target)} is unchanged`;
}

/** Follows a symlink, so a link to "the current report" keeps pointing at a fresh file. */
function resolveTarget(path: string): string {
  try {
    return lstatSync(path).isSymbolicLink() ? realpathSync(path) : path;
  } catch {
    return path;
  }
}

/**
 * Replaces `path` with `content` (text, written as UTF-8, or bytes) atomically: temp file
 * in the same folder, fsync, rename.
 * @throws LiqError (exit 73) naming the file and why, after removing the temporary file.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, hooks: WriteHooks = {}): Promise<void> {
  const target = resolveTarget(path);
  let mode: number | undefined;
  try {
    const existing = statSync(target);
    if (existing.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    mode = existing.mode & 0o7777; // keep the report's permissions (a 0600 report stays private)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw outputError(describe(target, error));
  }
  sweepStaleTemps(target);

  const temp = tempPathFor(target);
  track(temp);
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(temp, 'wx', mode ?? 0o666);
    if (mode !== undefined) await handle.chmod(mode); // open's mode is reduced by the umask
    await handle.writeFile(content, typeof content === 'string' ? 'utf8' : null);
    if (hooks.durable !== false) await handle.sync();
    await handle.close();
    handle = null;
    await hooks.beforeRename?.(temp);
    await rename(temp, target);
    untrack(temp);
  } catch (error) {
    if (handle !== null) await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    untrack(temp);
    throw outputError(describe(target, error));
  }
  if (hooks.durable !== false) syncFolder(dirname(target));
}

/** Makes the rename itself durable; not every platform lets a folder be opened, so best effort. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // the file is written; only its durability across a power cut is less certain
  }
}
