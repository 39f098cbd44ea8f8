/**
 * `--format prometheus` as node_exporter's textfile collector gets it, checked by the real
 * `promtool check metrics` (Debian's `prometheus` package; .ci/run installs it). Where
 * promtool is absent the promtool checks are skipped with a note, except under CI=true,
 * where its absence is a failure: CI must never pass without having run them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { day, october2025, seriesSet } from './helpers/series.ts';
import { liq, ROOT } from './helpers/run-liq.ts';
import { assess } from '../src/engine/assess.ts';
import { deriveSeries } from '../src/engine/derive.ts';
import type { Assessment } from '../src/engine/types.ts';
import { prometheusText } from '../src/report/prometheus.ts';

const FRED = 'fixtures/fred/';
const PROMTOOL = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'promtool')).find((p) => existsSync(p));
const inCi = process.env.CI === 'true';
if (PROMTOOL === undefined && !inCi) {
  console.warn('test/prometheus.test.ts: promtool not found on PATH: skipping the `promtool check metrics` tests (apt-get install -y prometheus gives it)');
}

function promtoolCheck(text: string): { code: number | null; output: string } {
  if (PROMTOOL === undefined) throw new Error('promtool is not installed: CI=true requires it (apt-get install -y prometheus)');
  const run = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8', timeout: 30_000 });
  return { code: run.status, output: `${run.stdout}${run.stderr}${run.error?.message ?? ''}` };
}

const dir = mkdtempSync(join(tmpdir(), 'liq-prom-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(PROMTOOL === undefined && !inCi)('promtool check metrics', () => {
  it.each(['2019-09-17', '2021-06-15', '2025-11-14'])('passes on liq check --format prometheus as of %s', (asOf) => {
    const run = liq(['check', FRED, '--as-of', asOf, '--format', 'prometheus']);
    expect(run.code, run.stderr).toBe(0);
    const check = promtoolCheck(run.stdout);
    expect(check.output).toBe('');
    expect(check.code).toBe(0);
  });

  it('passes on label values that need escaping (quote, backslash, line feed)', () => {
    const base = assess(deriveSeries(seriesSet(october2025())), { asOf: day('2025-10-31') });
    const first = base.indicators[0] as Assessment['indicators'][number];
    const hostile: Assessment = { ...base, indicators: [{ ...first, metrics: { 'a"b\\c\nd} 1': 1.5 } }] };
    const check = promtoolCheck(prometheusText(hostile, { now: 0 }));
    expect(check.output).toBe('');
    expect(check.code).toBe(0);
  });

  it("accepts the README's example alerting rules (promtool check rules)", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const rules = /An alerting rule file[^]*?```yaml\n([^]*?)```/.exec(readme)?.[1];
    expect(rules, 'the README has the rules block').toBeDefined();
    const file = join(dir, 'rules.yml');
    writeFileSync(file, rules ?? '');
    const run = spawnSync(PROMTOOL ?? 'promtool', ['check', 'rules', file], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/SUCCESS: 3 rules found/);
  });

  it('fails on a broken exposition, so the checks above can fail', () => {
    expect(promtoolCheck('liq_status{indicator="x} 2\n').code).not.toBe(0);
  });
});

describe('liq report --format prometheus --out FILE', () => {
  it('writes the file atomically (no temporary file left) and prints nothing', () => {
    const out = join(dir, 'liq.prom');
    const run = liq(['report', FRED, '--as-of', '2025-11-14', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text, 'the .prom extension chooses the format').toMatch(/^# HELP liq_status /);
    expect(text).toContain('\nliq_status 2\n');
    expect(readdirSync(dir).filter((f) => f.includes('tmp'))).toEqual([]);
    if (PROMTOOL !== undefined || inCi) expect(promtoolCheck(text)).toEqual({ code: 0, output: '' });
  });

  it('stamps the run with the clock of the run', () => {
    const before = Math.floor(Date.now() / 1000);
    const run = liq(['report', FRED, '--format', 'prometheus', '--out', '-']);
    const after = Math.ceil(Date.now() / 1000);
    const stamp = Number(/^liq_last_run_timestamp_seconds (\d+)$/m.exec(run.stdout)?.[1]);
    expect(stamp).toBeGreaterThanOrEqual(before);
    expect(stamp).toBeLessThanOrEqual(after);
  });
});
