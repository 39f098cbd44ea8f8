import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../engine/thresholds.ts';
import type { Assessment, IndicatorResult } from '../engine/types.ts';
import type { DailyReport } from './daily.ts';
import { bandsFor, reportHtml } from './html.ts';

const HOSTILE = `<img src="http://evil.example/x.png" onerror="alert('x')">&`;

const indicator: IndicatorResult = {
  id: 'sofr_rrp_spread',
  title: `SOFR − ON RRP ${HOSTILE}`,
  unit: 'bp',
  status: 'stress',
  kind: 'price',
  reason: { kind: 'met', check: { metric: 'avg10Bp', comparison: '>=', threshold: 25, value: 50.6, unit: 'bp', level: 'stress', holds: true } },
  metrics: { latestBp: 325, avg10Bp: 50.6, avg10PrevBp: 12.4, change10Bp: 38.2 },
  inputs: [{ series: 'sofr', date: '2019-09-17', value: 5.25, derived: false }],
  stale: [],
  thresholds: DEFAULT_THRESHOLDS.sofr_rrp_spread,
  formula: null,
};

const assessment: Assessment = {
  asOf: '2019-09-17',
  asPublished: false,
  status: 'stress',
  series: [{ name: 'sofr', unit: 'percent', first: '2018-04-03', last: '2019-09-17', count: 10, lastValue: 5.25, derivedCount: 0, stale: false, sources: [`${HOSTILE}.csv (percent)`] }],
  indicators: [indicator],
};

const days = ['2019-09-12', '2019-09-13', '2019-09-16', '2019-09-17'];
const report: DailyReport = {
  assessment,
  changes: null,
  comparison: null,
  charts: [
    {
      id: 'sofr_rrp_spread',
      metric: 'avg10Bp',
      title: 'SOFR − ON RRP rate, 10-day mean',
      unit: 'bp',
      from: '2019-03-18',
      to: '2019-09-17',
      points: days.map((date, i) => ({ date, status: 'watch', metrics: { avg10Bp: i === 1 ? null : 18 + i * 10 }, stale: false })),
      thresholds: DEFAULT_THRESHOLDS.sofr_rrp_spread,
    },
  ],
  corridor: [],
  takeUp: [],
  generator: 'liq 0.0.0',
  configPath: `/etc/${HOSTILE}.json`,
};

describe('reportHtml', () => {
  const html = reportHtml(report);

  it('is one HTML document whose title holds the as-of date and the status', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toBe('liq 2019-09-17: STRESS');
  });

  it('escapes text from data and config: file names, titles, paths', () => {
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror="');
    expect(html).toContain('&lt;img src=&quot;http://evil.example/x.png&quot; onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;.csv (percent)');
  });

  it('has no script and loads nothing from elsewhere', () => {
    expect(html).not.toMatch(/<script|javascript:|@import|<link|<iframe|<object/i);
    expect(html).not.toMatch(/\s(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
  });

  it('draws one svg per chart, with a point per value and a gap where a value is missing', () => {
    expect(html.match(/<svg\b/g)).toHaveLength(1);
    const lines = [...html.matchAll(/<polyline[^>]* points="([^"]*)"/g)].map((m) => (m[1] as string).split(' ').length);
    expect(lines, '2019-09-12 alone, then 09-16 and 09-17 after the missing 09-13').toEqual([1, 2]);
  });

  it('says there is no earlier business day to compare with when there is none', () => {
    expect(html).toContain('The data hold no business day before the as-of date to compare with.');
  });
});

describe('bandsFor', () => {
  it('shades upward from watch to stress and from stress up, for metrics that worsen upward', () => {
    expect(bandsFor(DEFAULT_THRESHOLDS.sofr_rrp_spread, 'avg10Bp')).toEqual([
      { from: 10, to: 25, tone: 'watch', edge: 10 },
      { from: 25, to: Infinity, tone: 'stress', edge: 25 },
    ]);
  });

  it('shades downward for metrics that worsen downward, with no stress zone where there is no stress level', () => {
    expect(bandsFor(DEFAULT_THRESHOLDS.rrp, 'level')).toEqual([{ from: -Infinity, to: 250, tone: 'watch', edge: 250 }]);
  });

  it('uses only the rules on the charted metric', () => {
    expect(bandsFor(DEFAULT_THRESHOLDS.sofr_above_ceiling, 'count')).toEqual([
      { from: 1, to: 5, tone: 'watch', edge: 1 },
      { from: 5, to: Infinity, tone: 'stress', edge: 5 },
    ]);
    expect(bandsFor(DEFAULT_THRESHOLDS.qt_pace, 'perMonth')).toEqual([]);
  });
});

