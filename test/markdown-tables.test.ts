/**
 * Every markdown table liq prints (check, compare, the daily report) right-aligns its
 * numbers in the delimiter row (`---:`), as a GFM renderer reads it, and keeps its dates
 * on one line (non-breaking hyphens).
 */
import { describe, expect, it } from 'vitest';
import { alignments } from './helpers/markdown.ts';
import { liq } from './helpers/run-liq.ts';

const DATA = ['fixtures/fred/', 'fixtures/bundled/', '--as-of', '2025-10-31'];

const rightAligned = (md: string, first: string): string[] => {
  const { head, align } = alignments(md, first);
  return head.filter((_, i) => align[i] === 'right');
};

const md = (args: readonly string[]): string => {
  const run = liq(args);
  expect(run.code, run.stderr).toBeLessThanOrEqual(3);
  return run.stdout;
};

describe('markdown tables', () => {
  it('check --format md: the values, observation counts and last values right-aligned', () => {
    const out = md(['check', ...DATA, '--format', 'md']);
    expect(rightAligned(out, 'Indicator')).toEqual(['Value']);
    expect(rightAligned(out, 'Series')).toEqual(['Obs', 'Last value']);
  });

  it('compare --format md: now, eve, spike, difference and ratio right-aligned', () => {
    const nb = (date: string): string => date.replaceAll('-', '\u2011');
    expect(rightAligned(md(['compare', ...DATA, '--format', 'md']), 'Measure')).toEqual([`Now ${nb('2025-10-31')}`, `Eve ${nb('2019-09-16')}`, `Spike ${nb('2019-09-17')}`, 'Now − eve', 'Now/eve']);
  });

  it('report --format md: every table, the day-on-day moves included', () => {
    const out = md(['report', ...DATA, '--out', '-', '--format', 'md']);
    expect(rightAligned(out, 'Indicator').length, 'two tables start with Indicator: the first is the dashboard').toBeGreaterThan(0);
    const moves = out.split('\n').findIndex((l) => l.startsWith('| Indicator | Metric |'));
    expect(rightAligned(out.split('\n').slice(moves).join('\n'), 'Indicator')).toEqual(['2025\u201110\u201130', '2025\u201110\u201131', 'Change']);
    expect(rightAligned(out, 'Measure')).toHaveLength(5);
    expect(rightAligned(out, 'Series')).toEqual(['Obs', 'Last value']);
    const lines = out.split('\n');
    // Dates as words of their own (not inside a file name such as DFF_2021-08_2026-08.csv).
    const dates = lines.filter((l) => l.startsWith('|')).join('\n').match(/(?<![\w.-])\d{4}\D\d{2}\D\d{2}(?![\w.-])/g) ?? [];
    expect(dates.length).toBeGreaterThan(20);
    for (const d of dates) expect(d, 'a date in a table: non-breaking hyphens').toMatch(/^\d{4}\u2011\d{2}\u2011\d{2}$/);
    expect(out, 'file names as they are on disk').toContain('DFF_2021-08_2026-08.csv');
    expect(lines[0], 'prose keeps plain hyphens').toContain('as of 2025-10-31');
  });
});
