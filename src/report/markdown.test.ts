import { describe, expect, it } from 'vitest';
import { day, october2025, seriesSet } from '../../test/helpers/series.ts';
import { assess } from '../engine/assess.ts';
import { deriveSeries } from '../engine/derive.ts';
import { checkMarkdown, mdTable, unbrokenDates } from './markdown.ts';
import { alignments } from '../../test/helpers/markdown.ts';

describe('checkMarkdown', () => {
  const md = checkMarkdown(assess(deriveSeries(seriesSet(october2025())), { asOf: day('2025-10-31') }));

  it('titles the report with the overall status and date', () => {
    expect(md.split('\n')[0]).toBe('# liq: STRESS as of 2025-10-31 (month-end)');
  });

  it('has an indicator row with bold status, stale data flagged', () => {
    expect(md).toContain('| SOFR − ON RRP | 26.9 bp (10d) | +8.6 bp vs prev | ≥ 10 bp | ≥ 25 bp | **stress** | 2025\u201110\u201130 | 10-day mean 26.9 bp is above the 25 bp stress level; SOFR − ON RRP at or above 25 bp on 5 of the 10 days: 4 plain, 1 month-end — mostly plain days: persistent, not seasonal |');
    expect(md).toMatch(/\| TGA \|.*\| 2025\u201110\u201115 \(stale\) \|/);
  });

  it('escapes pipes in cells', () => {
    expect(mdTable(['a'], [['x|y']])).toBe('| a |\n| --- |\n| x\\|y |');
  });
});

describe('markdown tables', () => {
  const md = checkMarkdown(assess(deriveSeries(seriesSet(october2025())), { asOf: day('2025-10-31') }));
  const right = (first: string): string[] => {
    const { head, align } = alignments(md, first);
    return head.filter((_, i) => align[i] === 'right');
  };

  it('right-align the numbers: the indicator values, the observation counts and last values', () => {
    expect(right('Indicator')).toEqual(['Value']);
    expect(right('Series')).toEqual(['Obs', 'Last value']);
  });

  it('right-align exactly the columns asked for', () => {
    expect(mdTable(['a', 'b', 'c'], [['x', '1', '2']], { right: [1, 2] }).split('\n')[1]).toBe('| --- | ---: | ---: |');
  });

  it('keep every date in a table cell on one line (non-breaking hyphens), and plain hyphens outside tables', () => {
    const cells = md.split('\n').filter((l) => l.startsWith('|')).join('\n');
    const prose = md.split('\n').filter((l) => !l.startsWith('|')).join('\n');
    const dates = cells.match(/\d{4}\D\d{2}\D\d{2}/g) ?? [];
    expect(dates.length).toBeGreaterThan(10);
    for (const d of dates) expect(d, 'YYYY‑MM‑DD with U+2011').toMatch(/^\d{4}\u2011\d{2}\u2011\d{2}$/);
    expect(prose).toContain('as of 2025-10-31');
    expect(md, 'no soft hyphen, zero-width space or <br>').not.toMatch(/[\u00ad\u200b]|<br/);
  });

  it('makes only whole dates unbreakable', () => {
    expect(unbrokenDates('GDP 2025-07, 2025-10-31 (stale)')).toBe('GDP 2025\u201107, 2025\u201110\u201131 (stale)');
    expect(unbrokenDates('12025-10-31 2025-10-311 −0.10 a-b 10-31 DFF_2021-08_2026-08.csv')).toBe('12025-10-31 2025-10-311 −0.10 a-b 10-31 DFF_2021-08_2026-08.csv');
  });

  it('shows file names as they are on disk', () => {
    const row = md.split('\n').find((l) => l.startsWith('| sofr |')) ?? '';
    expect(mdTable(['Source'], [['sofr 2025-10-31.csv']], { asTyped: [0] })).toContain('| sofr 2025-10-31.csv |');
    expect(row).toMatch(/\| sofr \| \d{4}\u2011/);
  });
});
