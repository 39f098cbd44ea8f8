/** `liq compare` output: the side-by-side episode table. */
import type { Comparison, ComparisonRow } from '../engine/compare.ts';
import { bn, bp, DASH, num } from './format.ts';
import { mdTable } from './markdown.ts';
import type { Paint } from './paint.ts';
import { wrapText } from './layout.ts';
import { makeTable, statusLabel } from './table.ts';
import { visible } from '../domain/visible.ts';

const COMPARE_SCHEMA_VERSION = 1;

/** A comparison value in its row's unit: "26.9 bp", "8.52 %", "12" days, "2,848 bn". */
export function unitText(unit: string, v: number | null): string {
  if (v === null) return DASH;
  if (unit === 'bp') return bp(v);
  if (unit === '%') return `${num(v, 2)} %`;
  if (unit === 'days') return num(v, 0);
  return bn(v);
}

function cells(row: ComparisonRow): string[] {
  // A difference of two percentages is in percentage points.
  const diffText = row.diff === null ? DASH : row.unit === '%' ? `${num(row.diff, 2)} pp` : unitText(row.unit, row.diff);
  const diff = row.diff !== null && row.diff > 0 ? `+${diffText}` : diffText;
  const ratio = row.ratio === null ? '' : `${num(row.ratio, 2)}×`;
  return [row.label, unitText(row.unit, row.now), unitText(row.unit, row.eve), unitText(row.unit, row.spike), diff, ratio];
}

export function compareTable(c: Comparison, paint: Paint, width: number): string {
  const rows = [
    ['Overall status', statusLabel(c.now.status, paint), statusLabel(c.eve.status, paint), statusLabel(c.spike.status, paint), '', '', ''],
    ...c.rows.map((row) => [...cells(row), row.atOrBeyondEve === true ? paint.tone('watch', '≥ eve') : '']),
  ];
  const table = (head: readonly string[], columns: readonly number[]) => {
    // Numbers right-aligned: the columns of values (now, eve, spike, difference, ratio).
    const right = columns.flatMap((j, at) => (j >= 1 && j <= 5 ? [at] : []));
    const t = makeTable(head, paint, { width, wrap: [0], right });
    for (const row of rows) t.push(columns.map((j) => row[j] ?? ''));
    return t;
  };
  const wide = table(['Measure', `Now ${c.now.date}`, `Eve ${c.eve.date}`, `Spike ${c.spike.date}`, 'Now − eve', 'Now/eve', ''], [0, 1, 2, 3, 4, 5, 6]);
  let shown = wide;
  let left = '';
  if (wide.naturalWidth() > width) {
    // Narrow screens: dates under their headings, then without the ratio, then without the difference.
    const head = ['Measure', `Now\n${c.now.date}`, `Eve\n${c.eve.date}`, `Spike\n${c.spike.date}`, 'Now − eve', 'Now/eve', ''];
    const choices: [readonly number[], string][] = [
      [[0, 1, 2, 3, 4, 5, 6], ''],
      [[0, 1, 2, 3, 4, 6], 'Now/eve'],
      [[0, 1, 2, 3, 6], 'Now − eve and Now/eve'],
    ];
    for (const [columns, dropped] of choices) {
      shown = table(columns.map((j) => head[j] ?? ''), columns);
      left = dropped;
      if (shown.naturalWidth() <= width) break;
    }
  }
  const note = left === '' ? '' : `\n${paint.dim(`(${left}: on a wider screen, or with --format md or --json)`)}`;
  const summary = wrapText(c.summary.text, width);
  return `${paint.bold('liq compare')} · episode ${visible(c.episode)}\n\n${shown.text()}${note}\n\n${summary}\n`;
}

export function compareMarkdown(c: Comparison): string {
  return mdTable(
    ['Measure', `Now ${c.now.date}`, `Eve ${c.eve.date}`, `Spike ${c.spike.date}`, 'Now − eve', 'Now/eve', 'At or beyond eve'],
    [
      ['Overall status', c.now.status, c.eve.status, c.spike.status, '', '', ''],
      ...c.rows.map((row) => [...cells(row), row.atOrBeyondEve === true ? 'yes' : row.atOrBeyondEve === false ? 'no' : DASH]),
    ],
  );
}

export function compareDocument(c: Comparison, source: string) {
  const day = (s: Comparison['now']) => ({ date: s.date, status: s.status });
  return {
    schemaVersion: COMPARE_SCHEMA_VERSION,
    episode: c.episode,
    source,
    now: day(c.now),
    eve: day(c.eve),
    spike: day(c.spike),
    rows: c.rows,
    summary: c.summary,
  };
}
