/**
 * Alerts on change: `liq report --state FILE --notify URL` against a webhook on
 * 127.0.0.1, spawning the real bin/liq (asynchronously: the server runs in this process).
 * On the bundled data 2025-06-16 is watch (ON RRP below 250 bn) and 2025-11-14 stress
 * (six days of 20 above the ceiling).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liqAsync as spawnLiq, ROOT } from './helpers/run-liq.ts';

const FRED = join(ROOT, 'fixtures/fred');
const SECRET_PATH = '/services/T000/B000/XXXXsecretXXXX?token=hunter2';

const liqAsync = (args: readonly string[]) => spawnLiq(args, { env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), NO_COLOR: '1' }, killAfterMs: 60_000 });

interface Received {
  readonly method: string;
  readonly url: string;
  readonly type: string;
  readonly body: string;
}

/** A webhook on 127.0.0.1 that records what it receives and answers as `reply` says. */
async function webhook(reply: (req: IncomingMessage, res: ServerResponse, n: number) => void): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', type: req.headers['content-type'] ?? '', body });
      reply(req, res, received.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}${SECRET_PATH}`, received };
}

const ok = (_req: IncomingMessage, res: ServerResponse) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');

let dir: string;
let state: string;
const servers: Server[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liq-notify-'));
  state = join(dir, 'state.json');
});
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  rmSync(dir, { recursive: true, force: true });
});

const report = (asOf: string, ...extra: string[]) => liqAsync(['report', FRED, '--as-of', asOf, '--out', join(dir, 'report.md'), '--state', state, ...extra]);
const stateFile = () => JSON.parse(readFileSync(state, 'utf8')) as { asOf: string; status: string; indicators: Record<string, string> };

describe('liq report --state --notify', () => {
  it('first run: keeps the statuses, sends nothing', async () => {
    const hook = await webhook(ok);
    servers.push(hook.server);
    const run = await report('2025-06-16', '--notify', hook.url);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
    expect(hook.received).toEqual([]);
    expect(stateFile()).toMatchObject({ format: 'liq-state', version: 1, asOf: '2025-06-16', status: 'watch', indicators: { rrp: 'watch', sofr_above_ceiling: 'ok' } });
  });

  it('no change: a second run on the same statuses sends nothing', async () => {
    const hook = await webhook(ok);
    servers.push(hook.server);
    // 06-17 and 06-18 are plain days (06-16, the mid-month, is watch on the calendar).
    expect((await report('2025-06-17', '--notify', hook.url)).code).toBe(0);
    const again = await report('2025-06-18', '--notify', hook.url, '--verbose');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/no status changed since the run as of 2025-06-17: nothing sent/);
    expect(hook.received).toEqual([]);
    expect(stateFile().asOf).toBe('2025-06-18');
  });

  it('a change sends exactly one message, Slack-compatible, with the change set; the state file says so', async () => {
    const hook = await webhook(ok);
    servers.push(hook.server);
    expect((await report('2025-06-16', '--notify', hook.url)).code).toBe(0);
    const run = await report('2025-11-14', '--notify', hook.url, '--exit-status');
    expect(run.code, run.stderr).toBe(2); // stress, by --exit-status
    expect(run.stdout + run.stderr).toBe('');
    expect(hook.received).toHaveLength(1);
    const [message] = hook.received;
    expect(message).toMatchObject({ method: 'POST', url: SECRET_PATH, type: 'application/json' });
    const body = JSON.parse(message?.body ?? '');
    expect(body.text).toMatch(/^liq, as of 2025-11-14 \(last run: 2025-06-16\): The overall status rose from watch to stress\./);
    expect(body.text).toMatch(/\nSOFR > ceiling went from ok to stress: .*6/);
    expect(body).toMatchObject({ asOf: '2025-11-14', status: 'stress', previous: { asOf: '2025-06-16', status: 'watch' } });
    expect(body.changes.overall).toEqual({ from: 'watch', to: 'stress' });
    expect(body.changes.indicators).toContainEqual(expect.objectContaining({ id: 'sofr_above_ceiling', from: 'ok', to: 'stress' }));
    expect(stateFile()).toMatchObject({ asOf: '2025-11-14', status: 'stress', indicators: { sofr_above_ceiling: 'stress' } });

    const third = await report('2025-11-14', '--notify', hook.url);
    expect(third.code).toBe(0);
    expect(hook.received, 'the same statuses again: no second message').toHaveLength(1);
  });

  it('retries a 5xx and delivers once', async () => {
    const hook = await webhook((req, res, n) => (n === 1 ? res.writeHead(503).end() : ok(req, res)));
    servers.push(hook.server);
    writeFileSync(state, JSON.stringify({ format: 'liq-state', version: 1, asOf: '2025-06-16', status: 'watch', indicators: {} }));
    const run = await report('2025-11-14', '--notify', hook.url);
    expect(run.code, run.stderr).toBe(0);
    expect(hook.received).toHaveLength(2);
    expect(stateFile().status).toBe('stress');
  });

  it('server down: exit 69, the URL shown without its path or query, the state kept for the next try', async () => {
    const hook = await webhook(ok);
    const { url } = hook;
    await new Promise((resolve) => hook.server.close(resolve)); // nothing listens on the port now
    writeFileSync(state, JSON.stringify({ format: 'liq-state', version: 1, asOf: '2025-06-16', status: 'watch', indicators: {} }));
    const before = readFileSync(state, 'utf8');
    const run = await report('2025-11-14', '--notify', url, '--notify-retries', '1');
    expect(run.code).toBe(69);
    const origin = new URL(url).host;
    expect(run.stderr).toBe(`liq: --notify http://${origin}/…: the message was not delivered: connection refused, 2 attempts\n`);
    expect(run.stderr).not.toMatch(/secret|hunter2|services/);
    expect(readFileSync(state, 'utf8'), 'not delivered: the change is announced next time').toBe(before);
    expect(existsSync(join(dir, 'report.md')), 'the report itself was written').toBe(true);
    const monitoring = await report('2025-11-14', '--notify', url, '--notify-retries', '0', '--exit-status');
    expect(monitoring.code, 'a failure in monitoring mode is unknown').toBe(3);
  });

  it('slow server: each attempt times out, the run ends in bounded time', async () => {
    const hook = await webhook(() => undefined); // reads the request, never answers
    servers.push(hook.server);
    writeFileSync(state, JSON.stringify({ format: 'liq-state', version: 1, asOf: '2025-06-16', status: 'watch', indicators: {} }));
    const run = await report('2025-11-14', '--notify', hook.url, '--notify-timeout', '0.5', '--notify-retries', '1');
    expect(run.code).toBe(69);
    expect(run.stderr).toMatch(/^liq: --notify http:\/\/127\.0\.0\.1:\d+\/…: the message was not delivered: no answer within 0\.5 s \(timed out\), 2 attempts\n$/);
    expect(hook.received).toHaveLength(2);
    // 2 × 0.5 s timeouts + 0.5 s backoff, plus liq's own run: well under 10 s.
    expect(run.ms).toBeLessThan(10_000);
    expect(stateFile().status).toBe('watch');
  });

  it('a 4xx is the webhook refusing the message: not retried', async () => {
    const hook = await webhook((_req, res) => res.writeHead(404).end('no_service'));
    servers.push(hook.server);
    writeFileSync(state, JSON.stringify({ format: 'liq-state', version: 1, asOf: '2025-06-16', status: 'watch', indicators: {} }));
    const run = await report('2025-11-14', '--notify', hook.url);
    expect(run.code).toBe(69);
    expect(run.stderr).toMatch(/not delivered: HTTP 404\n$/);
    expect(hook.received).toHaveLength(1);
  });

  it('usage: --notify needs --state, and a bad URL is named without its contents', async () => {
    const noState = await liqAsync(['report', FRED, '--out', '-', '--notify', 'https://hooks.example.com/x']);
    expect(noState.code).toBe(64);
    expect(noState.stderr).toMatch(/--notify needs --state FILE/);
    const bad = await report('2025-11-14', '--notify', 'hooks.example.com/services/secret');
    expect(bad.code).toBe(64);
    expect(bad.stderr).not.toMatch(/secret/);
    const badTimeout = await report('2025-11-14', '--notify', 'https://hooks.example.com/x', '--notify-timeout', '0');
    expect(badTimeout.code).toBe(64);
  });

  it('a damaged state file is bad data (65) that says how to start afresh', async () => {
    writeFileSync(state, '{"format":"liq-state","version":1,"asOf":"2025-06-16","status":"fine","indicators":{}}');
    const run = await report('2025-11-14');
    expect(run.code).toBe(65);
    expect(run.stderr).toMatch(/not a liq state file \("status" is not ok, watch, stress or unknown\); delete it/);
  });
});
