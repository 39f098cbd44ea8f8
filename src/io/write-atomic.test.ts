import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liqFailure } from '../../test/helpers/liq-error.ts';
import { ExitCode, LiqError } from '../errors.ts';
import { markerPathFor, sweepStaleTemps, writeFileAtomic } from './write-atomic.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('../../test/helpers/write-atomic-child.ts', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liq-atomic-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Markers, and write-file-atomic's temporary files (TARGET.N). */
const temps = (folder: string): string[] => readdirSync(folder).filter((f) => f.endsWith('.liq-tmp') || /\.\d+$/.test(f));

const failure = (run: () => Promise<unknown>): Promise<LiqError> => liqFailure(run, 'write');

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temporary file', async () => {
    const target = join(dir, 'report.md');
    await writeFileAtomic(target, '# report\n');
    expect(readFileSync(target, 'utf8')).toBe('# report\n');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('replaces an existing report and keeps its permissions', async () => {
    const target = join(dir, 'report.md');
    writeFileSync(target, 'old');
    chmodSync(target, 0o600);
    await writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('leaves the previous report intact and removes its temporary file when the write fails midway', async () => {
    const target = join(dir, 'report.md');
    writeFileSync(target, 'yesterday');
    const error = await failure(() =>
      writeFileAtomic(target, 'today', {
        afterTempCreated: () => {
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        },
      }),
    );
    expect(error.exitCode).toBe(ExitCode.cantCreate);
    expect(error.message).toBe(`cannot write ${target}: no space left on the device; any previous report.md is unchanged`);
    expect(readFileSync(target, 'utf8')).toBe('yesterday');
    expect(temps(dir)).toEqual([]);
  });

  it.each([
    ['EACCES', 'permission denied (cannot create a file in DIR)'],
    ['EROFS', 'the file system is read-only'],
    ['EDQUOT', 'the disk quota is exceeded'],
    ['EIO', 'i/o error'],
  ])('explains %s in words and keeps the previous report', async (code, words) => {
    const target = join(dir, 'report.md');
    writeFileSync(target, 'yesterday');
    const error = await failure(() =>
      writeFileAtomic(target, 'today', {
        afterTempCreated: () => {
          throw Object.assign(new Error('i/o error'), { code });
        },
      }),
    );
    expect(error.message).toBe(`cannot write ${target}: ${words.replace('DIR', dir)}; any previous report.md is unchanged`);
    expect(readFileSync(target, 'utf8')).toBe('yesterday');
    expect(temps(dir)).toEqual([]);
  });

  it('names the missing folder (exit 73)', async () => {
    const target = join(dir, 'nope', 'report.md');
    const error = await failure(() => writeFileAtomic(target, 'x'));
    expect(error.exitCode).toBe(ExitCode.cantCreate);
    expect(error.message).toContain(`the folder ${join(dir, 'nope')} does not exist`);
  });

  it('refuses a target that is a directory without touching it', async () => {
    const target = join(dir, 'reports');
    mkdirSync(target);
    const error = await failure(() => writeFileAtomic(target, 'x'));
    expect(error.message).toContain(`${target} is a directory`);
    expect(readdirSync(dir)).toEqual(['reports']);
  });

  it('says when a parent on the path is a file', async () => {
    writeFileSync(join(dir, 'file'), 'x');
    const error = await failure(() => writeFileAtomic(join(dir, 'file', 'report.md'), 'x'));
    expect(error.exitCode).toBe(ExitCode.cantCreate);
    expect(error.message).toMatch(/is not a folder|does not exist/);
  });

  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')('says permission denied for a folder it cannot write', async () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked, 0o555);
    const error = await failure(() => writeFileAtomic(join(locked, 'report.md'), 'x'));
    expect(error.message).toContain('permission denied');
  });

  it('writes through a symlink, so a link to the current report stays a link', async () => {
    const real = join(dir, 'real.md');
    writeFileSync(real, 'old');
    symlinkSync(real, join(dir, 'current.md'));
    await writeFileAtomic(join(dir, 'current.md'), 'new');
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'current.md'), 'utf8')).toBe('new');
  });
});

describe('sweepStaleTemps', () => {
  it('removes what runs killed outright left — their markers and the temporary files those name — and keeps those of live runs, other targets and the user\'s own files', () => {
    const target = join(dir, 'report.md');
    writeFileSync(join(dir, 'report.md.3141592653'), 'partial'); // a killed run's temporary file
    symlinkSync('report.md.3141592653', join(dir, '.report.md.999999999.0badc0de.liq-tmp')); // its marker (no such pid: above pid_max)
    writeFileSync(join(dir, 'report.md.2718281828'), 'partial'); // a live run's
    symlinkSync('report.md.2718281828', join(dir, `.report.md.${process.ppid}.0badc0de.liq-tmp`));
    writeFileSync(join(dir, '.report.md.999999998.0badf00d.liq-tmp'), 'partial'); // an older liq's temporary file
    writeFileSync(join(dir, 'report.md.20240101'), 'a backup the user made'); // no marker names it
    symlinkSync('notes.txt', join(dir, '.report.md.999999997.0badf00d.liq-tmp')); // a marker naming something else
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    writeFileSync(join(dir, '.other.md.999999999.0badc0de.liq-tmp'), 'partial');
    sweepStaleTemps(target);
    expect(readdirSync(dir).sort()).toEqual(
      ['.other.md.999999999.0badc0de.liq-tmp', `.report.md.${process.ppid}.0badc0de.liq-tmp`, 'notes.txt', 'report.md.20240101', 'report.md.2718281828'].sort(),
    );
  });

  it('names markers after the target, hidden, in the same folder', () => {
    expect(markerPathFor('/srv/reports/today.html')).toMatch(new RegExp(`^/srv/reports/\\.today\\.html\\.${process.pid}\\.[0-9a-f]{8}\\.liq-tmp$`));
  });

  it('a write removes a SIGKILLed run\'s leftovers for its target', async () => {
    const target = join(dir, 'report.md');
    writeFileSync(join(dir, 'report.md.123'), 'partial');
    symlinkSync('report.md.123', join(dir, '.report.md.999999999.0badc0de.liq-tmp'));
    await writeFileAtomic(target, 'today');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });
});

describe.skipIf(process.platform === 'win32')('a write interrupted by a signal', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`leaves the previous report intact and no temporary file on ${signal}`, async () => {
      const target = join(dir, 'report.md');
      writeFileSync(target, 'yesterday');
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, target, 'today ', '100000'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (b: Buffer) => (err += b.toString()));
      const temp = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          const match = /^ready (.+)\n/.exec(out);
          if (match !== null) resolve(match[1] as string);
        });
        child.on('exit', () => reject(new Error(`child exited before writing: ${err}`)));
      });
      expect(existsSync(temp), 'the temporary file exists, not yet renamed').toBe(true);
      expect(temps(dir).length, 'the temporary file and its marker').toBe(2);
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
      child.kill(signal);
      expect(await exited, 'the process dies of the signal, as without a handler').toBe(signal);
      expect(readFileSync(target, 'utf8')).toBe('yesterday');
      expect(temps(dir)).toEqual([]);
    });
  }
});
