/**
 * `liq fetch` against servers that misbehave on purpose, all on 127.0.0.1: a body of
 * 2 GB sent lazily, a gzip bomb, a redirect to another port, an error message that
 * echoes the API key and drives the terminal, a FRED API that claims a billion
 * observations or pages forever, and one that never answers within the run's deadline.
 * Each must end with a clear message and exit 66, in bounded memory and time, and
 * leave the cache as it was.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { liqAsync, ROOT } from './helpers/run-liq.ts';

const RSS_HELPER = join(ROOT, 'test/helpers/max-rss.cjs');
const MAX_RSS = 300 * 1024 * 1024;
const KEY = 'sekrit-key-0123';

type Mode = 'moved' | 'huge' | 'bomb' | 'redirect' | 'echo' | 'count-1e9' | 'small-pages' | 'endless-pages' | 'hang';

const state = { mode: 'huge' as Mode, requests: 0, sentBytes: 0, otherRequests: 0 };

/** Sends `total` bytes of CSV-looking text, only as fast as the client reads it; stops when it hangs up. */
function sendLazily(res: ServerResponse, total: number): void {
  const line = Buffer.from('2020-01-02,1.55\n'.repeat(4096)); // 64 KiB
  let sent = 0;
  res.writeHead(200, { 'content-type': 'text/csv' });
  res.write('observation_date,SOFR\n');
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      sent += line.length;
      state.sentBytes += line.length;
      if (!res.write(line)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

/** A gzip stream of zeros, 1 GB when inflated, made as it is read. */
function sendBomb(res: ServerResponse): void {
  const zeros = Buffer.alloc(1024 * 1024);
  let left = 1024;
  const source = new Readable({
    read() {
      this.push(left-- > 0 ? zeros : null);
    },
  });
  res.writeHead(200, { 'content-type': 'text/csv', 'content-encoding': 'gzip' });
  const gzip = createGzip({ level: 9 });
  res.on('close', () => source.destroy());
  source.pipe(gzip).pipe(res);
}

function serve(req: IncomingMessage, res: ServerResponse): void {
  state.requests++;
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  switch (state.mode) {
    case 'moved': {
      // A redirect within the same origin is followed, and then the answer is a good one.
      if (url.pathname === '/graph/fredgraph.csv') {
        res.writeHead(301, { location: `/moved/fredgraph.csv${url.search}` }).end();
      } else if (url.pathname === '/moved/fredgraph.csv') {
        res.writeHead(200, { 'content-type': 'text/csv' }).end(`observation_date,${url.searchParams.get('id') ?? ''}\n2020-01-02,1.55\n`);
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end(url.pathname.includes('/rp/') ? '{"repo":{"operations":[]}}' : '{"refRates":[]}');
      }
      return;
    }
    case 'huge':
      return sendLazily(res, 2 * 1024 ** 3);
    case 'bomb':
      return sendBomb(res);
    case 'redirect':
      res.writeHead(302, { location: `${other}${url.pathname}${url.search}` }).end();
      return;
    case 'echo':
      // The FRED API's error shape, with the key echoed and a screen clear, a window title and a link.
      res.writeHead(400, { 'content-type': 'application/json' }).end(
        JSON.stringify({ error_code: 400, error_message: `Bad Request. api_key ${KEY} \u001b[2J\u001b]0;pwned\u0007\u001b]8;;http://evil.example\u001b\\click\u001b]8;;\u001b\\ is not registered.` }),
      );
      return;
    case 'count-1e9':
    case 'small-pages': {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const date = new Date(Date.UTC(2000, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
      const count = state.mode === 'count-1e9' ? 1e9 : 500_000;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ count, offset, observations: [{ date, value: '1.5' }] }));
      return;
    }
    case 'endless-pages': {
      // The Fiscal Data API's shape, one day per page, claiming a million pages.
      const page = Number(url.searchParams.get('page[number]') ?? 1);
      const date = new Date(Date.UTC(2026, 0, 1) + page * 86_400_000).toISOString().slice(0, 10);
      const row = { record_date: date, account_type: 'Treasury General Account (TGA) Closing Balance', open_today_bal: '800000', close_today_bal: 'null' };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: [row], meta: { 'total-pages': 1_000_000 } }));
      return;
    }
    case 'hang':
      return; // never answers
  }
}

let server: Server;
let otherServer: Server;
let base = '';
let other = '';
let scratch = '';

const listen = async (s: Server): Promise<string> => {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  server = createServer(serve);
  base = await listen(server);
  otherServer = createServer((_req, res) => {
    state.otherRequests++;
    res.writeHead(200, { 'content-type': 'text/csv' }).end('observation_date,SOFR\n2020-01-02,1.55\n');
  });
  other = await listen(otherServer);
  scratch = mkdtempSync(join(tmpdir(), 'liq-hostile-'));
});

afterAll(async () => {
  for (const s of [server, otherServer]) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  rmSync(scratch, { recursive: true, force: true });
});

beforeEach(() => {
  state.requests = 0;
  state.sentBytes = 0;
  state.otherRequests = 0;
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  readonly rss: number;
}

let runs = 0;

/** `liq fetch` into a fresh cache folder, without blocking this process (it serves the requests). */
async function fetchHostile(args: readonly string[] = [], env: Record<string, string> = {}): Promise<Run> {
  const n = ++runs;
  const rssFile = join(scratch, `rss-${n}`);
  const run = await liqAsync(['fetch', ...args], {
    nodeArgs: ['--require', RSS_HELPER],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: join(scratch, 'home'),
      NO_COLOR: '1',
      LIQ_CACHE_DIR: join(scratch, `cache-${n}`),
      LIQ_FRED_URL: base,
      LIQ_FRED_API_URL: base,
      LIQ_NYFED_URL: base,
      LIQ_TREASURY_URL: base,
      LIQ_FETCH_BACKOFF: '0.01',
      LIQ_FETCH_TIMEOUT: '20',
      LIQ_FETCH_RETRIES: '0',
      LIQ_TEST_RSS_FILE: rssFile,
      ...env,
    },
  });
  return { ...run, rss: Number(readFileSync(rssFile, 'utf8')) };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

describe('liq fetch against a hostile server', () => {
  it('follows a redirect within the same origin', async () => {
    state.mode = 'moved';
    const run = await fetchHostile(['SOFR']);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(scratch, `cache-${runs}`, 'SOFR.csv'), 'utf8')).toBe('observation_date,SOFR\n2020-01-02,1.55\n');
  }, 30_000);

  it('stops reading a 2 GB body at the 64 MiB cap, for every series at once, in bounded memory and time', async () => {
    state.mode = 'huge';
    const run = await fetchHostile();
    expect(run.code, run.stderr).toBe(66);
    // Each body stops at its own cap (64 MiB), or earlier when the bodies read at once reach 96 MiB together.
    expect(run.stderr).toMatch(/liq: SOFR\.csv: FRED SOFR: the (body is|bodies being read at once are) larger than liq accepts \((64 MiB|96 MiB together, 64 MiB each)\); stopped reading/);
    expect(run.rss, `peak RSS ${mb(run.rss)}`).toBeLessThan(MAX_RSS);
    expect(run.ms).toBeLessThan(60_000);
    // 31 series (one request for the four SOFR percentiles): at most their caps and what sat in the socket buffers, nowhere near 31 × 2 GB.
    expect(state.sentBytes).toBeLessThan(state.requests * 80 * 1024 * 1024);
    expect(readdirSync(join(scratch, `cache-${runs}`))).toEqual([]);
    console.log(`2 GB bodies: ${run.ms} ms, peak RSS ${mb(run.rss)}, ${mb(state.sentBytes)} sent over ${state.requests} requests`);
  }, 90_000);

  it('refuses a gzip bomb after a few MiB', async () => {
    state.mode = 'bomb';
    const run = await fetchHostile();
    expect(run.code, run.stderr).toBe(66);
    const refused = /liq: SOFR\.csv: FRED SOFR: the compressed body expands more than 200× \([\d.]+ KiB to over ([\d.]+) MiB\): refused as a decompression bomb/.exec(run.stderr);
    expect(refused, run.stderr).not.toBeNull();
    expect(Number(refused?.[1]), 'refused within a few MiB of 1 GB').toBeLessThan(8);
    expect(run.rss, `peak RSS ${mb(run.rss)}`).toBeLessThan(MAX_RSS);
    expect(run.ms).toBeLessThan(30_000);
    console.log(`gzip bomb: ${run.ms} ms, peak RSS ${mb(run.rss)}`);
  }, 60_000);

  it('does not follow a redirect to another port, with or without the API key', async () => {
    state.mode = 'redirect';
    const run = await fetchHostile();
    expect(run.code, run.stderr).toBe(66);
    expect(run.stderr).toContain(`liq: SOFR.csv: FRED SOFR: HTTP 302: the server redirected to another site (${other}/graph/fredgraph.csv); liq follows redirects only within ${base}`);
    const keyed = await fetchHostile([], { FRED_API_KEY: KEY });
    expect(keyed.code, keyed.stderr).toBe(66);
    expect(keyed.stderr).toContain(`the server redirected to ${other}/fred/series/observations; a request that carries the API key is never redirected`);
    expect(keyed.stderr).not.toContain(KEY);
    expect(state.otherRequests, 'the other port is never asked').toBe(0);
  }, 60_000);

  it('masks the key that a server echoes and escapes its control characters', async () => {
    state.mode = 'echo';
    const run = await fetchHostile(['--json'], { FRED_API_KEY: KEY });
    expect(run.code).toBe(66);
    expect(run.stderr).not.toContain(KEY);
    expect(run.stdout).not.toContain(KEY);
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(run.stderr).toContain('liq: SOFR.csv: FRED SOFR: FRED API: Bad Request. api_key … \\x1b[2J\\x1b]0;pwned\\x07\\x1b]8;;http://evil.example\\x1b\\click');
    expect(run.stderr).toContain('api_key=…');
    const doc = JSON.parse(run.stdout) as { series: Array<{ name: string; problems: string[] }> };
    expect(doc.series.find((s) => s.name === 'SOFR')?.problems[0], 'JSON keeps the text exact, less the key').toContain('\u001b[2J');
  }, 60_000);

  it('refuses a FRED API that claims a billion observations, after one request', async () => {
    state.mode = 'count-1e9';
    const run = await fetchHostile([], { FRED_API_KEY: KEY });
    expect(run.code).toBe(66);
    expect(run.stderr).toContain('liq: SOFR.csv: FRED SOFR: the FRED API claims 1000000000 observations of SOFR, more than any FRED series has (liq reads at most 1000000): refused');
    expect(state.requests, 'one request per FRED series (15), one per NY Fed search (8), one to the Treasury').toBeLessThanOrEqual(24);
    expect(run.ms).toBeLessThan(30_000);
  }, 60_000);

  it('stops a FRED API that pages one observation at a time after 20 pages', async () => {
    state.mode = 'small-pages';
    const run = await fetchHostile([], { FRED_API_KEY: KEY });
    expect(run.code).toBe(66);
    expect(run.stderr).toContain('liq: SOFR.csv: FRED SOFR: the FRED API needs more than 20 pages for SOFR (20 of 500000 observations so far): refused');
    expect(run.ms).toBeLessThan(30_000);
  }, 60_000);

  it('stops a Fiscal Data API that claims a million pages after 20', async () => {
    state.mode = 'endless-pages';
    const run = await fetchHostile(['tga_daily']);
    expect(run.code).toBe(66);
    expect(run.stderr).toContain('liq: tga_daily.csv: Treasury DTS operating cash balance: the Fiscal Data API claims 1000000 pages of the TGA\'s balance (liq reads at most 20): refused');
    expect(state.requests).toBe(20);
    expect(readdirSync(join(scratch, `cache-${runs}`)), 'nothing saved from a refused answer').toEqual([]);
  }, 30_000);

  it('ends the whole run at its deadline, whatever the per-request timeout', async () => {
    state.mode = 'hang';
    const run = await fetchHostile(['--deadline', '1.5', '--retries', '3']);
    expect(run.code).toBe(66);
    expect(run.stderr).toContain("liq: SOFR.csv: FRED SOFR: stopped at liq fetch's overall deadline (1.5 s)");
    expect(run.ms).toBeGreaterThanOrEqual(1400);
    expect(run.ms).toBeLessThan(10_000);
  }, 30_000);
});
