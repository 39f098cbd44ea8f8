/**
 * `liq fetch` and `liq check --cached / --fetch`, black-box: the real bin against a fake
 * FRED and New York Fed on 127.0.0.1 that serves the fixture downloads (and misbehaves on
 * demand). No test touches any other address.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, liqAsync, ROOT, type Run } from './helpers/run-liq.ts';

const FIXTURES = join(ROOT, 'fixtures/fred');
const RAW = join(ROOT, 'fixtures/raw');
const SERVED_FIXTURES = ['SOFR', 'EFFR', 'DFF', 'IORB', 'RRPONTSYAWARD', 'DFEDTARL', 'DFEDTARU', 'WRESBAL', 'WTREGEN', 'RRPONTSYD', 'WALCL', 'GDP', 'TLAACBW027SBOG'];
/** The series from FRED alone: what most tests fetch (`liq fetch NAME…`), to test FRED's side. */
const FRED_SERIES = [...SERVED_FIXTURES, 'IOER'];
const FRED_FILES = FRED_SERIES.map((id) => `${id}.csv`).sort();

/**
 * The day the fetches run, as if on the morning of 2026-10-07, after the Treasury's
 * statement of 2026-10-06 (the saved DTS response's last day): the saved NY Fed repo
 * results of 2026-09-15 are within the recent year asked, whenever the suite runs.
 */
const TODAY = '2026-10-07';

/** Series the fixtures lack, made up but plausible (FRED's RPONTTLD: no real copy was found). */
const SYNTHETIC: Record<string, string> = {
  IOER: 'observation_date,IOER\n2021-07-26,0.15\n2021-07-27,0.15\n2021-07-28,0.15\n',
  RPONTTLD: 'observation_date,RPONTTLD\n2025-10-30,0.000\n2025-10-31,50.35\n2026-09-14,0\n2026-09-15,0.1\n',
};

/**
 * The New York Fed's and the Treasury's answers: the real saved responses, byte for byte,
 * whatever dates are asked (liq keeps only the dates it asked for). Where no response of a
 * search was saved — TGCR, BGCR, OBFR and EFFR's volume — the server answers with another
 * rate's real response, as a confused mirror would, and liq must refuse it.
 */
function savedAnswer(url: URL): string | null {
  const type = url.searchParams.get('type');
  const year = (url.searchParams.get('startDate') ?? '').slice(0, 4);
  const sofr = type === 'volume' ? 'sofr-volume_2018-04-03_2026-09-03.json' : 'sofr-rate_2018-04-03_2026-09-03.json';
  const effr = year === '2019' ? 'effr-rate_2019.json' : 'effr-rate_2025.json';
  const file: Record<string, string> = {
    '/api/rates/secured/sofr/search.json': sofr,
    '/api/rates/secured/tgcr/search.json': sofr,
    '/api/rates/secured/bgcr/search.json': sofr,
    '/api/rates/unsecured/effr/search.json': effr,
    '/api/rates/unsecured/obfr/search.json': effr,
    '/api/rp/results/search.json': 'repo-results_2026-09-15.json',
    '/services/api/fiscal_service/v1/accounting/dts/operating_cash_balance': 'treasury/dts-api-tga_2026-01-02_2026-10-06.json',
  };
  const name = file[url.pathname];
  return name === undefined ? null : readFileSync(join(RAW, name), 'utf8');
}

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
    const page = rows.slice(offset, offset + 1000).map(([date, value]) => ({ realtime_start: TODAY, realtime_end: TODAY, date, value: value === '' ? '.' : value }));
    body = JSON.stringify({ count: rows.length, offset, limit: 1000, observations: page });
  } else if (savedAnswer(url) !== null) {
    body = savedAnswer(url) as string;
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

/** Spawns bin/liq without blocking this process, which must keep serving the fake sources. */
const liq = (args: readonly string[], env: Record<string, string> = {}, user: { uid: number; gid: number } | undefined = undefined): Promise<Run> =>
  liqAsync(args, {
    ...(user === undefined ? {} : { user }),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: join(scratch, 'home'),
      NO_COLOR: '1',
      LIQ_FRED_URL: base,
      LIQ_FRED_API_URL: base,
      LIQ_NYFED_URL: base,
      LIQ_TREASURY_URL: base,
      LIQ_TODAY: TODAY,
      LIQ_FETCH_BACKOFF: '0.01',
      LIQ_FETCH_TIMEOUT: '5',
      ...env,
    },
  });

/** `liq fetch` of FRED's series (all of them with `names` empty: []). */
const fetchInto = (dir: string, args: readonly string[] = [], env: Record<string, string> = {}, names: readonly string[] = FRED_SERIES): Promise<Run> =>
  liq(['fetch', ...names, ...args], { LIQ_CACHE_DIR: dir, ...env });
const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');
/** The cache file's row of a date: its value ('' for none), or undefined without a row. */
const valueOn = (text: string, date: string): string | undefined => lines(text).find((l) => l.startsWith(`${date},`))?.slice(11);
const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const fredRequests = (id: string): string[] => fake.requests.filter((r) => r.startsWith(`/graph/fredgraph.csv?id=${id}&`) || r === `/graph/fredgraph.csv?id=${id}`);

describe('liq fetch', () => {
  it('saves FRED\'s series, one FRED-format file each, leaving no temporary file behind', async () => {
    const dir = newDir();
    mkdirSync(dir);
    // Left by a run killed mid-write (pid 4194303 is above Linux's default pid_max, so never alive).
    const orphan = join(dir, '.SOFR.csv.4194303.0badf00d.liq-tmp');
    writeFileSync(orphan, 'observation_date,SOFR\n2018-04-0');
    const run = await fetchInto(dir);
    expect(run.stderr).toContain(`14 series saved in ${dir}`);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(dir).sort(), 'no temporary file is left behind, nor an old orphan').toEqual(FRED_FILES);
    expect(read(dir, 'SOFR.csv'), 'SOFR.csv is FRED\'s download byte for byte').toBe(readFileSync(join(FIXTURES, 'SOFR.csv'), 'utf8'));
    expect(read(dir, 'EFFR.csv').split('\n')[0], 'old DATE headers come back as FRED writes them now').toBe('observation_date,EFFR');
    expect(read(dir, 'RRPONTSYAWARD.csv')).toContain('\n2013-11-28,\n'); // FRED's "." for a holiday, kept as no observation
    expect(valueOn(read(dir, 'TLAACBW027SBOG.csv'), '2019-09-18'), 'H.8 bank assets, billions as FRED gives them').toBe(valueOn(readFileSync(join(FIXTURES, 'TLAACBW027SBOG.csv'), 'utf8'), '2019-09-18'));
    expect(fredRequests('SOFR'), 'a first fetch takes the whole history').toEqual(['/graph/fredgraph.csv?id=SOFR']);
    expect(run.stderr).toMatch(/SOFR\.csv +2079 new +2018-04-03 to 2026-07-30 +\(FRED\)/);
    expect(fake.requests.filter((r) => !r.startsWith('/graph/')), 'named series only: no one else is asked').toEqual([]);
  });

  it('saves the NY Fed\'s and the Treasury\'s series from their real saved answers, refuses another rate\'s answer, and check --cached reads it all offline, one line per source', async () => {
    const dir = newDir();
    const run = await fetchInto(dir, ['--json'], {}, []);
    const failing = ['effr_volume', 'tgcr', 'bgcr', 'obfr'];
    expect(run.code, run.stderr).toBe(66);
    expect(run.stderr).toContain(`liq: 4 of 31 series failed; 27 saved in ${dir}`);
    // No TGCR, BGCR, OBFR or EFFR-volume answer was ever saved: the server sends another rate's, which is refused.
    expect(run.stderr).toContain(`liq: tgcr.csv: NY Fed TGCR rate: not the NY Fed's JSON: the answer for TGCR holds another rate: "SOFR" on "2026-09-03" (${base}/api/rates/secured/tgcr/search.json?startDate=2018-04-02&endDate=2018-12-31&type=rate) — nothing cached yet`);
    expect(run.stderr).toContain('liq: obfr.csv: NY Fed OBFR rate: not the NY Fed\'s JSON: the answer for OBFR holds another rate: "EFFR"');
    expect(run.stderr, 'a rate search holds no volume: nothing is saved, not zeros').toContain('liq: effr_volume.csv: no observations from NY Fed EFFR volume — nothing cached yet');
    expect(readdirSync(dir).filter((f) => failing.includes(f.replace('.csv', '')))).toEqual([]);

    const p99 = read(dir, 'sofr_p99.csv');
    expect(p99.split('\n')[0]).toBe('observation_date,sofr_p99');
    expect(valueOn(p99, '2019-09-17'), 'SOFR 99th percentile 9.00 % at the spike').toBe('9');
    expect(valueOn(p99, '2019-05-31'), '"NA" with a footnote: a row without a value, not 0').toBe('');
    expect(valueOn(p99, '2025-10-31'), '4.35 on 2025-10-31').toBe('4.35');
    expect(lines(p99), 'the header and 2,104 days, 2018-04-03 to 2026-09-03').toHaveLength(2105);
    expect(valueOn(read(dir, 'sofr_p1.csv'), '2019-09-17'), '1st percentile 2.25').toBe('2.25');
    expect(valueOn(read(dir, 'sofr_p25.csv'), '2019-09-17'), '25th percentile 5.00').toBe('5');
    expect(valueOn(read(dir, 'sofr_p75.csv'), '2019-09-17'), '75th percentile 5.85').toBe('5.85');
    expect(valueOn(read(dir, 'sofr_volume.csv'), '2019-09-17'), 'volumeInBillions 1177: 1,177 bn, the catalog\'s USD bn').toBe('1177');
    const effrP99 = read(dir, 'effr_p99.csv');
    expect(valueOn(effrP99, '2019-09-17'), 'EFFR 99th percentile 4.00 on 2019-09-17 (the 2019 answer)').toBe('4');
    expect(valueOn(effrP99, '2025-10-31'), '3.93 on 2025-10-31 (the 2025 answer)').toBe('3.93');
    expect(valueOn(read(dir, 'effr_p1.csv'), '2025-10-31'), '1st percentile 3.84').toBe('3.84');
    const sofrSearches = fake.requests.filter((r) => r.startsWith('/api/rates/secured/sofr/search.json') && r.endsWith('type=rate'));
    expect(sofrSearches, 'one search a year, 2018 to 2026, shared by the four percentiles').toHaveLength(9);

    // Repo results: FRED's RPONTTLD, then the NY Fed's, which wins on a shared date.
    expect(read(dir, 'srf.csv'), 'the SRF on 2026-09-15: 0 + 102,000,000 dollars accepted / 1e9 = 0.102 bn, over FRED\'s 0.1').toBe(
      'observation_date,srf\n2025-10-30,0.000\n2025-10-31,50.35\n2026-09-14,0\n2026-09-15,0.102\n',
    );
    expect(read(dir, 'srf_submitted.csv'), '"Full Allotment": submitted 0 + 102,000,000 = accepted').toBe('observation_date,srf_submitted\n2026-09-15,0.102\n');
    expect(read(dir, 'srf_rate.csv'), 'the published offering rate of the "Full Allotment" operations').toBe('observation_date,srf_rate\n2026-09-15,3.75\n');
    expect(fake.requests.filter((r) => r.startsWith('/api/rp/results/')), 'the recent year, asked once for srf, srf_submitted and srf_rate').toEqual([
      '/api/rp/results/search.json?startDate=2025-10-06&endDate=2025-12-31',
      '/api/rp/results/search.json?startDate=2026-01-01&endDate=2026-10-07',
    ]);

    const tga = read(dir, 'tga_daily.csv');
    expect(lines(tga)[1], 'open_today_bal "781204" millions / 1000 = 781.204 bn on 2026-01-02').toBe('2026-01-02,781.204');
    expect(valueOn(tga, '2026-10-06'), '"885414" / 1000 = 885.414 bn').toBe('885.414');
    expect(lines(tga)).toHaveLength(194);

    const doc = JSON.parse(run.stdout) as { ok: boolean; series: Array<{ name: string; outcome: string; sources: string[] }> };
    expect(doc.series.filter((s) => s.outcome === 'failed').map((s) => s.name)).toEqual(failing);
    expect(doc.series.find((s) => s.name === 'tga_daily')?.sources).toEqual(['Treasury DTS operating cash balance']);

    const served = fake.requests.length;
    const check = await liq(['check', '--cached', '--json'], { LIQ_CACHE_DIR: dir, LIQ_FRED_URL: closed, LIQ_NYFED_URL: closed, LIQ_TREASURY_URL: closed });
    expect(check.code, check.stderr).toBe(0);
    expect(fake.requests.length, 'check --cached asks no one').toBe(served);
    expect(lines(check.stderr).filter((l) => l.startsWith('liq: offline: ')), 'one line per source, not one per series').toEqual([
      `liq: offline: reading the cache in ${dir}`,
      'liq: offline: FRED 14 series to 2026-07-31 (68 days old), fetched just now',
      'liq: offline: NY Fed 12 series to 2026-09-15 (22 days old), fetched just now',
      'liq: offline: Treasury 1 series to 2026-10-06 (1 day old), fetched just now',
    ]);
    expect(check.stderr, 'every file fetch wrote is a series the loader knows').not.toContain('skipped');
    const report = JSON.parse(check.stdout) as { asOf: string; series: Array<{ name: string }> };
    expect(report.asOf).toBe('2026-07-30');
    expect(report.series.map((s) => s.name)).toEqual(
      expect.arrayContaining(['sofr', 'srf', 'srf_rate', 'sofr_p1', 'sofr_p25', 'sofr_p75', 'sofr_p99', 'sofr_volume', 'effr_p1', 'effr_p99', 'tga_daily', 'tga', 'bank_assets', 'reserves', 'gdp']),
    );
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
    expect(run.stderr).toContain(`liq: 1 of 14 series failed; 13 saved in ${dir}`);
    expect(existsSync(join(dir, 'SOFR.csv'))).toBe(false);
    expect(readdirSync(dir)).toHaveLength(13);
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
    expect(readdirSync(dir).sort()).toEqual(FRED_FILES);
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
    const run = await liq(['fetch', ...FRED_SERIES, '-q'], { XDG_CACHE_HOME: xdg });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr, '-q prints nothing when all went well').toBe('');
    expect(readdirSync(join(xdg, 'liq')).sort()).toEqual(FRED_FILES);
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
    fake.requests = [];
    const unknown = await fetchInto(newDir(), [], {}, ['SOFR', 'sofr_p98']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('liq: "sofr_p98" is not a series liq fetches: name a file\'s column or a series, as in SOFR, EFFR,');
    expect(fake.requests, 'nothing is asked before the names are known').toEqual([]);
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
    const plant = await liq(['fetch', ...FRED_SERIES, '--dir', planted], {}, nobody);
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
