import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../domain/dates.ts';
import { escapeXml, lineChart, linearScale, monthTicks, niceTicks, segments, type ChartPoint } from './svg.ts';

const day = (iso: string): number => parseIsoDay(iso) as number;

function polylines(svg: string): string[][] {
  return [...svg.matchAll(/<polyline[^>]* points="([^"]*)"/g)].map((m) => (m[1] as string).split(' '));
}

const base = {
  title: 'SOFR − ON RRP',
  bands: [],
  xFrom: day('2025-05-01'),
  xTo: day('2025-10-31'),
  formatY: String,
};

describe('linearScale', () => {
  it('maps the ends of the domain onto the ends of the range, inverted for a y axis', () => {
    const y = linearScale(0, 50, 200, 30);
    expect(y(0)).toBe(200);
    expect(y(50)).toBe(30);
    expect(y(25), 'half way: (200 + 30) / 2').toBe(115);
  });

  it('maps a zero-width domain to the middle of the range', () => {
    expect(linearScale(3, 3, 0, 100)(3)).toBe(50);
  });
});

describe('niceTicks', () => {
  it('gives round steps that cover the data: −12.7…26.9 bp in steps of 10', () => {
    expect(niceTicks(-12.7, 26.9, 5)).toEqual([-20, -10, 0, 10, 20, 30]);
  });

  it('prints decimal steps without binary noise', () => {
    expect(niceTicks(9.2, 10.2, 5)).toEqual([9.2, 9.4, 9.6, 9.8, 10, 10.2]);
  });

  it('widens a flat series around its value', () => {
    const ticks = niceTicks(0, 0);
    expect(ticks[0]).toBeLessThan(0);
    expect(ticks.at(-1)).toBeGreaterThan(0);
  });

  it('throws on bounds that are not finite, quoting them', () => {
    expect(() => niceTicks(0, Infinity)).toThrow(/0 and Infinity/);
  });

  it('always starts at or below min, ends at or above max, in equal steps', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (lo, span) => {
        const ticks = niceTicks(lo, lo + span, 5);
        // Ticks are rounded to the step's precision, so "at or below" holds to a millionth of a step
        // (lo = −1e-9 with steps of 1 may start at 0).
        const step = ticks.length > 1 ? (ticks[1] as number) - (ticks[0] as number) : 1;
        expect(ticks[0] as number).toBeLessThanOrEqual(lo + Math.abs(lo) * 1e-9 + step * 1e-6);
        expect(ticks.at(-1) as number).toBeGreaterThanOrEqual(lo + span - Math.abs(lo + span) * 1e-9 - step * 1e-6);
        expect(ticks.length).toBeLessThanOrEqual(12);
        const steps = ticks.slice(1).map((t, i) => t - (ticks[i] as number));
        for (const s of steps) expect(Math.abs(s - (steps[0] as number))).toBeLessThanOrEqual(Math.abs(steps[0] as number) * 1e-6);
      }),
    );
  });
});

describe('monthTicks', () => {
  it('puts a tick on the first of every month inside the span, naming January with its year', () => {
    const ticks = monthTicks(day('2025-11-15'), day('2026-03-10'));
    expect(ticks.map((t) => t.label)).toEqual(['Dec', 'Jan 2026', 'Feb', 'Mar']);
    expect(ticks[0]?.x).toBe(day('2025-12-01'));
  });
});

describe('segments', () => {
  it('splits a series at missing values and keeps every value once', () => {
    const points: ChartPoint[] = [1, null, 2, 3, null, null, 4].map((y, i) => ({ x: i, y }));
    expect(segments(points).map((run) => run.map((p) => p.y))).toEqual([[1], [2, 3], [4]]);
  });
});

describe('lineChart', () => {
  const points: ChartPoint[] = Array.from({ length: 120 }, (_, i) => ({ x: day('2025-05-02') + i, y: i === 40 ? null : 10 + Math.sin(i / 9) * 12 }));

  it('draws one svg with a polyline per run of values and one point per value', () => {
    const svg = lineChart({ ...base, points });
    expect(svg.match(/<svg/g)).toHaveLength(1);
    const lines = polylines(svg);
    expect(lines, 'the missing day 40 splits the line in two').toHaveLength(2);
    expect(lines.flat(), '119 values').toHaveLength(119);
    for (const pt of lines.flat()) expect(pt).toMatch(/^\d+(\.\d)?,\d+(\.\d)?$/);
  });

  it('keeps every point inside the plot area', () => {
    const svg = lineChart({ ...base, points, width: 500, height: 200 });
    for (const pt of polylines(svg).flat()) {
      const [x, y] = pt.split(',').map(Number) as [number, number];
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(500);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(200);
    }
  });

  it('shades the watch and stress zones and draws their thresholds, even when the data stay below them', () => {
    const svg = lineChart({
      ...base,
      points: points.map((p) => ({ ...p, y: p.y === null ? null : p.y - 20 })),
      bands: [
        { from: 10, to: 25, tone: 'watch', edge: 10 },
        { from: 25, to: Infinity, tone: 'stress', edge: 25 },
      ],
    });
    expect(svg).toContain('class="band band-watch"');
    expect(svg).toContain('class="band band-stress"');
    expect(svg.match(/class="threshold /g), 'a dashed line at 10 and at 25').toHaveLength(2);
  });

  it('marks days computed from stale inputs with a ribbon', () => {
    const svg = lineChart({ ...base, points: points.map((p, i) => ({ ...p, stale: i >= 100 })) });
    expect(svg.match(/class="stale"/g)).toHaveLength(1);
  });

  it('escapes every text it prints', () => {
    const svg = lineChart({ ...base, title: '<script>alert("x")</script> & co', points, formatY: (v) => `<${v}>` });
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(svg).not.toMatch(/>[^<]*<\d/);
  });

  it('says so when the period holds no value', () => {
    const svg = lineChart({ ...base, points: [{ x: day('2025-06-01'), y: null }] });
    expect(polylines(svg)).toHaveLength(0);
    expect(svg).toContain('no data in this period');
  });

  it('refuses an empty time span, quoting it', () => {
    expect(() => lineChart({ ...base, points, xTo: base.xFrom })).toThrow(/must be after/);
  });

  it('refers to nothing outside itself', () => {
    const svg = lineChart({ ...base, points });
    expect(svg).not.toMatch(/href|src=|url\(/);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
