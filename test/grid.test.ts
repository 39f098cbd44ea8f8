/**
 * src/report/grid.ts lays out liq's tables; cli-table3, which did so before (and stays a
 * dev dependency for this test only), is the reference: on generated tables, with auto
 * and fixed column widths, both must give the same text. Colour must take no width and
 * never run past the end of a wrapped line.
 */
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, grid } from '../src/report/grid.ts';

const BORDERLESS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '',
  'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
};

/** The same table through cli-table3, with the options liq used, trailing blanks trimmed. */
function reference(head: string[], rows: string[][], widths?: number[]): string {
  const table = new Table({
    head,
    chars: BORDERLESS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    ...(widths === undefined ? {} : { colWidths: widths, wordWrap: true }),
  });
  for (const row of rows) table.push(row);
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

function ours(head: string[], rows: string[][], widths?: number[]): string {
  const table = grid(head, widths);
  for (const row of rows) table.push(row);
  return table.text();
}

/** Words as in liq's cells: numbers, dates, units, symbols, file names, and a few wide ones. */
const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('SOFR', '−12.4', 'bp', 'avg10', '≥', '10', '2025-11-12!', 'OK', 'WATCH', '3,033.4', '(millions)', 'WRESBAL_millions_2021-06_2026-06.csv', '+2447', 'derived', '—', '…') },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', '1', '.', '-', '_', '/'), minLength: 1, maxLength: 24 }) },
  { weight: 1, arbitrary: fc.constantFrom('準備預金', '日銀', 'Ｒ') },
);
const cellText = fc.oneof(
  { weight: 8, arbitrary: fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' ')) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.tuple(word, word).map(([a, b]) => `${a}\n${b}`) },
);
const table = fc.integer({ min: 1, max: 6 }).chain((columns) =>
  fc.record({
    head: fc.array(word, { minLength: columns, maxLength: columns }),
    rows: fc.array(fc.array(cellText, { minLength: columns, maxLength: columns }), { maxLength: 6 }),
    widths: fc.option(fc.array(fc.integer({ min: 3, max: 30 }), { minLength: columns, maxLength: columns })),
  }),
);

describe('grid lays tables out as cli-table3 did', () => {
  it('on generated tables, with column widths fitted to the cells or fixed and wrapping', () => {
    fc.assert(
      fc.property(table, ({ head, rows, widths }) => {
        expect(ours(head, rows, widths ?? undefined)).toBe(reference(head, rows, widths ?? undefined));
      }),
      { numRuns: 500 },
    );
  });

  it('on the dashboard\'s own hardest cells: a long file name cut with "…", thresholds wrapped', () => {
    const head = ['Series', 'Source'];
    const rows = [['reserves', 'WRESBAL.csv (billions), WRESBAL_millions_2021-06_2026-06.csv (millions)'], ['effr', 'to top ≤ 5 bp or vs IORB ≥ 0 bp']];
    expect(ours(head, rows, [12, 34])).toBe(reference(head, rows, [12, 34]));
    expect(ours(head, rows, [12, 34])).toContain('WRESBAL_millions_2021-06_2026-06.…');
  });
});

describe('colour in cells', () => {
  const dim = (text: string): string => `\u001b[2m${text}\u001b[22m`;
  const red = (text: string): string => `\u001b[31m${text}\u001b[39m`;
  const strip = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

  it('takes no width: the visible text is laid out as without colour', () => {
    const plain = ours(['Indicator', 'Status'], [['SOFR − ON RRP', 'STRESS'], ['TGA', 'OK']]);
    const painted = ours([dim('Indicator'), dim('Status')], [['SOFR − ON RRP', red('STRESS')], ['TGA', 'OK']]);
    expect(strip(painted)).toBe(plain);
  });

  it('is closed at the end of each wrapped line and opened again on the next', () => {
    const text = ours(['Source'], [[`RRPONTSYAWARD.csv (percent), ${dim('+2447 derived')}`]], [34]);
    const lines = text.split('\n');
    expect(strip(text)).toBe(ours(['Source'], [['RRPONTSYAWARD.csv (percent), +2447 derived']], [34]));
    expect(lines[1]).toBe(`RRPONTSYAWARD.csv (percent), \u001b[2m+2447\u001b[0m`);
    expect(lines[2]).toBe(`\u001b[2mderived\u001b[22m`);
  });

  it('counts wide East Asian characters as two columns and combining marks as none', () => {
    expect(displayWidth('準備預金.csv')).toBe(12);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth(red('≥ 10 bp'))).toBe(7);
  });
});
