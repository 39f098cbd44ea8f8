/**
 * A line chart drawn in box characters for a terminal: the unit above the value axis,
 * round tick values (whole numbers for counts) on exact rows, date ticks on the time
 * axis, threshold lines at their true values drawn beneath the data line and labelled
 * with their value, and rows under the axis marking the days computed from a stale input
 * and the quarter- and month-ends (where SOFR pops by the calendar).
 *
 * Our own for the history chart, not asciichart's (which `liq outlook` still uses for its
 * several scenario lines): asciichart labels every row with an evenly divided value
 * (26.1, 24.4 …, so a 25 bp threshold lands on a row labelled something else), has no
 * time axis or marker row, draws series in the order given (a threshold over the data),
 * and stops on a missing value. Its drawing is the small part; the axes are shared with
 * the HTML charts (axis.ts).
 */
import { civilFromDay, parseIsoDay } from '../domain/dates.ts';
import { monthTicks, niceTicks } from './axis.ts';
import type { Paint } from './paint.ts';

export interface TerminalChartSpec {
  /** One value per day (null where not computable), in date order. */
  readonly values: readonly (number | null)[];
  /** ISO dates of the values. */
  readonly dates: readonly string[];
  /** Days computed from an input past its staleness limit. */
  readonly stale: readonly boolean[];
  /** Each day's calendar mark: Q a quarter- or year-end, m a month-end, null another day. */
  readonly calendar?: readonly ('Q' | 'm' | null)[];
  readonly thresholds: readonly { readonly tone: 'watch' | 'stress'; readonly value: number }[];
  /** Shown above the value axis: "bp", "%", "USD bn", "days". */
  readonly unit: string;
  /** Whole-number ticks (a count of days). */
  readonly integer: boolean;
  /** Where several days share a column, the column shows the worst: the lowest if lower is worse. */
  readonly lowerIsWorse: boolean;
  /** Columns for the whole chart, labels included. */
  readonly width: number;
  /** Rows of the plot, about; adjusted so every tick sits on a row. */
  readonly height: number;
  /** A tick or threshold value as text; `step` is the distance between ticks, to choose decimals by. */
  readonly formatTick: (value: number, step: number) => string;
  readonly paint: Paint;
}

interface Column {
  readonly value: number | null;
  readonly stale: boolean;
  /** Q if a day of the column is a quarter- or year-end, m if a month-end, else a space. */
  readonly mark: 'Q' | 'm' | ' ';
  /** The first and last day (day numbers) the column covers. */
  readonly first: number;
  readonly last: number;
}

/** Days into columns: one day a column if they fit, else the worst of each bucket (a spike is never averaged away). */
export function toColumns(spec: Pick<TerminalChartSpec, 'values' | 'dates' | 'stale' | 'calendar' | 'lowerIsWorse'>, width: number): Column[] {
  const n = spec.values.length;
  const count = Math.min(n, width);
  const columns: Column[] = [];
  for (let c = 0; c < count; c++) {
    const start = Math.floor((c * n) / count);
    const end = Math.floor(((c + 1) * n) / count);
    let worst: number | null = null;
    let stale = false;
    let mark: Column['mark'] = ' ';
    for (let i = start; i < end; i++) {
      const v = spec.values[i];
      if (spec.stale[i] === true) stale = true;
      const day = spec.calendar?.[i];
      if (day === 'Q' || (day === 'm' && mark === ' ')) mark = day;
      if (v === null || v === undefined || !Number.isFinite(v)) continue;
      if (worst === null || (spec.lowerIsWorse ? v < worst : v > worst)) worst = v;
    }
    columns.push({ value: worst, stale, mark, first: parseIsoDay(spec.dates[start] as string) as number, last: parseIsoDay(spec.dates[end - 1] as string) as number });
  }
  return columns;
}

/** Month ticks thinned to every 1, 3, 6 or 12 months so labels have room; January is named by its year. */
function dateTicks(columns: readonly Column[]): { column: number; label: string }[] {
  if (columns.length === 0) return [];
  const first = (columns[0] as Column).first;
  const last = (columns.at(-1) as Column).last;
  const months = monthTicks(first, last);
  const step = [1, 3, 6, 12].find((s) => (months.length / s) * 9 <= columns.length) ?? 12;
  const ticks: { column: number; label: string }[] = [];
  for (const t of months) {
    const { y, m } = civilFromDay(t.x);
    if ((m - 1) % step !== 0) continue;
    const column = columns.findIndex((c) => c.last >= t.x);
    if (column < 0) continue;
    ticks.push({ column, label: step === 12 ? String(y) : t.label });
  }
  return ticks;
}

/** The chart as lines of text, without a trailing newline. */
export function terminalChart(spec: TerminalChartSpec): string {
  const known = spec.values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) return '(no values in this range)';
  const limits = [...known, ...spec.thresholds.map((t) => t.value)];
  const rough = niceTicks(Math.min(...limits), Math.max(...limits), Math.max(2, Math.round(spec.height / 3)), spec.integer);
  // Every tick on a row: (rows − 1) is a multiple of the tick intervals.
  const intervals = rough.length - 1;
  const perTick = Math.max(1, Math.round((spec.height - 1) / intervals));
  const rows = perTick * intervals + 1;
  const top = rough.at(-1) as number;
  const bottom = rough[0] as number;
  const rowOf = (v: number): number => Math.round(((top - v) / (top - bottom)) * (rows - 1));

  const step = intervals > 0 ? (rough[1] as number) - bottom : 1;
  const labels = rough.map((v) => spec.formatTick(v, step));
  const thresholdLabels = spec.thresholds.map((t) => `${t.tone} ${spec.formatTick(t.value, step)}`);
  const labelWidth = Math.max(...labels.map((l) => l.length), spec.unit.length);
  const rightWidth = Math.max(0, ...thresholdLabels.map((l) => l.length + 1));
  const plotWidth = Math.max(10, spec.width - labelWidth - 2 - rightWidth);
  const columns = toColumns(spec, plotWidth);

  // The grid: one cell per character, each with a tone for colour.
  type Cell = { ch: string; tone: 'line' | 'watch' | 'stress' | 'stale' | 'axis' };
  const grid: Cell[][] = Array.from({ length: rows }, () => Array.from({ length: columns.length }, () => ({ ch: ' ', tone: 'axis' as const })));
  const right: string[] = Array.from({ length: rows }, () => '');
  spec.thresholds.forEach((t, i) => {
    const r = rowOf(t.value);
    for (const cell of grid[r] ?? []) Object.assign(cell, { ch: '┄', tone: t.tone });
    right[r] = ` ${thresholdLabels[i]}`;
  });

  // The data on top of the thresholds: a run joins each column to the one before it.
  let previous: number | null = null;
  columns.forEach((col, c) => {
    if (col.value === null) {
      previous = null;
      return;
    }
    const r = rowOf(col.value);
    const tone = col.stale ? 'stale' : 'line';
    const set = (row: number, ch: string): void => {
      Object.assign((grid[row] as Cell[])[c] as Cell, { ch, tone });
    };
    if (previous === null || previous === r) {
      set(r, '─');
    } else if (r < previous) {
      set(previous, '╯');
      for (let k = r + 1; k < previous; k++) set(k, '│');
      set(r, '╭');
    } else {
      set(previous, '╮');
      for (let k = previous + 1; k < r; k++) set(k, '│');
      set(r, '╰');
    }
    previous = r;
  });

  const p = spec.paint;
  const paintCell = (cell: Cell): string =>
    cell.tone === 'watch' || cell.tone === 'stress' ? p.tone(cell.tone, cell.ch) : cell.tone === 'stale' ? p.dim(cell.ch) : cell.ch;
  const tickRow = new Map(rough.map((v, i) => [rowOf(v), labels[i] as string]));
  const out: string[] = [`${spec.unit.padStart(labelWidth)}`];
  for (let r = 0; r < rows; r++) {
    const label = tickRow.get(r);
    const axis = label === undefined ? '│' : '┤';
    const tone = spec.thresholds.find((t) => rowOf(t.value) === r)?.tone;
    const rightText = right[r] === '' || tone === undefined ? '' : p.tone(tone, right[r] as string);
    out.push(`${(label ?? '').padStart(labelWidth)} ${axis}${(grid[r] as Cell[]).map(paintCell).join('')}${rightText}`.trimEnd());
  }

  // The time axis, its date labels, and the stale marks.
  const ticks = dateTicks(columns);
  const axis = Array.from({ length: columns.length }, () => '─');
  for (const t of ticks) axis[t.column] = '┬';
  out.push(`${' '.repeat(labelWidth)} └${axis.join('')}`);
  const dateLine = Array.from({ length: columns.length + 8 }, () => ' ');
  let free = 0;
  for (const t of ticks) {
    if (t.column < free) continue;
    for (let k = 0; k < t.label.length; k++) dateLine[t.column + k] = t.label[k] as string;
    free = t.column + t.label.length + 1;
  }
  out.push(`${' '.repeat(labelWidth + 2)}${dateLine.join('')}`.trimEnd());
  if (columns.some((c) => c.stale)) {
    out.push(`${' '.repeat(labelWidth + 2)}${columns.map((c) => (c.stale ? '░' : ' ')).join('')}`.trimEnd());
  }
  if (columns.some((c) => c.mark !== ' ')) {
    out.push(`${' '.repeat(labelWidth + 2)}${columns.map((c) => c.mark).join('')}`.trimEnd());
  }
  return out.join('\n');
}
