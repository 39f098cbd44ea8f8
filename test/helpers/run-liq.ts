/**
 * Spawns the real bin/liq (the built bundle) the way a user would, with colour off and
 * with a home of its own: HOME, XDG_CACHE_HOME and LIQ_CACHE_DIR point into a temporary
 * folder made for the test file and removed after it, so no test run reads or writes the
 * real home (a ~/.cache/liq or a ~/liq.config.json of the person running the tests).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/liq.cjs', import.meta.url));

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let home: string | undefined;
afterAll(() => {
  if (home !== undefined) rmSync(home, { recursive: true, force: true });
  home = undefined;
});

/**
 * The environment a spawned liq gets: PATH, colour off, and HOME, XDG_CACHE_HOME and
 * LIQ_CACHE_DIR inside this test file's temporary home; `extra` is added last.
 */
export function isolatedEnv(extra: Record<string, string> = {}): Record<string, string> {
  if (home === undefined) {
    home = mkdtempSync(join(tmpdir(), 'liq-test-home-'));
    for (const dir of ['home', 'xdg-cache', 'liq-cache']) mkdirSync(join(home, dir));
  }
  return {
    PATH: process.env.PATH ?? '',
    HOME: join(home, 'home'),
    XDG_CACHE_HOME: join(home, 'xdg-cache'),
    LIQ_CACHE_DIR: join(home, 'liq-cache'),
    NO_COLOR: '1',
    ...extra,
  };
}

export function liq(args: readonly string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: isolatedEnv(options.env),
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface AsyncRunOptions {
  /** The whole environment of the child (default: isolatedEnv()). */
  readonly env?: Record<string, string>;
  /** Node options before the script, e.g. ['--require', helper]. */
  readonly nodeArgs?: readonly string[];
  /** Run as another user (root only). */
  readonly user?: { readonly uid: number; readonly gid: number };
  /** Kill the child after this long (default: never). */
  readonly killAfterMs?: number;
}

/**
 * Spawns bin/liq without blocking this process, for tests that serve something (a fake
 * source, a webhook) the child talks to while it runs; `ms` is its wall time.
 */
export function liqAsync(args: readonly string[], options: AsyncRunOptions = {}): Promise<Run & { ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], { cwd: ROOT, env: options.env ?? isolatedEnv(), ...options.user });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const killer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}
