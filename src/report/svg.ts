/**
 * Line charts as inline SVG text, for the HTML report: a time axis, a value axis with
 * round ticks, the watch and stress zones shaded, and the series as polylines. Written by
 * hand (no chart library): the page must be one self-contained file a mail client shows.
 */
import { civilFromDay, dayFromCivil } from '../domain/dates.ts';

/** One observation: x is a day number (days since 1970-01-01), y null where not computable. */
export interface ChartPoint {
  readonly x: number;
  readonly y: number | null;
  /** Computed from an input past its staleness limit (carried forward). */
  readonly stale?: boolean;
}

/** A shaded zone of the value axis; ±Infinity reaches the edge of the plot. */
export interface Band {
  readonly from: number;
  readonly to: number;
  readonly tone: 'watch' | 'stress';
  /** The threshold the zone starts at, drawn as a dashed line and labelled. */
  readonly edge: number | null;
}

export interface LineChartSpec {
  readonly title: string;
  readonly points: readonly ChartPoint[];
  readonly bands: readonly Band[];
  /** The time span drawn, so every chart of a report covers the same months. */
  readonly xFrom: number;
  readonly xTo: number;
  readonly formatY: (value: number) => string;
  /** The last value's label, with its unit ("26.9 bp"); formatY if not given. */
  readonly formatLast?: (value: number) => string;
  readonly width?: number;
  readonly height?: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MARGIN = { top: 30, right: 64, bottom: 24, left: 52 };
const TONE_FILL = { watch: '#f2b233', stress: '#d64545' } as const;

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps to the middle of the range. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/**
 * Round tick values covering [min, max]: steps of 1, 2, 2.5 or 5 × 10^n, about `count`
 * of them. The first tick is at or below min and the last at or above max, so the axis
 * ends on labelled values.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new RangeError(`niceTicks: bounds must be finite, got ${min} and ${max}`);
  if (count < 1) throw new RangeError(`niceTicks: count "${count}" must be ≥ 1`);
  if (min > max) [min, max] = [max, min];
  // A span below double precision at this magnitude (or below 1e-12) is flat: steps would not move v.
  if (max - min <= Math.max(Math.abs(min), Math.abs(max), 1e-3) * 1e-9) {
    const pad = Math.abs(min) < 1e-6 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const first = Math.floor(min / step + 1e-9) * step;
  const ticks: number[] = [];
  // Rounded to the step's precision so 0.1 + 0.2 does not print as 0.30000000000000004.
  const digits = Math.min(20, Math.max(0, -Math.floor(Math.log10(step)) + 2));
  for (let v = first; v <= max + step * 1e-9 || ticks.length === 0; v += step) ticks.push(Number(v.toFixed(digits)));
  if ((ticks.at(-1) as number) < max - step * 1e-9) ticks.push(Number(((ticks.at(-1) as number) + step).toFixed(digits)));
  return ticks;
}

/** The first day of each month after `from` up to `to`, as day numbers, with short labels. */
export function monthTicks(from: number, to: number): { x: number; label: string }[] {
  const ticks: { x: number; label: string }[] = [];
  let { y, m } = civilFromDay(from);
  for (;;) {
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
    const day = dayFromCivil(y, m, 1);
    if (day > to) break;
    ticks.push({ x: day, label: m === 1 ? `${MONTHS[0]} ${y}` : (MONTHS[m - 1] as string) });
  }
  return ticks;
}


const r1 = (v: number): string => String(Math.round(v * 10) / 10);

/** Runs of consecutive points with a value: each becomes one polyline, so gaps stay gaps. */
export function segments(points: readonly ChartPoint[]): ChartPoint[][] {
  const runs: ChartPoint[][] = [];
  let current: ChartPoint[] = [];
  for (const p of points) {
    if (p.y === null || !Number.isFinite(p.y)) {
      if (current.length > 0) runs.push(current);
      current = [];
    } else {
      current.push(p);
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/** Day ranges where points are stale: [first stale x, last stale x] per run. */
function staleRanges(points: readonly ChartPoint[]): [number, number][] {
  const ranges: [number, number][] = [];
  let start: number | null = null;
  let last = 0;
  for (const p of points) {
    if (p.stale === true && p.y !== null) {
      start ??= p.x;
      last = p.x;
    } else if (start !== null) {
      ranges.push([start, last]);
      start = null;
    }
  }
  if (start !== null) ranges.push([start, last]);
  return ranges;
}

/** The value axis: the data and every finite threshold, so a reader sees how far off the zones are. */
function yDomain(points: readonly ChartPoint[], bands: readonly Band[]): [number, number] {
  const values = points.flatMap((p) => (p.y === null || !Number.isFinite(p.y) ? [] : [p.y]));
  for (const b of bands) if (b.edge !== null && Number.isFinite(b.edge)) values.push(b.edge);
  if (values.length === 0) return [0, 1];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = (max - min) * 0.06;
  // Padding never crosses zero: a count or a level that cannot be negative gets no −2 tick.
  return [min >= 0 ? Math.max(0, min - pad) : min - pad, max <= 0 ? Math.min(0, max + pad) : max + pad];
}

/** One chart as an `<svg>` element. Every text is escaped; nothing refers outside the element. */
export function lineChart(spec: LineChartSpec): string {
  const width = spec.width ?? 540;
  const height = spec.height ?? 230;
  if (!(spec.xTo > spec.xFrom)) throw new RangeError(`lineChart: xTo (${spec.xTo}) must be after xFrom (${spec.xFrom})`);
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const [lo, hi] = yDomain(spec.points, spec.bands);
  const ticks = niceTicks(lo, hi, 5);
  const y0 = ticks[0] as number;
  const y1 = ticks.at(-1) as number;
  const sx = linearScale(spec.xFrom, spec.xTo, left, right);
  const sy = linearScale(y0, y1, bottom, top);
  const clampY = (v: number): number => Math.min(bottom, Math.max(top, sy(Math.min(y1, Math.max(y0, v)))));
  const out: string[] = [];
  const title = escapeXml(spec.title);
  // Presentation attributes, not only CSS: a mail client that drops <style> still draws it.
  out.push(`<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${title}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" font-size="11">`);
  out.push(`<title>${title}</title>`);
  out.push(`<text class="chart-title" x="${left}" y="18" font-size="13" font-weight="600" fill="#1d2329">${title}</text>`);

  for (const band of spec.bands) {
    const a = clampY(band.to);
    const b = clampY(band.from);
    if (b - a <= 0) continue;
    out.push(`<rect class="band band-${band.tone}" x="${left}" y="${r1(a)}" width="${r1(right - left)}" height="${r1(b - a)}" fill="${TONE_FILL[band.tone]}" fill-opacity="0.16"/>`);
  }
  // A grey ribbon under the axis marks days computed from a stale input: the line there
  // is a carried-forward value, not news. A ribbon, not a shade, so the zones stay legible.
  for (const [from, to] of staleRanges(spec.points)) {
    const x = sx(from);
    const w = Math.max(2, sx(to) - x);
    out.push(`<rect class="stale" x="${r1(x)}" y="${bottom + 1}" width="${r1(w)}" height="4" fill="#8a8f98"><title>stale input</title></rect>`);
  }

  for (const t of ticks) {
    const y = r1(sy(t));
    out.push(`<line class="grid" x1="${left}" x2="${r1(right)}" y1="${y}" y2="${y}" stroke="#e3e5e8"/>`);
    out.push(`<text class="tick" x="${left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle" fill="#5f6670">${escapeXml(spec.formatY(t))}</text>`);
  }
  for (const t of monthTicks(spec.xFrom, spec.xTo)) {
    const x = r1(sx(t.x));
    out.push(`<line class="grid" x1="${x}" x2="${x}" y1="${top}" y2="${bottom}" stroke="#eef0f2"/>`);
    out.push(`<text class="tick" x="${x}" y="${bottom + 17}" text-anchor="middle" fill="#5f6670">${escapeXml(t.label)}</text>`);
  }
  out.push(`<line class="axis" x1="${left}" x2="${r1(right)}" y1="${bottom}" y2="${bottom}" stroke="#9aa0a6"/>`);
  out.push(`<line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="#9aa0a6"/>`);

  // Threshold lines with their value, right of the plot where no data is drawn.
  for (const band of spec.bands) {
    if (band.edge === null || band.edge < y0 || band.edge > y1) continue;
    const y = r1(sy(band.edge));
    out.push(`<line class="threshold threshold-${band.tone}" x1="${left}" x2="${r1(right)}" y1="${y}" y2="${y}" stroke="${TONE_FILL[band.tone]}" stroke-dasharray="4 3"/>`);
    out.push(`<text class="threshold-label" x="${r1(right + 4)}" y="${y}" dominant-baseline="middle" fill="${TONE_FILL[band.tone]}">${band.tone}</text>`);
  }

  for (const run of segments(spec.points)) {
    const pts = run.map((p) => `${r1(sx(p.x))},${r1(sy(p.y as number))}`).join(' ');
    out.push(`<polyline class="line" points="${pts}" fill="none" stroke="#1f4e79" stroke-width="1.8" stroke-linejoin="round"/>`);
  }
  const last = [...spec.points].reverse().find((p) => p.y !== null && Number.isFinite(p.y));
  if (last === undefined) {
    out.push(`<text class="empty" x="${r1((left + right) / 2)}" y="${r1((top + bottom) / 2)}" text-anchor="middle" fill="#5f6670">no data in this period</text>`);
  } else {
    const x = sx(last.x);
    const y = sy(last.y as number);
    out.push(`<circle cx="${r1(x)}" cy="${r1(y)}" r="3" fill="#1f4e79"/>`);
    // On the title's line at the far right, clear of the plot and of the threshold labels.
    out.push(`<text class="last" x="${width - 4}" y="18" text-anchor="end" font-weight="600" fill="#1f4e79">last ${escapeXml((spec.formatLast ?? spec.formatY)(last.y as number))}</text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}
