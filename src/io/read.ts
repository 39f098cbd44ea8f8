/**
 * Turns the paths on the command line into texts: files, directories of .csv files, and
 * `-` for stdin. Every input is bounded: `stat`ed first, so a file over the size limit is
 * refused before a byte is read; a directory contributes only its regular files; a named
 * FIFO, device or pipe is read as a stream, with the same limit counted as it arrives, an
 * end at the first NUL byte (binary: /dev/zero, /dev/urandom) and a wait that ends.
 */
import { closeSync, constants, createReadStream, fstatSync, openSync, readSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { inputError, usageError } from '../errors.ts';
import type { SourceText } from './parse.ts';

/** 1 GiB: forty years of every daily series is a few MB; a file this size is a mistake. */
export const DEFAULT_MAX_INPUT_BYTES = 1024 ** 3;

export interface ReadLimits {
  /** The largest input accepted, in bytes (--max-input-size). */
  readonly maxBytes: number;
  /** How long a stream (FIFO, device, stdin) may stay silent before liq gives up on it. */
  readonly idleMs: number;
  /** What to say when an input is over the limit. */
  readonly advice?: string;
}

/** How long a named FIFO may wait for its writer to open it. */
const FIFO_WRITER_WAIT_MS = 5_000;

export const DEFAULT_LIMITS: ReadLimits = { maxBytes: DEFAULT_MAX_INPUT_BYTES, idleMs: 30_000 };

export async function readInputs(paths: readonly string[], stdin?: () => Promise<string>, limits: ReadLimits = DEFAULT_LIMITS): Promise<SourceText[]> {
  const sources: SourceText[] = [];
  let stdinUsed = false;
  for (const path of paths) {
    if (path === '-') {
      if (stdinUsed) throw usageError('"-" (stdin) is given twice; stdin can be read only once');
      stdinUsed = true;
      sources.push({ name: '<stdin>', text: stdin !== undefined ? await stdin() : await readStdin(limits), named: false });
      continue;
    }
    const stats = statOrThrow(path);
    if (stats.isDirectory()) {
      for (const file of scan(path)) sources.push({ name: file, ...readRegular(file, statOrThrow(file), limits), named: true, folder: path });
    } else if (stats.isFile()) {
      sources.push({ name: path, ...readRegular(path, stats, limits), named: true });
    } else {
      sources.push({ name: path, text: await readNamedStream(path, stats, limits), named: true });
    }
  }
  return sources;
}

/**
 * The *.csv regular files directly inside `dir`, sorted. A FIFO, device or socket named
 * *.csv is skipped: opening it could wait forever for a writer.
 */
function scan(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (error) {
    throw inputError(`cannot read the directory ${dir}: ${reason(error)}`);
  }
  const csv = entries.filter((e) => /\.(csv|xlsx)$/i.test(e)).sort().map((e) => join(dir, e));
  if (csv.length === 0) throw inputError(`${dir}: the directory holds no .csv or .xlsx files (liq reads the files directly inside it, not its subfolders)`);
  // A broken link or a sub-folder named *.csv stays in, for readRegular to name the problem.
  const files = csv.filter((file) => {
    try {
      const s = statSync(file);
      return s.isFile() || s.isDirectory();
    } catch {
      return true;
    }
  });
  if (files.length === 0) throw inputError(`${dir}: the directory holds no regular .csv or .xlsx files (only FIFOs, devices or sockets, which a folder scan skips)`);
  return files;
}

function statOrThrow(path: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    throw inputError(`cannot read ${path}: ${reason(error)}`);
  }
}

/** A regular file's text, or its bytes when it is a ZIP archive (an Excel workbook, whatever its name). */
function readRegular(file: string, stats: Stats, limits: ReadLimits): { text: string; bytes?: Buffer } {
  if (stats.isDirectory()) throw inputError(`cannot read ${file}: is a directory`);
  if (stats.size > limits.maxBytes) throw tooLarge(file, `is ${size(stats.size)}`, limits);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw inputError(`cannot read ${file}: ${reason(error)}`);
  }
  return isZip(bytes) ? { text: '', bytes } : { text: bytes.toString('utf8') };
}

/** A ZIP archive's local file header signature, "PK\x03\x04": every .xlsx starts with it. */
const isZip = (bytes: Uint8Array): boolean => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function tooLarge(name: string, what: string, limits: ReadLimits): Error {
  const advice = limits.advice ?? 'not a file of daily series (raise the limit with --max-input-size if it really is one)';
  return inputError(`${name} ${what}, over the size limit of ${size(limits.maxBytes)}: ${advice}`);
}

/**
 * One named file, bounded like every input (the config reads through this): a regular
 * file by its size, anything else as a stream; `/dev/stdin` is liq's own stdin.
 */
export async function readOneFile(path: string, limits: ReadLimits): Promise<string> {
  if (path === '/dev/stdin' || path === '/dev/fd/0' || path === '/proc/self/fd/0') return readStdin(limits);
  const stats = statOrThrow(path);
  if (stats.isFile() || stats.isDirectory()) return readRegular(path, stats, limits).text;
  return readNamedStream(path, stats, limits);
}

/**
 * A named FIFO, pipe or character device, read as it arrives. A FIFO is opened without
 * blocking, so one with no writer reads as empty at once instead of hanging.
 */
async function readNamedStream(path: string, stats: Stats, limits: ReadLimits): Promise<string> {
  if (stats.isSocket()) throw inputError(`cannot read ${path}: it is a socket, not a file`);
  if (stats.isBlockDevice()) throw inputError(`cannot read ${path}: it is a block device (a disk), not a file`);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (stats.isFIFO() ? constants.O_NONBLOCK : 0) | constants.O_NOCTTY);
  } catch (error) {
    throw inputError(`cannot read ${path}: ${reason(error)}`);
  }
  if (!fstatSync(fd).isFIFO()) return drain(createReadStream('', { fd }), path, limits); // a device, through the thread pool
  // A FIFO that no writer has opened yet never wakes a poll on Linux, so ask without
  // blocking: 0 bytes is "no writer yet" (asked again for a few seconds, as a writer
  // started beside liq may come a little later), EAGAIN "a writer, no data yet".
  const first = Buffer.alloc(64 * 1024);
  const started = Date.now();
  let got = 0;
  for (;;) {
    try {
      got = readSync(fd, first, 0, first.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') {
        closeSync(fd);
        throw inputError(`cannot read ${path}: ${reason(error)}`);
      }
      got = -1;
    }
    if (got !== 0) break;
    if (Date.now() - started >= FIFO_WRITER_WAIT_MS) {
      closeSync(fd);
      throw inputError(`${path}: the FIFO gave nothing to read (no process was writing to it within ${FIFO_WRITER_WAIT_MS / 1000} s)`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const text = await drain(new Socket({ fd, readable: true, writable: false }), path, limits, got > 0 ? first.subarray(0, got) : undefined);
  if (text === '') throw inputError(`${path}: the FIFO gave nothing to read (no process was writing to it)`);
  return text;
}

/** Reads a stream to its end, within the size limit and the idle wait; stops at a NUL byte. */
function drain(stream: Readable, name: string, limits: ReadLimits, head?: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = head === undefined ? [] : [head];
    let bytes = head?.length ?? 0;
    let done = false;
    let idle: NodeJS.Timeout | undefined;
    const finish = (error: Error | null): void => {
      if (done) return;
      done = true;
      clearTimeout(idle);
      stream.destroy();
      if (error !== null) reject(error);
      else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const arm = (): void => {
      clearTimeout(idle);
      idle = setTimeout(() => finish(inputError(`${name}: nothing arrived for ${limits.idleMs / 1000} s (is the writing process stuck?)`)), limits.idleMs);
      idle.unref?.();
    };
    arm();
    if (head?.includes(0) === true) {
      finish(null);
      return;
    }
    stream.on('data', (chunk: Buffer) => {
      if (done) return;
      bytes += chunk.length;
      if (bytes > limits.maxBytes) {
        finish(tooLarge(name, `sent more than ${size(limits.maxBytes)}`, limits));
        return;
      }
      chunks.push(chunk);
      // Binary (a NUL byte): the parser names it from what has come; the rest is not needed.
      if (chunk.includes(0)) finish(null);
      else arm();
    });
    stream.on('end', () => finish(null));
    stream.on('error', (error) => finish(inputError(`cannot read ${name}: ${reason(error)}`)));
  });
}

async function readStdin(limits: ReadLimits): Promise<string> {
  if (process.stdin.isTTY) throw inputError('"-" reads CSV from stdin, but stdin is a terminal: pipe a file in (cat SOFR.csv | liq check -)');
  return drain(process.stdin, '<stdin>', limits);
}

/** `--max-input-size`: bytes, or with a unit — 500M, 2G, 1GiB, 64 KiB. */
export function parseSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b)?\s*$/i.exec(text);
  if (match === null) return null;
  const power = ' kmgt'.indexOf((match[2] ?? '').toLowerCase() || ' ');
  const bytes = Math.round(Number(match[1]) * 1024 ** power);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}

/** 1 GiB, 64 MiB, 1.5 KiB, 12 bytes. */
export function size(bytes: number): string {
  for (const [unit, scale] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
    if (bytes >= scale) return `${Number((bytes / scale).toPrecision(3))} ${unit}`;
  }
  return `${bytes} bytes`;
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a directory';
  if (code === 'ELOOP') return 'too many levels of symbolic links (a symlink loop)';
  if (code === 'ENAMETOOLONG') return 'the path is too long';
  if (code === 'EMFILE' || code === 'ENFILE') return 'too many open files';
  if (code === 'EIO') return 'input/output error';
  if (code === 'ENXIO') return 'no such device';
  if (code === 'ERR_STRING_TOO_LONG' || code === 'ERR_FS_FILE_TOO_LARGE') return 'the file is too large to read (over 512 MB)';
  // Node's message repeats the syscall and path ("EBUSY: resource busy, open 'x'"): keep the reason.
  const message = (error as Error).message;
  return message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
}
