/**
 * Vitest global setup: the whole run gets a temporary folder of its own as TMPDIR (so
 * os.tmpdir() in every test, and in every liq a test spawns with the inherited
 * environment, points there), and at the end that folder must be empty again — a test
 * that leaves a folder or file behind fails the run, naming what it left. The folder
 * itself is removed either way, so even a failed run leaves nothing in the real /tmp.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What tools, not tests, keep in the temporary folder: tsx's compile cache (tsx-<uid>) for a child run with --import tsx. */
const TOOL_CACHES = /^tsx-\d+$/;

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'liq-vitest-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    const left = readdirSync(dir).filter((name) => !TOOL_CACHES.test(name));
    rmSync(dir, { recursive: true, force: true });
    if (left.length === 0) return;
    // A throw here is only printed by vitest; the exit code is what CI and `land` read.
    process.stderr.write(`\nFAIL: the tests left ${left.length} entr${left.length === 1 ? 'y' : 'ies'} in the temporary folder (remove them in afterAll): ${left.slice(0, 10).join(', ')}\n`);
    process.exitCode = 1;
  };
}
