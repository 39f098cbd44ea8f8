/**
 * One GET with a deadline, retried with exponential backoff when the failure may be
 * passing (5xx, 429, a timeout, a dropped connection), never when it will not (404,
 * 400). Built on Node's own fetch (undici): no dependency.
 */

export interface HttpPolicy {
  /** Per attempt, covering the headers and the whole body. */
  readonly timeoutMs: number;
  /** Attempts after the first. */
  readonly retries: number;
  /** Wait before the first retry; doubled for each further one. */
  readonly backoffMs: number;
  readonly userAgent: string;
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

/** A Retry-After longer than this is not honoured: a cron run should not sleep for minutes. */
const MAX_RETRY_AFTER_MS = 30_000;

/**
 * GETs `url` and returns a 2xx body. A 4xx other than 429 is returned too (as data: the
 * FRED API explains a bad request in its JSON body); the caller decides what it means.
 * @throws SourceFailure once every attempt has failed, naming the last reason and the count.
 */
export async function httpGet(url: string, policy: HttpPolicy, shown = url, sleep = delay): Promise<HttpResponse> {
  const attempts = policy.retries + 1;
  let last = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let waitMs = policy.backoffMs * 2 ** (attempt - 1);
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(policy.timeoutMs),
        headers: { 'user-agent': policy.userAgent, accept: 'text/csv, application/json;q=0.9, */*;q=0.1' },
        redirect: 'follow',
      });
      // Read the body under the same deadline: a server that stalls mid-body is a timeout too.
      const text = await response.text();
      if (response.ok || (response.status >= 400 && response.status < 500 && response.status !== 429)) {
        return { status: response.status, text };
      }
      last = `HTTP ${response.status}${response.statusText === '' ? '' : ` ${response.statusText}`}`;
      waitMs = Math.max(waitMs, retryAfterMs(response.headers.get('retry-after')));
    } catch (error) {
      last = describeNetworkError(error, policy.timeoutMs);
    }
    if (attempt < attempts) await sleep(waitMs);
  }
  throw new SourceFailure(shown, attempts === 1 ? last : `${last}, ${attempts} attempts`);
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no complete answer within ${formatSeconds(timeoutMs)} (timed out)`;
  const code = err.cause?.code;
  if (err.message === 'terminated') return 'the connection closed before the whole response arrived (truncated)';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found (offline, or DNS failing?)';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was reset';
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return 'could not connect (timed out)';
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return 'network unreachable (offline?)';
  const detail = err.cause?.message ?? err.message ?? String(error);
  return `network error: ${detail}`;
}

function retryAfterMs(header: string | null): number {
  if (header === null) return 0;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(header);
  return Number.isNaN(at) ? 0 : Math.min(Math.max(at - Date.now(), 0), MAX_RETRY_AFTER_MS);
}

const formatSeconds = (ms: number): string => `${Number((ms / 1000).toPrecision(3))} s`;

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
