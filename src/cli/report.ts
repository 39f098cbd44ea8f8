/**
 * `liq report`: the daily report for cron: today's dashboard, what changed since the
 * previous business day, stale or unavailable inputs and the 2019 comparison, written
 * atomically to --out as markdown, HTML or JSON. Quiet unless asked (--verbose).
 */
import pkg from '../../package.json' with { type: 'json' };
import { defaultAsOf } from '../engine/assess.ts';
import { buildReport } from '../engine/daily-report.ts';
import { statusChanges, statusSnapshot } from '../engine/status-change.ts';
import type { Assessment } from '../engine/types.ts';
import { dataError, usageError } from '../errors.ts';
import { parseNotifyUrl, postJson, redactedUrl, type NotifyPolicy } from '../io/notify.ts';
import { readState, writeState } from '../io/state.ts';
import { writeOutput } from '../io/write-atomic.ts';
import { alertMessage } from '../report/alert.ts';
import { reportDocument } from '../report/daily.ts';
import { reportHtml } from '../report/html.ts';
import { toJson } from '../report/json.ts';
import { prometheusText } from '../report/prometheus.ts';
import { reportMarkdown } from '../report/report-md.ts';
import { resolveEpisode } from './episode.ts';
import { exitForStatus } from './exit.ts';
import type { RunContext } from './main.ts';
import type { CommonOptions } from './options.ts';
import { dataAgeDays } from './today.ts';
import { prepare } from './pipeline.ts';
import { visible } from '../domain/visible.ts';

type ReportFormat = 'md' | 'html' | 'json' | 'prometheus';

interface ReportFlags extends CommonOptions {
  out?: string;
  episode?: string;
  netLiquidity?: string;
  verbose?: boolean;
  state?: string;
  notify?: string;
  notifyTimeout?: string;
  notifyRetries?: string;
}

/** Where alerts go and how hard to try; null without --notify. */
interface Notify {
  readonly url: URL;
  readonly policy: NotifyPolicy;
}

function notifyOptions(opts: ReportFlags): Notify | null {
  if (opts.notify === undefined) return null;
  const url = parseNotifyUrl(opts.notify);
  if (opts.state === undefined) {
    throw usageError('--notify needs --state FILE: the statuses of the last run, to tell what changed (e.g. --state ~/.local/state/liq.json)');
  }
  return {
    url,
    policy: {
      timeoutMs: 1000 * bounded(opts.notifyTimeout, '--notify-timeout', 10, { min: 0.001, max: 300 }),
      retries: bounded(opts.notifyRetries, '--notify-retries', 2, { min: 0, max: 10, integer: true }),
      backoffMs: 500,
      userAgent: `liq/${pkg.version}`,
    },
  };
}

function bounded(text: string | undefined, flag: string, fallback: number, range: { min: number; max: number; integer?: boolean }): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < range.min || value > range.max || (range.integer === true && !Number.isInteger(value))) {
    throw usageError(`${flag} "${text}": expected ${range.integer === true ? 'a whole number' : 'a number of seconds'} from ${range.min === 0.001 ? 'above 0' : range.min} to ${range.max}`);
  }
  return value;
}

/**
 * --state (and --notify): compares today's statuses with the last run's, posts the change
 * if one happened, then keeps today's. A failed post leaves the state as it was, so the
 * next run announces the change again instead of losing it. A first run only remembers.
 */
async function alertOnChange(statePath: string, assessment: Assessment, notify: Notify | null, say: (text: string) => void): Promise<void> {
  const previous = await readState(statePath);
  const changes = previous === null ? null : statusChanges(previous, assessment);
  if (previous === null) say(`liq: first run with ${statePath}: statuses kept, nothing to compare with, no alert\n`);
  else if (changes === null) say(`liq: no status changed since the run as of ${previous.asOf}${notify === null ? '' : ': nothing sent'}\n`);
  if (changes !== null) {
    if (notify !== null) {
      await postJson(notify.url, alertMessage(changes, assessment), notify.policy);
      say(`liq: status changed; one message sent to ${redactedUrl(notify.url)}\n`);
    } else {
      say(`liq: status changed since the run as of ${changes.previousAsOf} (no --notify: nothing sent)\n`);
    }
  }
  await writeState(statePath, statusSnapshot(assessment));
}

/** --json, else --format, else the --out file's extension (.html, .htm, .json, .prom), else markdown. */
function reportFormat(opts: ReportFlags): ReportFormat {
  if (opts.json === true) return 'json';
  const format = opts.format ?? 'auto';
  if (format === 'md' || format === 'html' || format === 'json' || format === 'prometheus') return format;
  const ext = /\.([A-Za-z]+)$/.exec(opts.out ?? '')?.[1]?.toLowerCase();
  return ext === 'html' || ext === 'htm' ? 'html' : ext === 'json' ? 'json' : ext === 'prom' ? 'prometheus' : 'md';
}

export async function run(files: string[], opts: ReportFlags, ctx: RunContext): Promise<number> {
  if (opts.out === undefined || opts.out === '') {
    throw usageError('liq report needs --out FILE (or --out - for stdout), e.g. liq report data/ --out report.md');
  }
  const format = reportFormat(opts);
  const notify = notifyOptions(opts);
  const verbose = opts.verbose === true && opts.quiet !== true;
  // Cron mails whatever a job prints, so the loader's notes wait for --verbose.
  const p = await prepare(files, { ...opts, quiet: !verbose }, ctx);
  const { options } = p;
  const asOf = p.asOf ?? defaultAsOf(p.all, options.asPublished);
  if (asOf === null) throw dataError('no observations to report on');

  const episode = resolveEpisode(opts.episode, p.config.episodes, p.all, options);
  const report = buildReport({
    all: p.all,
    asOf,
    options,
    reference: episode.reference,
    charts: format === 'html',
    configPath: p.config.path,
    generator: `liq ${pkg.version}`,
  });
  const assessment = report.assessment;
  const ageDays = dataAgeDays(asOf, p.asOf !== undefined, ctx.env);
  const render: Record<ReportFormat, () => string> = {
    md: () => reportMarkdown(report, ageDays),
    html: () => reportHtml(report, ageDays),
    json: () => toJson(reportDocument(report)),
    prometheus: () => prometheusText(assessment, { now: Date.now() }),
  };
  const text = render[format]();
  if (opts.out === '-') {
    ctx.stdout(text);
  } else {
    await writeOutput(opts.out, text);
    if (verbose) ctx.stderr(`liq: wrote ${visible(opts.out)} (${format}, ${Buffer.byteLength(text)} bytes): ${assessment.status} as of ${assessment.asOf}\n`);
  }
  if (opts.state !== undefined) await alertOnChange(opts.state, assessment, notify, verbose ? ctx.stderr : () => {});
  return exitForStatus(assessment.status, opts.exitStatus === true);
}
