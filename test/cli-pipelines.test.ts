/**
 * liq as scripts use it: JSON on stdout that jq can read, errors only on stderr, the
 * monitoring-plugin contract, stdin everywhere, --quiet, and help with real examples.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitoringFlags } from '../src/cli/main.ts';
import { BIN, isolatedEnv, liq, ROOT } from './helpers/run-liq.ts';

const FRED = join(ROOT, 'fixtures/fred');
const WIDE = join(ROOT, 'fixtures/samples/wide.csv');
const hasJq = spawnSync('jq', ['--version']).status === 0;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'liq-pipes-'));
  writeFileSync(join(dir, 'bad.csv'), 'date,sofr\n2019-09-16,2.43\n2019-09-17,five\n');
  writeFileSync(join(dir, 'bad-config.json'), '{"thresholds":{"sofr_rrp_spread":{"watch":"ten"}}}');
  writeFileSync(join(dir, 'config.json'), '{"thresholds":{"sofr_rrp_spread":{"watch":12},"tga":{"watch":null}},"netLiquidity":"reserves + rrp - tga","episodes":{"covid":"2020-03-16"}}');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a shell pipeline with bin/liq as $LIQ, the way a user types it. */
function sh(script: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync('sh', ['-c', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: isolatedEnv({ LIQ: `"${process.execPath}" "${BIN}"` }),
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('liq check --json in a pipeline', () => {
  it('prints one JSON document whose .status a script can read, and nothing on stderr', () => {
    const run = liq(['check', 'fixtures/fred/', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const doc = JSON.parse(run.stdout) as { status: string; schemaVersion: number; asOf: string };
    expect(doc.schemaVersion).toBe(1);
    expect(['ok', 'watch', 'stress', 'unknown']).toContain(doc.status);
    expect(doc.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('feeds a reader on a real pipe (node standing in for jq .status)', () => {
    const run = sh(`eval "$LIQ check fixtures/fred/ --as-of 2019-09-17 --json" | "${process.execPath}" -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).status))'`);
    expect(run).toEqual({ code: 0, stdout: 'stress\n', stderr: '' });
  });

  it.skipIf(!hasJq)('works with jq itself, as the README shows', () => {
    expect(sh('eval "$LIQ check fixtures/fred/ --as-of 2019-09-17 --json" | jq -r .status').stdout).toBe('stress\n');
    const stressed = sh(`eval "$LIQ check fixtures/fred/ --as-of 2019-09-17 --json" | jq -r '.indicators[] | select(.status=="stress") | .id'`);
    expect(stressed.stdout.split('\n').filter(Boolean)).toContain('sofr_rrp_spread');
  });

  it('ends quietly when the reader closes the pipe early (| head)', () => {
    const run = sh('eval "$LIQ history fixtures/fred/ -i sofr_rrp_spread --format csv" | head -n 2');
    expect(run.stdout.split('\n')).toHaveLength(3);
    expect(run.stderr).toBe('');
  });
});

describe('the README\'s jq pipelines', () => {
  /** The shell lines of the "Scripting with jq" section that run on the fixtures, continuations joined. */
  const lines = (): string[] => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.split(/^## /m).find((s) => s.startsWith('Scripting with jq')) ?? '';
    const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    return block.replace(/\\\n\s*/g, '').split('\n').filter((l) => l.startsWith('liq ') && l.includes('fixtures/'));
  };

  it('list at least five pipelines over the fixtures', () => {
    expect(lines().length).toBeGreaterThanOrEqual(5);
  });

  it.skipIf(!hasJq)('each runs as printed and prints something', () => {
    // A `liq` on PATH that runs this checkout's bin, so the lines run verbatim.
    const bin = join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'liq'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
    for (const line of lines()) {
      const run = spawnSync('sh', ['-c', line], { cwd: ROOT, encoding: 'utf8', env: isolatedEnv({ PATH: `${bin}:${process.env.PATH ?? ''}` }) });
      expect(run.stderr, line).toBe('');
      expect(run.status, line).toBe(0);
      expect(run.stdout.trim().length, line).toBeGreaterThan(0);
    }
  });
});

describe('errors go to stderr, never stdout', () => {
  it.each([
    ['usage', ['check', FRED, '--as-of', '2019-13-01', '--json'], 64],
    ['unknown option', ['check', FRED, '--bogus', '--json'], 64],
    ['bad data', ['check', 'BAD', '--json'], 65],
    ['missing input', ['check', 'nope/', '--json'], 66],
    ['bad config', ['check', FRED, '--config', 'BADCONFIG', '--json'], 64],
    ['report cannot write', ['report', FRED, '--out', '/nonexistent-liq/r.md'], 73],
  ])('%s: its own exit code, stdout empty, a "liq: " message on stderr', (_name, args, code) => {
    const argv = (args as string[]).map((a) => (a === 'BAD' ? join(dir, 'bad.csv') : a === 'BADCONFIG' ? join(dir, 'bad-config.json') : a));
    const run = liq(argv);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^liq: /);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace without --debug
  });
});

describe('monitoring mode: --format nagios and --exit-status', () => {
  it.each([
    ['a missing input', ['check', 'nope/']],
    ['bad data', ['check', 'BAD']],
    ['a bad date', ['check', FRED, '--as-of', '2019-02-30']],
    ['an unknown option', ['check', FRED, '--bogus']],
    ['a bad config', ['check', FRED, '--config', 'BADCONFIG']],
    ['no input at all', ['check']],
  ])('with --format nagios, %s exits 3 with one LIQ UNKNOWN line on stdout', (_name, args) => {
    const argv = [...(args as string[]), '--format', 'nagios'].map((a) => (a === 'BAD' ? join(dir, 'bad.csv') : a === 'BADCONFIG' ? join(dir, 'bad-config.json') : a));
    const run = liq(argv);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/^LIQ UNKNOWN - \S.*\n$/);
    expect(run.stdout.split('\n')).toHaveLength(2);
    expect(run.stderr).toMatch(/^liq: /);
  });

  it('prints the plugin line with performance data and exits with the status', () => {
    const run = liq(['check', FRED, '--as-of', '2019-09-17', '--format=nagios']);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^LIQ CRITICAL - as of 2019-09-17: .* \| .*sofr_rrp_spread\.avg10Bp=50\.6;@10:;@25:/);
  });

  it.each([
    ['check', ['check', 'nope/', '--exit-status']],
    ['check, unknown option', ['check', FRED, '--exit-status', '--bogus']],
    ['check, bad --format', ['check', FRED, '--exit-status', '--format', 'xml']],
    ['report', ['report', 'nope/', '--out', '-', '--exit-status']],
  ])('with --exit-status, every failure exits 3 (%s), stdout empty', (_name, args) => {
    const run = liq(args as string[]);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
  });

  it('reads the monitoring flags from argv before commander does', () => {
    expect(monitoringFlags(['check', '-f', 'nagios'])).toEqual({ monitoring: true, nagios: true });
    expect(monitoringFlags(['check', '--format=nagios'])).toEqual({ monitoring: true, nagios: true });
    expect(monitoringFlags(['check', '--exit-status'])).toEqual({ monitoring: true, nagios: false });
    expect(monitoringFlags(['check', '--', '--exit-status'])).toEqual({ monitoring: false, nagios: false });
  });
});

describe('stdin wherever a file is accepted', () => {
  const wide = readFileSync(WIDE, 'utf8');
  const same = (args: string[], pick: (out: string) => unknown = (o) => o) => {
    const fromFile = liq(args.map((a) => (a === 'INPUT' ? WIDE : a)));
    const fromStdin = liq(args.map((a) => (a === 'INPUT' ? '-' : a)), { input: wide });
    expect(fromStdin.code).toBe(0);
    expect(fromFile.code).toBe(0);
    expect(pick(fromStdin.stdout)).toEqual(pick(fromFile.stdout));
  };
  const withoutSources = (out: string) => {
    const doc = JSON.parse(out) as { series: { sources: string[] }[] };
    return { ...doc, series: doc.series.map((s) => ({ ...s, sources: [] })) };
  };

  it('check reads - like the file', () => same(['check', 'INPUT', '--as-of', '2019-09-17', '--json'], withoutSources));
  it('compare reads - like the file', () => same(['compare', 'INPUT', '--as-of', '2019-09-17', '--json']));
  it('history reads - like the file', () => same(['history', 'INPUT', '-i', 'sofr_rrp_spread', '--from', '2019-09-01', '--to', '2019-09-30', '--format', 'csv']));
  it('report reads - like the file', () => same(['report', 'INPUT', '--as-of', '2019-09-17', '--out', '-', '--json'], withoutSources));
});

describe('--quiet', () => {
  const csv = 'date,sofr,foo\n2019-09-16,2.43,1\n2019-09-17,5.25,2\n';

  it('notes go to stderr by default and --quiet silences them', () => {
    const loud = liq(['check', '-', '--json'], { input: csv });
    expect(loud.stderr).toBe('liq: note: <stdin>: ignored 1 column that is not a series liq knows: "foo"\n');
    const quiet = liq(['check', '-', '--json', '-q'], { input: csv });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
  });

  it('report is quiet by default and shows notes only with --verbose', () => {
    expect(liq(['report', '-', '--out', '-'], { input: csv }).stderr).toBe('');
    expect(liq(['report', '-', '--out', '-', '--verbose'], { input: csv }).stderr).toContain('liq: note: <stdin>: ignored 1 column that is not a series liq knows: "foo"');
  });
});

describe('--help teaches by example', () => {
  it.each(['check', 'compare', 'history', 'report', 'config', 'schema'])('liq %s --help exits 0 with examples', (command) => {
    const run = liq([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toMatch(new RegExp(`^\\s+liq ${command}\\b`, 'm'));
  });

  it('shows a cron line, a jq pipeline and --as-of', () => {
    const all = ['--help', 'check --help', 'report --help'].map((a) => liq(a.split(' ')).stdout).join('\n');
    expect(all).toMatch(/^\s+\d+ \d+ \* \* 1-5\s+liq /m);
    expect(all).toMatch(/--json \| jq /);
    expect(all).toMatch(/--as-of \d{4}-\d{2}-\d{2}/);
  });
});

describe('liq config', () => {
  it('shows the defaults and says no config file was found', () => {
    const run = liq(['config'], { cwd: dir, env: { COLUMNS: '200' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('no config file (no --config, no $LIQ_CONFIG, no ./liq.config.json): the defaults');
    expect(run.stdout).toMatch(/^sofr_rrp_spread\s+avg10Bp >= 10\s+default\s+avg10Bp >= 25\s+default$/m);
  });

  it('names the file each overridden level came from, and the formula and episodes', () => {
    const path = join(dir, 'config.json');
    const doc = JSON.parse(liq(['config', '--config', path, '--json']).stdout);
    expect(doc.config).toEqual({ path, foundBy: '--config' });
    expect(doc.thresholds.sofr_rrp_spread.watch).toEqual({ rules: [{ metric: 'avg10Bp', op: '>=', value: 12 }], origin: path });
    expect(doc.thresholds.sofr_rrp_spread.stress.origin).toBe('default');
    expect(doc.thresholds.tga.watch, 'null in the file removes the level').toEqual({ rules: null, origin: path });
    expect(doc.netLiquidity).toEqual({ formula: 'reserves + rrp - tga', origin: path });
    expect(doc.episodes).toEqual({ covid: '2020-03-16' });
  });

  it('finds the config through $LIQ_CONFIG, then ./liq.config.json', () => {
    const path = join(dir, 'config.json');
    expect(JSON.parse(liq(['config', '--json'], { env: { LIQ_CONFIG: path }, cwd: ROOT }).stdout).config).toEqual({ path, foundBy: '$LIQ_CONFIG' });
    const local = mkdtempSync(join(tmpdir(), 'liq-local-'));
    try {
      writeFileSync(join(local, 'liq.config.json'), '{"thresholds":{"rrp":{"watch":100}}}');
      const doc = JSON.parse(liq(['config', '--json'], { cwd: local }).stdout);
      expect(doc.config).toEqual({ path: 'liq.config.json', foundBy: './liq.config.json' });
      expect(doc.thresholds.rrp.watch.origin).toBe('liq.config.json');
    } finally {
      rmSync(local, { recursive: true, force: true });
    }
  });

  it('rejects a bad config naming the key (exit 64), and a missing one (exit 66)', () => {
    const bad = liq(['config', '--config', join(dir, 'bad-config.json')]);
    expect(bad.code).toBe(64);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('thresholds.sofr_rrp_spread.watch');
    expect(liq(['config', '--config', join(dir, 'nope.json')]).code).toBe(66);
  });
});
