/**
 * A read-only command writes no file anywhere: not in the home folder, not in a cache
 * folder, not in the current folder, not in the temporary folder. Each runs with HOME,
 * XDG_CACHE_HOME, LIQ_CACHE_DIR and TMPDIR pointed at empty folders of its own, from an
 * empty current folder, and every one of those folders must still be empty afterwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers/run-liq.ts';

const FRED = join(ROOT, 'fixtures/fred');
const work = mkdtempSync(join(tmpdir(), 'liq-read-only-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }).stdout;
const has = (command: string): boolean => new RegExp(`^\\s+${command}\\b`, 'm').test(help);

const COMMANDS: readonly (readonly string[])[] = [
  ['check', FRED],
  ['check', FRED, '--as-of', '2019-09-17', '--json'],
  ['check', FRED, '--format', 'md'],
  ['compare', FRED, '--as-of', '2025-10-31'],
  ['history', FRED, '--indicator', 'sofr_rrp_spread', '--from', '2019-06-01'],
  ['history', FRED, '--all', '--format', 'csv'],
  ['config'],
  ['config', '--json'],
  ['schema'],
  ...(has('outlook') ? [['outlook', FRED]] : []),
];

let runs = 0;

describe('read-only commands', () => {
  it.each(COMMANDS.map((args) => [args.join(' ').replaceAll(ROOT, ''), args] as const))('liq %s writes no file', (_, args) => {
    const base = join(work, `run-${++runs}`);
    const dirs = { HOME: join(base, 'home'), XDG_CACHE_HOME: join(base, 'xdg-cache'), LIQ_CACHE_DIR: join(base, 'liq-cache'), TMPDIR: join(base, 'tmp'), cwd: join(base, 'cwd') };
    for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
    const { cwd, ...env } = dirs;
    const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env } });
    expect(run.status, run.stderr).not.toBeNull();
    expect(run.status, run.stderr).toBeLessThanOrEqual(3); // ok/watch/stress/unknown, not a failure
    expect(run.stdout.length, 'it did its job').toBeGreaterThan(0);
    for (const [name, dir] of Object.entries(dirs)) expect(readdirSync(dir), `${name} stays empty`).toEqual([]);
  });
});
