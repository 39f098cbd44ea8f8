import { describe, expect, it } from 'vitest';
import type { DayCount } from '../engine/types.ts';
import { dayCountWords, dayTypesHeadline } from './day-words.ts';

const count = (byType: DayCount['byType'], test: DayCount['test'] = { kind: 'above_ceiling' }, of = 20): DayCount => ({
  test, of, count: byType.reduce((n, t) => n + t.count, 0), byType, days: [],
});

describe('day counts in words', () => {
  it('says October 2025 was mostly plain days', () => {
    // 10-15 mid-month, 10-16 and 10-27 … 10-30 plain, 10-31 month-end (the hand count)
    const oct = count([{ type: 'plain', count: 5 }, { type: 'month_end', count: 1 }, { type: 'mid_month', count: 1 }]);
    expect(dayCountWords(oct, 'SOFR')).toBe('7 of 20 days above the ceiling: 5 plain, 1 month-end, 1 mid-month — mostly plain days: persistent, not seasonal');
  });

  it('says 2024-10-01 was one calendar day', () => {
    expect(dayCountWords(count([{ type: 'month_start', count: 1 }]), 'SOFR')).toBe('1 of 20 days above the ceiling: 1 month-start — a calendar day: seasonal');
  });

  it('words a spread at its level and leaves an empty count out', () => {
    const spread = count([{ type: 'plain', count: 4 }, { type: 'month_end', count: 1 }], { kind: 'threshold', metric: 'avg10Bp', op: '>=', value: 25, level: 'stress' }, 10);
    expect(dayCountWords(spread, 'SOFR − ON RRP')).toBe('SOFR − ON RRP at or above 25 bp on 5 of the 10 days: 4 plain, 1 month-end — mostly plain days: persistent, not seasonal');
    expect(dayCountWords(count([]), 'SOFR')).toBeNull();
    expect(dayCountWords(count([{ type: 'plain', count: 1 }, { type: 'quarter_end', count: 2 }]), 'SOFR')).toContain('mostly calendar days');
  });

  it('heads a date with its types', () => {
    expect(dayTypesHeadline(['year_end', 'quarter_end', 'month_end'])).toBe('year-end, quarter-end, month-end');
    expect(dayTypesHeadline(['plain'])).toBe('plain day');
    expect(dayTypesHeadline([])).toBe('market closed');
  });
});
