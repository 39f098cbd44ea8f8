/**
 * liq's terminal tables, laid out by cli-table3: borderless columns two spaces apart, like
 * `ls -l`, as wide as their cells when the screen allows. When the table is wider than the
 * screen, first a heading wider than its column's cells wraps at its spaces; then the
 * columns named in `wrap` give way, the first named first: each is narrowed down to its
 * longest word (cli-table3 wraps it at spaces), and only if that is not enough below it
 * (a word is then cut with "…"). No other column is ever cut or wrapped.
 *
 * Cells may hold colour (ANSI SGR codes): cli-table3 measures them as taking no width and
 * carries a colour over a wrapped line.
 */
import Table from 'cli-table3';
import utils from 'cli-table3/src/utils.js';

/** Between two columns. */
const GAP = '  ';
/** Narrower than this, a text column says nothing useful. */
const NARROWEST = 6;

const NO_BORDER = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: GAP,
};

export interface Layout {
  /** The screen's width in columns. */
  readonly width: number;
  /** The columns (by index) that may wrap to fit the width, the first to give way first. */
  readonly wrap?: readonly number[];
  /** The columns (by index) aligned right, such as counts. */
  readonly right?: readonly number[];
}

export interface Grid {
  /** Adds a row of cells, one per column; a cell may hold line breaks. */
  push(row: readonly string[]): void;
  /** The laid-out table, with no blank at a line's end. */
  text(): string;
  /** How wide the table is with every column as wide as its widest cell. */
  naturalWidth(): number;
}

/** A table with these headings, laid out for `layout.width` columns when its text is asked for. */
export function grid(head: readonly string[], layout: Layout): Grid {
  const rows: (readonly string[])[] = [];
  return {
    push: (row) => void rows.push(row),
    text: () => render(head, rows, layout),
    naturalWidth: () => {
      const widths = naturalWidths([head, ...rows]);
      return widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
    },
  };
}

/** The text as lines of at most `width` columns, broken at spaces by cli-table3's word wrap (a longer word keeps its own line). */
export const wrapLines = (text: string, width: number): string[] => utils.wordWrap(Math.max(NARROWEST, width), text);

/**
 * A paragraph as lines of at most `width` columns, broken at spaces (by cli-table3's own
 * word wrap, so colour codes take no width); every line after the first starts with
 * `indent`, which counts towards the width.
 */
export function wrapText(text: string, width: number, indent = ''): string {
  // The first line has the whole width; cli-table3's wrap keeps it a prefix of the text.
  const head = utils.wordWrap(width, text)[0] ?? '';
  const rest = text.slice(head.length).trimStart();
  if (rest === '') return head;
  const room = Math.max(NARROWEST, width - displayWidth(indent));
  return [head, ...utils.wordWrap(room, rest).map((line) => `${indent}${line}`)].join('\n');
}

/** How many terminal columns the text's widest line takes (colour codes none, wide characters two), as cli-table3 counts. */
export const displayWidth = (text: string): number => utils.strlen(text);

function render(head: readonly string[], rows: readonly (readonly string[])[], layout: Layout): string {
  const count = Math.max(head.length, ...rows.map((row) => row.length));
  const all = [head, ...rows].map((row) => Array.from({ length: count }, (_, j) => row[j] ?? ''));
  const widths = columnWidths(all, layout);
  const table = new Table({
    head: all[0] as string[],
    chars: NO_BORDER,
    style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [], compact: true },
    colWidths: widths,
    colAligns: widths.map((_, j) => (layout.right?.includes(j) === true ? 'right' : 'left')),
    wordWrap: true,
  });
  table.push(...all.slice(1));
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

function naturalWidths(cells: readonly (readonly string[])[]): number[] {
  const count = Math.max(0, ...cells.map((row) => row.length));
  return Array.from({ length: count }, (_, j) => Math.max(1, ...cells.map((row) => displayWidth(row[j] ?? ''))));
}

/** Each column's width: its widest cell, unless the table must give way to fit the screen (see the top). */
export function columnWidths(cells: readonly (readonly string[])[], layout: Layout): number[] {
  const count = cells[0]?.length ?? 0;
  const natural = naturalWidths(cells);
  const widths = [...natural];
  let excess = natural.reduce((a, b) => a + b, 0) + GAP.length * (count - 1) - layout.width;
  const wrap = layout.wrap ?? [];
  const longestWord = (text: string): number => Math.max(...text.split(/[ \n]/).map(displayWidth));
  // First any heading wider than its column's cells wraps at its spaces.
  // The heading with the most to give goes first, so that as few as possible wrap.
  const body = cells.slice(1);
  const needed = widths.map((_, j) => Math.max(1, longestWord(cells[0]?.[j] ?? ''), ...body.map((row) => displayWidth(row[j] ?? ''))));
  const byGain = widths.map((_, j) => j).sort((a, b) => (widths[b] as number) - (needed[b] as number) - ((widths[a] as number) - (needed[a] as number)));
  for (const j of byGain) {
    if (excess <= 0) break;
    const give = Math.max(0, Math.min(excess, (widths[j] as number) - (needed[j] as number)));
    widths[j] = (widths[j] as number) - give;
    excess -= give;
  }
  // Then the wrapping columns down to their longest word, so that wrapping cuts nothing.
  for (const j of wrap) {
    if (excess <= 0) break;
    const floor = Math.max(NARROWEST, ...cells.map((row) => longestWord(row[j] ?? '')));
    const give = Math.max(0, Math.min(excess, (widths[j] as number) - floor));
    widths[j] = (widths[j] as number) - give;
    excess -= give;
  }
  // Then, only if the screen is narrower still, below it: a long word is cut with "…".
  for (const j of wrap) {
    if (excess <= 0) break;
    const give = Math.max(0, Math.min(excess, (widths[j] as number) - NARROWEST));
    widths[j] = (widths[j] as number) - give;
    excess -= give;
  }
  return widths;
}
