/**
 * The malformed-input corpus (fixtures/bad/cases.json): every case gives its documented
 * exit code, its message with file:line:column, no stack trace and nothing on stdout.
 * Most cases run main() in-process (a spawn costs ~0.3 s); the ones marked `spawn`, and
 * every stdin case, run the real bin/liq.cjs so the whole path from argv to exit code is
 * covered too. Inputs a committed file cannot be (a 10 MB line, a symlink loop, a missing
 * file) are made in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { BIN, liq, ROOT } from './helpers/run-liq.ts';

interface Case {
  readonly name: string;
  readonly file?: string;
  readonly files?: readonly string[];
  readonly args?: readonly string[];
  readonly stdin?: string;
  readonly make?: string;
  readonly where?: string;
  readonly exit: number;
  readonly at?: string;
  readonly message: string;
  readonly also?: readonly string[];
  readonly absent?: readonly string[];
  readonly spawn?: boolean;
  /** Seconds it may take (default 5): a wait that is part of the behaviour, such as a FIFO's. */
  readonly within?: number;
  /** Spawned with its peak memory measured: it must stay under MAX_RSS. */
  readonly measure?: boolean;
}

const BAD = join(ROOT, 'fixtures/bad');
const { cases } = JSON.parse(readFileSync(join(BAD, 'cases.json'), 'utf8')) as { cases: Case[] };
const TEN_MB = 10 * 1024 * 1024;
const MAX_RSS = 300 * 1024 * 1024;
const RSS_HELPER = join(ROOT, 'test/helpers/max-rss.cjs');
const isRoot = process.getuid?.() === 0;

let tmp = '';

const mkfifo = (path: string): void => {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo ${path} failed: ${made.stderr.toString()}`);
};

/** Builds a `make` input; returns the paths to give liq (or a whole command line) and the path its message names. */
function make(kind: string): { paths: string[]; shown: string; args?: string[] } {
  const dir = join(tmp, kind);
  mkdirSync(dir, { recursive: true });
  switch (kind) {
    case 'ten-megabyte-line': {
      // A CSV whose line breaks were lost: one line of rows, 10 MB long.
      const path = join(dir, 'SOFR.csv');
      writeFileSync(path, 'observation_date,SOFR,'.padEnd(TEN_MB, '2019-09-17,5.25,'));
      return { paths: [path], shown: path };
    }
    case 'ten-megabyte-cell': {
      const path = join(dir, 'sofr.csv');
      writeFileSync(path, `date,sofr\n2019-09-17,${'9'.repeat(TEN_MB)}\n`);
      return { paths: [path], shown: path };
    }
    case 'folder-without-csv':
      writeFileSync(join(dir, 'notes.txt'), 'SOFR 5.25 on 2019-09-17\n');
      writeFileSync(join(dir, 'SOFR.xls'), 'not read: the old binary Excel format\n');
      return { paths: [dir], shown: dir };
    case 'missing-file':
      return { paths: [join(dir, 'SOFR.csv')], shown: join(dir, 'SOFR.csv') };
    case 'dangling-symlink':
      symlinkSync(join(dir, 'gone.csv'), join(dir, 'SOFR.csv'));
      return { paths: [join(dir, 'SOFR.csv')], shown: join(dir, 'SOFR.csv') };
    case 'symlink-loop':
      symlinkSync(join(dir, 'SOFR.csv'), join(dir, 'SOFR.csv'));
      return { paths: [join(dir, 'SOFR.csv')], shown: join(dir, 'SOFR.csv') };
    case 'csv-named-directory':
      // readFileSync then fails with EISDIR: a path that exists but cannot be read as a file.
      mkdirSync(join(dir, 'data', 'SOFR.csv'), { recursive: true });
      return { paths: [join(dir, 'data')], shown: join(dir, 'data', 'SOFR.csv') };
    case 'path-through-file':
      writeFileSync(join(dir, 'SOFR.csv'), 'observation_date,SOFR\n2019-09-17,5.25\n');
      return { paths: [join(dir, 'SOFR.csv', 'x.csv')], shown: join(dir, 'SOFR.csv', 'x.csv') };
    case 'io-error':
      // Linux refuses to read a process's memory from offset 0 (EIO), even as root.
      return { paths: ['/proc/self/mem'], shown: '/proc/self/mem' };
    case 'sparse-two-gigabytes': {
      // 2 GiB of holes: no disk used, but a reader that trusts it reads 2 GiB of NULs.
      const path = join(dir, 'SOFR.csv');
      writeFileSync(path, 'observation_date,SOFR\n');
      truncateSync(path, 2 * 1024 ** 3);
      return { paths: [path], shown: path };
    }
    case 'fifo-without-writer': {
      const path = join(dir, 'SOFR.csv');
      mkfifo(path);
      return { paths: [path], shown: path };
    }
    case 'folder-of-fifos':
      mkfifo(join(dir, 'SOFR.csv'));
      mkfifo(join(dir, 'EFFR.csv'));
      return { paths: [dir], shown: dir };
    case 'config-five-million-keys': {
      // {"k0":1,"k1":1,…}: 5 million keys, 64 MB
      const path = join(dir, 'liq.config.json');
      const parts: string[] = [];
      for (let i = 0; i < 5_000_000; i++) parts.push(`"k${i}":1`);
      writeFileSync(path, `{${parts.join(',')}}`);
      return { paths: [join(ROOT, 'fixtures/fred')], shown: path, args: ['check', join(ROOT, 'fixtures/fred'), '--config', path] };
    }
    case 'config-many-keys': {
      const path = join(dir, 'liq.config.json');
      writeFileSync(path, JSON.stringify(Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, 1]))));
      return { paths: [join(ROOT, 'fixtures/fred')], shown: path, args: ['check', join(ROOT, 'fixtures/fred'), '--config', path] };
    }
    case 'no-permission': {
      const path = join(dir, 'SOFR.csv');
      writeFileSync(path, 'observation_date,SOFR\n2019-09-17,5.25\n');
      chmodSync(path, 0o000);
      return { paths: [path], shown: path };
    }
    default:
      throw new Error(`fixtures/bad/cases.json: unknown make "${kind}"`);
  }
}

/** The command line of a case and the file name its message must start with. */
function commandOf(c: Case): { args: string[]; where: string; made: string } {
  if (c.make !== undefined) {
    const { paths, shown, args } = make(c.make);
    return { args: args ?? ['check', ...paths], where: shown, made: shown };
  }
  const files = c.file !== undefined ? [c.file] : (c.files ?? []);
  const args = c.args !== undefined ? [...c.args] : ['check', ...files.map((f) => `fixtures/bad/${f}`)];
  const where = c.where?.startsWith('<') === true ? c.where : `fixtures/bad/${c.where ?? files[0] ?? ''}`;
  return { args, where, made: '' };
}

interface Measured {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak resident memory, bytes. */
  readonly rss: number;
}

let measuredRuns = 0;

/** The real bin/liq.cjs with its peak memory recorded (test/helpers/max-rss.cjs). */
function measured(args: readonly string[]): Measured {
  const rssFile = join(tmp, `rss-${++measuredRuns}`);
  const result = spawnSync(process.execPath, ['--require', RSS_HELPER, BIN, ...args], {
    cwd: ROOT,
    input: '',
    encoding: 'utf8',
    timeout: 20_000,
    env: { PATH: process.env.PATH ?? '', HOME: tmp, NO_COLOR: '1', LIQ_TEST_RSS_FILE: rssFile },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, rss: Number(readFileSync(rssFile, 'utf8')) };
}

async function runInProcess(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { NO_COLOR: '1' }, isTTY: false });
  return { code, stdout, stderr };
}

/** `liq report --out` writes a file: with bad input it must write none. */
const HAS_REPORT = /^\s+report\b/m.test((await runInProcess(['--help'])).stdout);

beforeAll(() => {
  // The corpus uses paths relative to the repository, as a user would type them.
  expect(process.cwd()).toBe(ROOT.replace(/\/$/, ''));
  tmp = mkdtempSync(join(tmpdir(), 'liq-bad-'));
});

afterAll(() => {
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
});

describe('the malformed-input corpus', () => {
  it('holds at least 45 cases and uses every file in fixtures/bad/', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
    const used = new Set(cases.flatMap((c) => [c.file, ...(c.files ?? []), ...(c.args ?? [])]).filter((f): f is string => f !== undefined));
    const files = readdirSync(BAD, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.csv') && statSync(join(BAD, f)).isFile())
      .filter((f) => !used.has(f) && !used.has(`fixtures/bad/${f}`) && !used.has(f.split('/')[0] as string));
    expect(files, 'files in fixtures/bad/ that no case uses').toEqual([]);
    expect(new Set(cases.map((c) => c.name)).size, 'case names are unique').toBe(cases.length);
  });

  for (const c of cases) {
    // As root, chmod 000 does not stop a read; the other unreadable cases (EIO, EISDIR, ELOOP, ENOTDIR) still run.
    const skip =
      c.make === 'no-permission' && isRoot ? 'skipped: running as root, which chmod 000 does not stop' : c.make === 'io-error' && !existsSync('/proc/self/mem') ? 'skipped: no /proc/self/mem here' : '';
    it.skipIf(skip !== '')(skip === '' ? c.name : `${c.name} (${skip})`, async () => {
      const { args, where, made } = commandOf(c);
      const started = performance.now();
      const run = c.measure === true ? measured(args) : c.spawn === true || c.stdin !== undefined ? liq(args, { input: c.stdin ?? '' }) : await runInProcess(args);
      const elapsed = performance.now() - started;
      if (c.measure === true) {
        const rss = (run as Measured).rss;
        expect(rss, `peak RSS ${(rss / 2 ** 20).toFixed(0)} MB`).toBeLessThan(MAX_RSS);
        console.log(`${c.name}: ${elapsed.toFixed(0)} ms, peak RSS ${(rss / 2 ** 20).toFixed(0)} MB`);
      }
      const message = c.message.replaceAll('{path}', made);
      const expected = c.at !== undefined ? `liq: ${where}:${c.at}: ${message}` : `liq: ${message}`;
      const context = `liq ${args.map((a) => relative(ROOT, a) || a).join(' ')}\n${run.stderr}`;
      expect(run.stderr, context).toContain(expected);
      for (const text of c.also ?? []) expect(run.stderr, context).toContain(text);
      for (const text of c.absent ?? []) expect(run.stderr, context).not.toContain(text);
      expect(run.code, context).toBe(c.exit);
      expect(run.stderr, 'no stack trace').not.toMatch(/^\s+at /m);
      expect(run.stderr).not.toContain('internal error');
      expect(run.stdout, 'nothing on stdout').toBe('');
      // Every problem line is one line: no raw control characters from the input.
      // eslint-disable-next-line no-control-regex
      expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
      expect(elapsed, 'a bad input is refused quickly').toBeLessThan((c.within ?? 5) * 1000);

      // The same input given to `liq report --out` fails the same way and writes nothing.
      if (HAS_REPORT && c.args === undefined && c.stdin === undefined) {
        const outDir = mkdtempSync(join(tmp, 'report-'));
        const out = join(outDir, 'report.md');
        const report = await runInProcess(['report', ...args.slice(1), '--out', out]);
        expect(report.stderr, `liq report ${args.slice(1).join(' ')}`).toContain(expected);
        expect(report.code).toBe(c.exit);
        expect(readdirSync(outDir), 'no report and no temporary file is written').toEqual([]);
      }
    }, 60_000);
  }
});

describe('bad input writes no output file', () => {
  it.runIf(HAS_REPORT)('leaves no file behind when liq report, spawned, is given bad data', () => {
    const dir = mkdtempSync(join(tmp, 'spawned-report-'));
    for (const file of ['empty.csv', 'binary-garbage.csv', 'conflict-in-file.csv', 'rate-bp-undeclared.csv']) {
      const out = join(dir, `${file}.md`);
      const run = liq(['report', `fixtures/bad/${file}`, '--out', out]);
      expect(run.code, run.stderr).toBe(65);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(out), `${out} must not be written`).toBe(false);
      expect(readdirSync(dir), 'no temporary file left either').toEqual([]);
    }
  });
});
