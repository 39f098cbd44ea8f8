/**
 * Real-world shapes that must not change a number (the forms corpus): a SOFR download
 * saved calendar-daily (weekend rows repeating Friday), a data/ folder of 58 FRED
 * downloads most of which liq does not use, pandas' unnamed index, and two files of one
 * name from different folders. The files are made here, in a temporary folder, from the
 * real fixtures and the shapes those downloads have.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDay, parseIsoDay } from '../src/domain/dates.ts';
import { loadPaths } from '../src/io/load.ts';
import { liq, ROOT } from './helpers/run-liq.ts';

const FRED = join(ROOT, 'fixtures/fred');
let tmp = '';

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'liq-shapes-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The real SOFR.csv as a calendar-daily download: every day from `from`, a day with no fixing repeating the last one. */
function calendarDailySofr(from: string, to: string): string {
  const rows = readFileSync(join(FRED, 'SOFR.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const byDay = new Map(rows.filter(([, v]) => v !== '').map(([d, v]) => [d as string, v as string]));
  const out = ['observation_date,SOFR'];
  let last: string | undefined;
  for (let day = parseIsoDay(from) as number; day <= (parseIsoDay(to) as number); day++) {
    last = byDay.get(formatDay(day)) ?? last;
    if (last !== undefined) out.push(`${formatDay(day)},${last}`);
  }
  return `${out.join('\n')}\n`;
}

/** fixtures/fred/ with its SOFR.csv replaced by `sofr`. */
function fredWithSofr(name: string, sofr: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(FRED)) if (f !== 'SOFR.csv') copyFileSync(join(FRED, f), join(dir, f));
  writeFileSync(join(dir, 'SOFR.csv'), sofr);
  return dir;
}

const dashboard = (args: readonly string[]): { indicators: { id: string; metrics: Record<string, unknown> }[] } => {
  const run = liq(['check', '--json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
};
const metricsOf = (doc: ReturnType<typeof dashboard>, id: string): Record<string, unknown> | undefined => doc.indicators.find((i) => i.id === id)?.metrics;

describe('a SOFR download saved calendar-daily', () => {
  it('drops the weekend rows with one note and counts only the days that traded', () => {
    const dir = fredWithSofr('weekend-filled', calendarDailySofr('2025-06-02', '2025-10-31'));
    const run = liq(['check', '--json', '--as-of', '2025-10-31', dir]);
    expect(run.code, run.stderr).toBe(0);
    const notes = run.stderr.split('\n').filter((l) => l.includes('dropped'));
    expect(notes, 'one line for the file, not one per row').toHaveLength(1);
    // 2025-06-02 .. 10-31 has 22 weekends (44 days); the rows repeat the Friday before.
    expect(notes[0]).toMatch(/SOFR\.csv: dropped \d+ rows of sofr on weekends or market holidays repeating the business day before \(e\.g\. line 7, Saturday 2025-06-07: sofr 4\.29 as on 2025-06-06\)/);
    const spread = metricsOf(JSON.parse(run.stdout), 'sofr_rrp_spread');
    // The real file's 10-day mean to 2025-10-31 is 26.9 bp; counting weekends gave 27.8.
    const real = metricsOf(dashboard(['--as-of', '2025-10-31', 'fixtures/fred/']), 'sofr_rrp_spread');
    expect(spread?.avg10Bp).toBeCloseTo(26.9, 1);
    expect(spread?.avg10Bp).toBe(real?.avg10Bp);
    const ceiling = metricsOf(JSON.parse(run.stdout), 'sofr_above_ceiling');
    expect(ceiling, 'the real file: 7 of the 20 business days above 4.00 %, the last 5 in a row').toMatchObject({ count: 7, streak: 5 });
  });

  it('refuses a weekend row that is not a copy of the day before, naming its line', () => {
    const text = 'observation_date,SOFR\n2025-10-23,4.29\n2025-10-24,4.30\n2025-10-25,4.27\n2025-10-27,4.31\n';
    writeFileSync(join(tmp, 'SOFR-weekend.csv'), text);
    const run = liq(['check', join(tmp, 'SOFR-weekend.csv')]);
    expect(run.code).toBe(65);
    expect(run.stderr).toContain('SOFR-weekend.csv:4:2: sofr has an observation on Saturday 2025-10-25 (4.27), but it is published on business days only');
  });
});

/** FRED ids a typical data/ folder holds besides liq's: yields, exchange rates, spreads, prices. */
const UNRELATED = [
  'DGS1MO', 'DGS3MO', 'DGS6MO', 'DGS1', 'DGS2', 'DGS5', 'DGS10', 'DGS30', 'T10Y2Y', 'T10Y3M', 'T10YIE', 'T5YIE',
  'DFII10', 'DFII5', 'DTB3', 'DTB6', 'DTB4WK', 'DPRIME', 'DCOILWTICO', 'DCOILBRENTEU', 'DHHNGSP', 'DEXUSEU',
  'DEXJPUS', 'DEXUSUK', 'DEXCHUS', 'DEXCAUS', 'DEXMXUS', 'DTWEXBGS', 'BAMLH0A0HYM2', 'BAMLC0A0CM', 'VIXCLS',
  'SP500', 'NASDAQCOM', 'CPIAUCSL', 'PCEPI', 'UNRATE', 'PAYEMS', 'INDPRO', 'M2SL', 'MORTGAGE30US', 'HOUST', 'UMCSENT',
  'ICSA', 'WM2NS', 'GS10', 'FEDFUNDS',
];

function dataFolder(): string {
  const dir = join(tmp, 'data');
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(FRED)) copyFileSync(join(FRED, f), join(dir, f));
  // As many unrelated downloads as make 58 files with the fixtures liq reads.
  const known = readdirSync(FRED).length;
  UNRELATED.slice(0, 58 - known).forEach((id, k) => {
    const rows = ['2025-10-27', '2025-10-28', '2025-10-29', '2025-10-30', '2025-10-31'].map((d, i) => `${d},${(1 + k / 10 + i / 100).toFixed(2)}`);
    writeFileSync(join(dir, `${id}.csv`), `observation_date,${id}\n${rows.join('\n')}\n`);
  });
  return dir;
}

describe('a data/ folder of 58 FRED downloads', () => {
  it('reads the files it knows, skips the others with one note, and gives the dashboard of those it knows alone', () => {
    const dir = dataFolder();
    expect(readdirSync(dir)).toHaveLength(58);
    const skipped = 58 - readdirSync(FRED).length;
    const run = liq(['check', '--json', '--as-of', '2025-10-31', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`liq: note: ${dir}: skipped ${skipped} files with no series liq knows (--verbose lists them)`);
    expect(run.stderr).not.toContain('DGS10');
    expect(JSON.parse(run.stdout).indicators).toEqual(dashboard(['--as-of', '2025-10-31', 'fixtures/fred/']).indicators);
    const verbose = liq(['check', '--as-of', '2025-10-31', '--verbose', dir], { env: { XDG_CACHE_HOME: join(tmp, 'cache-verbose') } });
    expect(verbose.stderr).toContain(`skipped ${skipped} files with no series liq knows: BAMLC0A0CM.csv, BAMLH0A0HYM2.csv, CPIAUCSL.csv,`);
    expect(verbose.stderr).toContain('DGS10.csv');
  });

  it('still refuses such a file named on the command line', () => {
    const dir = dataFolder();
    const run = liq(['check', join(dir, 'DGS10.csv'), join(dir, 'SOFR.csv')]);
    expect(run.code).toBe(65);
    expect(run.stderr).toContain('DGS10.csv:1:2: no known series in the header (found "DGS10")');
  });
});

describe('pandas and same-named files', () => {
  it('reads an empty first header over ISO dates as the date column, with a note', async () => {
    const path = join(tmp, 'pandas.csv');
    writeFileSync(path, ',SOFR,RRPONTSYAWARD\n2019-09-16,2.43,2.0\n2019-09-17,5.25,2.0\n');
    const loaded = await loadPaths([path]);
    expect([...(loaded.series.get('sofr')?.values ?? [])]).toEqual([2.43, 5.25]);
    expect(loaded.notices).toContain(`${path}: the first column has no header but holds dates (pandas' index): read as the date column`);
  });

  it('still refuses an empty first header over something else', () => {
    const path = join(tmp, 'no-dates.csv');
    writeFileSync(path, ',SOFR\nfirst,2.43\n');
    const run = liq(['check', path]);
    expect(run.code).toBe(65);
    expect(run.stderr).toContain('no-dates.csv:1:1: the first column must be the date');
  });

  it('tells two WRESBAL.csv from different folders apart in the coverage table', () => {
    for (const [folder, file] of [['old', 'WRESBAL.csv'], ['new', 'WRESBAL_millions_2021-06_2026-06.csv']] as const) {
      mkdirSync(join(tmp, 'two', folder), { recursive: true });
      copyFileSync(join(FRED, file), join(tmp, 'two', folder, 'WRESBAL.csv'));
    }
    copyFileSync(join(FRED, 'SOFR.csv'), join(tmp, 'two', 'SOFR.csv'));
    const run = liq(['check', '--json', '--as-of', '2024-11-13', join(tmp, 'two/SOFR.csv'), join(tmp, 'two/old/WRESBAL.csv'), join(tmp, 'two/new/WRESBAL.csv')]);
    expect(run.code, run.stderr).toBe(0);
    const reserves = (JSON.parse(run.stdout).series as { name: string; sources?: string[] }[]).find((s) => s.name === 'reserves');
    expect(reserves?.sources).toEqual(['old/WRESBAL.csv (billions)', 'new/WRESBAL.csv (millions)']);
  });
});

describe("the New York Fed's reference-rate export", () => {
  const NYFED = join(ROOT, 'fixtures/nyfed/exports');
  const EVERY = [
    'sofr', 'sofr_p1', 'sofr_p25', 'sofr_p75', 'sofr_p99', 'sofr_volume',
    'effr', 'effr_p1', 'effr_p25', 'effr_p75', 'effr_p99', 'effr_volume',
    'obfr', 'tgcr', 'bgcr', 'target_lower', 'target_upper',
  ];
  const on = (s: { dates: Int32Array; values: Float64Array } | undefined, iso: string): number | undefined => {
    const i = s?.dates.indexOf(parseIsoDay(iso) as number) ?? -1;
    return i < 0 ? undefined : s?.values[i];
  };

  it('reads every rate type of the CSV: rates, percentiles, volumes and the target range', async () => {
    const { series } = await loadPaths([join(NYFED, 'SOFR.csv')]);
    expect([...series.keys()].sort()).toEqual([...EVERY].sort());
    // The file's first rows: 08/03/2026 EFFR 3.63 (3.6 / 3.62 / 3.63 / 3.68, 111 bn, 3.5–3.75), TGCR 3.63, BGCR 3.63.
    expect(on(series.get('effr'), '2026-08-03')).toBe(3.63);
    expect(on(series.get('effr_p99'), '2026-08-03')).toBe(3.68);
    expect(on(series.get('effr_volume'), '2026-08-03')).toBe(111);
    expect(on(series.get('target_upper'), '2026-08-03')).toBe(3.75);
    expect(on(series.get('tgcr'), '2026-08-03')).toBe(3.63);
    // 07/03/2026: EFFR and OBFR published, the repo rates not (the bond market closed early for the 4th).
    expect(on(series.get('obfr'), '2026-07-03')).toBeDefined();
    expect(on(series.get('sofr'), '2026-07-03')).toBeUndefined();
    expect(series.get('sofr')?.dates.length, '146 SOFR rows, oldest 2026-01-02').toBe(146);
    expect(on(series.get('sofr'), '2026-01-02')).toBe(3.75);
  });

  it('reads the same export saved as Excel, recognised by its bytes, with the 2025-10-31 readings', async () => {
    const { series } = await loadPaths([join(NYFED, 'SOFR.xlsx')]);
    expect([...series.keys()].sort()).toEqual([...EVERY].sort());
    // 2025-10-31, the record SRF day: SOFR 4.22, 25th percentile 4.15 (above IORB 3.90), TGCR 4.15, EFFR 3.86.
    expect(on(series.get('sofr'), '2025-10-31')).toBe(4.22);
    expect(on(series.get('sofr_p25'), '2025-10-31')).toBe(4.15);
    expect(on(series.get('sofr_p99'), '2025-10-31')).toBe(4.35);
    expect(on(series.get('tgcr'), '2025-10-31')).toBe(4.15);
    expect(on(series.get('bgcr'), '2025-10-31')).toBe(4.15);
    expect(on(series.get('effr'), '2025-10-31')).toBe(3.86);
    expect(on(series.get('sofr'), '2025-01-02')).toBe(4.4);
  });

  it('agrees with itself across the CSV and the workbook, and with FRED', () => {
    const run = liq(['check', '--json', join(NYFED, 'SOFR.csv'), join(NYFED, 'SOFR.xlsx'), 'fixtures/fred/SOFR.csv']);
    expect(run.code, run.stderr).toBe(0);
  });
});

describe('two TGAs', () => {
  it('reads fixtures/fred/ with fixtures/treasury/: the H.4.1 TGA and the daily statement kept apart', () => {
    const run = liq(['check', '--json', '--as-of', '2025-10-31', 'fixtures/fred/', 'fixtures/treasury/']);
    expect(run.code, run.stderr).toBe(0);
    const series = JSON.parse(run.stdout).series as { name: string; lastValue: number; last: string }[];
    // WTREGEN week average to 2025-10-29: 957,990 millions; the DTS closing balance of 2025-10-31.
    expect(series.find((s) => s.name === 'tga')).toMatchObject({ last: '2025-10-29', lastValue: 957.99 });
    expect(series.find((s) => s.name === 'tga_daily')?.last).toBe('2025-10-31');
  });

  it('given WTREGEN and WDTGAL, uses the Wednesday level and says so, with no conflict', () => {
    const dir = join(tmp, 'two-tga');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(FRED, 'SOFR.csv'), join(dir, 'SOFR.csv'));
    copyFileSync(join(FRED, 'WTREGEN.csv'), join(dir, 'WTREGEN.csv'));
    // A Wednesday-level file in FRED's WDTGAL form (millions), differing from the week average.
    writeFileSync(join(dir, 'WDTGAL.csv'), 'observation_date,WDTGAL\n2025-10-22,981234\n2025-10-29,1001234\n');
    const run = liq(['check', '--json', '--as-of', '2025-10-31', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('tga: both WTREGEN (week average) and WDTGAL (Wednesday level) given; using WDTGAL');
    const tga = (JSON.parse(run.stdout).series as { name: string; lastValue: number; count: number }[]).find((s) => s.name === 'tga');
    expect(tga).toMatchObject({ lastValue: 1001.234, count: 2 });
  });
});
