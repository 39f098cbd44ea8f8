/** `liq history`: chart on a terminal, CSV/JSON when piped, and the backtest of docs/indicators.md. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, isolatedEnv, liq, ROOT } from './helpers/run-liq.ts';

describe('liq history', () => {
  it('writes CSV with the metric keys of check --json when piped', () => {
    const run = liq(['history', 'fixtures/fred/', '-i', 'sofr_rrp_spread', '--from', '2019-09-12', '--to', '2019-09-18']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('date,status,stale,latestBp,avg10Bp,avg10PrevBp,change10Bp,dayTypes');
    // SOFR 2.43 − 2.00 = 43 bp on 2019-09-16; 5.25 − 2.00 = 325 bp on 2019-09-17.
    expect(lines, 'the eve was mid-month: corporate taxes and coupon settlement').toContain('2019-09-16,watch,false,43,19.8,11.8,8,mid_month');
    expect(lines.find((l) => l.startsWith('2019-09-17'))).toMatch(/^2019-09-17,stress,false,325,.*,plain$/);
    expect(lines).toHaveLength(1 + 5); // 12, 13, 16, 17, 18 September
  });

  it('writes a JSON array of {date, status, metrics}', () => {
    const run = liq(['history', 'fixtures/fred/', '-i', 'reserves_gdp', '--from', '2019-09-16', '--to', '2019-09-17', '--json']);
    const points = JSON.parse(run.stdout) as { date: string; status: string; metrics: Record<string, unknown> }[];
    expect(points.map((p) => p.date)).toEqual(['2019-09-16', '2019-09-17']);
    expect(Object.keys(points[0]?.metrics ?? {})).toEqual(['ratioPct', 'gdp', 'gdpDate']);
    expect(points[0]?.status).toBe('watch');
  });

  it('draws a chart with its thresholds on a terminal', () => {
    // `script` gives the child a real pseudo-terminal, as a person's shell would.
    const command = `${process.execPath} ${BIN} history fixtures/fred/ -i sofr_rrp_spread --from 2019-06-01 --to 2019-12-31`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: isolatedEnv({ COLUMNS: '100', TERM: 'xterm' }),
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('SOFR − ON RRP · 10-day mean · 2019-06-03 → 2019-12-31');
    expect(run.stdout).toMatch(/[╭╮╯╰│┤]/);
    expect(run.stdout).toContain('┄ watch 10 bp · ┄ stress 25 bp');
    expect(run.stdout, 'the unit over the value axis, a month on the time axis').toMatch(/^ *bp\r?$/m);
    expect(run.stdout).toMatch(/Jul +Aug +Sep/);
    expect(run.stdout).not.toContain('date,status');
  });

  it('rejects an unknown indicator and a missing one', () => {
    expect(liq(['history', 'fixtures/fred/', '-i', 'nope']).code).toBe(64);
    const none = liq(['history', 'fixtures/fred/']);
    expect(none.code).toBe(64);
    expect(none.stderr).toContain('--indicator ID');
  });
});

describe('the backtest on the real data (docs/indicators.md)', () => {
  const run = liq(['history', 'fixtures/fred/', '--all', '--calm', '2021-01-01..2024-12-31', '--json']);
  const doc = JSON.parse(run.stdout) as {
    backtest: { stressOnsets: { date: string }[]; calm: { stressDays: number; days: number }; years: { year: string; stress: number }[] };
    leadTimes: { episode: string; firstWatch: string | null; firstStress: string | null }[];
  };

  it('has no stress day in 2021–2024', () => {
    expect(doc.backtest.calm.days).toBeGreaterThan(990);
    expect(doc.backtest.calm.stressDays).toBe(0);
    for (const year of ['2021', '2022', '2023', '2024']) expect(doc.backtest.years.find((y) => y.year === year)?.stress).toBe(0);
  });

  it('finds stress onsets on the documented funding episodes and no others', () => {
    // 2019-10-22: SOFR − IOER (IOER derived from the target range) averaged 10.1 bp over 10
    // days, as the New York Fed enlarged its overnight repo operations; the one onset that
    // deriving IOER adds.
    expect(doc.backtest.stressOnsets.map((o) => o.date)).toEqual([
      '2018-06-04', '2018-12-06', '2019-05-01', '2019-07-05', '2019-09-16', '2019-10-22', '2020-03-16', '2025-10-29',
    ]);
  });

  it('was in stress by the day of each known episode', () => {
    const stress = Object.fromEntries(doc.leadTimes.map((l) => [l.episode, l.firstStress]));
    expect(stress['2019-09 repo spike']).toBe('2019-07-05');
    expect(stress['2020-03 dash for cash']).toBe('2020-03-16');
    expect(stress['2025-10 month-end, SRF 50 bn']).toBe('2025-10-29');
  });

  it('dates the first fresh price warning: a watch after 5 quiet business days, or none', () => {
    const watch = Object.fromEntries(doc.leadTimes.map((l) => [l.episode, l.firstWatch]));
    // From 2019-06-19 a price indicator was at watch on every day to the spike: never quiet.
    expect(watch['2019-09 repo spike']).toBeNull();
    // 22 quiet business days, 2020-01-31 to 03-03; then SOFR − ON RRP and SOFR − IORB at watch.
    expect(watch['2020-03 dash for cash']).toBe('2020-03-04');
    // Quiet from 2025-08-04 (the window's start) for 20 days, then watch on 2025-09-02.
    expect(watch['2025-10 month-end, SRF 50 bn']).toBe('2025-09-02');
  });
});

describe('--as-published', () => {
  const metricsOf = (args: string[]) => {
    const doc = JSON.parse(liq(['check', 'fixtures/fred/', '--json', ...args]).stdout) as {
      indicators: { id: string; metrics: Record<string, number | null>; inputs: { series: string; date: string; value: number }[] }[];
    };
    return Object.fromEntries(doc.indicators.map((i) => [i.id, i]));
  };

  it('hides the SOFR print of the as-of day until the next morning', () => {
    // Without the flag 2019-09-17 sees SOFR 5.25 (325 bp); that morning only 2.43 (43 bp) was out.
    expect(metricsOf(['--as-of', '2019-09-17']).sofr_rrp_spread?.metrics.latestBp).toBe(325);
    expect(metricsOf(['--as-of', '2019-09-17', '--as-published']).sofr_rrp_spread?.metrics.latestBp).toBe(43);
    expect(metricsOf(['--as-of', '2019-09-18', '--as-published']).sofr_rrp_spread?.metrics.latestBp).toBe(325);
  });

  it('hides the H.4.1 week until the Thursday release has passed', () => {
    // WRESBAL for the week to Wednesday 2019-09-18 is 1394.122, released Thursday 09-19 at 16:30.
    expect(metricsOf(['--as-of', '2019-09-19']).reserves?.metrics.level).toBe(1394.122);
    expect(metricsOf(['--as-of', '2019-09-19', '--as-published']).reserves?.metrics.level).toBe(1456.796);
    expect(metricsOf(['--as-of', '2019-09-20', '--as-published']).reserves?.metrics.level).toBe(1394.122);
  });

  it('hides GDP for a quarter until 120 days after it began', () => {
    // GDP 2019-07-01 (Q3) = 21717.171 is used on 2019-09-17 without the flag; published, Q2 still rules.
    const plain = metricsOf(['--as-of', '2019-09-17']).reserves_gdp;
    const published = metricsOf(['--as-of', '2019-09-17', '--as-published']).reserves_gdp;
    expect(plain?.inputs.find((i) => i.series === 'gdp')?.date).toBe('2019-07-01');
    expect(published?.inputs.find((i) => i.series === 'gdp')?.date).toBe('2019-04-01');
  });
});

describe('history --format by mode', () => {
  it('accepts only the formats of its mode: no silent CSV for --format table on one indicator', () => {
    const table = liq(['history', 'fixtures/fred/', '-i', 'sofr_rrp_spread', '--format', 'table']);
    expect(table.code).toBe(64);
    expect(table.stdout).toBe('');
    expect(table.stderr).toContain('--format table is for --all, not --indicator; with --indicator use one of: auto, chart, csv, json');
    const chart = liq(['history', 'fixtures/fred/', '--all', '--format', 'chart']);
    expect(chart.code).toBe(64);
    expect(chart.stderr).toContain('--format chart is for --indicator, not --all');
    expect(liq(['history', 'fixtures/fred/', '-i', 'sofr_rrp_spread', '--format', 'csv', '--from', '2026-07-01']).code).toBe(0);
  });
});
