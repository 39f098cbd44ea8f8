import { describe, expect, it } from 'vitest';
import { metricText, takeUp, valueText } from './format.ts';

describe('valueText and metricText', () => {
  it('shows each unit with its decimals and a true minus sign', () => {
    expect(valueText(26.9, 'bp')).toBe('26.9 bp');
    expect(valueText(-597.2, 'USD bn')).toBe('−597 bn');
    expect(valueText(51.84, 'USD bn'), 'below 100 bn: one decimal').toBe('51.8 bn');
    expect(valueText(4.333, 'percent')).toBe('4.33 %');
  });

  it('shows SRF take-up as published: two decimals in bn, a third where the millions need it', () => {
    expect(takeUp(50.35), 'the NY Fed: 50.35 bn on 2025-10-31, not 50.4').toBe('50.35 bn');
    expect(takeUp(10.311), '10,311 million').toBe('10.311 bn');
    expect(takeUp(0.001), '1 million is not 0.00 bn').toBe('0.001 bn');
    expect(takeUp(0)).toBe('0.00 bn');
    expect(takeUp(106.34899999999999), 'binary noise of 106.349 rounds away').toBe('106.349 bn');
    expect(metricText('srf_usage', 'max20', 8.4, 'USD bn')).toBe('8.40 bn');
    expect(metricText('srf_usage', 'monthTotal', 1234.5, 'USD bn', { sign: true })).toBe('+1,234.50 bn');
  });

  it('leaves other metrics to their unit', () => {
    expect(metricText('reserves', 'level', 2848.04, 'USD bn')).toBe('2,848 bn');
    expect(metricText('rrp', 'level', 51.84, 'USD bn')).toBe('51.8 bn');
  });
});
