/** `liq compare` and the bundled 2019 reference, checked against the raw FRED values. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReference, REFERENCE_FILE } from '../scripts/reference.ts';
import { liq, ROOT } from './helpers/run-liq.ts';

interface Row { indicator: string; metric: string; now: number | null; eve: number | null; spike: number | null; diff: number | null; ratio: number | null; atOrBeyondEve: boolean | null }
interface Doc { episode: string; now: { date: string; status: string }; eve: { date: string }; spike: { date: string }; rows: Row[]; summary: { text: string } }

const compareJson = (...args: string[]): Doc => {
  // The FRED downloads with the bundled SRF take-up and the NY Fed distributions, as the reference was built.
  const run = liq(['compare', 'fixtures/fred/', 'fixtures/bundled/', '--json', ...args]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Doc;
};
const row = (doc: Doc, indicator: string, metric: string): Row => doc.rows.find((r) => r.indicator === indicator && r.metric === metric) as Row;

describe('liq compare', () => {
  it('shows the spike day equal to itself when run as of 2019-09-17', () => {
    const doc = compareJson('--as-of', '2019-09-17');
    expect(doc.now.date).toBe('2019-09-17');
    expect(doc.spike.date).toBe('2019-09-17');
    for (const r of doc.rows) expect(r.now, `${r.indicator}.${r.metric}`).toEqual(r.spike);
  });

  it('holds reference values equal to the raw FRED values', () => {
    const doc = compareJson('--as-of', '2025-10-31');
    expect(doc.eve.date).toBe('2019-09-16');
    // SOFR 2.43 − RRPONTSYAWARD 2.00 = 43 bp on the eve; 5.25 − 2.00 = 325 bp at the spike.
    expect(row(doc, 'sofr_rrp_spread', 'latestBp')).toMatchObject({ eve: 43, spike: 325 });
    // NY Fed SOFR 99th percentile: 4.60 − 2.43 = 217 bp on the eve, 9.00 − 5.25 = 375 bp at the spike; 4.35 − 4.22 = 13 bp now.
    expect(row(doc, 'sofr_tail', 'p99Bp')).toMatchObject({ now: 13, eve: 217, spike: 375 });
    // DFEDTARU 2.25 − EFFR 2.25 = 0 bp on the eve; 2.25 − 2.30 = −5 bp at the spike.
    expect(row(doc, 'effr_in_range', 'belowUpperBp')).toMatchObject({ eve: 0, spike: -5 });
    // WRESBAL 2019-09-11 = 1456.796 bn (the 2019-09-18 week is not yet out on the 16th/17th).
    expect(row(doc, 'reserves', 'level')).toMatchObject({ eve: 1456.796, spike: 1456.796 });
    // 1456.796 / GDP 2019-07-01 21717.171 × 100 = 6.70803…%
    expect(row(doc, 'reserves_gdp', 'ratioPct').eve).toBeCloseTo((1456.796 / 21717.171) * 100, 9);
    // WTREGEN 2019-09-11 = 185342.0 millions = 185.342 bn; RRPONTSYD 2019-09-16 = 2.202, 09-17 = 1.825.
    expect(row(doc, 'tga', 'level').eve).toBe(185.342);
    expect(row(doc, 'rrp', 'level')).toMatchObject({ eve: 2.202, spike: 1.825 });
    // Now: SOFR 4.22 − ON RRP 3.75 = 47 bp on 2025-10-31; diff 47 − 43 = 4.
    expect(row(doc, 'sofr_rrp_spread', 'latestBp')).toMatchObject({ now: 47, diff: 4, atOrBeyondEve: true, versusEve: 'tighter', nowStale: false });
    // Reserves ratio now/eve = 2848.021 / 1456.796.
    expect(row(doc, 'reserves', 'level').ratio).toBeCloseTo(2848.021 / 1456.796, 9);
    expect(doc.summary.text).toMatch(/of \d+ measures/);
  });

  it('ships a reference that the script regenerates byte for byte from fixtures/fred', async () => {
    const committed = readFileSync(join(ROOT, REFERENCE_FILE), 'utf8');
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      expect(`${JSON.stringify(await buildReference(), null, 2)}\n`).toBe(committed);
    } finally {
      process.chdir(cwd);
    }
  });

  it('computes an episode given as a month from the data: its worst SOFR day', () => {
    const doc = compareJson('--as-of', '2019-09-17', '--episode', '2019-09-17');
    expect(doc.spike.date).toBe('2019-09-17');
    const march = compareJson('--episode', '2020-03');
    // The widest SOFR − ON RRP print of March 2020 and the business day before it.
    expect(march.episode).toBe('2020-03');
    expect(march.spike.date.slice(0, 7)).toBe('2020-03');
    const named = compareJson('--episode', 'covid=2020-03-16');
    expect(named).toMatchObject({ episode: 'covid', spike: { date: '2020-03-16' }, eve: { date: '2020-03-13' } });
  });

  it('rejects an episode it cannot read, and one outside the data', () => {
    const bad = liq(['compare', 'fixtures/fred/', '--episode', 'sometime']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--episode "sometime"');
    const outside = liq(['compare', 'fixtures/fred/', '--episode', '2010-05']);
    expect(outside.code, 'every bad --episode is a usage error').toBe(64);
    expect(outside.stderr).toContain('no SOFR observations for 2010-05');
    expect(outside.stderr).toContain('(SOFR runs from 2018-04-03 to 2026-07-30)');
    const month13 = liq(['compare', 'fixtures/fred/', '--episode', '2019-13']);
    expect([month13.code, month13.stderr.trim()]).toEqual([64, 'liq: --episode "2019-13": month 13 (months are 01–12)']);
    expect(liq(['compare', 'fixtures/fred/', '--episode', 'x=2019-02-30']).stderr).toContain('day 30 (2019-02 has 28 days)');
  });

  it('prints a table a person can read', () => {
    const run = liq(['compare', 'fixtures/fred/', '--as-of', '2025-10-31'], { env: { COLUMNS: '200' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Eve 2019-09-16');
    expect(run.stdout).toContain('Spike 2019-09-17');
    expect(run.stdout).toMatch(/SOFR − ON RRP, that day\s+47 bp\s+43 bp\s+325 bp\s+\+4 bp\s+tighter than the eve$/m);
    expect(run.stdout.split('\n')[2], 'the last column has a heading').toMatch(/Now\/eve\s+Versus the eve$/);
    // Reserves 2,848 bn now against 1,457 bn on the eve: more reserves is less strain.
    expect(run.stdout).toMatch(/^Reserves\s+2,848 bn\s+1,457 bn\s+1,457 bn\s+\+1,391 bn\s+1\.95×\s+looser than the eve$/m);
    // EFFR 14 bp below the top now, 0 bp on the eve: closer to the top is more strain.
    expect(run.stdout).toMatch(/^EFFR below top of range\s+14 bp\s+0 bp\s+−5 bp\s+\+14 bp\s+looser than the eve$/m);
    // TGA 958 bn now against 185 bn: a bigger TGA drains reserves.
    expect(run.stdout).toMatch(/^TGA\s+958 bn\s+185 bn\s+185 bn\s+\+773 bn\s+5\.17×\s+tighter than the eve$/m);
    // Changes carry their sign in every column: TGA +123 bn over 52 weeks now, −118 bn on the eve.
    expect(run.stdout).toMatch(/^TGA, 52-week change\s+\+123 bn\s+−118 bn/m);
  });

  it('flags values computed from stale inputs in the Now column', () => {
    const run = liq(['compare', 'fixtures/fred/']);
    // The latest ON RRP rate is 260 days old on 2026-07-30.
    expect(run.stdout).toMatch(/^SOFR − ON RRP, 10-day mean\s+−12\.4 bp!\s+19\.8 bp/m);
    expect(run.stdout).toContain('! now computed from a stale input (see liq check)');
    for (const line of run.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(120);
  });
});
