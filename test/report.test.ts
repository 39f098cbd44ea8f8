/**
 * `liq report` end to end: the spawned binary for what a cron job sees (quiet, exit codes,
 * atomic output, failures), and the in-process report for the HTML's structure.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIsoDay } from '../src/domain/dates.ts';
import type { SeriesSet } from '../src/domain/series.ts';
import { buildReport, previousBusinessDay } from '../src/engine/daily-report.ts';
import { REFERENCE_2019 } from '../src/engine/episodes.ts';
import { deriveSeries } from '../src/engine/derive.ts';
import { DEFAULT_THRESHOLDS } from '../src/engine/thresholds.ts';
import { loadPaths } from '../src/io/load.ts';
import { reportHtml } from '../src/report/html.ts';
import { reportMarkdown } from '../src/report/report-md.ts';
import { escapeXml } from '../src/report/svg.ts';
import { checkDocumentSchema } from '../src/report/schema.ts';
import { BIN, isolatedEnv, liq, ROOT } from './helpers/run-liq.ts';

const FRED = join(ROOT, 'fixtures/fred');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'liq-report-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const leftovers = (folder: string): string[] => readdirSync(folder).filter((f) => f.endsWith('.liq-tmp'));
function folder(name: string): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  return path;
}

describe('liq report writes quietly', () => {
  it('writes the markdown report and prints nothing on success', () => {
    const out = join(folder('md'), 'report.md');
    const run = liq(['report', FRED, '--as-of', '2019-09-17', '--out', out]);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const md = readFileSync(out, 'utf8');
    expect(md.split('\n')[0]).toBe('# liq daily report: STRESS as of 2019-09-17 (plain day)');
    for (const section of ['## Indicators', '## What changed since 2019-09-16', '## Stale or unavailable inputs', '## Compared with 2019-09', '## Data']) {
      expect(md).toContain(section);
    }
    expect(md, 'SOFR − RRP avg10 crossed 25 bp on the spike day').toContain('- SOFR − ON RRP: watch → stress');
    expect(md).toContain('| SOFR − ON RRP | latest spread | 43 bp | 325 bp | +282 bp |');
    expect(md).toMatch(/On 2019-09-17, \d+ of \d+ measures are as tight as or tighter than on the eve of 2019-09 \(2019-09-16\)/);
    expect(leftovers(join(dir, 'md'))).toEqual([]);
  });

  it('writes to stdout with --out -', () => {
    const run = liq(['report', FRED, '--as-of', '2019-09-17', '--out', '-']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('# liq daily report: STRESS as of 2019-09-17 (plain day)\n')).toBe(true);
    expect(run.stderr).toBe('');
  });

  it('says what it wrote on stderr with --verbose', () => {
    const out = join(folder('verbose'), 'r.md');
    const run = liq(['report', FRED, '--as-of', '2019-09-17', '--out', out, '--verbose']);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^liq: wrote ${out} \\(md, \\d+ bytes\\): stress as of 2019-09-17\\n$`));
  });

  it('needs --out (exit 64)', () => {
    const run = liq(['report', FRED]);
    expect(run.code).toBe(64);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('liq report needs --out FILE (or --out - for stdout)');
  });

  it('reads stdin like a file', () => {
    const wide = readFileSync(join(ROOT, 'fixtures/samples/wide.csv'), 'utf8');
    const fromStdin = liq(['report', '-', '--as-of', '2019-09-17', '--out', '-', '--json'], { input: wide });
    const fromFile = liq(['report', join(ROOT, 'fixtures/samples/wide.csv'), '--as-of', '2019-09-17', '--out', '-', '--json']);
    expect(fromStdin.code).toBe(0);
    const a = JSON.parse(fromStdin.stdout);
    const b = JSON.parse(fromFile.stdout);
    expect(a.indicators).toEqual(b.indicators);
    expect(a.changes).toEqual(b.changes);
  });
});

describe('liq report formats', () => {
  it('gives JSON that is check --json\'s document, key for key, plus changes, comparison and outlook', () => {
    const report = JSON.parse(liq(['report', FRED, '--as-of', '2019-09-17', '--out', '-', '--json']).stdout);
    const check = JSON.parse(liq(['check', FRED, '--as-of', '2019-09-17', '--json']).stdout);
    for (const key of Object.keys(check)) expect(report[key], key).toEqual(check[key]);
    expect(Object.keys(report)).toEqual([...Object.keys(check), 'changes', 'comparison', 'outlook']);
    expect(checkDocumentSchema.safeParse(report).success).toBe(true);
    expect(report.changes.previousAsOf).toBe('2019-09-16');
    expect(report.changes.indicators.find((c: { id: string }) => c.id === 'sofr_rrp_spread').metrics.latestBp).toEqual({ before: 43, now: 325, change: 282 });
    expect(report.comparison).toMatchObject({ episode: '2019-09', now: { date: '2019-09-17', status: 'stress' }, eve: { date: '2019-09-16' } });
  });

  it('picks the format from the --out extension unless --format says otherwise', () => {
    const f = folder('auto');
    for (const name of ['r.html', 'r.json', 'r.txt', 'forced.html']) {
      const extra = name === 'forced.html' ? ['--format', 'md'] : [];
      expect(liq(['report', FRED, '--as-of', '2019-09-17', '--out', join(f, name), ...extra]).code).toBe(0);
    }
    expect(readFileSync(join(f, 'r.html'), 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
    expect(JSON.parse(readFileSync(join(f, 'r.json'), 'utf8')).schemaVersion).toBe(1);
    expect(readFileSync(join(f, 'r.txt'), 'utf8').startsWith('# liq daily report')).toBe(true);
    expect(readFileSync(join(f, 'forced.html'), 'utf8').startsWith('# liq daily report')).toBe(true);
  });

  it('writes an HTML page titled with the as-of date and status, with the corridor, six indicator charts and the outlook\'s', () => {
    const out = join(folder('html'), 'report.html');
    expect(liq(['report', FRED, '--out', out, '--as-of', '2025-10-31']).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toBe('liq 2025-10-31: STRESS');
    expect(html.match(/<svg\b/g), 'no SRF take-up in the FRED fixtures: no bars chart; the outlook\'s last').toHaveLength(8);
    expect(html).not.toMatch(/<script|<link|@import|\s(src|href)=["']?(https?:)?\/\//i);
  });
});

describe('the HTML report, built in process on the FRED fixtures', () => {
  let all: SeriesSet;
  beforeAll(async () => {
    all = deriveSeries((await loadPaths([FRED])).series);
  });
  const options = { asPublished: false, thresholds: DEFAULT_THRESHOLDS, netLiquidity: 'fed_assets - tga - rrp' as const };

  it('keeps each date of its sentences on one line', () => {
    const html = reportHtml(buildReport({ all, asOf: parseIsoDay('2025-10-31') as number, options, reference: REFERENCE_2019, charts: false, configPath: null, generator: 'liq test' }));
    // The comparison's summary names the eve (2019-09-16): at 390 px it broke as "2019-" over "09-16".
    const sentences = [...html.matchAll(/<(p|li)\b[^>]*>([^]*?)<\/\1>/g)].map((m) => m[2] as string).join(' ');
    expect(sentences).toContain('<span class="nowrap">2019-09-16</span>');
    const bare = sentences.replace(/<span class="nowrap">[^<]*<\/span>/g, '');
    expect(bare, 'no date outside a nowrap span').not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('draws each chart with one polyline point per day that has a value, over six months', () => {
    const report = buildReport({ all, asOf: parseIsoDay('2019-09-17') as number, options, reference: REFERENCE_2019, charts: true, configPath: null, generator: 'liq test' });
    const html = reportHtml(report);
    // The corridor comes first (no SRF take-up in these data), then one chart per indicator, then the outlook's.
    const svgs = (html.match(/<svg\b[\s\S]*?<\/svg>/g) ?? []).slice(1);
    expect(svgs).toHaveLength(report.charts.length + 1);
    expect(report.charts.map((c) => `${c.id}.${c.metric}`)).toEqual([
      'sofr_rrp_spread.avg10Bp', 'sofr_above_ceiling.count', 'reserves_gdp.ratioPct', 'tga.change13w', 'rrp.level', 'net_liquidity.change13w',
    ]);
    report.charts.forEach((chart, i) => {
      expect(chart.from).toBe('2019-03-18');
      expect(chart.points.length, 'about 125 business days in six months').toBeGreaterThan(110);
      const values = chart.points.filter((p) => typeof p.metrics[chart.metric] === 'number').length;
      const drawn = [...(svgs[i] as string).matchAll(/<polyline[^>]* points="([^"]*)"/g)].flatMap((m) => (m[1] as string).split(' '));
      expect(drawn.length, chart.id).toBe(values);
      expect(svgs[i]).toContain(`aria-label="${escapeXml(`${chart.title} (${chart.unit}), 2019-03-18 to 2019-09-17; latest`)}`);
    });
    expect(svgs[0], 'the 10 and 25 bp thresholds of SOFR − RRP').toContain('band band-stress');
  });

  it('shows the same sections as the markdown report', () => {
    const report = buildReport({ all, asOf: parseIsoDay('2019-09-17') as number, options, reference: REFERENCE_2019, charts: true, configPath: null, generator: 'liq test' });
    const html = reportHtml(report);
    const md = reportMarkdown(report);
    for (const heading of md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3))) {
      expect(html, heading).toContain(`<h2>${heading}</h2>`);
    }
  });

  it('compares with the business day before, or with the morning after it when as published', () => {
    const day = (s: string) => parseIsoDay(s) as number;
    expect(previousBusinessDay(all, day('2019-09-17'), false)).toBe(day('2019-09-16'));
    expect(previousBusinessDay(all, day('2019-09-21'), false), 'a Saturday judges Friday 09-20, after Thursday 09-19').toBe(day('2019-09-19'));
    expect(previousBusinessDay(all, day('2019-09-18'), true), 'the morning of 09-18 knows 09-17; the morning before knew 09-16').toBe(day('2019-09-17'));
    expect(previousBusinessDay(all, day('2018-04-03'), false), 'the first SOFR print has no day before it').toBeNull();
  });
});

describe('liq report exit codes', () => {
  it.each([
    ['2019-09-17', 2],
    ['2019-06-14', 1],
    ['2026-07-30', 3], // every price indicator has a stale input (the ON RRP rate of 2025-11-12): unknown
    ['2023-06-14', 0], // calm: 2021 reads watch since IOER is derived (the reserve demand slope of 2020–21)
  ])('with --exit-status, as of %s exits %i', (asOf, code) => {
    expect(liq(['report', FRED, '--as-of', asOf, '--out', '-', '--exit-status']).code).toBe(code);
    expect(liq(['report', FRED, '--as-of', asOf, '--out', '-']).code, 'without the flag, success is 0').toBe(0);
  });

  it('exits 3 (unknown) when no thresholded indicator can be judged', () => {
    const run = liq(['report', join(FRED, 'GDP.csv'), '--out', '-', '--exit-status']);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('No thresholded indicator could be computed from the data.');
  });
});

describe('liq report never leaves a broken report', () => {
  it('writes nothing when the input is bad (65) or missing (66), and the previous report stays', () => {
    const f = folder('bad');
    const out = join(f, 'report.md');
    writeFileSync(out, 'yesterday');
    writeFileSync(join(f, 'bad.csv'), 'date,sofr\n2019-09-17,5.x5\n');
    const bad = liq(['report', join(f, 'bad.csv'), '--out', out]);
    expect(bad.code).toBe(65);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/bad\.csv:2:2: /);
    const missing = liq(['report', join(f, 'nope.csv'), '--out', out]);
    expect(missing.code).toBe(66);
    expect(readFileSync(out, 'utf8')).toBe('yesterday');
    expect(readdirSync(f).sort()).toEqual(['bad.csv', 'report.md']);
  });

  it('exits 73 with the reason when the folder does not exist or the target is a directory', () => {
    const f = folder('fail');
    const noFolder = liq(['report', FRED, '--out', join(f, 'missing', 'r.md')]);
    expect(noFolder.code).toBe(73);
    expect(noFolder.stdout).toBe('');
    expect(noFolder.stderr).toBe(`liq: cannot write ${join(f, 'missing', 'r.md')}: the folder ${join(f, 'missing')} does not exist; any previous r.md is unchanged\n`);
    const isDir = liq(['report', FRED, '--out', f]);
    expect(isDir.code).toBe(73);
    expect(isDir.stderr).toContain('is a directory');
    expect(liq(['report', FRED, '--out', f, '--exit-status']).code, 'every failure is 3 in monitoring mode').toBe(3);
  });

  it.skipIf(process.platform === 'win32')('keeps the previous report and leaves no temp file when the disk refuses the write midway (ulimit -f)', () => {
    const f = folder('efbig');
    const out = join(f, 'report.html');
    writeFileSync(out, 'yesterday');
    // RLIMIT_FSIZE: writes past 8 blocks fail with EFBIG (Node ignores SIGXFSZ), halfway through the 40 kB page.
    const run = spawnSync('sh', ['-c', 'ulimit -f 8 && exec "$0" "$@"', process.execPath, BIN, 'report', FRED, '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: isolatedEnv(),
    });
    expect(run.stderr).toContain('the file is too large (the file-size limit, ulimit -f, was reached)');
    expect(run.status).toBe(73);
    expect(readFileSync(out, 'utf8')).toBe('yesterday');
    expect(readdirSync(f)).toEqual(['report.html']);
  });
});
