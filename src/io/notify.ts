/**
 * --notify: one JSON POST to a webhook (Slack, Mattermost, Teams workflows, a relay…),
 * with a deadline per attempt and a bounded number of retries. A webhook URL is a
 * secret (whoever has it can post to the channel), so no message here ever holds its
 * path, query or user info: only the scheme and host (`https://hooks.slack.com/…`).
 */
import { ExitCode, LiqError, usageError } from '../errors.ts';
import { shown } from './shown.ts';

export interface NotifyPolicy {
  /** Per attempt, covering the answer's headers and body. */
  readonly timeoutMs: number;
  /** Attempts after the first. */
  readonly retries: number;
  /** Wait before the first retry; doubled for each further one. */
  readonly backoffMs: number;
  readonly userAgent: string;
}

/** The URL as it may be shown: scheme and host only. */
export function redactedUrl(url: URL): string {
  return `${url.protocol}//${url.host}/…`;
}

/** Parses --notify; a bad one is a usage error that shows none of it but its scheme. */
export function parseNotifyUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usageError('--notify: not a URL; give the webhook\'s full address, e.g. --notify https://hooks.slack.com/services/…');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw usageError(`--notify: ${shown(url.protocol, 20)} URLs are not supported; give an https:// (or http://) webhook address`);
  }
  return url;
}

/**
 * POSTs the JSON body; resolves on a 2xx answer. Retries a timeout, a dropped or refused
 * connection, a 5xx or a 429; not another 4xx (the webhook refused the message) or a
 * redirect (a POST is not re-sent elsewhere).
 * @throws LiqError (exit 69) when every attempt failed, with the last reason and the count.
 */
export async function postJson(url: URL, body: unknown, policy: NotifyPolicy, sleep = delay): Promise<void> {
  const payload = JSON.stringify(body);
  const attempts = policy.retries + 1;
  let last = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let retry = true;
    try {
      const response = await fetch(url, {
        method: 'POST',
        body: payload,
        headers: { 'content-type': 'application/json', 'user-agent': policy.userAgent },
        redirect: 'manual',
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
      await response.arrayBuffer(); // under the same deadline: a stalled answer is a timeout
      if (response.ok) return;
      last = `HTTP ${response.status}`;
      retry = response.status >= 500 || response.status === 429;
      if (response.status >= 300 && response.status < 400) last += ' (a redirect: give the final address)';
    } catch (error) {
      last = networkReason(error, policy.timeoutMs);
    }
    if (!retry) break;
    if (attempt < attempts) await sleep(policy.backoffMs * 2 ** (attempt - 1));
    else last += attempts > 1 ? `, ${attempts} attempts` : '';
  }
  throw new LiqError(ExitCode.unavailable, `--notify ${redactedUrl(url)}: the message was not delivered: ${last}`);
}

/** Why a request failed, from the error's code only: undici's messages may quote the URL. */
function networkReason(error: unknown, timeoutMs: number): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s (timed out)`;
  const code = err.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found (offline, or DNS failing?)';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || err.message === 'terminated') return 'the connection was reset';
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return 'could not connect (timed out)';
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return 'network unreachable (offline?)';
  if (err.cause?.message === 'bad port') return 'fetch refuses that port (a "bad port" of the Fetch standard)';
  return `network error${code === undefined ? '' : ` (${shown(code, 40)})`}`;
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
