import { describe, expect, it } from 'vitest';
import { day, october2025, seriesSet } from '../../test/helpers/series.ts';
import { assess } from '../engine/assess.ts';
import { deriveSeries } from '../engine/derive.ts';
import { checkMarkdown, mdTable } from './markdown.ts';

describe('checkMarkdown', () => {
  const md = checkMarkdown(assess(deriveSeries(seriesSet(october2025())), { asOf: day('2025-10-31') }));

  it('titles the report with the overall status and date', () => {
    expect(md.split('\n')[0]).toBe('# liq: STRESS as of 2025-10-31');
  });

  it('has an indicator row with bold status, stale data flagged', () => {
    expect(md).toContain('| SOFR − ON RRP | 26.9 bp (10d) | +8.6 bp vs prev | ≥ 10 bp | ≥ 25 bp | **stress** | 2025-10-30 | 10-day mean 26.9 bp is above the 25 bp stress level |');
    expect(md).toMatch(/\| TGA \|.*\| 2025-10-15 \(stale\) \|/);
  });

  it('escapes pipes in cells', () => {
    expect(mdTable(['a'], [['x|y']])).toBe('| a |\n| --- |\n| x\\|y |');
  });
});
