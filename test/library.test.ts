/**
 * The library as a user gets it: `npm pack`, the tarball installed offline into a fresh
 * project (its dependencies from npm's cache, filled by `npm ci`), then the README's
 * example run there by plain Node, and a TypeScript file type-checked against the
 * package's own declarations. Catches a missing "exports" entry, declarations that do not
 * resolve, a library that needs a package it does not declare, and a README gone stale.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-liq.ts';

const isWindows = process.platform === 'win32';
const NPM = ((): string => {
  const beside = join(dirname(process.execPath), isWindows ? 'npm.cmd' : 'npm');
  return existsSync(beside) ? beside : 'npm';
})();

/** The environment without what `npm test` exports to its children (prefixes, the package's own fields). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(lifecycle|package|config_(global_)?prefix|config_local_prefix|config_global$)/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: 120_000, shell: isWindows });
}

const explain = (step: string, r: SpawnSyncReturns<string>): string => `${step} exited ${r.status}${r.error ? ` (${r.error.message})` : ''}\n${r.stdout}\n${r.stderr}`;

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = README.slice(README.indexOf('## Use from Node'));
const EXAMPLE = /```js\n([^]*?)```/.exec(section)?.[1] ?? '';
const PRINTS = /It prints:\n\n```\n([^]*?)```/.exec(section)?.[1] ?? '';

let work: string;
let project: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) throw new Error('dist/index.js is missing: run `npm run build` (npm test does) before this test');
  work = mkdtempSync(join(tmpdir(), 'liq-lib-'));
  project = join(work, 'project');
  mkdirSync(project);
  // --ignore-scripts: dist/ is already built; rebuilding would swap it under other tests.
  const pack = run(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT);
  if (pack.status !== 0) throw new Error(explain('npm pack', pack));
  const tarball = join(work, (JSON.parse(pack.stdout) as { filename: string }[])[0]?.filename ?? '');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-liq', private: true, type: 'module' }));
  const install = run(NPM, ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], project);
  if (install.status !== 0) throw new Error(explain('npm install --offline', install));
  cpSync(join(ROOT, 'fixtures', 'fred'), join(project, 'fixtures', 'fred'), { recursive: true });
}, 180_000);

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

describe('the packed library', () => {
  it('has a README example that imports from liq and says what it prints', () => {
    expect(EXAMPLE).toMatch(/^import \{ load, assess, history, compare, outlook \} from 'liq';/);
    expect(PRINTS).not.toBe('');
  });

  it("runs the README's example in a fresh project and prints what the README says", () => {
    writeFileSync(join(project, 'example.mjs'), EXAMPLE);
    const result = run(process.execPath, ['example.mjs'], project);
    expect(result.status, explain('node example.mjs', result)).toBe(0);
    expect(result.stdout).toBe(PRINTS);
  });

  it('type-checks a TypeScript user of the package against its declarations', () => {
    writeFileSync(
      join(project, 'use.ts'),
      [
        "import { assess, history, load, outlook, type Assessment, type HistoryPoint, type IndicatorId, type Outlook, INDICATOR_IDS } from 'liq';",
        "const data = await load('fixtures/fred/');",
        "const a: Assessment = assess(data, { asOf: '2025-11-14' });",
        "const id: IndicatorId = INDICATOR_IDS[0];",
        'const points: HistoryPoint[] = history(data, { indicator: id });',
        "const status: 'ok' | 'watch' | 'stress' | 'unknown' = a.status;",
        "const o: Outlook = outlook(data, { weeks: 4, scenarios: { slower: { assets: [{ from: '2025-12-01', perMonth: -10 }] } } });",
        '// @ts-expect-error a scenario date is a YYYY-MM-DD string',
        "outlook(data, { scenarios: { x: { tga: { target: 700, by: 20251231 } } } });",
        '// @ts-expect-error asOf is a YYYY-MM-DD string, not a number',
        'assess(data, { asOf: 20251114 });',
        "// @ts-expect-error not an indicator id",
        "history(data, { indicator: 'sofr' });",
        'console.log(status, points.length, o.paths.length);',
        '',
      ].join('\n'),
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', 'use.ts'];
    const result = run(process.execPath, [tsc, ...args], project);
    expect(result.status, explain('tsc', result)).toBe(0);
  });

  it('keeps the CLI working beside it: the installed package still runs bin/liq', () => {
    const result = run(process.execPath, [join(project, 'node_modules', 'liq', 'bin', 'liq.cjs'), 'check', 'fixtures/fred/', '--as-of', '2025-11-14', '--json'], project);
    expect(result.status, explain('liq check', result)).toBe(0);
    expect(JSON.parse(result.stdout).status).toBe('stress');
  });
});
