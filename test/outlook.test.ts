/** `liq outlook` end to end on the bundled FRED files, and the outlook judged against what happened. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { liq } from './helpers/run-liq.ts';

const dir = mkdtempSync(join(tmpdir(), 'liq-outlook-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const scenarioFile = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

interface Week { week: number; date: string; reserves: number; tga: number; rrp: number; fedAssets: number }
interface Doc { asOf: string; weeks: number; paths: { scenario: string; weeks: Week[]; crossings: { line: string; state: string; week: number | null; date: string | null }[] }[] }

describe('liq outlook', () => {
  it('judged honestly: the default outlook from the data of 2025-06-04 against the reserves of 2025-10-29', () => {
    const run = liq(['outlook', 'fixtures/fred/', '--as-of', '2025-06-04', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as Doc;
    const projected = doc.paths[0]?.weeks.find((w) => w.date === '2025-10-29');
    expect(projected?.week, '2025-06-04 + 21 × 7 days').toBe(21);
    // 3,294.381 + 21 × (−6.452 assets − 5.720 other) = 3,038.76 (TGA and ON RRP held).
    expect(projected?.reserves).toBeCloseTo(3038.764, 3);
    const realised = JSON.parse(liq(['check', 'fixtures/fred/', '--as-of', '2025-10-29', '--json']).stdout) as { indicators: { id: string; metrics: Record<string, number> }[] };
    const level = realised.indicators.find((i) => i.id === 'reserves')?.metrics.level as number;
    expect(level, 'WRESBAL 2025-10-29 (millions file): 2,848,021').toBe(2848.021);
    const error = (projected?.reserves as number) - level;
    expect(error, 'the README\'s back-check: +190.7 bn').toBeCloseTo(190.743, 3);
    expect((error / level) * 100, '+6.70 % of the realised level').toBeCloseTo(6.697, 3);
  });

  it('prints the path and the crossings for a person', () => {
    const run = liq(['outlook', 'fixtures/fred/', '--as-of', '2025-06-04']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('liq outlook · from the data of 2025-06-04 · 26 weeks · scenario default');
    expect(run.stdout).toMatch(/21 +2025-10-29 +6,537 +379 +169 +3,039 +9\.97 %/);
    expect(run.stdout).toMatch(/Reserves < 3,000 bn +week 25 \(2025-11-26\)/);
    expect(run.stdout).toMatch(/Reserves \/ GDP < 10 % +week 21 \(2025-10-29\)/);
    expect(run.stdout).toMatch(/ON RRP < 250 bn +already below \(2025-06-04\)/);
    expect(run.stdout).toContain('other liabilities +5.7 bn a week (their trailing 13-week trend');
  });

  it('runs the named scenarios of a file side by side', () => {
    const run = liq(['outlook', 'fixtures/fred/', '--as-of', '2025-06-04', '--scenario', 'fixtures/scenarios/two.json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Wk +Date +Reserves base +Reserves tga-rebuild/);
    expect(run.stdout).toMatch(/Reserves < 3,000 bn +week 25 \(2025-11-26\) +week 8 \(2025-07-30\)/);
    const csv = liq(['outlook', 'fixtures/fred/', '--as-of', '2025-06-04', '--scenario', 'fixtures/scenarios/two.json', '--format', 'csv']).stdout.trim().split('\n');
    expect(csv[0]).toBe('scenario,week,date,fed_assets,tga,rrp,other,reserves,reserves_gdp_pct,reserves_bank_assets_pct,net_liquidity');
    expect(csv, 'a header and 27 weeks (0–26) per scenario').toHaveLength(1 + 2 * 27);
  });

  it('draws the projected reserves with the threshold line', () => {
    const run = liq(['outlook', 'fixtures/fred/', '--as-of', '2025-06-04', '--format', 'chart', '--weeks', '13']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Projected reserves (USD bn) · 2025-06-04 → 2025-09-03');
    expect(run.stdout).toContain('flat: 3,000 bn');
  });

  it('rejects an unknown key in a scenario, naming it, with exit 64', () => {
    const path = scenarioFile('typo.json', '{ "scenarios": { "a": { "tga": { "target": 850, "date": "2025-12-31" } } } }');
    const run = liq(['outlook', 'fixtures/fred/', '--scenario', path]);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain(`${path}: unknown key "date" in scenarios.a.tga (allowed: target, by)`);
    expect(run.stdout).toBe('');
  });

  it('rejects a wrong type and a bad date, each naming its key', () => {
    const path = scenarioFile('types.json', '{ "scenarios": { "qt": { "assets": [ { "from": "2025-13-01", "perMonth": "40" } ] } } }');
    const run = liq(['outlook', 'fixtures/fred/', '--scenario', path]);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('scenarios.qt.assets.0.from: expected a date YYYY-MM-DD');
    expect(run.stderr).toContain('scenarios.qt.assets.0.perMonth:');
  });

  it('rejects a file that is not JSON (64) and one that does not exist (66)', () => {
    expect(liq(['outlook', 'fixtures/fred/', '--scenario', scenarioFile('bad.json', '{ scenarios')]).code).toBe(64);
    const missing = liq(['outlook', 'fixtures/fred/', '--scenario', join(dir, 'nope.json')]);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toContain('no such file');
  });

  it('rejects --weeks that is not a whole number from 1 to 520', () => {
    const run = liq(['outlook', 'fixtures/fred/', '--weeks', '0']);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('--weeks "0": expected a whole number of weeks from 1 to 520');
  });

  it('says which series it lacks (exit 65)', () => {
    const run = liq(['outlook', 'fixtures/fred/SOFR.csv', 'fixtures/fred/WALCL.csv']);
    expect(run.code).toBe(65);
    expect(run.stderr).toContain('missing: tga, rrp, reserves');
  });

  it('gives the daily report an Outlook section: reserves in 13 and 26 weeks and the first line crossed', () => {
    const md = liq(['report', 'fixtures/fred/', '--as-of', '2025-06-04', '--out', '-']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('## Outlook (default scenario, 26 weeks)');
    expect(md.stdout).toContain('Reserves 3,294 bn now, projected 3,136 bn in 13 weeks (2025-09-03), 2,978 bn in 26 weeks (2025-12-03). First threshold line crossed: Reserves / GDP < 10 % in week 21 (2025-10-29). Already below: ON RRP < 250 bn.');
    const html = liq(['report', 'fixtures/fred/', '--as-of', '2025-06-04', '--out', '-', '--format', 'html']);
    expect(html.stdout).toContain('<h2>Outlook (default scenario, 26 weeks)</h2>');
    expect(html.stdout).toMatch(/<svg class="chart"[^>]*aria-label="Projected reserves, default scenario \(USD bn\), 2025-06-04 to 2025-12-03; Reserves 3,294 bn now/);
    expect(html.stdout).toContain('class="threshold threshold-watch"');
    const json = JSON.parse(liq(['report', 'fixtures/fred/', '--as-of', '2025-06-04', '--out', '-', '--json']).stdout) as { outlook: Doc };
    expect(json.outlook.paths[0]?.weeks[21]?.reserves).toBeCloseTo(3038.764, 3);
  });
});
