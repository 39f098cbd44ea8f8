/**
 * The package as a user gets it: `npm pack`, `npm install -g` into a fresh prefix and
 * `npm install` into a fresh project, both --offline (the package declares no runtime
 * dependencies: everything it runs is in dist/), then the installed `liq` run from
 * another folder on data given by absolute path. Catches what the repo's own tests
 * cannot: a file missing from package.json "files", a bundle that reads src/ or
 * node_modules/ at run time, a bin that only works from the repo's folder, a library
 * bundled without its licence.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-liq.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies?: Record<string, string>; devDependencies: Record<string, string> };
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
let project: string;

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

  // --offline: exceljs, the one runtime dependency, comes from npm's cache (npm ci filled it).
  const install = run(NPM, ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], work);
  if (install.status !== 0) throw new Error(explain('npm install -g', install));
  liqBin = isWindows ? join(prefix, 'liq.cmd') : join(prefix, 'bin', 'liq');

  project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{"name":"uses-liq","version":"1.0.0","private":true}\n');
  const local = run(NPM, ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], project);
  if (local.status !== 0) throw new Error(explain('npm install (local)', local));
}, 120_000);

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

const installed = (args: readonly string[], env?: NodeJS.ProcessEnv) => run(liqBin, args, elsewhere, env);

describe('npm pack', () => {
  it('packs the bin, the bundle, the licences, the README and package.json, and no sources, tests, fixtures or source maps', () => {
    expect(tarball.endsWith(`${pkg.name}-${pkg.version}.tgz`)).toBe(true);
    for (const path of ['package.json', 'README.md', 'LICENSE', 'bin/liq.cjs', 'dist/liq.cjs', 'dist/zod.cjs', 'dist/THIRD-PARTY-NOTICES.txt']) expect(packed, path).toContain(path);
    expect(packed.filter((p) => /^(src|test|fixtures|scripts|node_modules|bench|docs|\.ci)\//.test(p) || /\.(ts|map)$/.test(p) && !p.endsWith('.d.ts'))).toEqual([]);
    // Only the launcher, the build and the papers at the top: other dist/ files (a library entry, types) may come.
    expect(packed.filter((p) => !p.startsWith('dist/')).sort()).toEqual(['LICENSE', 'README.md', 'bin/liq.cjs', 'package.json']);
  });

  it('agrees with npm pack --dry-run --json', () => {
    const dry = run(NPM, ['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT);
    expect(dry.status, explain('npm pack --dry-run', dry)).toBe(0);
    const files = (JSON.parse(dry.stdout) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path);
    expect(files?.sort()).toEqual([...packed].sort());
  });

  it('declares exceljs alone as a runtime dependency: the other libraries are bundled, so they are devDependencies', () => {
    // exceljs pulls in packages that declare no licence (buffers@0.1.1), so it is installed, not bundled.
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(['exceljs']);
    for (const library of ['commander', 'csv-parse', 'chalk', 'cli-table3', 'zod']) expect(pkg.devDependencies, library).toHaveProperty(library);
  });

  it('ships the licence text of every bundled library, and its own MIT licence', () => {
    const notices = readFileSync(join(ROOT, 'dist/THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const library of ['commander', 'csv-parse', 'chalk', 'cli-table3', 'zod', 'string-width']) {
      const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules', library, 'package.json'), 'utf8')) as { version: string };
      expect(notices, library).toContain(`${library}@${version} (MIT)`);
    }
    expect(notices.match(/Permission is hereby granted, free of charge/g)?.length, 'a licence text per package').toBeGreaterThanOrEqual(10);
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
  });
});

describe.skipIf(isWindows)('liq installed into a project', () => {
  it('brings only itself and exceljs\'s tree (the bundled libraries are not installed), and runs check on a fixture from there', () => {
    const installedPackages = readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'));
    expect(installedPackages).toContain('liq');
    expect(installedPackages).toContain('exceljs');
    for (const bundled of ['commander', 'csv-parse', 'chalk', 'cli-table3', 'zod', 'write-file-atomic']) expect(installedPackages, bundled).not.toContain(bundled);
    const result = run(join(project, 'node_modules', '.bin', 'liq'), ['check', join(FRED, 'SOFR.csv'), join(FRED, 'RRPONTSYAWARD.csv'), '--as-of', '2019-09-17', '--json'], project);
    expect(result.status, explain('liq check', result)).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.indicators.find((i: { id: string }) => i.id === 'sofr_rrp_spread').status).toBe('stress');
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
    expect(result.stdout).toMatch(/^liq · as of \d{4}-\d{2}-\d{2} \([a-z, -]+\)( — \d+ days ago)? · overall (OK|WATCH|STRESS|UNKNOWN)/);
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
