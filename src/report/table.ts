/** The `liq check` dashboard for a person: header, coverage, indicators, then why. */
import { asOfNote } from './day-words.ts';
import type { Assessment, IndicatorResult } from '../engine/types.ts';
import { derivedSeries, indicatorCells, netLiquidityFormula } from './display.ts';
import { DASH } from './format.ts';
import { displayWidth, grid, wrapLines, wrapText, type Grid, type Layout } from './layout.ts';
import { COVERAGE_HEAD, lastValueText } from './markdown.ts';
import type { Paint, Tone } from './paint.ts';
import { ageText, reasonText, staleInputs, staleText } from './words.ts';
import { visible } from '../domain/visible.ts';

/** Headings in bold, laid out to the screen's width (see layout.ts). */
export function makeTable(head: readonly string[], paint: Paint, layout: Layout): Grid {
  return grid(
    head.map((h) => paint.bold(h)),
    layout,
  );
}

export function statusLabel(status: string, paint: Paint): string {
  return paint.tone(status as Tone, status === 'unavailable' ? 'n/a' : status.toUpperCase());
}

/** What the command line adds to a dashboard: the data's age against today (null: not worth saying). */
export interface Headline {
  readonly ageDays: number | null;
  /** A config file the user did not name on the command line (found by $LIQ_CONFIG or in the folder). */
  readonly config?: { readonly path: string; readonly foundBy: string } | null;
}

/** The dashboard, laid out for a screen `width` columns wide. */
export function renderCheckTable(assessment: Assessment, paint: Paint, width: number, headline: Headline = { ageDays: null }): string {
  const lines: string[] = [];
  const age = headline.ageDays === null ? '' : paint.tone('watch', ` — ${ageText(headline.ageDays)}`);
  lines.push(`${paint.bold('liq')} · as of ${paint.bold(assessment.asOf)} ${asOfNote(assessment.asOfDayTypes, assessment.asPublished)}${age} · overall ${statusLabel(assessment.status, paint)}`);
  const config = headline.config;
  if (config !== undefined && config !== null) {
    const how = config.foundBy === '$LIQ_CONFIG' ? 'named by $LIQ_CONFIG' : 'found in the current folder';
    lines.push(`thresholds from ${config.path}, ${how} (liq config lists them)`);
  }
  lines.push('');
  lines.push(renderCoverage(assessment, paint, width));
  lines.push('');
  lines.push(renderIndicators(assessment.indicators, paint, width));
  const notes = renderNotes(assessment, paint, width);
  if (notes.length > 0) lines.push('', ...notes);
  return `${lines.join('\n')}\n`;
}

/**
 * The series read. On a screen too narrow for every row on one line, "stale" becomes "!"
 * and a row whose sources do not fit beside it gives each source a line of its own.
 */
function renderCoverage(assessment: Assessment, paint: Paint, width: number): string {
  const rows = (narrow: boolean) =>
    assessment.series.map((s) => {
      const last = !s.stale ? s.last : narrow ? `${s.last}${paint.tone('watch', '!')}` : `${s.last} ${paint.tone('watch', 'stale')}`;
      // File names come from the user's disk: shown, never obeyed (an ESC, a newline).
      const sources = s.sources.length > 2 ? [...s.sources.slice(0, 2).map(visible), `+${s.sources.length - 2} more`] : s.sources.map(visible);
      if (s.derivedCount > 0) sources.push(paint.dim(s.derivedCount === s.count ? 'derived' : `+${s.derivedCount} derived`));
      return { cells: [s.name, s.first, last, String(s.count), lastValueText(s)], sources };
    });
  // The sources give way first: a file name is cut only when even one name does not fit.
  const build = (narrow: boolean, room: number) => {
    const table = makeTable(COVERAGE_HEAD, paint, { width, wrap: [5], right: [3] });
    for (const { cells, sources } of rows(narrow)) {
      const joined = sources.join(', ');
      table.push([...cells, displayWidth(joined) <= room ? joined : sources.join(',\n')]);
    }
    return table;
  };
  const wide = build(false, Infinity);
  if (wide.naturalWidth() <= width) return wide.text();
  const others = makeTable(COVERAGE_HEAD.slice(0, 5), paint, { width });
  for (const { cells } of rows(true)) others.push(cells);
  return build(true, width - others.naturalWidth() - 2).text();
}

/**
 * One row per indicator. Where that is wider than the screen (at 80 columns, say), the
 * watch and stress levels move to a table of their own below, so that no row wraps.
 */
function renderIndicators(results: readonly IndicatorResult[], paint: Paint, width: number): string {
  const rows = results.map((r) => {
    const { value, change, watch, stress, inputs } = indicatorCells(r);
    const data = r.stale.length > 0 ? `${inputs}${paint.tone('watch', '!')}` : inputs;
    return { title: r.title, value, change, watch, stress, status: statusLabel(r.status, paint), data };
  });
  const full = makeTable(['Indicator', 'Value', 'Change', 'Watch', 'Stress', 'Status', 'Data'], paint, { width, wrap: [3, 4, 2, 0] });
  for (const r of rows) full.push([r.title, r.value, r.change, r.watch, r.stress, r.status, r.data]);
  if (full.naturalWidth() <= width) return full.text();

  const values = makeTable(['Indicator', 'Value', 'Change', 'Status', 'Data'], paint, { width, wrap: [2, 0] });
  for (const r of rows) values.push([r.title, r.value, r.change, r.status, r.data]);
  const withLevels = rows.filter((r) => r.watch !== DASH || r.stress !== DASH);
  let levels = makeTable(['Levels', 'Watch', 'Stress'], paint, { width, wrap: [1, 2, 0] });
  for (const r of withLevels) levels.push([r.title, r.watch, r.stress]);
  if (levels.naturalWidth() > width) {
    // Narrower still: a line per level.
    levels = makeTable(['Levels', '', ''], paint, { width, wrap: [2, 0] });
    for (const r of withLevels) {
      const own = [['watch', r.watch], ['stress', r.stress]].filter(([, level]) => level !== DASH);
      own.forEach(([name, level], i) => levels.push([i === 0 ? r.title : '', name ?? '', level ?? '']));
    }
  }
  return `${values.text()}\n\n${levels.text()}`;
}

/** A note's label (a status, "!") takes 8 columns; its sentence wraps under the rest. */
const LABEL_WIDTH = 8;

/** A note: its label (painted, `labelWidth` columns unpainted) and its sentence wrapped under it. */
function note(label: string, labelWidth: number, text: string, width: number): string {
  const lines = wrapLines(text, width - LABEL_WIDTH);
  const pad = ' '.repeat(LABEL_WIDTH);
  return lines.map((line, i) => (i === 0 ? `${label}${' '.repeat(Math.max(1, LABEL_WIDTH - labelWidth))}${line}` : `${pad}${line}`)).join('\n');
}

function renderNotes(assessment: Assessment, paint: Paint, width: number): string[] {
  const notes: string[] = [];
  const status = (r: IndicatorResult): string => note(statusLabel(r.status, paint), r.status === 'unavailable' ? 3 : r.status.length, `${r.title}: ${reasonText(r)}`, width);
  // Stress and watch first (what to act on), then what could not be confirmed or computed.
  for (const wanted of ['stress', 'watch', 'unknown', 'unavailable'] as const) {
    for (const r of assessment.indicators) if (r.status === wanted) notes.push(status(r));
  }
  // Each stale input once, with the indicators that used it.
  for (const { input, titles } of staleInputs(assessment.indicators)) {
    notes.push(note(paint.tone('watch', '!'), 1, `${staleText(input)}: ${titles.join(', ')}`, width));
  }
  const derived = derivedSeries(assessment);
  if (derived.length > 0) notes.push(paint.dim(wrapText(`derived by FOMC rules where the data stop: ${derived.join(', ')}`, width)));
  const formula = netLiquidityFormula(assessment);
  if (formula) notes.push(paint.dim(wrapText(`net liquidity = ${formula}`, width)));
  return notes;
}
