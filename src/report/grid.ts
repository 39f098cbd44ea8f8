/**
 * liq's terminal tables: borderless columns, two spaces apart, like `ls -l`. A column
 * either takes the width of its widest cell or has a fixed width, within which text is
 * wrapped at spaces and a word too long for it is cut with "…".
 *
 * Why not cli-table3, which laid these tables out before: `liq check` is start-up bound
 * (SPEC §7), and on cold code cli-table3 took about 35 ms to lay out the dashboard (its
 * width measure runs a large Unicode regex per cell, and it wraps by re-measuring), a
 * third of liq's whole budget over bare Node. liq needs only this one borderless style.
 * test/grid.test.ts holds this layout to cli-table3's, cell for cell, on generated tables.
 *
 * Cells may hold colour (ANSI SGR codes): they take no width, and a style open where a
 * wrapped line ends is closed there and opened again on the next line.
 */

const GAP = '  ';
const SGR = /\u001b\[[0-9;]*m/g;
const RESET = '\u001b[0m';

export interface Grid {
  /** Adds a row of cells, one per column; a cell may hold line breaks. */
  push(row: readonly string[]): void;
  /** The laid-out table, with no blank at a line's end. */
  text(): string;
}

/** A table with these headings; `widths` fixes each column's width and wraps its cells. */
export function grid(head: readonly string[], widths?: readonly number[]): Grid {
  const rows: (readonly string[])[] = [head];
  return {
    push: (row) => void rows.push(row),
    text: () => layout(rows, widths),
  };
}

function layout(rows: readonly (readonly string[])[], widths: readonly number[] | undefined): string {
  const columns = Math.max(...rows.map((row) => row.length));
  // Each cell as its lines, wrapped to a fixed width or as written.
  const cells = rows.map((row) =>
    Array.from({ length: columns }, (_, j) => {
      const text = row[j] ?? '';
      const width = widths?.[j];
      return width === undefined ? text.split('\n') : wrap(text, width);
    }),
  );
  const columnWidths = Array.from({ length: columns }, (_, j) => widths?.[j] ?? Math.max(...cells.map((row) => Math.max(...(row[j] as string[]).map(displayWidth)))));
  const out: string[] = [];
  for (const row of cells) {
    const height = Math.max(...row.map((lines) => lines.length));
    for (let k = 0; k < height; k++) {
      const parts = row.map((lines, j) => pad(lines[k] ?? '', columnWidths[j] as number));
      out.push(parts.join(GAP).trimEnd());
    }
  }
  return out.join('\n');
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Lines of at most `width` columns: each line of the text filled word by word (words are
 * what single spaces separate), a word wider than the column cut to fit with "…".
 */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = -1; // the width of `line`; -1 while it holds no word yet
    for (const word of paragraph.split(' ')) {
      const wordWidth = displayWidth(word);
      if (used < 0) {
        line = word;
        used = wordWidth;
      } else if (used + 1 + wordWidth <= width) {
        line += ` ${word}`;
        used += 1 + wordWidth;
      } else {
        lines.push(line);
        line = word;
        used = wordWidth;
      }
    }
    lines.push(line);
  }
  return carryStyles(lines.map((line) => cut(line, width)));
}

/** The text cut to `width` columns, its last one "…", if it is wider; colour codes kept. */
function cut(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const piece of text.split(/(\u001b\[[0-9;]*m)/)) {
    if (piece.startsWith('\u001b[')) {
      out += piece;
      continue;
    }
    for (const char of piece) {
      const w = charWidth(char.codePointAt(0) as number);
      if (used + w > width - 1) break;
      out += char;
      used += w;
    }
  }
  return `${out}…`;
}

/**
 * Closes at each line's end the styles still open there, and opens them again at the next
 * line's start, so that a coloured phrase wrapped over two lines does not colour the gap
 * and the cells after it.
 */
function carryStyles(lines: readonly string[]): string[] {
  if (!lines.some((line) => line.includes('\u001b['))) return [...lines];
  let open: string[] = [];
  return lines.map((line) => {
    const start = open.join('');
    for (const code of line.match(SGR) ?? []) open = applySgr(open, code);
    return open.length > 0 ? `${start}${line}${RESET}` : `${start}${line}`;
  });
}

/** For each closing SGR code, which opening codes it ends (22 ends bold and dim, 39 any foreground colour, …). */
const CLOSES: Readonly<Record<number, (opener: number) => boolean>> = {
  22: (o) => o === 1 || o === 2,
  23: (o) => o === 3,
  24: (o) => o === 4,
  27: (o) => o === 7,
  28: (o) => o === 8,
  29: (o) => o === 9,
  39: (o) => (o >= 30 && o <= 38) || (o >= 90 && o <= 97),
  49: (o) => (o >= 40 && o <= 48) || (o >= 100 && o <= 107),
};

/** The first number of an SGR code: 31 for "\u001b[31m", 38 for "\u001b[38;5;9m", 0 for "\u001b[m". */
const sgrNumber = (code: string): number => Number(/^\u001b\[(\d+)/.exec(code)?.[1] ?? 0);

/** The styles open after `code`: a reset or a closing code ends the styles it closes. */
function applySgr(open: readonly string[], code: string): string[] {
  const n = sgrNumber(code);
  if (n === 0) return [];
  const closer = CLOSES[n];
  if (closer === undefined) return [...open, code];
  return open.filter((opener) => !closer(sgrNumber(opener)));
}

/** How many terminal columns the text takes: colour codes none, wide East Asian characters two. */
export function displayWidth(text: string): number {
  let width = 0;
  const plain = text.includes('\u001b') ? text.replace(SGR, '') : text;
  for (let i = 0; i < plain.length; i++) {
    const code = plain.codePointAt(i) as number;
    if (code > 0xffff) i++; // the second half of a surrogate pair
    width += charWidth(code);
  }
  return width;
}

/** Code point ranges, first and last included. */
type Ranges = readonly (readonly [number, number])[];

/** Zero width: combining diacritical marks, zero-width spaces and joiners, variation selectors. */
const ZERO_WIDTH: Ranges = [
  [0x300, 0x36f],
  [0x200b, 0x200f],
  [0xfe00, 0xfe0f],
];

/** Two columns: the main wide and fullwidth ranges of Unicode's East Asian Width property, and emoji. */
const WIDE: Ranges = [
  [0x1100, 0x115f], // Hangul Jamo
  [0x2e80, 0x303e], // CJK radicals, symbols and punctuation
  [0x3041, 0x33ff], // kana, Bopomofo, Hangul compatibility Jamo, enclosed CJK, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6], // fullwidth signs
  [0x1f300, 0x1f64f], // miscellaneous symbols and pictographs, emoticons
  [0x1f900, 0x1f9ff], // supplemental symbols and pictographs
  [0x20000, 0x3fffd], // planes 2 and 3: CJK extensions B and on
];

const within = (code: number, ranges: Ranges): boolean => ranges.some(([from, to]) => code >= from && code <= to);

/**
 * A character's width in a terminal: 0 for control characters and ZERO_WIDTH, 2 for WIDE,
 * else 1. (liq's own text is all width 1, so this matters only for file names.)
 */
function charWidth(code: number): number {
  if (code < 0x300) return code < 0x20 || (code >= 0x7f && code < 0xa0) ? 0 : 1;
  if (within(code, ZERO_WIDTH)) return 0;
  return within(code, WIDE) ? 2 : 1;
}
