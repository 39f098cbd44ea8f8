import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../engine/thresholds.ts';
import type { Assessment, IndicatorId, IndicatorResult, Metrics, Status } from '../engine/types.ts';
import { diffAssessments } from '../engine/daily-report.ts';
import { changeHeadline, dataWarnings, metricText, moveText, notableMoves, statusChanges } from './daily.ts';

function result(id: IndicatorId, status: Status, metrics: Metrics, extra: Partial<IndicatorResult> = {}): IndicatorResult {
  return { id, title: id, kind: 'price', unit: 'bp', status, reason: { kind: 'info' }, metrics, inputs: [], stale: [], thresholds: DEFAULT_THRESHOLDS[id], formula: null, ...extra };
}

function assessment(asOf: string, status: Assessment['status'], indicators: IndicatorResult[]): Assessment {
  return { asOf, asPublished: false, asOfDayTypes: [], status, series: [], indicators };
}

const eve = assessment('2019-09-16', 'stress', [
  result('sofr_rrp_spread', 'watch', { latestBp: 43, avg10Bp: 19.8, avg10PrevBp: 12, change10Bp: 7.8 }),
  result('reserves_gdp', 'watch', { ratioPct: 6.71, gdp: 21_500, gdpDate: '2019-04-01' }),
  result('srf_usage', 'unavailable', { latest: null, max20: null, monthTotal: null }),
]);
const spike = assessment('2019-09-17', 'stress', [
  result('sofr_rrp_spread', 'stress', { latestBp: 325, avg10Bp: 50.6, avg10PrevBp: 12.4, change10Bp: 38.2 }),
  result('reserves_gdp', 'watch', { ratioPct: 6.71, gdp: 21_500, gdpDate: '2019-04-01' }),
  result('srf_usage', 'unavailable', { latest: null, max20: null, monthTotal: null }),
]);

describe('diffAssessments', () => {
  const changes = diffAssessments(eve, spike);

  it('names the previous business day and its overall status', () => {
    expect(changes.previousAsOf).toBe('2019-09-16');
    expect(changes.previousStatus).toBe('stress');
    expect(changes.statusChanged).toBe(false);
  });

  it('records each indicator status move', () => {
    expect(changes.indicators.map((c) => [c.id, c.statusBefore, c.status, c.statusChanged])).toEqual([
      ['sofr_rrp_spread', 'watch', 'stress', true],
      ['reserves_gdp', 'watch', 'watch', false],
      ['srf_usage', 'unavailable', 'unavailable', false],
    ]);
  });

  it('moves every numeric metric without float noise and leaves dates out', () => {
    const rrp = changes.indicators[0]?.metrics;
    expect(rrp?.latestBp, 'SOFR − RRP 325 − 43 = 282 bp on 2019-09-17').toEqual({ before: 43, now: 325, change: 282 });
    expect(rrp?.avg10Bp?.change, '50.6 − 19.8 is 30.8, not 30.800000000000004').toBe(30.8);
    expect(Object.keys(changes.indicators[1]?.metrics ?? {})).toEqual(['ratioPct', 'gdp']);
  });

  it('gives a null change where either side is missing', () => {
    expect(changes.indicators[2]?.metrics.latest).toEqual({ before: null, now: null, change: null });
  });
});

describe('notableMoves and statusChanges', () => {
  const changes = diffAssessments(eve, spike);

  it('lists only the main and threshold metrics that moved, formatted and named in words', () => {
    expect(notableMoves(changes)).toEqual([
      { title: 'sofr_rrp_spread', metric: '10-day mean', before: '19.8 bp', now: '50.6 bp', change: '+30.8 bp' },
      { title: 'sofr_rrp_spread', metric: 'latest spread', before: '43 bp', now: '325 bp', change: '+282 bp' },
      { title: 'sofr_rrp_spread', metric: 'change of the 10-day mean', before: '7.8 bp', now: '38.2 bp', change: '+30.4 bp' },
    ]);
  });

  it('says in one line what changed: the overall status and each indicator that moved, with its main metric', () => {
    expect(changeHeadline(changes, spike)).toBe('Since 2019-09-16: overall stress, unchanged; sofr_rrp_spread watch → stress (10-day mean +30.8 bp to 50.6 bp).');
    expect(changeHeadline(null, spike)).toBe('No earlier business day in the data to compare 2019-09-17 with.');
  });

  it('names the worst indicator\'s main metric when no status moved', () => {
    expect(changeHeadline(diffAssessments(spike, spike), spike)).toBe('Since 2019-09-17: overall stress, unchanged; no indicator changed status; sofr_rrp_spread at stress (10-day mean 50.6 bp).');
  });

  it('words each status change', () => {
    expect(statusChanges(changes)).toEqual(['sofr_rrp_spread: watch → stress']);
  });
});

describe('metricText and moveText', () => {
  it('formats by the metric key: bp, %, counts, rates and USD bn', () => {
    expect(metricText('avg10Bp', -12.4)).toBe('−12.4 bp');
    expect(metricText('ratioPct', 9.7554)).toBe('9.76 %');
    expect(metricText('count', 7)).toBe('7');
    expect(metricText('ceiling', 4)).toBe('4.00 %');
    expect(metricText('level', 3033.444)).toBe('3,033 bn');
    expect(metricText('level', null)).toBe('—');
  });

  it('signs moves and gives percentages in percentage points', () => {
    expect(moveText('ratioPct', 0.06)).toBe('+0.06 pp');
    expect(moveText('level', -1.5)).toBe('−1.5 bn');
    expect(moveText('count', null)).toBe('—');
  });
});

describe('dataWarnings', () => {
  it('lists unavailable indicators, stale inputs, stale and derived series and the formula', () => {
    const a: Assessment = {
      ...assessment('2026-07-30', 'watch', [
        result('srf_usage', 'unavailable', {}, { reason: { kind: 'unavailable', cause: 'missing', series: ['srf'], anyOf: false } }),
        result('tga', 'ok', {}, { title: 'TGA', stale: [{ series: 'tga', date: '2025-11-19', ageDays: 253, limitDays: 14 }] }),
        result('net_liquidity', 'ok', {}, { formula: 'fed_assets - tga - rrp' }),
      ]),
      series: [
        { name: 'tga', unit: 'USD bn', first: '2002-12-18', last: '2025-11-19', count: 1, lastValue: 1, derivedCount: 0, stale: true, sources: [] },
        { name: 'srf_rate', unit: 'percent', first: '2021-07-28', last: '2025-11-12', count: 1, lastValue: 4, derivedCount: 1, stale: false, sources: [] },
      ],
    };
    expect(dataWarnings(a)).toEqual({
      unavailable: ['srf_usage: needs SRF / repo operations take-up: no data on or before the as-of date'],
      stale: ['TGA: Treasury General Account dated 2025-11-19, 253 days before the as-of date (stale after 14)'],
      notes: [
        'Series past their staleness limit: Treasury General Account (last 2025-11-19).',
        'Derived by FOMC rules where the data stop: srf_rate.',
        'Net liquidity = fed_assets - tga - rrp.',
      ],
    });
  });
});
