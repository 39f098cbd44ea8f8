/**
 * `liq report --out` respects what it names: a device or FIFO is written to, never
 * replaced by a file; a dangling symlink is an error; a symlink to a file is followed.
 * These run the real binary, as root in CI (where replacing /dev/full was possible).
 */
import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, liq, ROOT } from './helpers/run-liq.ts';

const FRED = join(ROOT, 'fixtures/fred');
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'liq-out-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const mkfifo = (path: string): void => {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr.toString()}`);
};

describe.skipIf(process.platform === 'win32')('liq report --out on what is not a regular file', () => {
  it('reports ENOSPC from /dev/full as exit 73, and /dev/full stays a device', () => {
    const before = statSync('/dev/full');
    const run = liq(['report', FRED, '--out', '/dev/full']);
    expect(run.stderr).toBe('liq: cannot write /dev/full: no space left on the device\n');
    expect(run.code).toBe(73);
    const after = lstatSync('/dev/full');
    expect(after.isCharacterDevice(), '/dev/full is still a character device').toBe(true);
    expect(after.rdev).toBe(before.rdev);
    expect(readdirSync('/dev').filter((f) => f.startsWith('full.') || f.startsWith('.full.'))).toEqual([]);
  });

  it('writes into a FIFO that a reader has open, and leaves it a FIFO', async () => {
    const fifo = join(dir, 'report.fifo');
    mkfifo(fifo);
    let received = '';
    const reader = new Promise<void>((resolve, reject) => {
      createReadStream(fifo, 'utf8').on('data', (chunk) => (received += chunk)).on('end', resolve).on('error', reject);
    });
    const child = spawn(process.execPath, [BIN, 'report', FRED, '--out', fifo, '--format', 'md'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    await reader;
    expect(code).toBe(0);
    expect(received).toMatch(/^# liq/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['report.fifo']);
  });

  it('gives up on a FIFO that nobody reads after 5 s, with exit 73, instead of hanging', () => {
    const fifo = join(dir, 'unread.fifo');
    mkfifo(fifo);
    const started = Date.now();
    const run = spawnSync(process.execPath, [BIN, 'report', FRED, '--out', fifo], { cwd: ROOT, encoding: 'utf8', timeout: 20_000, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    expect(run.stderr).toBe(`liq: cannot write ${fifo}: no process is reading from it\n`);
    expect(run.status).toBe(73);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  }, 30_000);

  it('writes to /dev/stdout as to stdout', () => {
    const run = liq(['report', FRED, '--out', '/dev/stdout', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty('status');
  });

  it('refuses a dangling symlink (exit 73) and leaves the link as it was', () => {
    const link = join(dir, 'current.md');
    symlinkSync(join(dir, 'archive', 'today.md'), link);
    const run = liq(['report', FRED, '--out', link]);
    expect(run.stderr).toBe(`liq: cannot write ${link}: it is a symlink to ${join(dir, 'archive', 'today.md')}, which does not exist; liq does not replace a link it cannot follow (remove the link, or create its target)\n`);
    expect(run.code).toBe(73);
    expect(readlinkSync(link)).toBe(join(dir, 'archive', 'today.md'));
  });

  it('follows a symlink to a regular file, which is replaced atomically', () => {
    const real = join(dir, 'real.md');
    writeFileSync(real, 'yesterday');
    const link = join(dir, 'latest.md');
    symlinkSync(real, link);
    const run = liq(['report', FRED, '--out', link]);
    expect(run.code, run.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toMatch(/^# liq/);
  });
});
