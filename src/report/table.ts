/** The `liq check` dashboard for a person: header, coverage, indicators, then why. */
import type { Assessment, IndicatorResult } from '../engine/types.ts';
import { derivedSeries, indicatorCells, netLiquidityFormula } from './display.ts';
import { grid, type Grid } from './grid.ts';
import { COVERAGE_HEAD, lastValueText } from './markdown.ts';
import type { Paint, Tone } from './paint.ts';
import { reasonText, staleInputs, staleText } from './words.ts';
import { visible } from '../domain/visible.ts';

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

/** What the command line adds to a dashboard: the data's age against today (null: not worth saying). */
export interface Headline {
  readonly ageDays: number | null;
}

export function renderCheckTable(assessment: Assessment, paint: Paint, headline: Headline = { ageDays: null }): string {
  const lines: string[] = [];
  const published = assessment.asPublished ? ' (as published that morning)' : '';
  const age = headline.ageDays === null ? '' : paint.tone('watch', ` — ${headline.ageDays} day${headline.ageDays === 1 ? '' : 's'} ago`);
  lines.push(`${paint.bold('liq')} · as of ${paint.bold(assessment.asOf)}${age}${published} · overall ${statusLabel(assessment.status, paint)}`);
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
    // File names come from the user's disk: shown, never obeyed (an ESC, a newline).
    const sources = s.sources.length > 2 ? [...s.sources.slice(0, 2).map(visible), `+${s.sources.length - 2} more`] : s.sources.map(visible);
    if (s.derivedCount > 0) sources.push(paint.dim(s.derivedCount === s.count ? 'derived' : `+${s.derivedCount} derived`));
    table.push([s.name, s.first, last, String(s.count), lastValueText(s), sources.join(', ')]);
  }
  return table.text();
}

function renderIndicators(results: readonly IndicatorResult[], paint: Paint): string {
  // 16+14+16+12+12+7+11 columns and six 2-space gaps: 100 wide.
  const table = makeTable(['Indicator', 'Value', 'Change', 'Watch', 'Stress', 'Status', 'Data'], paint, [16, 14, 16, 12, 12, 7, 11]);
  for (const r of results) {
    const { value, change, watch, stress, inputs } = indicatorCells(r);
    const data = r.stale.length > 0 ? `${inputs}${paint.tone('watch', '!')}` : inputs;
    table.push([r.title, value, change, watch, stress, statusLabel(r.status, paint), data]);
  }
  return table.text();
}

/** The width notes wrap at; their 8-column label leaves the rest for the sentence. */
const NOTE_WIDTH = 100;
const LABEL_WIDTH = 8;

/** A note: its label (painted, 8 columns with padding) and its sentence wrapped under it. */
function note(label: string, labelWidth: number, text: string): string {
  const lines = wrapWords(text, NOTE_WIDTH - LABEL_WIDTH);
  const pad = ' '.repeat(LABEL_WIDTH);
  return lines.map((line, i) => (i === 0 ? `${label}${' '.repeat(Math.max(1, LABEL_WIDTH - labelWidth))}${line}` : `${pad}${line}`)).join('\n');
}

/** Words wrapped at spaces to `width` characters a line (a longer word gets its own line). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && [...line].length + 1 + [...word].length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines;
}

function renderNotes(assessment: Assessment, paint: Paint): string[] {
  const notes: string[] = [];
  const status = (r: IndicatorResult): string => note(statusLabel(r.status, paint), r.status === 'unavailable' ? 3 : r.status.length, `${r.title}: ${reasonText(r)}`);
  // Stress and watch first (what to act on), then what could not be confirmed or computed.
  for (const wanted of ['stress', 'watch', 'unknown', 'unavailable'] as const) {
    for (const r of assessment.indicators) if (r.status === wanted) notes.push(status(r));
  }
  // Each stale input once, with the indicators that used it.
  for (const { input, titles } of staleInputs(assessment.indicators)) {
    notes.push(note(paint.tone('watch', '!'), 1, `${staleText(input)}: ${titles.join(', ')}`));
  }
  const derived = derivedSeries(assessment);
  if (derived.length > 0) notes.push(paint.dim(`derived by FOMC rules where the data stop: ${derived.join(', ')}`));
  const formula = netLiquidityFormula(assessment);
  if (formula) notes.push(paint.dim(`net liquidity = ${formula}`));
  return notes;
}
