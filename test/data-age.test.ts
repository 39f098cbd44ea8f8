/**
 * The data's age in every headline a person reads, as `liq check` says it: the last SOFR
 * date of fixtures/fred/ is 2026-07-30, and with today 2026-12-01 (LIQ_TODAY stands in for
 * the clock, which only the CLI reads) that is 2026-12-01 − 2026-07-30 = 124 days
 * (1 + 31 + 30 + 31 + 30 + 1). A date chosen with --as-of is old on purpose: no age.
 */
import { describe, expect, it } from 'vitest';
import { liq } from './helpers/run-liq.ts';

const TODAY = { LIQ_TODAY: '2026-12-01' };
const first = (args: readonly string[]): string => {
  const run = liq(args, { env: TODAY });
  expect(run.code, run.stderr).toBe(0);
  return run.stdout.split('\n')[0] ?? '';
};

describe('the data-age line', () => {
  it('check (as it was): as of 2026-07-30 (plain day) — 124 days ago', () => {
    expect(first(['check', 'fixtures/fred/'])).toBe('liq · as of 2026-07-30 (plain day) — 124 days ago · overall UNKNOWN');
  });

  it('compare, table and markdown', () => {
    expect(first(['compare', 'fixtures/fred/'])).toMatch(/^liq compare · episode 2019-09 · as of 2026-07-30\b.* — 124 days ago$/);
    expect(first(['compare', 'fixtures/fred/', '--format', 'md'])).toMatch(/^# liq compare: episode 2019-09, as of 2026-07-30\b.* — 124 days ago$/);
  });

  it('the daily report, markdown and HTML', () => {
    expect(first(['report', 'fixtures/fred/', '--out', '-', '--format', 'md'])).toBe('# liq daily report: UNKNOWN as of 2026-07-30 (plain day) — 124 days ago');
    const html = liq(['report', 'fixtures/fred/', '--out', '-', '--format', 'html'], { env: TODAY }).stdout;
    expect(html).toContain('<h1>liq daily report · <span class="nowrap">2026-07-30</span> (plain day) — 124 days ago</h1>');
  });

  it('is not said when --as-of chose the date, nor when the data are fresh', () => {
    expect(first(['compare', 'fixtures/fred/', '--as-of', '2025-10-31'])).not.toMatch(/days? ago/);
    expect(first(['compare', 'fixtures/fred/', '--as-of', '2025-10-31', '--format', 'md'])).toMatch(/^# liq compare: episode 2019-09, as of 2025-10-31\b(?!.*ago)/);
    const html = liq(['report', 'fixtures/fred/', '--as-of', '2025-10-31', '--out', '-', '--format', 'html'], { env: TODAY }).stdout;
    expect(html).toContain('<h1>liq daily report · <span class="nowrap">2025-10-31</span> (month-end)</h1>');
    const fresh = liq(['compare', 'fixtures/fred/'], { env: { LIQ_TODAY: '2026-08-02' } }).stdout.split('\n')[0];
    expect(fresh, '3 days: not worth saying').not.toMatch(/days? ago/);
  });
});
