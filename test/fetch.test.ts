/**
 * `liq fetch` and `liq check --cached / --fetch`, black-box: the real bin against a fake
 * FRED and New York Fed on 127.0.0.1 that serves the fixture downloads (and misbehaves on
 * demand). No test touches any other address.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers/run-liq.ts';

const FIXTURES = join(ROOT, 'fixtures/fred');
const SERVED_FIXTURES = ['SOFR', 'EFFR', 'DFF', 'IORB', 'RRPONTSYAWARD', 'DFEDTARL', 'DFEDTARU', 'WRESBAL', 'WTREGEN', 'RRPONTSYD', 'WALCL', 'GDP'];
const CACHE_FILES = [...SERVED_FIXTURES.map((id) => `${id}.csv`), 'IOER.csv', 'srf.csv', 'sofr_p99.csv'].sort();

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const daysBefore = (n: number): string => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
/** The n-th weekday before today: market series have no weekend observations. */
const weekdaysBefore = (n: number): string => {
  let back = 0;
  for (let k = 0; k < n; ) {
    back++;
    const day = new Date(Date.parse(`${today}T00:00:00Z`) - back * 86_400_000).getUTCDay();
    if (day !== 0 && day !== 6) k++;
  }
  return daysBefore(back);
};
/** Dates the NY Fed has published and FRED not yet (or differently). */
const RECENT = weekdaysBefore(2);
const LATEST = weekdaysBefore(1);

/** Series the fixtures lack, made up but plausible. */
const SYNTHETIC: Record<string, string> = {
  IOER: 'observation_date,IOER\n2021-07-26,0.15\n2021-07-27,0.15\n2021-07-28,0.15\n',
  RPONTTLD: `observation_date,RPONTTLD\n2025-10-30,0.000\n2025-10-31,29.4\n${RECENT},12.5\n`,
  SOFR99: 'observation_date,SOFR99\n2026-07-28,4.45\n2026-07-29,4.5\n2026-07-30,4.47\n',
};

const REPO_OPERATIONS = [
  // The SRF's morning and afternoon operations: 1.5 + 48.85 = 50.35 bn, as on 2025-10-31.
  { operationDate: RECENT, operationType: 'Repo', term: 'Overnight', auctionStatus: 'Results', totalAmtAccepted: 1_500_000_000 },
  { operationDate: RECENT, operationType: 'Repo', term: 'Overnight', auctionStatus: 'Results', totalAmtAccepted: 48_850_000_000 },
  { operationDate: RECENT, operationType: 'Reverse Repo', term: 'Overnight', auctionStatus: 'Results', totalAmtAccepted: 3_000_000_000 },
  { operationDate: LATEST, operationType: 'Repo', term: 'Overnight', auctionStatus: 'Results', totalAmtAccepted: 0 },
];
const SOFR_RATES = [{ effectiveDate: RECENT, type: 'SOFR', percentRate: 3.91, percentPercentile99: 4.05, volumeInBillions: 3100 }];

type Misbehaviour = '500-once' | '503' | 'hang' | 'truncate' | 'cut' | 'html';

/** The fake servers' state: reset before each test. */
const fake = {
  misbehave: new Map<string, Misbehaviour>(),
  /** CSV text served for an id instead of its fixture. */
  replace: new Map<string, string>(),
  /** Serve nothing dated after this (a FRED of an earlier day). */
  cutoff: undefined as string | undefined,
  requests: [] as string[],
  seen: new Map<string, number>(),
};

function fredText(id: string): string | null {
  const replaced = fake.replace.get(id) ?? SYNTHETIC[id];
  if (replaced !== undefined) return replaced;
  return SERVED_FIXTURES.includes(id) ? readFileSync(join(FIXTURES, `${id}.csv`), 'utf8') : null;
}

/** A fixture as FRED serves it today: `observation_date,ID`, from `cosd` on. */
function fredRows(id: string, cosd: string | null): Array<[string, string]> | null {
  const text = fredText(id);
  if (text === null) return null;
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => line.split(',') as [string, string])
    .filter(([date]) => (cosd === null || date >= cosd) && (fake.cutoff === undefined || date <= fake.cutoff));
}

function serve(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  fake.requests.push(`${url.pathname}${url.search}`);
  const id = url.searchParams.get('id') ?? url.searchParams.get('series_id') ?? url.pathname;
  const attempt = (fake.seen.get(id) ?? 0) + 1;
  fake.seen.set(id, attempt);
  const mode = fake.misbehave.get(id);
  if (mode === 'hang') return; // never answers
  if (mode === '503' || (mode === '500-once' && attempt === 1)) {
    res.writeHead(mode === '503' ? 503 : 500, { 'content-type': 'text/plain' }).end('server error');
    return;
  }
  if (mode === 'html') {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html>\n<html><head><title>FRED | Maintenance</title></head><body>Back soon</body></html>\n');
    return;
  }
  let body: string;
  let type = 'application/json';
  if (url.pathname === '/graph/fredgraph.csv') {
    const rows = fredRows(id, url.searchParams.get('cosd'));
    if (rows === null) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><head><title>Not Found</title></head></html>');
      return;
    }
    body = [`observation_date,${id}`, ...rows.map((r) => r.join(','))].join('\n') + '\n';
    type = 'text/csv';
  } else if (url.pathname === '/fred/series/observations') {
    const rows = fredRows(id, url.searchParams.get('observation_start'));
    if (url.searchParams.get('api_key') !== 'sekrit-key' || rows === null) {
      const message = rows === null ? 'Bad Request.  The series does not exist.' : 'Bad Request.  The value for variable api_key is not registered.';
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error_code: 400, error_message: message }));
      return;
    }
    // Pages of 1,000, smaller than FRED's, so that paging is exercised.
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const page = rows.slice(offset, offset + 1000).map(([date, value]) => ({ realtime_start: today, realtime_end: today, date, value: value === '' ? '.' : value }));
    body = JSON.stringify({ count: rows.length, offset, limit: 1000, observations: page });
  } else if (url.pathname === '/api/rp/results/search.json' || url.pathname === '/api/rates/secured/sofr/search.json') {
    const from = url.searchParams.get('startDate') ?? '';
    const to = url.searchParams.get('endDate') ?? '';
    const inWindow = (d: string): boolean => d >= from && d <= to;
    body =
      url.pathname.includes('/rp/')
        ? JSON.stringify({ repo: { operations: REPO_OPERATIONS.filter((op) => inWindow(op.operationDate)) } })
        : JSON.stringify({ refRates: SOFR_RATES.filter((r) => inWindow(r.effectiveDate)) });
  } else {
    res.writeHead(404).end();
    return;
  }
  if (mode === 'truncate') {
    // Promises the whole body, sends half, hangs up.
    res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.write(body.slice(0, Math.floor(body.length / 2)));
    setTimeout(() => res.destroy(), 10);
    return;
  }
  if (mode === 'cut') body = body.slice(0, body.lastIndexOf('\n', body.length - 2) + 9); // ends mid-date
  res.writeHead(200, { 'content-type': type }).end(body);
}

let server: Server;
let base = '';
/** A port on 127.0.0.1 where nothing listens: the connection is refused, as when offline. */
let closed = '';
let scratch = '';

beforeAll(async () => {
  server = createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  scratch = mkdtempSync(join(tmpdir(), 'liq-fetch-'));
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closed = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise((resolve) => probe.close(resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(scratch, { recursive: true, force: true });
});

beforeEach(() => {
  fake.misbehave.clear();
  fake.replace.clear();
  fake.cutoff = undefined;
  fake.requests = [];
  fake.seen.clear();
});

let dirs = 0;
const newDir = (): string => join(scratch, `cache-${++dirs}`);

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Spawns bin/liq without blocking this process, which must keep serving the fake sources. */
function liq(args: readonly string[], env: Record<string, string> = {}, user: { uid: number; gid: number } | undefined = undefined): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      ...user,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: join(scratch, 'home'),
        NO_COLOR: '1',
        LIQ_FRED_URL: base,
        LIQ_FRED_API_URL: base,
        LIQ_NYFED_URL: base,
        LIQ_FETCH_BACKOFF: '0.01',
        LIQ_FETCH_TIMEOUT: '5',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const fetchInto = (dir: string, args: readonly string[] = [], env: Record<string, string> = {}): Promise<Run> => liq(['fetch', ...args], { LIQ_CACHE_DIR: dir, ...env });
const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const fredRequests = (id: string): string[] => fake.requests.filter((r) => r.startsWith(`/graph/fredgraph.csv?id=${id}&`) || r === `/graph/fredgraph.csv?id=${id}`);

describe('liq fetch', () => {
  it('saves every series with a public source, one FRED-format file each, that check --cached reads offline', async () => {
    const dir = newDir();
    mkdirSync(dir);
    // Left by a run killed mid-write (pid 4194303 is above Linux's default pid_max, so never alive).
    const orphan = join(dir, '.SOFR.csv.4194303.0badf00d.liq-tmp');
    writeFileSync(orphan, 'observation_date,SOFR\n2018-04-0');
    const run = await fetchInto(dir);
    expect(run.stderr).toContain(`15 series saved in ${dir}`);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(dir).sort(), 'no temporary file is left behind, nor an old orphan').toEqual(CACHE_FILES);
    expect(read(dir, 'SOFR.csv'), 'SOFR.csv is FRED\'s download byte for byte').toBe(readFileSync(join(FIXTURES, 'SOFR.csv'), 'utf8'));
    expect(read(dir, 'EFFR.csv').split('\n')[0], 'old DATE headers come back as FRED writes them now').toBe('observation_date,EFFR');
    expect(read(dir, 'RRPONTSYAWARD.csv')).toContain('\n2013-11-28,\n'); // FRED's "." for a holiday, kept as no observation
    expect(fredRequests('SOFR'), 'a first fetch takes the whole history').toEqual(['/graph/fredgraph.csv?id=SOFR']);
    // srf: FRED's history, then the NY Fed's overnight repo take-up, which wins on a shared date.
    expect(read(dir, 'srf.csv')).toBe(`observation_date,srf\n2025-10-30,0.000\n2025-10-31,29.4\n${RECENT},50.35\n${LATEST},0\n`);
    expect(read(dir, 'sofr_p99.csv')).toBe(`observation_date,sofr_p99\n2026-07-28,4.45\n2026-07-29,4.5\n2026-07-30,4.47\n${RECENT},4.05\n`);
    expect(run.stderr).toMatch(/SOFR\.csv +2079 new +2018-04-03 to 2026-07-30 +\(FRED SOFR\)/);

    const served = fake.requests.length;
    const check = await liq(['check', '--cached', '--json'], { LIQ_CACHE_DIR: dir, LIQ_FRED_URL: closed, LIQ_NYFED_URL: closed });
    expect(check.code, check.stderr).toBe(0);
    expect(fake.requests.length, 'check --cached asks no one').toBe(served);
    expect(check.stderr).toContain(`offline: reading the cache in ${dir}`);
    expect(check.stderr).toMatch(/liq: {3}SOFR +to 2026-07-30 \(\d+ days old\), fetched just now/);
    const doc = JSON.parse(check.stdout) as { asOf: string; series: Array<{ name: string }> };
    expect(doc.asOf).toBe('2026-07-30');
    expect(doc.series.map((s) => s.name)).toEqual(expect.arrayContaining(['sofr', 'srf', 'sofr_p99', 'reserves', 'tga', 'gdp']));
  });

  it('asks only from the last cached observations again, and a revised value replaces the old one', async () => {
    const dir = newDir();
    fake.cutoff = '2026-07-20';
    expect((await fetchInto(dir)).code).toBe(0);
    const before = read(dir, 'SOFR.csv');
    expect(before.endsWith('2026-07-20,3.57\n')).toBe(true);

    fake.cutoff = undefined;
    fake.requests = [];
    const fixture = readFileSync(join(FIXTURES, 'SOFR.csv'), 'utf8');
    const revised = fixture.replace(/\n2026-07-16,[^\n]*/, '\n2026-07-16,3.71');
    fake.replace.set('SOFR', revised);
    const run = await fetchInto(dir);
    expect(run.code, run.stderr).toBe(0);
    // The 5th-last cached SOFR observation is 2026-07-14 (07-14, 15, 16, 17, 20).
    expect(fredRequests('SOFR')).toEqual(['/graph/fredgraph.csv?id=SOFR&cosd=2026-07-14']);
    expect(read(dir, 'SOFR.csv'), 'history kept, revision taken, new days added').toBe(revised);
    expect(run.stderr).toMatch(/SOFR\.csv +8 new, 1 revised +2018-04-03 to 2026-07-30/);
    expect(run.stderr).toMatch(/IOER\.csv +discontinued; cached 2021-07-26 to 2021-07-28, not asked again/);
    expect(fredRequests('IOER')).toEqual([]);
    expect(run.stderr).toMatch(/GDP\.csv +no change +1980-01-01 to 2025-07-01/);
  });

  it('retries a 500 and saves the series', async () => {
    const dir = newDir();
    fake.misbehave.set('SOFR', '500-once');
    const run = await fetchInto(dir);
    expect(run.code, run.stderr).toBe(0);
    expect(fredRequests('SOFR')).toHaveLength(2);
    expect(read(dir, 'SOFR.csv')).toBe(readFileSync(join(FIXTURES, 'SOFR.csv'), 'utf8'));
  });

  it('names a series that keeps failing in one line, saves the others, and exits 66', async () => {
    const dir = newDir();
    fake.misbehave.set('SOFR', '503');
    const run = await fetchInto(dir, ['--json']);
    expect(run.code).toBe(66);
    expect(fredRequests('SOFR'), 'the first attempt and 2 retries').toHaveLength(3);
    const lines = run.stderr.split('\n').filter((l) => l.includes('SOFR.csv'));
    expect(lines).toEqual([`liq: SOFR.csv: FRED SOFR: HTTP 503 Service Unavailable, 3 attempts (${base}/graph/fredgraph.csv?id=SOFR) — nothing cached yet`]);
    expect(run.stderr).toContain(`liq: 1 of 15 series failed; 14 saved in ${dir}`);
    expect(existsSync(join(dir, 'SOFR.csv'))).toBe(false);
    expect(readdirSync(dir)).toHaveLength(14);
    const doc = JSON.parse(run.stdout) as { ok: boolean; series: Array<{ name: string; outcome: string }> };
    expect(doc.ok).toBe(false);
    expect(doc.series.find((s) => s.name === 'SOFR')?.outcome).toBe('failed');
    expect(doc.series.find((s) => s.name === 'WALCL')?.outcome).toBe('updated');
  });

  it('gives up on a request that hangs after its timeout and keeps the cached copy', async () => {
    const dir = newDir();
    expect((await fetchInto(dir)).code).toBe(0);
    const cached = read(dir, 'GDP.csv');
    fake.misbehave.set('GDP', 'hang');
    const started = Date.now();
    const run = await fetchInto(dir, ['--timeout', '0.3', '--retries', '1']);
    expect(run.code).toBe(66);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run.stderr).toContain('liq: GDP.csv: FRED GDP: no complete answer within 0.3 s (timed out), 2 attempts');
    expect(run.stderr).toContain('the cache keeps its data to 2025-07-01');
    expect(read(dir, 'GDP.csv')).toBe(cached);
  });

  it('never writes a truncated body or an HTML page, and the cached copy stays whole', async () => {
    const dir = newDir();
    expect((await fetchInto(dir)).code).toBe(0);
    const walcl = read(dir, 'WALCL.csv');
    fake.requests = [];
    fake.misbehave.set('WALCL', 'truncate');
    fake.misbehave.set('DFF', 'html');
    fake.misbehave.set('EFFR', 'cut');
    const run = await fetchInto(dir, ['--since', '2020-01-01']);
    expect(run.code).toBe(66);
    expect(run.stderr).toContain('liq: WALCL.csv: FRED WALCL: the connection closed before the whole response arrived (truncated), 3 attempts');
    expect(run.stderr).toContain('liq: DFF.csv: FRED DFF: not a FRED CSV: an HTML page, not CSV ("FRED | Maintenance")');
    expect(run.stderr).toMatch(/liq: EFFR\.csv: FRED EFFR: not a FRED CSV: line \d+ is "2022-12-", expected YYYY-MM-DD,number \(the last line: the body looks cut short\)/);
    expect(read(dir, 'WALCL.csv')).toBe(walcl);
    expect(readdirSync(dir).sort()).toEqual(CACHE_FILES);
    expect(fredRequests('DFF'), 'a wrong body is not retried').toHaveLength(1);
  });

  it('downloads a series whole again when FRED changed its unit between vintages', async () => {
    const dir = newDir();
    expect((await fetchInto(dir)).code).toBe(0); // WRESBAL in billions, to 2024-11-13
    fake.replace.set('WRESBAL', readFileSync(join(FIXTURES, 'WRESBAL_millions_2021-06_2026-06.csv'), 'utf8'));
    fake.requests = [];
    const run = await fetchInto(dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('liq: WRESBAL: FRED now gives WRESBAL in a unit 1,000× the cached one (a new vintage): downloaded its whole history again');
    expect(fredRequests('WRESBAL')).toEqual(['/graph/fredgraph.csv?id=WRESBAL&cosd=2024-10-16', '/graph/fredgraph.csv?id=WRESBAL']);
    expect(read(dir, 'WRESBAL.csv')).toBe(readFileSync(join(FIXTURES, 'WRESBAL_millions_2021-06_2026-06.csv'), 'utf8'));
  });

  it('refuses a 1000× jump in a series without known unit vintages, and keeps the cache', async () => {
    const dir = newDir();
    expect((await fetchInto(dir)).code).toBe(0);
    const cached = read(dir, 'SOFR.csv');
    const fixture = readFileSync(join(FIXTURES, 'SOFR.csv'), 'utf8');
    fake.replace.set('SOFR', fixture.replace(/^(\d{4}-\d{2}-\d{2}),([\d.]+)$/gm, (_, date: string, value: string) => `${date},${(Number(value) * 1000).toFixed(0)}`));
    fake.requests = [];
    const run = await fetchInto(dir);
    expect(run.code).toBe(66);
    expect(run.stderr).toContain('liq: SOFR.csv: FRED SOFR: the new values of the cached dates are 1,000× the cached ones, not a revision and not a known change of unit: refused (the cache is kept)');
    expect(fredRequests('SOFR'), 'not downloaded whole again').toHaveLength(1);
    expect(read(dir, 'SOFR.csv')).toBe(cached);
  });

  it('uses the FRED API when FRED_API_KEY is set, and never shows the key', async () => {
    const dir = newDir();
    const run = await fetchInto(dir, [], { FRED_API_KEY: 'sekrit-key' });
    expect(run.code, run.stderr).toBe(0);
    expect(fake.requests.some((r) => r.startsWith('/graph/'))).toBe(false);
    expect(fake.requests.filter((r) => r.includes('series_id=SOFR&')).length, 'SOFR takes 3 pages of 1,000').toBe(3);
    expect(read(dir, 'SOFR.csv')).toBe(readFileSync(join(FIXTURES, 'SOFR.csv'), 'utf8'));

    const bad = await fetchInto(newDir(), [], { FRED_API_KEY: 'wrong-key' });
    expect(bad.code).toBe(66);
    expect(bad.stderr).toContain('liq: SOFR.csv: FRED SOFR: FRED API: Bad Request. The value for variable api_key is not registered.');
    expect(bad.stderr).not.toContain('wrong-key');
  });

  it('puts the cache in $XDG_CACHE_HOME/liq when LIQ_CACHE_DIR is not set', async () => {
    const xdg = join(scratch, 'xdg');
    const run = await liq(['fetch', '-q'], { XDG_CACHE_HOME: xdg });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr, '-q prints nothing when all went well').toBe('');
    expect(readdirSync(join(xdg, 'liq')).sort()).toEqual(CACHE_FILES);
  });

  it('exits 73 when the cache cannot be written, 64 on a bad flag', async () => {
    const blocker = join(scratch, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const run = await fetchInto(join(blocker, 'cache'));
    expect(run.code).toBe(73);
    expect(run.stderr).toContain(`cannot create the cache folder ${join(blocker, 'cache')}`);

    const dir = newDir();
    mkdirSync(join(dir, 'GDP.csv'), { recursive: true }); // a folder where the file should go
    const blocked = await fetchInto(dir);
    expect(blocked.code).toBe(73);
    expect(blocked.stderr).toMatch(/liq: GDP\.csv: cannot write .*GDP\.csv/);
    expect(existsSync(join(dir, 'SOFR.csv'))).toBe(true);

    expect((await fetchInto(newDir(), ['--since', '2025-13-01'])).code).toBe(64);
    expect((await fetchInto(newDir(), [], { LIQ_FRED_URL: 'fred.example' })).code).toBe(64);
  });
});

describe('the cache folder is its owner\'s alone', () => {
  it('is created 0700, its files 0600, and a symlink planted in it is replaced, never written through', async () => {
    const dir = newDir();
    mkdirSync(dir, { mode: 0o700 });
    const victim = join(scratch, 'notes.txt');
    writeFileSync(victim, 'my notes\n');
    symlinkSync(victim, join(dir, 'SOFR.csv'));
    const run = await fetchInto(dir);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(victim, 'utf8'), 'the link\'s target is untouched').toBe('my notes\n');
    expect(lstatSync(join(dir, 'SOFR.csv')).isFile()).toBe(true);
    expect(statSync(join(dir, 'SOFR.csv')).mode & 0o777).toBe(0o600);
    const fresh = join(newDir(), 'deep');
    expect((await fetchInto(fresh)).code).toBe(0);
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
  });

  it('refuses a folder others can write, saying how to fix it (exit 73), and writes nothing', async () => {
    const dir = newDir();
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    const run = await fetchInto(dir);
    expect(run.code).toBe(73);
    expect(run.stderr).toContain(`liq: the cache folder ${dir} can be written by other users (mode 777), who could plant files in it: make it yours alone with chmod 700 ${dir}`);
    expect(readdirSync(dir)).toEqual([]);
    const cached = await liq(['check', '--cached'], { LIQ_CACHE_DIR: dir });
    expect(cached.code, 'nor is it read').toBe(73);
  });

  const nobody = { uid: 65534, gid: 65534 };
  // As root, user nobody must also be able to read this checkout (a 0700 temporary clone is not).
  const nobodyReads = (): boolean => spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)})`], { ...nobody, stdio: 'ignore' }).status === 0;
  const why = process.getuid?.() !== 0 ? 'skipped: switching user needs root' : !nobodyReads() ? 'skipped: user nobody cannot read this checkout' : '';
  it.skipIf(why !== '')(`refuses another user's folder, both ways, as user nobody (65534) and root${why === '' ? '' : ` (${why})`}`, async () => {
    // root's private cache, and nobody pointed at it
    const rootDir = newDir();
    mkdirSync(rootDir, { mode: 0o700 });
    // Let nobody reach into the scratch folder (the suite's own temporary folders are 0700).
    for (let d = scratch; d !== '/' && d !== '/tmp'; d = dirname(d)) chmodSync(d, statSync(d).mode | 0o055);
    const asNobody = await liq(['fetch'], { LIQ_CACHE_DIR: rootDir, HOME: '/nonexistent' }, nobody);
    expect(asNobody.code, asNobody.stderr).toBe(73);
    expect(asNobody.stderr).toContain(`liq: the cache folder ${rootDir} belongs to another user (uid 0, you are 65534)`);
    // a folder nobody made, with a planted link to root's file; root must not use it
    const planted = join(scratch, `planted-${dirs}`);
    mkdirSync(planted, { mode: 0o700 });
    chownSync(planted, nobody.uid, nobody.gid);
    const victim = join(scratch, 'root-notes.txt');
    writeFileSync(victim, 'root\'s notes\n');
    const plant = await liq(['fetch', '--dir', planted], {}, nobody);
    expect(plant.code, plant.stderr).toBe(0);
    rmSync(join(planted, 'GDP.csv'));
    symlinkSync(victim, join(planted, 'GDP.csv'));
    const asRoot = await fetchInto(planted);
    expect(asRoot.code).toBe(73);
    expect(asRoot.stderr).toContain(`liq: the cache folder ${planted} belongs to another user (uid 65534, you are 0): liq does not use a folder someone else controls`);
    expect(readFileSync(victim, 'utf8')).toBe('root\'s notes\n');
    // HOME unset and no passwd entry for the user: a clear message, not an internal error
    const homeless = await liq(['fetch'], { HOME: '' }, { uid: 4242, gid: 4242 });
    expect(homeless.code, homeless.stderr).toBe(64);
    expect(homeless.stderr).toContain('cannot tell where the cache folder goes: HOME is not set');
  });
});

describe('liq check --cached / --fetch', () => {
  it('fetches then checks; offline, it warns and checks the cache it has', async () => {
    const dir = newDir();
    const run = await liq(['check', '--fetch', '--json'], { LIQ_CACHE_DIR: dir });
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { asOf: string }).asOf).toBe('2026-07-30');
    expect(fredRequests('SOFR')).toHaveLength(1);

    const offline = await liq(['check', '--fetch', '--json', '-q'], {
      LIQ_CACHE_DIR: dir,
      LIQ_FRED_URL: closed,
      LIQ_NYFED_URL: closed,
      LIQ_FETCH_RETRIES: '0',
    });
    expect(offline.code, offline.stderr).toBe(0);
    expect(offline.stdout).toBe(run.stdout);
    expect(offline.stderr).toContain(`liq: warning: SOFR.csv: FRED SOFR: connection refused (${closed}/graph/fredgraph.csv?id=SOFR&cosd=2026-07-24) — the cache keeps its data to 2026-07-30`);
  });

  it('refuses files beside --cached, and an empty cache is exit 66', async () => {
    const both = await liq(['check', '--cached', 'fixtures/fred/SOFR.csv'], { LIQ_CACHE_DIR: newDir() });
    expect(both.code).toBe(64);
    expect(both.stderr).toContain('--cached reads the cache folder');
    const empty = await liq(['check', '--cached'], { LIQ_CACHE_DIR: newDir() });
    expect(empty.code).toBe(66);
    expect(empty.stderr).toContain('no cached data in');
    expect(empty.stderr).toContain('run liq fetch first');
  });
});
