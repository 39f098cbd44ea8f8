/**
 * The verdict on the bundled data as a new user first sees it: `liq check fixtures/fred/`
 * with no --as-of. The data end 2026-07-30, and the ON RRP rate, the SRF bid and the target
 * range end 2025-11-12 — 260 days earlier — so no price indicator can say ok, and the
 * headline says how old the data are. Today is injected through LIQ_TODAY, which only
 * the command line reads (the engine has no clock).
 */
import { describe, expect, it } from 'vitest';
import { liq } from './helpers/run-liq.ts';

const TODAY = { LIQ_TODAY: '2026-12-01' };
const FRED = 'fixtures/fred/';

interface Indicator { id: string; status: string; reason: string; stale: unknown[] }

describe('liq check fixtures/fred/ without --as-of', () => {
  const table = liq(['check', FRED], { env: TODAY });
  const doc = JSON.parse(liq(['check', FRED, '--json'], { env: TODAY }).stdout) as { asOf: string; status: string; indicators: Indicator[] };

  it('gives the data’s age in the headline', () => {
    expect(table.code).toBe(0);
    // 2026-07-30 → 2026-12-01: 1 (Jul 31) + 31 + 30 + 31 + 30 (Aug–Nov) + 1 = 124 days
    expect(table.stdout.split('\n')[0]).toBe('liq · as of 2026-07-30 (plain day) — 124 days ago · overall UNKNOWN');
    expect(liq(['check', FRED, '--format', 'md'], { env: TODAY }).stdout).toMatch(/^# liq: UNKNOWN as of 2026-07-30 \(plain day\) — 124 days ago\n/);
  });

  it('shows no OK computed from a stale input, in JSON or in the table', () => {
    const staleOk = doc.indicators.filter((r) => r.stale.length > 0 && r.status === 'ok');
    expect(staleOk).toEqual([]);
    const rows = table.stdout.split('\n').filter((l) => /\d{4}-\d{2}-\d{2}!$/.test(l));
    expect(rows.length, 'rows with a stale input').toBeGreaterThan(3);
    for (const row of rows) expect(row, 'a stale row is never OK').not.toMatch(/\bOK\b/);
  });

  it('says why a stale price indicator is unknown, and is unknown overall', () => {
    const spread = doc.indicators.find((r) => r.id === 'sofr_rrp_spread');
    expect(spread?.status).toBe('unknown');
    // 2026-07-30 − 2025-11-12 = 18 (rest of Nov) + 31 + 31 + 28 + 31 + 30 + 31 + 30 + 30 (Dec–Jul) = 260 days
    expect(spread?.reason).toBe('ON RRP award rate 260 days old: cannot confirm ok');
    expect(table.stdout).toContain('UNKNOWN SOFR − ON RRP: ON RRP award rate 260 days old: cannot confirm ok');
    expect(doc.status, 'every price indicator is unknown: quantities alone cannot say ok').toBe('unknown');
  });

  it('says nothing of age within 3 days, nor when --as-of chose the date', () => {
    expect(liq(['check', FRED], { env: { LIQ_TODAY: '2026-08-02' } }).stdout.split('\n')[0], '3 days: fresh enough').toBe('liq · as of 2026-07-30 (plain day) · overall UNKNOWN');
    expect(liq(['check', FRED], { env: { LIQ_TODAY: '2026-08-03' } }).stdout.split('\n')[0]).toContain('as of 2026-07-30 (plain day) — 4 days ago');
    expect(liq(['check', FRED, '--as-of', '2019-09-17'], { env: TODAY }).stdout.split('\n')[0]).toBe('liq · as of 2019-09-17 (plain day) · overall STRESS');
  });

  it('rejects a malformed LIQ_TODAY as a usage error', () => {
    const run = liq(['check', FRED], { env: { LIQ_TODAY: 'yesterday' } });
    expect(run.code).toBe(64);
    expect(run.stderr).toMatch(/LIQ_TODAY "yesterday"/);
  });
});

describe('--as-of after the last SOFR observation', () => {
  it('is a usage error (64) that names the last date and the fix', () => {
    const run = liq(['check', FRED, '--as-of', '2030-01-01']);
    expect(run.code).toBe(64);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--as-of 2030-01-01 is after the last SOFR observation (2026-07-30)');
    expect(run.stderr).toContain('--as-published --as-of 2026-07-31');
    expect(liq(['compare', FRED, '--as-of', '2026-07-31']).code, 'every data command').toBe(64);
  });

  it('is allowed with --as-published for the morning after the last print (Thursday 07-30 → Friday 07-31), not later', () => {
    const morning = liq(['check', FRED, '--as-of', '2026-07-31', '--as-published']);
    expect(morning.code).toBe(0);
    expect(morning.stdout.split('\n')[0]).toContain('as of 2026-07-31 (month-end, as published that morning)');
    expect(liq(['check', FRED, '--as-of', '2026-08-03', '--as-published']).code).toBe(64);
  });
});
