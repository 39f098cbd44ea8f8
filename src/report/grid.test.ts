/**
 * Grid draws what cli-table3 0.6 draws with liq's options (borderless, no padding, two
 * spaces between columns, fixed widths with word wrap): cli-table3 is the reference here.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Grid } from './grid.ts';

const QUIET_CHARS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '',
  'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
};

function reference(head: string[], rows: string[][], colWidths?: number[]): string {
  const table = new Table({
    head,
    chars: QUIET_CHARS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    ...(colWidths === undefined ? {} : { colWidths, wordWrap: true }),
  });
  table.push(...rows);
  return table.toString();
}

function ours(head: string[], rows: string[][], colWidths?: number[]): string {
  const grid = new Grid(head, colWidths);
  grid.push(...rows);
  return grid.toString();
}

const chalk = new Chalk({ level: 1 });
const STYLES = [chalk.green, chalk.yellow, chalk.red.bold, chalk.cyan, chalk.gray, chalk.magenta, chalk.dim, chalk.bold, chalk.bgRed, chalk.underline];
const word = fc.oneof(
  fc.constantFrom('SOFR', 'WATCH', 'n/a', '—', '≥ 25 bp', '−140 bn', '1,000,000', '2019-09-17', 'wide.csv', '漢字', '🙂', 'é', 'Δ4w', 'x'),
  fc.string({ unit: fc.constantFrom('a', 'b', '1', '.', '-', ' ', '/', '漢', '…', '\t'), maxLength: 14 }),
);
const styled = fc.oneof(
  { weight: 3, arbitrary: word },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: STYLES.length - 1 }), word).map(([s, w]) => (STYLES[s] as (t: string) => string)(w)) },
);
const cell = fc.array(styled, { maxLength: 5 }).chain((parts) =>
  fc.constantFrom(' ', '  ', '\n', '').map((sep) => parts.join(sep)),
);

describe('Grid', () => {
  it('lays out a header and rows as cli-table3 does, each column as wide as its widest cell', () => {
    const rows = [['sofr', '2018-04-03', '5.25 %'], ['reserves', '1984-01-04', '3,001.4 bn']];
    expect(ours(['Series', 'First', 'Last value'], rows)).toBe(reference(['Series', 'First', 'Last value'], rows));
    expect(ours(['Series', 'First', 'Last value'], rows).split('\n')[1]).toBe('sofr      2018-04-03  5.25 %    ');
  });

  it('wraps at spaces and cuts a long word with … in a fixed width, as cli-table3 does', () => {
    const rows = [['SOFR > ceiling', 'streak ≥ 3 or days ≥ 5', '1000000']];
    expect(ours(['Indicator', 'Stress', 'Obs'], rows, [10, 12, 5])).toBe(reference(['Indicator', 'Stress', 'Obs'], rows, [10, 12, 5]));
    expect(ours(['Indicator', 'Stress', 'Obs'], rows, [10, 12, 5])).toContain('1000…');
  });

  it('matches cli-table3 on generated tables: unicode, colour, wraps, newlines, fixed and free widths', () => {
    const table = fc.integer({ min: 1, max: 5 }).chain((columns) =>
      fc.record({
        head: fc.array(cell, { minLength: columns, maxLength: columns }),
        rows: fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 5 }),
        colWidths: fc.option(fc.array(fc.integer({ min: 1, max: 16 }), { minLength: columns, maxLength: columns }), { nil: undefined }),
      }),
    );
    fc.assert(
      fc.property(table, ({ head, rows, colWidths }) => {
        expect(ours(head, rows, colWidths)).toBe(reference(head, rows, colWidths));
      }),
      { numRuns: 1500 },
    );
  });

  it('takes numbers as cells, as cli-table3 does', () => {
    expect(ours(['Year', 'Days'], [[2019 as unknown as string, '250']])).toBe(reference(['Year', 'Days'], [[2019 as unknown as string, '250']]));
  });
});
