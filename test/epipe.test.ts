/**
 * A reader that goes away (`liq … 2>&1 | head -1`, a monitor that closes its end) silences
 * liq but does not change its answer: the exit code is the command's own (the verdict's
 * with --exit-status, 66 for a missing file), never 1 from a crash on EPIPE nor 0 from
 * leaving early. Each case spawns bin/liq.cjs with the read end of a pipe closed before
 * liq writes to it.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, isolatedEnv, ROOT } from './helpers/run-liq.ts';

/** Runs liq with its stdout or stderr a pipe whose reading end is closed at once; resolves its exit code and what the open stream got. */
function withClosed(stream: 'stdout' | 'stderr', args: readonly string[]): Promise<{ code: number | null; signal: string | null; other: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: isolatedEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    child[stream].destroy(); // the reader is gone before liq has started
    let other = '';
    const open = stream === 'stdout' ? child.stderr : child.stdout;
    open.setEncoding('utf8').on('data', (d: string) => (other += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, other });
    });
  });
}

// fixtures/raw/ holds a FRED data list with columns liq does not use and a file it skips:
// two notes on stderr, then the dashboard of the 2019 spike (stress) on stdout.
const NOTES_AND_STRESS = ['check', 'fixtures/fred/', 'fixtures/raw/', '--as-of', '2019-09-17', '--exit-status'];

describe('a closed pipe', () => {
  it('on stderr: the notes are dropped, the dashboard printed, and the exit code is the verdict (stress, 2)', async () => {
    const run = await withClosed('stderr', NOTES_AND_STRESS);
    expect(run.signal).toBeNull();
    expect(run.code, 'stress with --exit-status; 1 was the crash on EPIPE').toBe(2);
    expect(run.other).toContain('overall STRESS');
  });

  it('on stderr: an error still exits with its own code (66, a missing file)', async () => {
    const run = await withClosed('stderr', ['check', 'fixtures/fred/', 'no-such-file.csv']);
    expect(run.code).toBe(66);
  });

  it('on stdout: the exit code is still the verdict (2), not 0 from leaving early, and stderr says nothing of it', async () => {
    const run = await withClosed('stdout', NOTES_AND_STRESS);
    expect(run.code).toBe(2);
    expect(run.other, 'the notes, and no EPIPE trace').not.toMatch(/EPIPE|Error|internal/);
    expect(run.other).toContain('liq: note:');
  });

  it('on stdout, without --exit-status: 0', async () => {
    const run = await withClosed('stdout', ['history', 'fixtures/fred/', '--all', '--format', 'csv', '--to', '2019-12-31']);
    expect(run).toMatchObject({ code: 0, other: '' });
  });
});
