import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../domain/dates.ts';
import { escapeXml, segments, staleRanges, timeChart, type ChartPoint, type TimeChartSpec } from './svg.ts';

const day = (iso: string): number => parseIsoDay(iso) as number;

function polylines(svg: string): string[][] {
  return [...svg.matchAll(/<polyline[^>]* points="([^"]*)"/g)].map((m) => (m[1] as string).split(' '));
}

const base = {
  label: 'SOFR − ON RRP',
  bands: [],
  xFrom: day('2025-05-01'),
  xTo: day('2025-10-31'),
  formatY: String,
};

/** A one-line chart of these points. */
const chart = (points: readonly ChartPoint[], extra: Partial<TimeChartSpec> = {}): string => timeChart({ ...base, lines: [{ points, tone: 'main' }], ...extra });

describe('segments', () => {
  it('splits a series at missing values and keeps every value once', () => {
    const points: ChartPoint[] = [1, null, 2, 3, null, null, 4].map((y, i) => ({ x: i, y }));
    expect(segments(points).map((run) => run.map((p) => p.y))).toEqual([[1], [2, 3], [4]]);
  });
});

describe('timeChart', () => {
  const points: ChartPoint[] = Array.from({ length: 120 }, (_, i) => ({ x: day('2025-05-02') + i, y: i === 40 ? null : 10 + Math.sin(i / 9) * 12 }));

  it('draws one svg with a polyline per run of values and one point per value', () => {
    const svg = chart(points);
    expect(svg.match(/<svg/g)).toHaveLength(1);
    const lines = polylines(svg);
    expect(lines, 'the missing day 40 splits the line in two').toHaveLength(2);
    expect(lines.flat(), '119 values').toHaveLength(119);
    for (const pt of lines.flat()) expect(pt).toMatch(/^\d+(\.\d)?,\d+(\.\d)?$/);
  });

  it('ticks the quarter-ends and month-ends above the axis', () => {
    const turns: ChartPoint[] = [
      { x: day('2025-06-30'), y: 5, turn: 'quarter' }, { x: day('2025-07-01'), y: 3 }, { x: day('2025-07-31'), y: 4, turn: 'month' },
    ];
    const svg = chart(turns);
    expect(svg.match(/class="turn turn-quarter"/g), 'one quarter-end').toHaveLength(1);
    expect(svg.match(/class="turn turn-month"/g), 'one month-end').toHaveLength(1);
    expect(svg).toContain('<title>quarter-end</title>');
    expect(chart(points), 'no calendar days marked, no ticks').not.toContain('class="turn');
  });

  it('keeps every point inside the plot area', () => {
    const svg = chart(points, { width: 500, height: 200 });
    for (const pt of polylines(svg).flat()) {
      const [x, y] = pt.split(',').map(Number) as [number, number];
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(500);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(200);
    }
  });

  it('shades the watch and stress zones and draws their thresholds beneath the line, even when the data stay below them', () => {
    const svg = chart(points.map((p) => ({ ...p, y: p.y === null ? null : p.y - 20 })), {
      bands: [
        { from: 10, to: 25, tone: 'watch', edge: 10 },
        { from: 25, to: Infinity, tone: 'stress', edge: 25 },
      ],
    });
    expect(svg).toContain('class="band band-watch"');
    expect(svg).toContain('class="band band-stress"');
    expect(svg.match(/class="threshold /g), 'a dashed line at 10 and at 25').toHaveLength(2);
    expect(svg.lastIndexOf('class="threshold '), 'drawn before the data line, so the line is on top').toBeLessThan(svg.indexOf('<polyline'));
  });

  it('draws a threshold at its true value: 25 on a 0…30 axis sits 5/6 of the way up', () => {
    const svg = chart([{ x: day('2025-06-02'), y: 0 }, { x: day('2025-06-03'), y: 28 }], { bands: [{ from: 25, to: Infinity, tone: 'stress', edge: 25 }], height: 220 });
    const y = Number(/class="threshold threshold-stress"[^>]* y1="([\d.]+)"/.exec(svg)?.[1]);
    // 0…28 padded by 6 % to 29.7: ticks 0…30; the plot runs from y = 196 (0) up to y = 10 (30): 196 − 25/30 × 186 = 41
    expect(y).toBeCloseTo(41, 0);
  });

  it('marks days computed from stale inputs with a grey column, a ribbon and a dashed line', () => {
    const svg = chart(points.map((p, i) => ({ ...p, stale: i >= 100 })));
    expect(svg.match(/class="stale"/g)).toHaveLength(1);
    expect(svg.match(/class="stale-ribbon"/g)).toHaveLength(1);
    const stale = [...svg.matchAll(/<polyline class="line line-main line-stale" points="([^"]*)"/g)];
    expect(stale, 'one dashed piece').toHaveLength(1);
    expect((stale[0]?.[1] as string).split(' '), 'days 100…119 and the fresh day 99 it joins').toHaveLength(21);
  });

  it('finds stale runs in day order across lines', () => {
    const a = [1, 2, 3, 4, 5].map((x) => ({ x, y: 1, stale: x === 2 || x === 3 }));
    const b = [1, 2, 3, 4, 5].map((x) => ({ x, y: 2, stale: x === 5 }));
    expect(staleRanges([...a, ...b])).toEqual([[2, 3], [5, 5]]);
  });

  it('fills ranges between their bounds and leaves a gap where a bound is missing', () => {
    const xs = [0, 1, 2, 3, 4].map((i) => day('2025-06-02') + i);
    const svg = timeChart({ ...base, ranges: [{ tone: 'target', points: xs.map((x, i) => ({ x, lo: i === 2 ? null : 4, hi: 4.25 })) }] });
    expect(svg.match(/<polygon class="range range-target"/g), 'two runs around the missing day').toHaveLength(2);
  });

  it('draws a bar per non-zero amount, from zero', () => {
    const xs = [0, 1, 2, 3].map((i) => day('2025-06-02') + i);
    const svg = timeChart({ ...base, bars: xs.map((x, i) => ({ x, y: [0, 5, 0, 50.35][i] as number })) });
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(2);
    expect(svg, 'the axis starts at 0').toMatch(/<text class="tick"[^>]*>0<\/text>/);
  });

  it('carries its text alternative as role="img", aria-label, title and desc', () => {
    const svg = chart(points, { label: 'SOFR − ON RRP; latest 26.9 bp', description: 'more' });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="SOFR − ON RRP; latest 26.9 bp"/);
    expect(svg).toContain('<title>SOFR − ON RRP; latest 26.9 bp</title>');
    expect(svg).toContain('<desc>more</desc>');
  });

  it('escapes every text it prints', () => {
    const svg = chart(points, { label: '<script>alert("x")</script> & co', formatY: (v: number) => `<${v}>` });
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(svg).not.toMatch(/>[^<]*<\d/);
  });

  it('says so when the period holds no value', () => {
    const svg = chart([{ x: day('2025-06-01'), y: null }]);
    expect(polylines(svg)).toHaveLength(0);
    expect(svg).toContain('no data in this period');
  });

  it('refuses an empty time span, quoting it', () => {
    expect(() => chart(points, { xTo: base.xFrom })).toThrow(/must be after/);
  });

  it('refers to nothing outside itself', () => {
    expect(chart(points)).not.toMatch(/href|src=|url\(/);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
