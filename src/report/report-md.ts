/** The daily report as markdown: for a mailed cron job, a wiki page or a chat message. */
import { compareMarkdown } from './compare.ts';
import type { DailyReport } from '../engine/daily-report.ts';
import { dataWarnings, notableMoves, statusChanges } from './daily.ts';
import { flagged } from './display.ts';
import { coverageMarkdown, indicatorsMarkdown, mdEscape, mdTable } from './markdown.ts';
import { asOfText, reasonText } from './words.ts';
import { visible } from '../domain/visible.ts';
import { NO_OUTLOOK, outlookSentences, outlookSummary } from './outlook.ts';

/** `ageDays`: how old the data are against today, when the command line says it is worth saying. */
export function reportMarkdown(report: DailyReport, ageDays: number | null = null): string {
  const a = report.assessment;
  const out: string[] = [`# liq daily report: ${a.status.toUpperCase()} ${asOfText(a.asOf, ageDays, a.asOfDayTypes, a.asPublished)}`, ''];

  const worst = flagged(a);
  out.push(`**Overall status: ${a.status.toUpperCase()}**${report.changes === null ? '' : ` (previous business day ${report.changes.previousAsOf}: ${report.changes.previousStatus.toUpperCase()})`}`);
  out.push('');
  if (worst.length === 0) out.push(a.status === 'unknown' ? 'No thresholded indicator could be computed from the data.' : 'No indicator is at watch or stress.');
  for (const r of worst) out.push(`- **${r.status}** ${mdEscape(r.title)}: ${mdEscape(reasonText(r))}`);
  out.push('', '## Indicators', '', indicatorsMarkdown(a), '');

  out.push(...changesSection(report), '');
  out.push(...warningsSection(report), '');
  out.push(...outlookSection(report), '');

  const c = report.comparison;
  if (c !== null) {
    out.push(`## Compared with ${visible(c.result.episode)}`, '', c.result.summary.text, '', compareMarkdown(c.result), '');
  }
  const thresholds = report.configPath === null ? 'the defaults' : `the defaults and ${visible(report.configPath)}`;
  out.push('## Data', '', coverageMarkdown(a), '', `_${mdEscape(report.generator)} · thresholds: ${mdEscape(thresholds)}_`, '');
  return out.join('\n');
}

function changesSection(report: DailyReport): string[] {
  const changes = report.changes;
  if (changes === null) return ['## What changed', '', 'The data hold no business day before the as-of date to compare with.'];
  const out = [`## What changed since ${changes.previousAsOf}`, ''];
  const a = report.assessment;
  out.push(changes.statusChanged ? `- Overall status: ${changes.previousStatus} → **${a.status}**` : `- Overall status unchanged: ${a.status}`);
  const moves = statusChanges(changes);
  if (moves.length === 0) out.push('- No indicator changed status.');
  for (const line of moves) out.push(`- ${mdEscape(line)}`);
  const rows = notableMoves(changes);
  out.push('');
  if (rows.length === 0) {
    out.push('No thresholded metric moved.');
  } else {
    out.push(mdTable(['Indicator', 'Metric', changes.previousAsOf, a.asOf, 'Change'], rows.map((r) => [r.title, r.metric, r.before, r.now, r.change]), { right: [2, 3, 4] }));
  }
  return out;
}

function warningsSection(report: DailyReport): string[] {
  const w = dataWarnings(report.assessment);
  const out = ['## Stale or unavailable inputs', ''];
  if (w.unavailable.length === 0 && w.stale.length === 0) out.push('Every indicator was computed from inputs within their staleness limits.');
  for (const line of w.unavailable) out.push(`- unavailable: ${mdEscape(line)}`);
  for (const line of w.stale) out.push(`- stale: ${mdEscape(line)}`);
  for (const note of w.notes) out.push('', mdEscape(note));
  return out;
}

function outlookSection(report: DailyReport): string[] {
  const projected = report.outlook ?? null;
  const summary = projected === null ? null : outlookSummary(projected);
  if (projected === null || summary === null) return ['## Outlook', '', NO_OUTLOOK];
  return [
    `## Outlook (default scenario, ${projected.weeks} weeks)`,
    '',
    mdEscape(outlookSentences(summary, projected.weeks).join(' ')),
    '',
    ...summary.assumptions.map((a) => `- ${mdEscape(a)}`),
    '',
    '_`liq outlook` shows the whole path and runs scenarios._',
  ];
}
