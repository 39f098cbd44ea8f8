import { describe, expect, it } from 'vitest';
import { formatDay, parseIsoDay } from '../domain/dates.ts';
import { num } from './format.ts';
import { PLAIN } from './paint.ts';
import { terminalChart, toColumns, type TerminalChartSpec } from './terminal-chart.ts';

/** Business days (Mon–Fri) from a date, as ISO strings. */
function weekdays(from: string, count: number): string[] {
  const out: string[] = [];
  for (let d = parseIsoDay(from) as number; out.length < count; d++) if (((d % 7) + 7 + 4) % 7 < 5) out.push(formatDay(d));
  return out;
}

function spec(values: (number | null)[], extra: Partial<TerminalChartSpec> = {}): TerminalChartSpec {
  const dates = weekdays('2025-05-01', values.length);
  return {
    values,
    dates,
    stale: values.map(() => false),
    thresholds: [],
    unit: 'bp',
    integer: false,
    lowerIsWorse: false,
    width: 80,
    height: 13,
    formatTick: (v) => num(v, 0),
    paint: PLAIN,
    ...extra,
  };
}

/** The label of each row that has one, with the row's index. */
function tickRows(chart: string): [number, string][] {
  return chart.split('\n').flatMap((line, i) => {
    const m = /^ *([−\d.,]+) ┤/.exec(line);
    return m === null ? [] : [[i, m[1] as string] as [number, string]];
  });
}

const rising = Array.from({ length: 60 }, (_, i) => (i * 27) / 59); // 0 → 27 bp

describe('terminalChart', () => {
  it('puts the unit above the value axis and round ticks on exact rows', () => {
    const chart = terminalChart(spec(rising));
    expect(chart.split('\n')[0]?.trim()).toBe('bp');
    const ticks = tickRows(chart);
    expect(ticks.map(([, l]) => l), 'about one tick per 3 rows: 0…27 in steps of 10').toEqual(['30', '20', '10', '0']);
    const gaps = ticks.slice(1).map(([row], i) => row - (ticks[i] as [number, string])[0]);
    expect(new Set(gaps).size, 'evenly spaced rows').toBe(1);
  });

  it('draws a threshold at its true value, labelled with it, beneath the data', () => {
    const chart = terminalChart(spec(rising, { thresholds: [{ tone: 'watch', value: 10 }, { tone: 'stress', value: 25 }] }));
    const lines = chart.split('\n');
    const stress = lines.findIndex((l) => l.endsWith('stress 25'));
    const [row30, row20] = tickRows(chart).map(([r]) => r) as [number, number];
    expect(stress, 'the 25 bp line half way between the rows of 30 and 20').toBe((row30 + row20) / 2);
    const row = lines[stress] as string;
    expect(row).toContain('┄');
    expect(row, 'the data line crosses it and is drawn over it').toMatch(/[╭╯─│]/);
  });

  it('puts a threshold between ticks on the row nearest its value: 1 day on a 0…10 axis', () => {
    const counts = Array.from({ length: 40 }, (_, i) => (i < 30 ? 0 : i - 30));
    const chart = terminalChart(spec(counts, { integer: true, unit: 'days', height: 17, thresholds: [{ tone: 'watch', value: 1 }] }));
    const ticks = tickRows(chart);
    expect(ticks.map(([, l]) => l), 'whole numbers only').toEqual(['10', '8', '6', '4', '2', '0']);
    const [row0] = ticks.at(-1) as [number, string];
    const [row2] = ticks.at(-2) as [number, string];
    const watch = chart.split('\n').findIndex((l) => l.endsWith('watch 1'));
    // 3 rows per 2 days: the value 1 is 1.5 rows above 0, drawn on the nearer of rows 1 or 2 above
    expect(Math.abs(watch - (row0 + row2) / 2), 'within half a row of its true place').toBeLessThanOrEqual(0.5);
  });

  it('labels the months on the time axis under their first day', () => {
    const chart = terminalChart(spec(rising));
    const lines = chart.split('\n');
    const axis = lines.findIndex((l) => l.includes('└'));
    expect(lines[axis + 1]).toMatch(/May|Jun/);
    const col = (lines[axis + 1] as string).indexOf('Jun');
    expect((lines[axis] as string)[col], 'a tick mark above the label').toBe('┬');
  });

  it('names years on the time axis of a long history', () => {
    const long = Array.from({ length: 1500 }, (_, i) => Math.sin(i / 50) * 10);
    const chart = terminalChart(spec(long, { width: 100 }));
    expect(chart).toMatch(/2026 +2027/);
  });

  it('marks the columns of stale days in a row under the axis', () => {
    const stale = rising.map((_, i) => i >= 50);
    const chart = terminalChart(spec(rising, { stale }));
    const last = chart.split('\n').at(-1) as string;
    expect(last.trim()).toBe('░'.repeat(10));
  });

  it('marks quarter-ends Q and month-ends m in a row of their own, in their columns', () => {
    // 60 days in 60 columns: a month-end on the 22nd day, a quarter-end on the 43rd.
    const calendar = rising.map((_, i) => (i === 42 ? 'Q' : i === 21 ? 'm' : null));
    const marks = terminalChart(spec(rising, { calendar })).split('\n').at(-1) as string;
    expect(marks.trim().replace(/ +/g, ' ')).toBe('m Q');
    expect(marks.indexOf('Q') - marks.indexOf('m'), '42 − 21 columns apart').toBe(21);
    expect(terminalChart(spec(rising)).split('\n').at(-1), 'no such row without marks').not.toMatch(/^[\sQm]+$/);
  });

  it('leaves a gap where a value is missing', () => {
    const values = rising.map((v, i) => (i >= 20 && i < 25 ? null : v));
    const chart = terminalChart(spec(values));
    const plotted = chart.split('\n').filter((l) => /[┤│]/.test(l)).map((l) => l.slice(l.search(/[┤│]/) + 1));
    for (let c = 20; c < 25; c++) for (const row of plotted) expect(row[c] ?? ' ', `column ${c}`).toBe(' ');
  });

  it('says so when there is no value', () => {
    expect(terminalChart(spec([null, null]))).toBe('(no values in this range)');
  });

  it('fits its width', () => {
    const long = Array.from({ length: 800 }, (_, i) => i);
    for (const width of [40, 80, 120]) {
      const chart = terminalChart(spec(long, { width, thresholds: [{ tone: 'stress', value: 500 }] }));
      for (const line of chart.split('\n')) expect(line.length, line).toBeLessThanOrEqual(width);
    }
  });
});

describe('toColumns', () => {
  it('keeps the worst day of each column: the highest, or the lowest where lower is worse', () => {
    const s = { values: [1, 9, 2, 3], dates: weekdays('2025-05-05', 4), stale: [false, false, false, true] };
    expect(toColumns({ ...s, lowerIsWorse: false }, 2).map((c) => c.value)).toEqual([9, 3]);
    expect(toColumns({ ...s, lowerIsWorse: true }, 2).map((c) => [c.value, c.stale])).toEqual([[1, false], [2, true]]);
  });
});
