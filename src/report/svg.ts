/**
 * Time charts as inline SVG text, for the HTML report: a time axis, a value axis with
 * round ticks, the watch and stress zones shaded, ranges as filled areas (the target range,
 * the 1st–99th percentiles), lines and bars. Written by hand (no chart library): the page
 * must be one self-contained file a mail client shows, without script.
 *
 * Colours come twice: as presentation attributes (a client that drops <style> still draws
 * a readable light chart) and as classes the page's stylesheet recolours for dark mode.
 */
import { linearScale, monthTicks, niceTicks } from './axis.ts';

/** One observation: x is a day number (days since 1970-01-01), y null where not computable. */
export interface ChartPoint {
  readonly x: number;
  readonly y: number | null;
  /** Computed from an input past its staleness limit (carried forward). */
  readonly stale?: boolean;
  /** The turn of a quarter (or year) or of a month: the calendar days when SOFR routinely pops. */
  readonly turn?: 'quarter' | 'month';
}

/** A shaded zone of the value axis; ±Infinity reaches the edge of the plot. */
export interface Band {
  readonly from: number;
  readonly to: number;
  readonly tone: 'watch' | 'stress';
  /** The threshold the zone starts at, drawn as a dashed line and labelled. */
  readonly edge: number | null;
}

/** The line colours; the stylesheet names them by these words (`line-main`, …). */
export type LineTone = 'main' | 'floor' | 'iorb' | 'ceiling';

export interface LineSeries {
  readonly points: readonly ChartPoint[];
  readonly tone: LineTone;
}

/** A filled area between two values per day (the target range; the 1st–99th percentiles). */
export interface RangeSeries {
  readonly points: readonly { readonly x: number; readonly lo: number | null; readonly hi: number | null }[];
  readonly tone: 'target' | 'tails';
}

export interface TimeChartSpec {
  /** The text alternative: what the chart shows, its latest value and its thresholds. */
  readonly label: string;
  /** A longer description for assistive technology, if the label is not all. */
  readonly description?: string;
  /** The first line is the one the chart is about (its last value gets a dot); it is drawn on top. */
  readonly lines?: readonly LineSeries[];
  readonly ranges?: readonly RangeSeries[];
  /** Daily amounts drawn as bars from zero (SRF take-up). */
  readonly bars?: readonly ChartPoint[];
  readonly bands?: readonly Band[];
  /** The time span drawn, so every chart of a report covers the same months. */
  readonly xFrom: number;
  readonly xTo: number;
  readonly formatY: (value: number) => string;
  /** Whole-number ticks only (counts of days). */
  readonly integer?: boolean;
  readonly width?: number;
  readonly height?: number;
}

// Room for the value labels on the left and the zone names on the right; the chart's
// title and legend are HTML around it, so they stay readable when the SVG scales down.
const MARGIN = { top: 10, right: 52, bottom: 24, left: 48 };
const ZONE_FILL = { watch: '#f2b233', stress: '#d64545' } as const;
const ZONE_TEXT = { watch: '#8a5a00', stress: '#b71c1c' } as const;
const LINE_COLOUR: Record<LineTone, string> = { main: '#1f4e79', floor: '#2e7d32', iorb: '#6a1b9a', ceiling: '#c62828' };
const RANGE_FILL = { target: '#1f4e79', tails: '#00838f' } as const;
const RANGE_OPACITY = { target: 0.1, tails: 0.2 } as const;

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const r1 = (v: number): string => String(Math.round(v * 10) / 10);
const has = (y: number | null): y is number => y !== null && Number.isFinite(y);

/** Runs of consecutive points with a value: each becomes one polyline, so gaps stay gaps. */
export function segments(points: readonly ChartPoint[]): ChartPoint[][] {
  const runs: ChartPoint[][] = [];
  let current: ChartPoint[] = [];
  for (const p of points) {
    if (!has(p.y)) {
      if (current.length > 0) runs.push(current);
      current = [];
    } else {
      current.push(p);
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/**
 * A run split where staleness changes: fresh pieces and stale pieces, each stale piece
 * starting at the fresh point before it so the line stays joined.
 */
function byStaleness(run: readonly ChartPoint[]): { stale: boolean; points: ChartPoint[] }[] {
  const pieces: { stale: boolean; points: ChartPoint[] }[] = [];
  for (const p of run) {
    const stale = p.stale === true;
    const last = pieces.at(-1);
    if (last !== undefined && last.stale === stale) {
      last.points.push(p);
    } else {
      const joint = last?.points.at(-1);
      pieces.push({ stale, points: joint === undefined ? [p] : [joint, p] });
    }
  }
  return pieces;
}

/** Runs of days on which some point is stale: [first stale x, last stale x] per run, in day order. */
export function staleRanges(points: readonly ChartPoint[]): [number, number][] {
  const stale = new Set(points.filter((p) => p.stale === true && has(p.y)).map((p) => p.x));
  const days = [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  let start: number | null = null;
  let last = 0;
  for (const x of days) {
    if (stale.has(x)) {
      start ??= x;
      last = x;
    } else if (start !== null) {
      ranges.push([start, last]);
      start = null;
    }
  }
  if (start !== null) ranges.push([start, last]);
  return ranges;
}

/** The value axis: the data and every finite threshold, so a reader sees how far off the zones are. */
function yDomain(spec: TimeChartSpec): [number, number] {
  const values: number[] = [];
  for (const line of spec.lines ?? []) for (const p of line.points) if (has(p.y)) values.push(p.y);
  for (const range of spec.ranges ?? []) for (const p of range.points) for (const v of [p.lo, p.hi]) if (has(v)) values.push(v);
  if ((spec.bars ?? []).length > 0) values.push(0);
  for (const p of spec.bars ?? []) if (has(p.y)) values.push(p.y);
  for (const b of spec.bands ?? []) if (b.edge !== null && Number.isFinite(b.edge)) values.push(b.edge);
  if (values.length === 0) return [0, 1];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = (max - min) * 0.06;
  // Padding never crosses zero: a count or a level that cannot be negative gets no −2 tick.
  return [min >= 0 ? Math.max(0, min - pad) : min - pad, max <= 0 ? Math.min(0, max + pad) : max + pad];
}

/** One chart as an `<svg>` element. Every text is escaped; nothing refers outside the element. */
export function timeChart(spec: TimeChartSpec): string {
  const width = spec.width ?? 480;
  const height = spec.height ?? 220;
  if (!(spec.xTo > spec.xFrom)) throw new RangeError(`timeChart: xTo (${spec.xTo}) must be after xFrom (${spec.xFrom})`);
  const lines = spec.lines ?? [];
  const bands = spec.bands ?? [];
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const [lo, hi] = yDomain(spec);
  const ticks = niceTicks(lo, hi, 5, spec.integer === true);
  const y0 = ticks[0] as number;
  const y1 = ticks.at(-1) as number;
  const sx = linearScale(spec.xFrom, spec.xTo, left, right);
  const sy = linearScale(y0, y1, bottom, top);
  const clampY = (v: number): number => Math.min(bottom, Math.max(top, sy(Math.min(y1, Math.max(y0, v)))));
  const out: string[] = [];
  const label = escapeXml(spec.label);
  out.push(`<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${label}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" font-size="11">`);
  out.push(`<title>${label}</title>`);
  if (spec.description !== undefined) out.push(`<desc>${escapeXml(spec.description)}</desc>`);

  for (const band of bands) {
    const a = clampY(band.to);
    const b = clampY(band.from);
    if (b - a <= 0) continue;
    out.push(`<rect class="band band-${band.tone}" x="${left}" y="${r1(a)}" width="${r1(right - left)}" height="${r1(b - a)}" fill="${ZONE_FILL[band.tone]}" fill-opacity="0.16"/>`);
  }
  // Days computed from a stale input: a grey column over the plot and a ribbon under the
  // axis. What the line shows there is a carried-forward value, not news.
  const halfDay = (sx(spec.xFrom + 1) - sx(spec.xFrom)) / 2;
  for (const [from, to] of staleRanges([...lines.flatMap((l) => l.points), ...(spec.bars ?? [])])) {
    const x = Math.max(left, sx(from) - halfDay);
    const w = Math.max(3, Math.min(right, sx(to) + halfDay) - x);
    out.push(`<rect class="stale" x="${r1(x)}" y="${top}" width="${r1(w)}" height="${r1(bottom - top)}" fill="#8a8f98" fill-opacity="0.14"/>`);
    out.push(`<rect class="stale-ribbon" x="${r1(x)}" y="${bottom + 1}" width="${r1(w)}" height="4" fill="#6b7079"/>`);
  }

  // Short ticks above the axis at each quarter-end (taller) and month-end: a spike on one
  // of them is the calendar, a spike between them is not.
  for (const p of lines[0]?.points ?? []) {
    if (p.turn === undefined) continue;
    const x = r1(sx(p.x));
    const h = p.turn === 'quarter' ? 12 : 6;
    out.push(`<line class="turn turn-${p.turn}" x1="${x}" x2="${x}" y1="${bottom - h}" y2="${bottom}" stroke="#7b4fb0" stroke-width="2"><title>${p.turn}-end</title></line>`);
  }

  for (const t of ticks) {
    const y = r1(sy(t));
    out.push(`<line class="grid" x1="${left}" x2="${r1(right)}" y1="${y}" y2="${y}" stroke="#e3e5e8"/>`);
    out.push(`<text class="tick" x="${left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle" fill="#545b64">${escapeXml(spec.formatY(t))}</text>`);
  }
  for (const t of monthTicks(spec.xFrom, spec.xTo)) {
    const x = r1(sx(t.x));
    out.push(`<line class="grid" x1="${x}" x2="${x}" y1="${top}" y2="${bottom}" stroke="#e3e5e8"/>`);
    out.push(`<text class="tick" x="${x}" y="${bottom + 17}" text-anchor="middle" fill="#545b64">${escapeXml(t.label)}</text>`);
  }

  for (const range of spec.ranges ?? []) {
    for (const run of rangeRuns(range.points)) {
      const upper = run.map((p) => `${r1(sx(p.x))},${r1(clampY(p.hi))}`);
      const lower = run.map((p) => `${r1(sx(p.x))},${r1(clampY(p.lo))}`).reverse();
      out.push(`<polygon class="range range-${range.tone}" points="${[...upper, ...lower].join(' ')}" fill="${RANGE_FILL[range.tone]}" fill-opacity="${RANGE_OPACITY[range.tone]}"/>`);
    }
  }

  const bars = (spec.bars ?? []).filter((p) => has(p.y) && p.y !== 0);
  const barWidth = Math.max(2, halfDay * 1.6);
  for (const p of bars) {
    const yTop = clampY(Math.max(0, p.y as number));
    const yBottom = clampY(Math.min(0, p.y as number));
    out.push(`<rect class="bar${p.stale === true ? ' bar-stale' : ''}" x="${r1(sx(p.x) - barWidth / 2)}" y="${r1(yTop)}" width="${r1(barWidth)}" height="${r1(Math.max(1, yBottom - yTop))}" fill="${LINE_COLOUR.main}"/>`);
  }

  out.push(`<line class="axis" x1="${left}" x2="${r1(right)}" y1="${bottom}" y2="${bottom}" stroke="#8a9099"/>`);
  out.push(`<line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="#8a9099"/>`);

  // Threshold lines beneath the data, named right of the plot where no data is drawn.
  for (const band of bands) {
    if (band.edge === null || band.edge < y0 || band.edge > y1) continue;
    const y = r1(sy(band.edge));
    out.push(`<line class="threshold threshold-${band.tone}" x1="${left}" x2="${r1(right)}" y1="${y}" y2="${y}" stroke="${ZONE_FILL[band.tone]}" stroke-width="1.5" stroke-dasharray="5 3"/>`);
    out.push(`<text class="threshold-label threshold-label-${band.tone}" x="${r1(right + 4)}" y="${y}" dominant-baseline="middle" fill="${ZONE_TEXT[band.tone]}">${band.tone}</text>`);
  }

  // The first line is the data the chart is about: drawn last, on top of the others.
  for (const line of [...lines].reverse()) {
    const width = line.tone === 'main' ? 2 : 1.5;
    for (const run of segments(line.points)) {
      for (const piece of byStaleness(run)) {
        const pts = piece.points.map((p) => `${r1(sx(p.x))},${r1(sy(p.y as number))}`).join(' ');
        const dash = piece.stale ? ' stroke-dasharray="2 3"' : '';
        out.push(`<polyline class="line line-${line.tone}${piece.stale ? ' line-stale' : ''}" points="${pts}" fill="none" stroke="${LINE_COLOUR[line.tone]}" stroke-width="${width}" stroke-linejoin="round"${dash}/>`);
      }
    }
  }
  const main = lines[0];
  const last = main === undefined ? undefined : [...main.points].reverse().find((p) => has(p.y));
  if (last === undefined && bars.length === 0) {
    out.push(`<text class="empty tick" x="${r1((left + right) / 2)}" y="${r1((top + bottom) / 2)}" text-anchor="middle" fill="#545b64">no data in this period</text>`);
  } else if (last !== undefined && main !== undefined) {
    out.push(`<circle class="last line-${main.tone}" cx="${r1(sx(last.x))}" cy="${r1(sy(last.y as number))}" r="3" fill="${LINE_COLOUR[main.tone]}"/>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

/** Runs of consecutive days where both ends of a range are known. */
function rangeRuns(points: RangeSeries['points']): { x: number; lo: number; hi: number }[][] {
  const runs: { x: number; lo: number; hi: number }[][] = [];
  let current: { x: number; lo: number; hi: number }[] = [];
  for (const p of points) {
    if (has(p.lo) && has(p.hi)) {
      current.push({ x: p.x, lo: p.lo, hi: p.hi });
    } else if (current.length > 0) {
      runs.push(current);
      current = [];
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}
