import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../engine/thresholds.ts';
import type { Assessment, IndicatorResult } from '../engine/types.ts';
import type { DailyReport } from '../engine/daily-report.ts';
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
  asOfDayTypes: ['plain'],
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
      points: days.map((date, i) => ({ date, dayTypes: ['plain'], status: 'watch', metrics: { avg10Bp: i === 1 ? null : 18 + i * 10 }, stale: false })),
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

describe('the corridor and take-up charts', () => {
  const corridor = days.map((date, i) => ({
    date,
    sofr: [2.2, 2.43, 2.43, 5.25][i] as number,
    rrpRate: 2.05,
    iorb: 2.1,
    srfRate: null,
    targetLower: 2.0,
    targetUpper: 2.25,
    p1: i === 0 ? null : 2.1,
    p99: i === 0 ? null : [0, 2.6, 2.6, 9.0][i] as number,
    staleRates: i === 3 ? (['rrpRate'] as const) : ([] as const),
  }));
  const takeUp = [
    { date: '2019-09-16', value: 0 },
    { date: '2019-09-17', value: 53.2 },
  ];
  const html = reportHtml({ ...report, corridor, takeUp });
  const svgs = html.match(/<svg\b[\s\S]*?<\/svg>/g) ?? [];

  it('puts the corridor first, then the take-up bars, then the indicator charts', () => {
    expect(svgs).toHaveLength(3);
    expect(svgs[0]).toContain('range-target');
    expect(svgs[1]).toContain('class="bar"');
  });

  it('draws the 1st–99th percentile band where the data hold it, and names it in the legend', () => {
    expect(svgs[0]?.match(/class="range range-tails"/g), 'one run: the first day has no percentiles').toHaveLength(1);
    expect(html).toContain('1st–99th percentile');
  });

  it('says in the corridor\'s text alternative the latest SOFR, the administered rates and the percentiles', () => {
    const label = /aria-label="([^"]*)"/.exec(svgs[0] as string)?.[1];
    expect(label).toBe(
      'SOFR in the policy corridor (%), 2019-03-18 to 2019-09-17; latest SOFR 5.25 % on 2019-09-17; ON RRP rate 2.05 %, IORB 2.10 %, SRF rate —, target range 2.00 % to 2.25 %; 1st to 99th percentile 2.10 % to 9.00 %; SOFR above the SRF rate on 0 of 4 days; 1 day with an administered rate carried past its staleness limit, shaded grey.',
    );
  });

  it('dashes the carried-forward ON RRP rate but not SOFR', () => {
    expect(svgs[0]).toMatch(/class="line line-floor line-stale"/);
    expect(svgs[0]).not.toMatch(/class="line line-main line-stale"/);
  });

  it('gives the take-up chart its latest and largest values and the indicator\'s thresholds', () => {
    const label = /aria-label="([^"]*)"/.exec(svgs[1] as string)?.[1];
    expect(label).toContain('latest 53.20 bn on 2019-09-17; largest 53.20 bn on 2019-09-17; take-up on 1 of 2 reported days');
    expect(svgs[1]?.match(/<rect class="bar"/g), 'no bar for the zero day').toHaveLength(1);
  });

  it('gives an indicator chart its latest value and thresholds in words', () => {
    const label = /aria-label="([^"]*)"/.exec(svgs[2] as string)?.[1];
    expect(label).toBe('SOFR − ON RRP rate, 10-day mean (bp), 2019-03-18 to 2019-09-17; latest 48 bp on 2019-09-17; watch at or above 10 bp; stress at or above 25 bp.');
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

