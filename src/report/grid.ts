/**
 * Plain tables, drawn exactly as cli-table3 0.6 draws them with the options liq uses: no
 * borders, no padding, two spaces between columns, each column as wide as its widest cell
 * or a fixed width with word wrap and `…` truncation, ANSI colours carried across wrapped
 * lines. Why not cli-table3 itself: it merges a dozen options for every cell and measures
 * every string twice, which made the two small tables of `liq check` cost about an eighth
 * of the whole run (SPEC §7). The wrapping, truncation and colour handling below are
 * ported from cli-table3's src/utils.js (MIT licence, © 2014 James Talmage) and
 * grid.test.ts holds this module to cli-table3's output on generated tables.
 */
import stringWidth from 'string-width';

export type GridCell = string | number;

export class Grid {
  readonly rows: string[][] = [];

  /** `colWidths`: fixed widths; a longer cell wraps at spaces, and a longer word is cut with `…`. */
  constructor(
    readonly head: readonly string[],
    readonly colWidths?: readonly number[],
  ) {}

  push(...rows: readonly (readonly GridCell[])[]): number {
    for (const row of rows) this.rows.push(row.map(String));
    return this.rows.length;
  }

  toString(): string {
    const all = [[...this.head], ...this.rows];
    const columns = Math.max(0, ...all.map((row) => row.length));
    const fixed = (x: number): number | undefined => {
      const width = this.colWidths?.[x];
      return typeof width === 'number' ? width : undefined;
    };
    const lines = all.map((row) =>
      Array.from({ length: columns }, (_, x) => {
        const content = row[x] ?? '';
        const width = fixed(x);
        return colorizeLines(width ? wordWrap(width, content) : content.split('\n'));
      }),
    );
    const widths = Array.from({ length: columns }, (_, x) => Math.max(1, fixed(x) ?? Math.max(0, ...all.map((row) => strlen(row[x] ?? '')))));
    const out: string[] = [];
    for (const row of lines) {
      const height = Math.max(1, ...row.map((cell) => cell.length));
      for (let n = 0; n < height; n++) {
        out.push(
          row
            .map((cell, x) => {
              const width = widths[x] as number;
              const line = cell[n];
              return (x === 0 ? '' : '  ') + (line === undefined ? ' '.repeat(width) : pad(truncate(line, width), width));
            })
            .join(''),
        );
      }
    }
    return out.join('\n');
  }
}

const ANSI_CODE = /\u001b\[(?:\d*;){0,5}\d*m/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Display width of the widest line, colour codes not counted. */
function strlen(text: string): number {
  let widest = 0;
  for (const line of text.replace(ANSI_CODE, '').split('\n')) {
    // Printable ASCII is one column a character; anything else is string-width's business.
    const width = PRINTABLE_ASCII.test(line) ? line.length : stringWidth(line);
    if (width > widest) widest = width;
  }
  return widest;
}

function pad(text: string, width: number): string {
  const length = strlen(text);
  return width + 1 >= length ? text + ' '.repeat(Math.max(0, width - length)) : text;
}

/** Greedy wrap at whitespace, line by line; a word longer than the width keeps a line of its own. */
function wordWrap(maxLength: number, input: string): string[] {
  const out: string[] = [];
  for (const text of input.split('\n')) {
    const split = text.split(/(\s+)/g);
    let line: string[] = [];
    let lineLength = 0;
    let whitespace: string | undefined;
    for (let i = 0; i < split.length; i += 2) {
      const word = split[i] as string;
      let newLength = lineLength + strlen(word);
      if (lineLength > 0 && whitespace) newLength += whitespace.length;
      if (newLength > maxLength) {
        if (lineLength !== 0) out.push(line.join(''));
        line = [word];
        lineLength = strlen(word);
      } else {
        line.push(whitespace || '', word);
        lineLength = newLength;
      }
      whitespace = split[i + 1];
    }
    if (lineLength) out.push(line.join(''));
  }
  return out;
}

/** Cuts to `desiredLength` columns with `…`, closing any colour left open. */
function truncate(text: string, desiredLength: number): string {
  if (strlen(text) <= desiredLength) return text;
  return `${truncateWidthWithAnsi(text, desiredLength - 1)}…`;
}

function truncateWidth(text: string, desiredLength: number): string {
  if (text.length === strlen(text)) return text.slice(0, desiredLength);
  let cut = text;
  while (strlen(cut) > desiredLength) cut = cut.slice(0, -1);
  return cut;
}

function truncateWidthWithAnsi(text: string, desiredLength: number): string {
  const code = /\u001b\[((?:\d*;){0,5}\d*)m/g;
  const split = text.split(/\u001b\[(?:\d*;){0,5}\d*m/g);
  let splitIndex = 0;
  let retLength = 0;
  let ret = '';
  const state: AnsiState = {};
  while (retLength < desiredLength) {
    const match = code.exec(text);
    let toAdd = split[splitIndex] as string;
    splitIndex++;
    if (retLength + strlen(toAdd) > desiredLength) toAdd = truncateWidth(toAdd, desiredLength - retLength);
    ret += toAdd;
    retLength += strlen(toAdd);
    if (retLength < desiredLength) {
      if (!match) break; // a full-width character may leave a column that cannot be filled
      ret += match[0];
      updateState(state, match);
    }
  }
  return unwindState(state, ret);
}

/** Which styles are open at the end of a line: so a wrapped cell re-opens them on the next. */
interface AnsiState {
  lastForegroundAdded?: string;
  lastBackgroundAdded?: string;
  [style: string]: boolean | string | undefined;
}

const CODES: Record<string, { on: string; off: string }> = {};
const CODE_OF: Record<string, { set: string; to: boolean }> = {};
for (const [name, on, off] of [
  ['bold', 1, 22],
  ['italics', 3, 23],
  ['underline', 4, 24],
  ['inverse', 7, 27],
  ['strikethrough', 9, 29],
] as const) {
  CODES[name] = { on: `\u001b[${on}m`, off: `\u001b[${off}m` };
  CODE_OF[`\u001b[${on}m`] = { set: name, to: true };
  CODE_OF[`\u001b[${off}m`] = { set: name, to: false };
}

function updateState(state: AnsiState, match: RegExpExecArray): void {
  const code = match[1] ? Number.parseInt(match[1].split(';')[0] as string) : 0;
  if ((code >= 30 && code <= 39) || (code >= 90 && code <= 97)) {
    state.lastForegroundAdded = match[0];
    return;
  }
  if ((code >= 40 && code <= 49) || (code >= 100 && code <= 107)) {
    state.lastBackgroundAdded = match[0];
    return;
  }
  if (code === 0) {
    for (const key of Object.keys(state)) delete state[key];
    return;
  }
  const info = Object.hasOwn(CODE_OF, match[0]) ? CODE_OF[match[0]] : undefined;
  if (info) state[info.set] = info.to;
}

function readState(line: string): AnsiState {
  const code = /\u001b\[((?:\d*;){0,5}\d*)m/g;
  const state: AnsiState = {};
  for (let match = code.exec(line); match !== null; match = code.exec(line)) updateState(state, match);
  return state;
}

function unwindState(state: AnsiState, text: string): string {
  const { lastBackgroundAdded, lastForegroundAdded } = state;
  delete state.lastBackgroundAdded;
  delete state.lastForegroundAdded;
  let ret = text;
  for (const key of Object.keys(state)) if (state[key]) ret += (CODES[key] as { off: string }).off;
  if (lastBackgroundAdded && lastBackgroundAdded !== '\u001b[49m') ret += '\u001b[49m';
  if (lastForegroundAdded && lastForegroundAdded !== '\u001b[39m') ret += '\u001b[39m';
  return ret;
}

function rewindState(state: AnsiState, text: string): string {
  const { lastBackgroundAdded, lastForegroundAdded } = state;
  delete state.lastBackgroundAdded;
  delete state.lastForegroundAdded;
  let ret = text;
  for (const key of Object.keys(state)) if (state[key]) ret = (CODES[key] as { on: string }).on + ret;
  if (lastBackgroundAdded && lastBackgroundAdded !== '\u001b[49m') ret = lastBackgroundAdded + ret;
  if (lastForegroundAdded && lastForegroundAdded !== '\u001b[39m') ret = lastForegroundAdded + ret;
  return ret;
}

/** Each line closes the styles it leaves open, and the next line re-opens them. */
function colorizeLines(input: readonly string[]): string[] {
  let state: AnsiState = {};
  return input.map((text) => {
    const line = rewindState(state, text);
    state = readState(line);
    return unwindState({ ...state }, line);
  });
}
