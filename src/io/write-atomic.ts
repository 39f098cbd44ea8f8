/**
 * Writing output files. A regular file (or a new name) is replaced atomically by
 * write-file-atomic: a temporary file in the same folder, flushed, renamed over the
 * target, removed again on a failure or a signal — a reader sees the old file or the
 * new one, never half of either. What that library lacks, liq adds here:
 * - what the target *is* decides how it is written: a character device, FIFO or pipe
 *   (`/dev/stdout`, `/dev/full`, `mkfifo` output) is written to directly and never
 *   replaced by a file; a dangling symlink, a directory, a socket or a block device is
 *   refused; a symlink to a regular file is followed (a link to "the current report"
 *   stays a link);
 * - for the cache (`noFollow`), a symlink at the name is replaced, never written through;
 * - a run killed outright (SIGKILL, power loss) leaves a temporary file; each write
 *   drops a marker `.NAME.PID.RANDOM.liq-tmp` naming it, so the next write to the same
 *   target removes it once that pid is gone, and only it;
 * - the error wording: what failed, why in words, and that the old file is unchanged.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, lstatSync, openSync, readdirSync, readlinkSync, statSync, symlinkSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { onExit } from 'signal-exit';
import writeFileAtomicLib from 'write-file-atomic';
import { outputError } from '../errors.ts';

export interface WriteHooks {
  /** Runs once the temporary file exists, before the text is in it (tests interrupt here). */
  readonly afterTempCreated?: (tempPath: string) => void | Promise<void>;
  /**
   * False for a file that may be lost in a power cut, such as a cache whose damage is
   * detected on reading: no fsync then, only the atomic rename. Default true.
   */
  readonly durable?: boolean;
  /** Replace a symlink at the name instead of following it (the cache folder). */
  readonly noFollow?: boolean;
  /** The mode of a new file (an existing one keeps its own); default 0666 less the umask. */
  readonly mode?: number;
}

/** `.report.md.12345.9f3a1c2b.liq-tmp`: hidden, names its target and the process that wrote it. */
const MARKER = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.liq-tmp$/;

export function markerPathFor(target: string): string {
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

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** write-file-atomic names its temporary file `TARGET.N`, N a 32-bit number. */
const isTempOf = (target: string, name: string): boolean => name.startsWith(`${basename(target)}.`) && /^\d{1,10}$/.test(name.slice(basename(target).length + 1));

/**
 * Removes what runs killed outright left for `target`: each dead run's marker, and the
 * temporary file it names (a marker that is itself a file is a temporary file of an
 * older liq, removed too).
 */
export function sweepStaleTemps(target: string): void {
  const folder = dirname(target);
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return; // the write itself will report the folder
  }
  for (const entry of entries) {
    const match = MARKER.exec(entry);
    if (match === null || match[1] !== basename(target)) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || alive(pid)) continue;
    const marker = join(folder, entry);
    try {
      if (lstatSync(marker).isSymbolicLink()) {
        const temp = readlinkSync(marker);
        if (isTempOf(target, temp)) removeQuietly(join(folder, temp));
      }
    } catch {
      // gone meanwhile
    }
    removeQuietly(marker);
  }
}

const WHY: Readonly<Record<string, (target: string) => string>> = {
  ENOENT: (t) => `the folder ${dirname(t)} does not exist`,
  ENOTDIR: (t) => `${dirname(t)} is not a folder`,
  EACCES: (t) => `permission denied (cannot create a file in ${dirname(t)})`,
  EPERM: (t) => `permission denied (cannot create a file in ${dirname(t)})`,
  EISDIR: (t) => `${t} is a directory`,
  EROFS: () => 'the file system is read-only',
  ENOSPC: () => 'no space left on the device',
  EDQUOT: () => 'the disk quota is exceeded',
  EFBIG: () => 'the file is too large (the file-size limit, ulimit -f, was reached)',
  EMFILE: () => 'too many open files',
  EPIPE: () => 'the reading end of the pipe is closed',
  ENXIO: () => 'no process is reading from it',
};

/** Why a write failed, in words a person can act on; the old file is always unchanged. */
function describe(target: string, error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  const reason = (err.code === undefined ? undefined : WHY[err.code]?.(target)) ?? err.message;
  return `cannot write ${target}: ${reason}; any previous ${basename(target)} is unchanged`;
}

/**
 * Replaces the file `path` with `content` (text, written as UTF-8, or bytes) atomically.
 * @throws LiqError (exit 73) naming the file and why; the temporary file is removed.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, hooks: WriteHooks = {}): Promise<void> {
  let existing: Stats | null = null;
  try {
    existing = hooks.noFollow === true ? lstatSync(path) : statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw outputError(describe(path, error));
  }
  if (existing?.isDirectory() === true) throw outputError(describe(path, Object.assign(new Error('is a directory'), { code: 'EISDIR' })));
  // Never write through a link here: the rename replaces the link itself.
  if (existing?.isSymbolicLink() === true) removeQuietly(path);
  sweepStaleTemps(path);

  let marker: string | null = null;
  let unwatch: (() => void) | null = null;
  // signal-exit (under write-file-atomic) listens to SIGXFSZ and re-raises it, which kills
  // the process at the file-size limit (ulimit -f). A listener of our own keeps Node's
  // default of ignoring it, so the write fails with EFBIG and is reported.
  const ignore = (): void => {};
  if (process.platform !== 'win32') process.on('SIGXFSZ', ignore);
  try {
    // The text is written here, in the hook, not by the library: write-file-atomic@7 makes
    // one write(2) and ignores a short count, so at a full disk or the file-size limit it
    // would rename a truncated file over the report. FileHandle.writeFile loops until every
    // byte is written or an error (ENOSPC, EFBIG) says why not; the library then fsyncs,
    // keeps the old file's mode and owner, and renames — or removes the temporary file.
    await writeFileAtomicLib(path, '', {
      fsync: hooks.durable !== false,
      ...(existing === null || existing.isSymbolicLink() ? (hooks.mode === undefined ? {} : { mode: hooks.mode }) : {}),
      tmpfileCreated: async (temp: string) => {
        marker = markerPathFor(path);
        try {
          symlinkSync(basename(temp), marker);
          const placed = marker;
          unwatch = onExit(() => removeQuietly(placed)); // on SIGINT/SIGTERM/SIGHUP too
        } catch {
          marker = null; // a folder without symlinks: only a SIGKILL's leftover is then not swept
        }
        await hooks.afterTempCreated?.(temp);
        const handle = await open(temp, 'r+');
        try {
          await handle.writeFile(content);
        } finally {
          await handle.close();
        }
      },
    });
  } catch (error) {
    throw outputError(describe(path, error));
  } finally {
    if (process.platform !== 'win32') process.removeListener('SIGXFSZ', ignore);
    (unwatch as (() => void) | null)?.();
    if (marker !== null) removeQuietly(marker);
  }
}

/** Kinds of target that `writeOutput` writes to directly rather than replacing. */
const STREAM_LIKE = (s: Stats): boolean => s.isCharacterDevice() || s.isFIFO();

/**
 * `/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`: names of one of liq's own open
 * descriptors, written to as that descriptor (opening the name fails for a socket).
 */
function ownDescriptor(path: string): number | null {
  if (path === '/dev/stdout') return 1;
  if (path === '/dev/stderr') return 2;
  const match = /^\/(?:dev\/fd|proc\/self\/fd)\/(\d+)$/.exec(path);
  return match === null ? null : Number(match[1]);
}

/**
 * Writes `--out`: a regular file or a new name is replaced atomically (a symlink to one
 * is followed); a character device, FIFO or open descriptor is written to directly; a
 * dangling symlink, a directory, a socket or a block device is refused.
 * @throws LiqError (exit 73) naming the file and why, e.g. ENOSPC from /dev/full.
 */
export async function writeOutput(path: string, content: string): Promise<void> {
  const own = ownDescriptor(path);
  if (own !== null) return writeAll(path, own, content);
  let link: Stats | null = null;
  try {
    link = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw outputError(describe(path, error));
  }
  if (link === null) return writeFileAtomic(path, content);
  let target: Stats;
  try {
    target = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (link.isSymbolicLink() && code === 'ENOENT') {
      throw outputError(`cannot write ${path}: it is a symlink to ${readlinkSync(path)}, which does not exist; liq does not replace a link it cannot follow (remove the link, or create its target)`);
    }
    throw outputError(describe(path, error));
  }
  if (STREAM_LIKE(target)) return writeDirectly(path, content);
  if (target.isSocket()) throw outputError(`cannot write ${path}: it is a socket, not a file; any previous content is unchanged`);
  if (target.isBlockDevice()) throw outputError(`cannot write ${path}: it is a block device (a disk), which liq never writes a report to`);
  return writeFileAtomic(path, content);
}

/** How long `writeDirectly` waits for a reader to open a FIFO. */
const FIFO_READER_WAIT_MS = 5_000;

/**
 * Writes to a device or FIFO in place: opened for writing (a FIFO only once a reader
 * has it open, so liq never blocks forever), every byte written, errors reported.
 */
async function writeDirectly(path: string, content: string): Promise<void> {
  let fd: number;
  try {
    fd = await openForWriting(path);
  } catch (error) {
    throw outputError(describe(path, error).replace(/; any previous .*$/, ''));
  }
  try {
    writeAll(path, fd, content);
  } finally {
    closeSync(fd);
  }
}

function writeAll(path: string, fd: number, content: string): void {
  try {
    const bytes = Buffer.from(content, 'utf8');
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
  } catch (error) {
    throw outputError(describe(path, error).replace(/; any previous .*$/, ''));
  }
}

async function openForWriting(path: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    let probe: number;
    try {
      // Non-blocking, so a FIFO that nobody reads fails (ENXIO) instead of hanging.
      probe = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENXIO' && Date.now() - started < FIFO_READER_WAIT_MS) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      throw error;
    }
    // A reader is there: open again, blocking, so that writes wait for it rather than fail with EAGAIN.
    try {
      return openSync(path, constants.O_WRONLY | constants.O_NOCTTY);
    } finally {
      closeSync(probe);
    }
  }
}
