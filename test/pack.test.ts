/**
 * The package as a user gets it: `npm pack`, `npm install -g` into a fresh prefix, then
 * the installed `liq` run from another folder on data given by absolute path. Catches
 * what the repo's own tests cannot: a file missing from package.json "files", a bundle
 * that reads src/ at run time, a bin that only works from the repo's folder.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-liq.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string> };
const FRED = join(ROOT, 'fixtures/fred');
const isWindows = process.platform === 'win32';

/** npm beside this node, so the test uses the npm that came with it. */
const NPM = ((): string => {
  const beside = join(dirname(process.execPath), isWindows ? 'npm.cmd' : 'npm');
  return existsSync(beside) ? beside : 'npm';
})();

/**
 * The environment without what `npm test` exports to its children: a global prefix from
 * there would send the install to the real global folder instead of the temp prefix.
 */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(lifecycle|package|config_(global_)?prefix|config_local_prefix|config_global$)/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

function run(command: string, args: readonly string[], cwd: string, env = cleanEnv()): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 90_000, shell: isWindows });
}

function explain(step: string, result: SpawnSyncReturns<string>): string {
  return `${step} exited ${result.status}${result.error ? ` (${result.error.message})` : ''}\n${result.stdout}\n${result.stderr}`;
}

let work: string;
let prefix: string;
let elsewhere: string;
let tarball: string;
let packed: string[];
let liqBin: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'liq.cjs'))) throw new Error('dist/liq.cjs is missing: run `npm run build` (npm test does) before this test');
  work = mkdtempSync(join(tmpdir(), 'liq-pack-'));
  prefix = join(work, 'prefix');
  elsewhere = join(work, 'elsewhere');
  mkdirSync(elsewhere);

  // --ignore-scripts: dist/ is already built by `npm test`; rebuilding it here would swap
  // dist/ under the other test files that are running bin/liq at the same moment.
  const pack = run(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT);
  if (pack.status !== 0) throw new Error(explain('npm pack', pack));
  const info = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, (info[0] as { filename: string }).filename);
  packed = (info[0] as { files: { path: string }[] }).files.map((f) => f.path);

  // The runtime dependencies come from npm's cache (filled by `npm ci`); the registry only if missing.
  const install = run(NPM, ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], work);
  if (install.status !== 0) throw new Error(explain('npm install -g', install));
  liqBin = isWindows ? join(prefix, 'liq.cmd') : join(prefix, 'bin', 'liq');
}, 120_000);

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

const installed = (args: readonly string[], env?: NodeJS.ProcessEnv) => run(liqBin, args, elsewhere, env);

describe('npm pack', () => {
  it('packs the bin, the bundle, the README and package.json, and no sources, tests or fixtures', () => {
    expect(tarball.endsWith(`${pkg.name}-${pkg.version}.tgz`)).toBe(true);
    for (const path of ['package.json', 'README.md', 'bin/liq.cjs', 'dist/liq.cjs', 'dist/zod.cjs']) expect(packed, path).toContain(path);
    expect(packed.filter((p) => /^(src|test|fixtures|scripts|node_modules|bench)\//.test(p))).toEqual([]);
  });
});

describe.skipIf(isWindows)('the globally installed liq', () => {
  it('puts liq in <prefix>/bin and reports the version of package.json', () => {
    const result = installed(['--version']);
    expect(result.status, explain('liq --version', result)).toBe(0);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it('runs check from another folder on data given by absolute path', () => {
    const result = installed(['check', `${FRED}/`]);
    expect(result.status, explain('liq check', result)).toBe(0);
    expect(result.stdout).toMatch(/^liq · as of \d{4}-\d{2}-\d{2}( — \d+ days ago)? · overall (OK|WATCH|STRESS|UNKNOWN)/);
    const json = installed(['check', FRED, '--as-of', '2019-09-17', '--json']);
    expect(JSON.parse(json.stdout).status).toBe('stress');
  });

  it('compares with the bundled 2019 reference, which travels inside the bundle', () => {
    const result = installed(['compare', FRED, '--as-of', '2025-10-31', '--json']);
    expect(result.status, explain('liq compare', result)).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc).toMatchObject({ episode: '2019-09', eve: { date: '2019-09-16' }, spike: { date: '2019-09-17' } });
  });

  it('loads its lazy chunks: a config file (zod), the schema, and a report written in the current folder', () => {
    writeFileSync(join(elsewhere, 'liq.config.json'), '{"thresholds":{"rrp":{"watch":100}}}');
    const config = installed(['config', '--json']);
    expect(config.status, explain('liq config', config)).toBe(0);
    expect(JSON.parse(config.stdout).thresholds.rrp.watch.origin).toBe('liq.config.json');
    expect(JSON.parse(installed(['schema']).stdout).type).toBe('object');
    const report = installed(['report', FRED, '--out', 'report.html']);
    expect(report.status, explain('liq report', report)).toBe(0);
    expect(readFileSync(join(elsewhere, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });
});
