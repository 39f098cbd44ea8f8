/**
 * Golden files: `liq check` on the real FRED fixtures, spawned through bin/liq.cjs (run
 * `npm run build` first), as a table without colour and as JSON. Each file was read by eye
 * against fixtures/SOURCES.md; `vitest -u` rewrites them, so re-read any diff before
 * committing it.
 */
import { describe, expect, it } from 'vitest';
import { liq } from './helpers/run-liq.ts';

const CASES = [
  { name: '2019-09-16', args: ['--as-of', '2019-09-16'] }, // the eve of the 2019 repo spike
  { name: '2019-09-17', args: ['--as-of', '2019-09-17'] }, // the spike: SOFR 5.25
  { name: '2021-06-15', args: ['--as-of', '2021-06-15'] }, // abundant reserves, ON RRP filling
  { name: 'latest', args: [] }, // the last SOFR date in the fixtures
] as const;

/** The day the goldens were read (the clock reaches only the headline's data age). */
const TODAY = { LIQ_TODAY: '2026-12-01' };

describe('liq check on fixtures/fred/ (golden)', () => {
  for (const { name, args } of CASES) {
    it(`prints the table for ${name}`, async () => {
      const run = liq(['check', 'fixtures/fred/', ...args, '--no-color'], { env: TODAY });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      await expect(run.stdout).toMatchFileSnapshot(`../fixtures/expected/check-${name}.txt`);
      for (const line of run.stdout.split('\n')) expect([...line].length, `fits 100 columns: ${line}`).toBeLessThanOrEqual(100);
    });

    it(`prints the JSON for ${name}`, async () => {
      const run = liq(['check', 'fixtures/fred/', ...args, '--json'], { env: TODAY });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      await expect(run.stdout).toMatchFileSnapshot(`../fixtures/expected/check-${name}.json`);
    });
  }
});
