import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePluginOutput, rangeAlerts } from '../../test/helpers/plugin-grammar.ts';
import { day, october2025, seriesSet } from '../../test/helpers/series.ts';
import { assess } from '../engine/assess.ts';
import { deriveSeries } from '../engine/derive.ts';
import type { Comparison } from '../engine/types.ts';
import { alertRange, nagiosLine, perfLabel, perfNumber } from './nagios.ts';
import { unknownLine } from './plugin-text.ts';

const holds = (value: number, op: Comparison, x: number): boolean =>
  op === '>=' ? value >= x : op === '>' ? value > x : op === '<' ? value < x : value <= x;

describe('alertRange', () => {
  it.each([
    ['>=', 10, '@10:'],
    ['>', 10, '~:10'],
    ['<', 3000, '3000:'],
    ['<=', -500, '@~:-500'],
  ] as const)('"alert when value %s %d" is the range %s', (op, x, range) => {
    expect(alertRange({ op, value: x })).toBe(range);
  });

  it('alerts, by the guidelines\' semantics, on exactly the values where the rule holds, the boundary included', () => {
    const op = fc.constantFrom<Comparison>('>=', '>', '<', '<=');
    const x = fc.integer({ min: -5000, max: 5000 }).map((n) => n / 4);
    fc.assert(
      fc.property(op, x, fc.integer({ min: -20000, max: 20000 }).map((n) => n / 4), (o, t, v) => {
        const range = alertRange({ op: o, value: t });
        return rangeAlerts(range, v) === holds(v, o, t) && rangeAlerts(range, t) === holds(t, o, t);
      }),
    );
  });
});

describe('perfNumber and perfLabel', () => {
  it('writes numbers in [-0-9.] only: no exponent, float noise rounded off', () => {
    expect(perfNumber(24.899999999999999)).toBe('24.9');
    expect(perfNumber(1e-7)).toBe('0');
    expect(perfNumber(-0.0000001)).toBe('0');
    expect(perfNumber(2.5e21)).toMatch(/^[0-9]+$/);
    expect(perfNumber(-480.467)).toBe('-480.467');
  });

  it('quotes a label only when it must, and never lets = or a quote through', () => {
    expect(perfLabel('sofr_rrp_spread.avg10Bp')).toBe('sofr_rrp_spread.avg10Bp');
    expect(perfLabel("a b='c")).toBe("'a b__c'");
  });
});

describe('nagiosLine', () => {
  const line = nagiosLine(assess(deriveSeries(seriesSet(october2025())), { asOf: day('2025-10-31') }));
  const parsed = parsePluginOutput(line);
  const perf = new Map(parsed.perf.map((p) => [p.label, p]));

  it('is one line by the guidelines: CRITICAL for stress, the stress reasons before the watch ones', () => {
    expect(parsed.state).toBe('CRITICAL');
    expect(parsed.text).toMatch(/^as of 2025-10-31: SOFR − ON RRP: /);
    expect(parsed.text.indexOf('stress')).toBeLessThan(parsed.text.indexOf('watch'));
  });

  it('gives every tested metric with its watch and stress levels as alert ranges', () => {
    // avg10 26.9 bp: watch at ≥ 10 bp, stress at ≥ 25 bp; both ranges alert on it.
    expect(perf.get('sofr_rrp_spread.avg10Bp')).toEqual({ label: 'sofr_rrp_spread.avg10Bp', value: 26.9, uom: '', warn: '@10:', crit: '@25:' });
    expect(perf.get('sofr_above_ceiling.count')).toMatchObject({ value: 7, warn: '@1:', crit: '@5:' });
    expect(perf.get('sofr_above_ceiling.streak'), 'stress only: streak ≥ 3').toMatchObject({ warn: '', crit: '@3:' });
    expect(perf.get('reserves.level'), 'below 3,000 bn alerts: the range 3000:').toMatchObject({ value: 2848.021, warn: '3000:', crit: '' });
    expect(perf.get('reserves_gdp.ratioPct')).toMatchObject({ value: 9.15907, uom: '%', warn: '10:' });
    expect(perf.get('qt_pace.perMonth'), 'informational: no ranges').toMatchObject({ value: -18.514667, warn: '', crit: '' });
    expect(perf.has('srf_usage.latest'), 'no SRF data: no perfdata').toBe(false);
  });

  it('agrees with the statuses: a metric whose stress range alerts belongs to a stressed indicator', () => {
    for (const p of parsed.perf) if (p.crit !== '' && rangeAlerts(p.crit, p.value)) expect(parsed.text, p.label).toMatch(/stress/);
  });

  it('says OK with no watch or stress when all is ok', () => {
    const ok = nagiosLine(assess(seriesSet({ sofr: [['2021-06-15', 0.01]], target_upper: [['2021-06-15', 0.25]] }), { asOf: day('2021-06-15') }));
    expect(ok).toBe('LIQ OK - no watch or stress as of 2021-06-15 | sofr_above_ceiling.count=0;@1:;@5: sofr_above_ceiling.streak=0;;@3: calendar.plainDaysAboveCeiling=0;@1:;\n');
    expect(parsePluginOutput(ok).state).toBe('OK');
  });

  it('keeps a failure to one UNKNOWN line with no | and no control characters', () => {
    const text = unknownLine('data.csv:3:1: bad | cell \u001b[2J\r\nsecond line');
    expect(text).toBe('LIQ UNKNOWN - data.csv:3:1: bad / cell  [2J\n');
    expect(parsePluginOutput(text).perf).toEqual([]);
  });
});
