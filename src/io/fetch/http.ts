/**
 * One GET with a deadline, retried with exponential backoff when the failure may be
 * passing (5xx, 429, a timeout, a dropped connection), never when it will not (404,
 * 400, a body too large). Built on node:http(s) rather than fetch, because liq must see
 * the bytes as they arrive to refuse a hostile server early:
 * - a body is capped after decompression (64 MiB by default), and a compressed body may
 *   not expand more than MAX_EXPANSION times (a gzip bomb is refused in a few MiB);
 * - redirects are followed only within the same origin, and never for a request that
 *   carries a secret (the FRED API key stays with the host it was meant for);
 * - every request of a run also stops at the run's overall deadline.
 * Text that came from a server is passed through `serverText` (the secret redacted, cut
 * short); control characters are escaped where it is shown (src/domain/visible.ts).
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Transform } from 'node:stream';
import { ShapeError } from './observations.ts';

export interface HttpPolicy {
  /** Per attempt, covering the headers and the whole body. */
  readonly timeoutMs: number;
  /** Attempts after the first. */
  readonly retries: number;
  /** Wait before the first retry; doubled for each further one. */
  readonly backoffMs: number;
  readonly userAgent: string;
  /** The largest body accepted, in bytes after decompression; default MAX_BODY_BYTES. */
  readonly maxBodyBytes?: number;
  /** Ends every request of the run when it fires: one `liq fetch` has an overall deadline. */
  readonly deadline?: Deadline;
}

export interface Deadline {
  readonly signal: AbortSignal;
  /** For the message: how long the run was given. */
  readonly seconds: number;
}

export interface GetOptions {
  /**
   * A secret that the URL carries (an API key): it is masked wherever the URL or a
   * server's text is shown, and a redirect of this request is never followed.
   */
  readonly secret?: string | undefined;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A source that could not deliver: where it was asked, and why, in one line. */
export class SourceFailure extends Error {
  override readonly name = 'SourceFailure';
  constructor(
    /** As shown to the user: secrets (an API key) already masked. */
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${reason} (${url})`);
  }
}

export interface HttpResponse {
  readonly status: number;
  readonly text: string;
}

/** 64 MiB: the whole SOFR history as FRED's CSV is 40 kB, the largest NY Fed search a few MB. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * How many times a compressed body may expand. CSV and JSON of dates and numbers
 * compress about 5–20×; a gzip bomb 1000× and more.
 */
const MAX_EXPANSION = 200;

/** Below this many decoded bytes the ratio is not judged: a tiny, very regular body is fine. */
const EXPANSION_FLOOR = 1024 * 1024;

/**
 * Bodies read at the same time (one per series fetched at once) share this many bytes,
 * so that four 2 GB answers cannot hold 4 × 64 MiB: liq stays within its memory bound
 * (300 MB) whatever the servers send. Process-wide, as the memory it guards.
 */
export const MAX_BYTES_IN_FLIGHT = 96 * 1024 * 1024;
let bytesInFlight = 0;

const MAX_REDIRECTS = 5;

/** A Retry-After longer than this is not honoured: a cron run should not sleep for minutes. */
const MAX_RETRY_AFTER_MS = 30_000;

/** The most characters of a server's own text that reach a message. */
const SERVER_TEXT_CHARS = 200;

/**
 * GETs `url` and reads its body with `read`: an HTTP error, or a body `read` refuses with a
 * ShapeError, is a SourceFailure saying what was expected ("not the NY Fed's JSON: …").
 * `notFound` words a 404 where the source means something by it.
 */
export async function getAnswer<T>(url: string, policy: HttpPolicy, expected: string, read: (body: string) => T, notFound?: string): Promise<T> {
  const response = await httpGet(url, policy);
  if (response.status === 404 && notFound !== undefined) throw new SourceFailure(url, `HTTP 404: ${notFound}`);
  if (response.status >= 400) throw new SourceFailure(url, `HTTP ${response.status}`);
  try {
    return read(response.text);
  } catch (error) {
    if (error instanceof ShapeError) throw new SourceFailure(url, `not ${expected}: ${error.message}`);
    throw error;
  }
}

/**
 * GETs `url` and returns a 2xx body. A 4xx other than 429 is returned too (as data: the
 * FRED API explains a bad request in its JSON body); the caller decides what it means.
 * @throws SourceFailure once every attempt has failed, naming the last reason and the count,
 *   or at once for a failure that another attempt would not mend.
 */
export async function httpGet(url: string, policy: HttpPolicy, options: GetOptions = {}): Promise<HttpResponse> {
  const shown = redact(url, options.secret);
  const sleep = options.sleep ?? delay;
  const attempts = policy.retries + 1;
  let last = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let waitMs = policy.backoffMs * 2 ** (attempt - 1);
    const outcome = await getFollowing(url, policy, options.secret);
    if (outcome.kind === 'response') {
      const { status } = outcome;
      if ((status >= 200 && status < 300) || (status >= 400 && status < 500 && status !== 429)) {
        return { status, text: outcome.body.toString('utf8') };
      }
      last = `HTTP ${status}${outcome.statusText === '' ? '' : ` ${serverText(outcome.statusText, options.secret)}`}`;
      if (status < 400) throw new SourceFailure(shown, last); // a 1xx/3xx liq cannot use: the same next time
      waitMs = Math.max(waitMs, retryAfterMs(outcome.retryAfter));
    } else {
      last = outcome.reason;
      if (!outcome.passing) throw new SourceFailure(shown, redact(last, options.secret));
    }
    if (attempt < attempts) {
      if (policy.deadline?.signal.aborted === true) break;
      await Promise.race([sleep(waitMs), whenAborted(policy.deadline?.signal)]);
    }
  }
  throw new SourceFailure(shown, redact(attempts === 1 ? last : `${last}, ${attempts} attempts`, options.secret));
}

/**
 * A server's own words (an error message, a status text, a page title) fit to quote: the
 * secret masked, whitespace runs as one space, at most SERVER_TEXT_CHARS characters.
 */
export function serverText(text: string, secret?: string): string {
  const one = redact(text, secret).replace(/\s+/g, ' ').trim();
  return one.length > SERVER_TEXT_CHARS ? `${one.slice(0, SERVER_TEXT_CHARS)}…` : one;
}

/** `text` with every copy of `secret` (as written, or URL-encoded) replaced by "…". */
export function redact(text: string, secret: string | undefined): string {
  if (secret === undefined || secret === '') return text;
  let out = text;
  for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join('…');
  return out.replace(/(api_key=)[^&\s"']*/gi, '$1…');
}

type Outcome =
  | { readonly kind: 'response'; readonly status: number; readonly statusText: string; readonly retryAfter: string | null; readonly body: Buffer }
  /** `passing`: another attempt might succeed (a timeout, a reset), so it is retried. */
  | { readonly kind: 'failure'; readonly reason: string; readonly passing: boolean };

async function getFollowing(url: string, policy: HttpPolicy, secret: string | undefined): Promise<Outcome> {
  let current = new URL(url);
  const origin = current.origin;
  for (let hop = 0; ; hop++) {
    const outcome = await getOnce(current, policy);
    if (outcome.kind === 'failure' || !('location' in outcome)) return outcome;
    let next: URL;
    try {
      next = new URL(outcome.location, current);
    } catch {
      return { kind: 'failure', reason: `HTTP ${outcome.status}: a redirect to an unreadable address`, passing: false };
    }
    const to = serverText(`${next.origin}${next.pathname}`, secret);
    if (secret !== undefined) {
      return { kind: 'failure', reason: `HTTP ${outcome.status}: the server redirected to ${to}; a request that carries the API key is never redirected`, passing: false };
    }
    if (next.origin !== origin) {
      return { kind: 'failure', reason: `HTTP ${outcome.status}: the server redirected to another site (${to}); liq follows redirects only within ${origin}`, passing: false };
    }
    if (hop >= MAX_REDIRECTS) return { kind: 'failure', reason: `more than ${MAX_REDIRECTS} redirects`, passing: false };
    current = next;
  }
}

type Once = Outcome | { readonly kind: 'response'; readonly status: number; readonly location: string };

/** One request: the body read as a stream, decoded, and cut off at the first sign of excess. */
function getOnce(url: URL, policy: HttpPolicy): Promise<Once> {
  const maxBody = policy.maxBodyBytes ?? MAX_BODY_BYTES;
  const signals = [AbortSignal.timeout(policy.timeoutMs), ...(policy.deadline === undefined ? [] : [policy.deadline.signal])];
  const signal = AbortSignal.any(signals);
  return new Promise<Once>((resolve) => {
    let settled = false;
    /** This body's share of MAX_BYTES_IN_FLIGHT, given back when the request ends. */
    let held = 0;
    const chunks: Buffer[] = [];
    let response: IncomingMessage | undefined;
    let decoder: Transform | undefined;
    const finish = (outcome: Once): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      decoder?.destroy();
      response?.destroy();
      req.destroy();
      bytesInFlight -= held;
      chunks.length = 0;
      resolve(outcome);
    };
    const fail = (reason: string, passing: boolean): void => finish({ kind: 'failure', reason, passing });
    const onAbort = (): void => {
      if (policy.deadline?.signal.aborted === true) fail(`stopped at liq fetch's overall deadline (${formatSeconds(policy.deadline.seconds * 1000)})`, false);
      else fail(`no complete answer within ${formatSeconds(policy.timeoutMs)} (timed out)`, true);
    };
    if (signal.aborted) {
      queueMicrotask(onAbort);
    }
    signal.addEventListener('abort', onAbort);

    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'GET',
      headers: { 'user-agent': policy.userAgent, accept: 'text/csv, application/json;q=0.9, */*;q=0.1', 'accept-encoding': 'gzip, deflate, br' },
    });
    req.on('error', (error) => fail(describeNetworkError(error), true));
    req.on('response', (res) => {
      response = res;
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location !== undefined) {
        finish({ kind: 'response', status, location });
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBody) {
        fail(`the body would be ${megabytes(declared)}, more than liq accepts (${megabytes(maxBody)})`, false);
        return;
      }
      const encoding = (res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
      decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : undefined;
      if (decoder === undefined && encoding !== 'identity' && encoding !== '') {
        fail(`the body is encoded as "${serverText(encoding)}", which liq cannot read`, false);
        return;
      }
      let raw = 0;
      let decoded = 0;
      const take = (chunk: Buffer): void => {
        decoded += chunk.length;
        if (decoded > maxBody) {
          fail(`the body is larger than liq accepts (${megabytes(maxBody)}); stopped reading there`, false);
          return;
        }
        if (decoder !== undefined && decoded > EXPANSION_FLOOR && decoded > raw * MAX_EXPANSION) {
          fail(`the compressed body expands more than ${MAX_EXPANSION}× (${megabytes(raw)} to over ${megabytes(decoded)}): refused as a decompression bomb`, false);
          return;
        }
        if (bytesInFlight + chunk.length > MAX_BYTES_IN_FLIGHT) {
          fail(`the bodies being read at once are larger than liq accepts (${megabytes(MAX_BYTES_IN_FLIGHT)} together, ${megabytes(maxBody)} each); stopped reading at ${megabytes(decoded)}`, false);
          return;
        }
        held += chunk.length;
        bytesInFlight += chunk.length;
        chunks.push(chunk);
      };
      const done = (): void => {
        if (!res.complete) {
          fail('the connection closed before the whole response arrived (truncated)', true);
          return;
        }
        const statusText = res.statusMessage ?? '';
        const retryAfter = res.headers['retry-after'] ?? null;
        finish({ kind: 'response', status, statusText, retryAfter, body: Buffer.concat(chunks) });
      };
      const truncated = (): void => fail('the connection closed before the whole response arrived (truncated)', true);
      res.on('aborted', truncated);
      res.on('error', truncated);
      res.on('data', (chunk: Buffer) => {
        raw += chunk.length;
        if (decoder === undefined) take(chunk);
        // Backpressure: the bytes counted as received are those the decoder has taken,
        // so the expansion ratio is measured on what was inflated, not on what waits.
        else if (!decoder.write(chunk)) {
          res.pause();
          decoder.once('drain', () => res.resume());
        }
      });
      if (decoder === undefined) {
        res.on('end', done);
      } else {
        decoder.on('data', take);
        decoder.on('error', () => fail(`the ${encoding} body is corrupt (cannot be decompressed)`, true));
        decoder.on('end', done);
        res.on('end', () => decoder?.end());
      }
    });
    req.end();
  });
}

function describeNetworkError(error: unknown): string {
  const err = error as { code?: string; message?: string };
  const code = err.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found (offline, or DNS failing?)';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'the connection was reset';
  if (code === 'ETIMEDOUT') return 'could not connect (timed out)';
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return 'network unreachable (offline?)';
  if (code === 'HPE_INVALID_CONSTANT' || code?.startsWith('HPE_') === true) return 'the server sent something that is not HTTP';
  if (code?.startsWith('ERR_TLS') === true || code?.includes('CERT') === true) return `TLS failed (${code})`;
  return `network error: ${serverText(err.message ?? String(error))}`;
}

function retryAfterMs(header: string | null): number {
  if (header === null) return 0;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(header);
  return Number.isNaN(at) ? 0 : Math.min(Math.max(at - Date.now(), 0), MAX_RETRY_AFTER_MS);
}

const formatSeconds = (ms: number): string => `${Number((ms / 1000).toPrecision(3))} s`;

const megabytes = (bytes: number): string => (bytes >= 1024 * 1024 ? `${Number((bytes / 1024 / 1024).toPrecision(3))} MiB` : `${Number((bytes / 1024).toPrecision(3))} KiB`);

/** Resolves when the signal fires (never without one), so a wait before a retry ends at the deadline. */
const whenAborted = (signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
