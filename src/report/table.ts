/** The `liq check` dashboard for a person: header, coverage, indicators, then why. */
import type { Assessment, IndicatorResult } from '../engine/types.ts';
import { derivedSeries, indicatorCells, netLiquidityFormula } from './display.ts';
import { grid, type Grid } from './grid.ts';
import { COVERAGE_HEAD, lastValueText } from './markdown.ts';
import type { Paint, Tone } from './paint.ts';

/** Headings in bold; fixed `colWidths` wrap long cells at spaces. Fits 100 columns. */
export function makeTable(head: readonly string[], paint: Paint, colWidths?: number[]): Grid {
  return grid(
    head.map((h) => paint.bold(h)),
    colWidths,
  );
}

export function statusLabel(status: string, paint: Paint): string {
  return paint.tone(status as Tone, status === 'unavailable' ? 'n/a' : status.toUpperCase());
}

export function renderCheckTable(assessment: Assessment, paint: Paint): string {
  const lines: string[] = [];
  const published = assessment.asPublished ? ' (as published that morning)' : '';
  lines.push(`${paint.bold('liq')} · as of ${paint.bold(assessment.asOf)}${published} · overall ${statusLabel(assessment.status, paint)}`);
  lines.push('');
  lines.push(renderCoverage(assessment, paint));
  lines.push('');
  lines.push(renderIndicators(assessment.indicators, paint));
  const notes = renderNotes(assessment, paint);
  if (notes.length > 0) lines.push('', ...notes);
  return `${lines.join('\n')}\n`;
}

function renderCoverage(assessment: Assessment, paint: Paint): string {
  const table = makeTable(COVERAGE_HEAD, paint, [12, 10, 16, 7, 11, 34]);
  for (const s of assessment.series) {
    const last = s.stale ? `${s.last} ${paint.tone('watch', 'stale')}` : s.last;
    const sources = s.sources.length > 2 ? [...s.sources.slice(0, 2), `+${s.sources.length - 2} more`] : [...s.sources];
    if (s.derivedCount > 0) sources.push(paint.dim(s.derivedCount === s.count ? 'derived' : `+${s.derivedCount} derived`));
    table.push([s.name, s.first, last, String(s.count), lastValueText(s), sources.join(', ')]);
  }
  return table.text();
}

function renderIndicators(results: readonly IndicatorResult[], paint: Paint): string {
  // 17+14+16+12+12+6+11 columns and six 2-space gaps: 100 wide.
  const table = makeTable(['Indicator', 'Value', 'Change', 'Watch', 'Stress', 'Status', 'Data'], paint, [17, 14, 16, 12, 12, 6, 11]);
  for (const r of results) {
    const { value, change, watch, stress, inputs } = indicatorCells(r);
    const data = r.stale.length > 0 ? `${inputs}${paint.tone('watch', '!')}` : inputs;
    table.push([r.title, value, change, watch, stress, statusLabel(r.status, paint), data]);
  }
  return table.text();
}

function renderNotes(assessment: Assessment, paint: Paint): string[] {
  const notes: string[] = [];
  for (const r of assessment.indicators) {
    if (r.status === 'watch' || r.status === 'stress') notes.push(`${statusLabel(r.status, paint)}${r.status === 'watch' ? ' ' : ''}  ${r.title}: ${r.reason}`);
  }
  for (const r of assessment.indicators) {
    if (r.status === 'unavailable') notes.push(`${paint.dim('n/a')}     ${r.title}: ${r.reason}`);
  }
  for (const r of assessment.indicators) {
    for (const s of r.stale) {
      notes.push(`${paint.tone('watch', '!')}       ${r.title}: ${s.series} dated ${s.date} is ${s.ageDays} days old (stale after ${s.limitDays})`);
    }
  }
  const derived = derivedSeries(assessment);
  if (derived.length > 0) notes.push(paint.dim(`derived by FOMC rules where the data stop: ${derived.join(', ')}`));
  const formula = netLiquidityFormula(assessment);
  if (formula) notes.push(paint.dim(`net liquidity = ${formula}`));
  return notes;
}
