/** Turns the paths on the command line into texts: files, directories of .csv files, and `-` for stdin. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inputError, usageError } from '../errors.ts';
import type { SourceText } from './parse.ts';

export async function readInputs(paths: readonly string[], stdin: () => Promise<string> = readStdin): Promise<SourceText[]> {
  const sources: SourceText[] = [];
  let stdinUsed = false;
  for (const path of paths) {
    if (path === '-') {
      if (stdinUsed) throw usageError('"-" (stdin) is given twice; stdin can be read only once');
      stdinUsed = true;
      sources.push({ name: '<stdin>', text: await stdin(), named: false });
      continue;
    }
    const files = expand(path);
    const folder = files.length === 1 && files[0] === path ? undefined : path;
    for (const file of files) sources.push({ name: file, text: readText(file), named: true, ...(folder === undefined ? {} : { folder }) });
  }
  return sources;
}

function expand(path: string): string[] {
  const stats = statOrThrow(path);
  if (!stats.isDirectory()) return [path];
  let entries: string[];
  try {
    entries = readdirSync(path);
  } catch (error) {
    throw inputError(`cannot read the directory ${path}: ${reason(error)}`);
  }
  const files = entries.filter((e) => e.toLowerCase().endsWith('.csv')).sort().map((e) => join(path, e));
  if (files.length === 0) throw inputError(`${path}: the directory holds no .csv files (liq reads the *.csv files directly inside it, not its subfolders)`);
  return files;
}

function statOrThrow(path: string): ReturnType<typeof statSync> & object {
  try {
    return statSync(path);
  } catch (error) {
    throw inputError(`cannot read ${path}: ${reason(error)}`);
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw inputError(`cannot read ${file}: ${reason(error)}`);
  }
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
  if (code === 'ERR_STRING_TOO_LONG' || code === 'ERR_FS_FILE_TOO_LARGE') return 'the file is too large to read (over 512 MB)';
  // Node's message repeats the syscall and path ("EBUSY: resource busy, open 'x'"): keep the reason.
  const message = (error as Error).message;
  return message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw inputError('"-" reads CSV from stdin, but stdin is a terminal: pipe a file in (cat SOFR.csv | liq check -)');
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    throw inputError(`cannot read stdin: ${reason(error)}`);
  }
}
