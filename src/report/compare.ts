/** `liq compare` output: the side-by-side episode table. */
import type { Comparison, ComparisonRow } from '../engine/compare.ts';
import type { MetricUnit } from '../engine/types.ts';
import { DASH, metricText, num, signed } from './format.ts';
import { mdEscape, mdTable } from './markdown.ts';
import { ageText, asOfText } from './words.ts';
import type { Paint } from './paint.ts';
import { wrapText } from './layout.ts';
import { makeTable, statusLabel } from './table.ts';
import { visible } from '../domain/visible.ts';

const COMPARE_SCHEMA_VERSION = 1;

/** A comparison value in its row's unit, by the one formatter: "26.9 bp", "9.2 %", "12" days, "2,848 bn", "50.35 bn" of SRF take-up. */
export function unitText(row: Pick<ComparisonRow, 'unit' | 'indicator' | 'metric'>, v: number | null, sign = false): string {
  if (v === null) return DASH;
  return metricText(row.indicator, row.metric, v, UNIT[row.unit] ?? 'USD bn', { sign });
}

const UNIT: Readonly<Record<string, MetricUnit>> = { bp: 'bp', '%': '%', days: 'days', 'USD bn': 'USD bn' };

/** The last column in words, by the measure's direction of strain. */
export const VERSUS: Record<NonNullable<ComparisonRow['versusEve']>, string> = { tighter: 'tighter than the eve', looser: 'looser than the eve', same: 'as on the eve' };
const VERSUS_SHORT: Record<NonNullable<ComparisonRow['versusEve']>, string> = { tighter: 'tighter', looser: 'looser', same: 'the same' };

function cells(row: ComparisonRow, staleMark: string): string[] {
  // A difference of two percentages is in percentage points; a difference always has its sign.
  const diff = row.diff === null ? DASH : row.unit === '%' ? signed(`${num(row.diff, 1)} pp`, row.diff) : unitText(row, row.diff, true);
  const ratio = row.ratio === null ? '' : `${num(row.ratio, 2)}×`;
  const now = `${unitText(row, row.now, row.change)}${row.nowStale && row.now !== null ? staleMark : ''}`;
  return [row.label, now, unitText(row, row.eve, row.change), unitText(row, row.spike, row.change), diff, ratio];
}

const HEAD = (c: Comparison): string[] => ['Measure', `Now ${c.now.date}`, `Eve ${c.eve.date}`, `Spike ${c.spike.date}`, 'Now − eve', 'Now/eve', 'Versus the eve'];

/**
 * `ageDays`: how old the data of "now" are against today, when the command line found them
 * old (as the check headline says it); null: not worth saying, or --as-of chose the date.
 */
export function compareTable(c: Comparison, paint: Paint, width: number, ageDays: number | null = null): string {
  // Narrow screens say the last column in one word ("tighter"): its heading says of what.
  const rows = (short: boolean): string[][] => [
    ['Overall status', statusLabel(c.now.status, paint), statusLabel(c.eve.status, paint), statusLabel(c.spike.status, paint), '', '', ''],
    ...c.rows.map((row) => {
      const words = row.versusEve === null ? '' : short ? VERSUS_SHORT[row.versusEve] : VERSUS[row.versusEve];
      return [...cells(row, paint.tone('watch', '!')), row.versusEve === 'tighter' ? paint.tone('watch', words) : words];
    }),
  ];
  const table = (head: readonly string[], columns: readonly number[], short = false) => {
    // Numbers right-aligned: the columns of values (now, eve, spike, difference, ratio).
    const right = columns.flatMap((j, at) => (j >= 1 && j <= 5 ? [at] : []));
    const t = makeTable(head, paint, { width, wrap: [0, 6], right });
    for (const row of rows(short)) t.push(columns.map((j) => row[j] ?? ''));
    return t;
  };
  const wide = table(HEAD(c), [0, 1, 2, 3, 4, 5, 6]);
  let shown = wide;
  let left = '';
  if (wide.naturalWidth() > width) {
    // Narrow screens: dates under their headings, then without the ratio, then without the
    // difference, then the last column in one word.
    const head = ['Measure', `Now\n${c.now.date}`, `Eve\n${c.eve.date}`, `Spike\n${c.spike.date}`, 'Now − eve', 'Now/eve', 'Versus\nthe eve'];
    const choices: [readonly number[], string, boolean][] = [
      [[0, 1, 2, 3, 4, 5, 6], '', false],
      [[0, 1, 2, 3, 4, 6], 'Now/eve', false],
      [[0, 1, 2, 3, 6], 'Now − eve and Now/eve', false],
      [[0, 1, 2, 3, 6], 'Now − eve and Now/eve', true],
    ];
    for (const [columns, dropped, short] of choices) {
      shown = table(columns.map((j) => head[j] ?? ''), columns, short);
      left = dropped;
      if (shown.naturalWidth() <= width) break;
    }
  }
  const note = left === '' ? '' : `\n${paint.dim(`(${left}: on a wider screen, or with --format md or --json)`)}`;
  const stale = c.rows.some((r) => r.nowStale && r.now !== null) ? `\n${paint.tone('watch', '!')} now computed from a stale input (see liq check)` : '';
  const summary = wrapText(c.summary.text, width);
  // As the check headline: the date, and its age in the watch colour.
  const age = ageDays === null ? '' : ` · as of ${c.now.date}${paint.tone('watch', ` — ${ageText(ageDays)}`)}`;
  return `${paint.bold('liq compare')} · episode ${visible(c.episode)}${age}\n\n${shown.text()}${note}${stale}\n\n${summary}\n`;
}

/** The first line of `liq compare --format md`: the episode, and how old now's data are when that is worth saying. */
export function compareMarkdownHeading(c: Comparison, ageDays: number | null = null): string {
  return `# liq compare: episode ${mdEscape(c.episode)}, ${asOfText(c.now.date, ageDays)}`;
}

export function compareMarkdown(c: Comparison): string {
  return mdTable(HEAD(c), [
    ['Overall status', c.now.status, c.eve.status, c.spike.status, '', '', ''],
    ...c.rows.map((row) => [...cells(row, ' (stale)'), row.versusEve === null ? DASH : VERSUS[row.versusEve]]),
  ], { right: [1, 2, 3, 4, 5] }); // now, eve, spike, difference, ratio
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
