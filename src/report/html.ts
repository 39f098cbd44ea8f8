/**
 * The daily report as one self-contained HTML page: inline CSS and inline SVG charts, no
 * script and no external asset, so it can be mailed, archived or opened offline and
 * looks the same in ten years. Every piece of text from data or config is escaped.
 *
 * For every reader: light and dark colours by `prefers-color-scheme`, a print stylesheet
 * (white paper, headings kept with what follows), tables that scroll inside their own box
 * on a phone, text and badges at WCAG AA contrast (4.5:1) in both schemes, and each chart
 * with a text alternative that gives its latest value and thresholds.
 */
import { asOfNote } from './day-words.ts';
import { parseIsoDay } from '../domain/dates.ts';
import { grouped } from '../domain/grouped.ts';
import type { Comparison } from '../engine/compare.ts';
import type { CorridorPoint, CorridorRate, TakeUpPoint } from '../engine/corridor.ts';
import { metricUnit } from '../engine/indicators/index.ts';
import type { Assessment, Level, LevelPair } from '../engine/types.ts';
import { COMPARISON_SIGNS, COMPARISON_WORDS } from './comparison.ts';
import { unitText, VERSUS } from './compare.ts';
import type { ChartData, DailyReport } from '../engine/daily-report.ts';
import { changeHeadline, dataWarnings, notableMoves, statusChanges } from './daily.ts';
import { flagged, indicatorCells } from './display.ts';
import { bn, DASH, metricText, takeUp, valueText } from './format.ts';
import { ageText, metricWords, plural, reasonText } from './words.ts';
import { COVERAGE_HEAD, coverageRows } from './markdown.ts';
import { escapeXml, timeChart, type Band, type ChartPoint, type LineTone } from './svg.ts';
import { visible } from '../domain/visible.ts';
import { NO_OUTLOOK, outlookSentences, outlookSummary } from './outlook.ts';

/*
 * Colours, each pair checked at ≥ 4.5:1 for text (the real-browser test measures them):
 * light text #1d2329 / muted #545b64 on #ffffff; dark text #e6edf3 / muted #9da7b3 on
 * #161b22. Badges carry their own background, the same in both schemes.
 */
const STYLE = `
:root {
  color-scheme: light dark;
  --page: #eef0f3; --paper: #ffffff; --text: #1d2329; --muted: #545b64; --rule: #e3e5e8;
  --head: #f3f4f6; --flag: #fff6df; --link: #1f4e79;
  --main: #1f4e79; --floor: #2e7d32; --iorb: #6a1b9a; --ceiling: #c62828;
  --target: #1f4e79; --tails: #00838f; --grid: #e3e5e8; --axis: #8a9099; --tick: #545b64;
  --watch-text: #8a5a00; --stress-text: #b71c1c; --stale: #8a8f98;
}
@media (prefers-color-scheme: dark) {
  :root {
    --page: #0d1117; --paper: #161b22; --text: #e6edf3; --muted: #9da7b3; --rule: #30363d;
    --head: #21262d; --flag: #2b2411; --link: #79b8ff;
    --main: #79b8ff; --floor: #7ee787; --iorb: #d2a8ff; --ceiling: #ff7b72;
    --target: #79b8ff; --tails: #39c5cf; --grid: #30363d; --axis: #6e7681; --tick: #9da7b3;
    --watch-text: #f2cc60; --stress-text: #ff9a92; --stale: #9da7b3;
  }
}
body { margin: 0; background: var(--page); color: var(--text); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1140px; margin: 0 auto; padding: 24px 32px 40px; background: var(--paper); }
h1 { font-size: 22px; line-height: 1.25; margin: 0 0 8px; }
h2 { font-size: 18px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
p { margin: 6px 0; }
ul { margin: 6px 0; padding-left: 20px; }
.headline { font-size: 16px; font-weight: 600; margin: 4px 0 12px; }
.status { display: inline-block; min-width: 44px; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 700; text-align: center; text-transform: uppercase; }
.overall .status { font-size: 15px; padding: 3px 12px; }
.s-ok { background: #2e7d32; color: #fff; } .s-watch { background: #f2b233; color: #1d2329; } .s-stress { background: #c62828; color: #fff; }
.s-info { background: #1565c0; color: #fff; } .s-unavailable { background: #5f6670; color: #fff; } .s-unknown { background: #6a1b9a; color: #fff; }
.table-box { overflow-x: auto; max-width: 100%; }
.table-box:focus-visible { outline: 2px solid var(--link); }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.date { white-space: nowrap; }
tr.flag td { background: var(--flag); }
.charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 14px; }
figure { margin: 0; padding: 8px; border: 1px solid var(--rule); border-radius: 6px; min-width: 0; }
figcaption { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 2px 12px; padding: 0 2px 4px; }
.chart-title { font-weight: 600; }
.chart-last { font-weight: 600; color: var(--main); }
.legend { color: var(--muted); font-size: 13px; margin: 4px 2px 0; }
.legend .nowrap { margin-right: 12px; }
.key { display: inline-block; width: 16px; height: 0; border-top: 3px solid currentColor; vertical-align: middle; margin-right: 4px; }
.key-area { height: 10px; border: 0; opacity: 0.45; background: currentColor; }
.key-stale { height: 10px; border: 0; background: var(--stale); opacity: 0.5; }
.k-main { color: var(--main); } .k-floor { color: var(--floor); } .k-iorb { color: var(--iorb); } .k-ceiling { color: var(--ceiling); }
.k-target { color: var(--target); } .k-tails { color: var(--tails); }
svg.chart { display: block; width: 100%; height: auto; }
svg.chart .tick, svg.chart .empty { fill: var(--tick); }
svg.chart .grid { stroke: var(--grid); }
svg.chart .axis { stroke: var(--axis); }
svg.chart .line-main { stroke: var(--main); } svg.chart circle.line-main, svg.chart .bar { fill: var(--main); }
svg.chart .line-floor { stroke: var(--floor); } svg.chart .line-iorb { stroke: var(--iorb); } svg.chart .line-ceiling { stroke: var(--ceiling); }
svg.chart .range-target { fill: var(--target); } svg.chart .range-tails { fill: var(--tails); }
svg.chart .threshold-label-watch { fill: var(--watch-text); } svg.chart .threshold-label-stress { fill: var(--stress-text); }
svg.chart .stale, svg.chart .stale-ribbon { fill: var(--stale); }
.muted { color: var(--muted); }
.nowrap { white-space: nowrap; }
footer { margin-top: 30px; color: var(--muted); font-size: 13px; }
@media (max-width: 760px) {
  .charts { grid-template-columns: minmax(0, 1fr); }
  main { padding: 16px; }
  /* The SVG scales down to the phone's width; larger type in its own units keeps ~11 px on screen. */
  svg.chart { font-size: 15px; }
  /* Tables keep a readable width and scroll in their box rather than squeeze every column. */
  .table-box table { min-width: 560px; }
  /* The indicators read as cards: the title, then one "heading  value" line per cell. */
  .cards table { min-width: 0; }
  .cards table, .cards tbody, .cards tr, .cards td { display: block; }
  .cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .cards tr { border-bottom: 1px solid var(--rule); padding: 6px 0; }
  .cards td { display: grid; grid-template-columns: 5.5em minmax(0, 1fr); gap: 8px; border: 0; padding: 1px 8px; text-align: left; white-space: normal; }
  .cards td::before { content: attr(data-label); color: var(--muted); }
  .cards .status { justify-self: start; }
  .cards td:first-child { display: block; font-weight: 700; padding-top: 4px; }
  .cards td:first-child::before { content: none; }
}
@media print {
  :root {
    color-scheme: light;
    --page: #fff; --paper: #fff; --text: #000; --muted: #3d434a; --rule: #c9ccd1; --head: #fff; --flag: #fff;
    --main: #1f4e79; --floor: #2e7d32; --iorb: #6a1b9a; --ceiling: #c62828; --target: #1f4e79; --tails: #00838f;
    --grid: #dcdfe3; --axis: #6b7079; --tick: #3d434a; --watch-text: #8a5a00; --stress-text: #b71c1c; --stale: #8a8f98;
  }
  body { background: #fff; font-size: 11pt; }
  /* Eight columns on A4: smaller type so the reasons are not one word a line. */
  table { font-size: 8.5pt; }
  th, td { padding: 3px 5px; }
  main { max-width: none; padding: 0; }
  h1, h2, figcaption, .headline { break-after: avoid; page-break-after: avoid; }
  h2 { break-inside: avoid; }
  figure, tr, .overall, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .table-box { overflow: visible; }
  .charts { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .status { print-color-adjust: exact; -webkit-print-color-adjust: exact; border: 1px solid #000; }
}
`;

const e = escapeXml;

/**
 * Escaped prose whose dates never break: a narrow screen broke "2019-09-16" after a
 * hyphen in the middle of a sentence. The text itself keeps plain hyphens (copy, search).
 */
function prose(text: string): string {
  return e(text).replace(/\b\d{4}-\d{2}(?:-\d{2})?\b/g, '<span class="nowrap">$&</span>');
}

function pill(status: string): string {
  const label = status === 'unavailable' ? 'n/a' : status;
  return `<span class="status s-${e(status)}">${e(label)}</span>`;
}

/** Markup built here (a status pill); every other cell is text and gets escaped. */
interface Markup {
  readonly html: string;
}
type Cell = string | Markup;

/** How a table's columns read: right-aligned numbers, unbroken dates; `cards` reflows it on a phone. */
interface TableLayout {
  readonly numeric?: readonly number[];
  readonly dates?: readonly number[];
  readonly rowClass?: (i: number) => string;
  /** On a narrow screen, each row becomes a card of "heading: value" lines instead of a scrolling table. */
  readonly cards?: boolean;
}

/**
 * A table in its own horizontally scrolling box, so a narrow screen scrolls the table and
 * not the page; the box is focusable so a keyboard can scroll it too. Each cell carries
 * its column's heading for the card layout of a phone.
 */
function table(label: string, head: readonly string[], rows: readonly (readonly Cell[])[], layout: TableLayout = {}): string {
  const { numeric = [], dates = [], rowClass = () => '' } = layout;
  const th = head.map((h) => `<th scope="col">${e(h)}</th>`).join('');
  const cellClass = (j: number): string => (numeric.includes(j) ? ' class="num"' : dates.includes(j) ? ' class="date"' : '');
  const body = rows
    .map((cells, i) => {
      const cls = rowClass(i);
      const tds = cells.map((c, j) => `<td${cellClass(j)} data-label="${e(head[j] ?? '')}">${typeof c === 'string' ? e(c) : c.html}</td>`).join('');
      return `<tr${cls === '' ? '' : ` class="${cls}"`}>${tds}</tr>`;
    })
    .join('\n');
  const box = layout.cards === true ? 'table-box cards' : 'table-box';
  return `<div class="${box}" role="region" aria-label="${e(label)}" tabindex="0">\n<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>\n</div>`;
}

function indicatorsTable(a: Assessment): string {
  const rows = a.indicators.map((r) => {
    const { value, change, watch, stress, inputs } = indicatorCells(r);
    const data = r.stale.length > 0 ? `${inputs} (stale)` : inputs;
    return [r.title, value, change, watch, stress, { html: pill(r.status) }, data, reasonText(r)];
  });
  const flaggedRow = (i: number): string => (a.indicators[i]?.status === 'watch' || a.indicators[i]?.status === 'stress' ? 'flag' : '');
  return table('Indicators', ['Indicator', 'Value', 'Change', 'Watch', 'Stress', 'Status', 'Data', 'Why'], rows, { numeric: [1, 2], rowClass: flaggedRow, dates: [6], cards: true });
}

function changesSection(report: DailyReport): string {
  const changes = report.changes;
  if (changes === null) return `<h2>What changed</h2>\n<p class="muted">The data hold no business day before the as-of date to compare with.</p>`;
  const a = report.assessment;
  const items: string[] = [
    changes.statusChanged
      ? `<li>Overall status: ${pill(changes.previousStatus)} → ${pill(a.status)}</li>`
      : `<li>Overall status unchanged: ${pill(a.status)}</li>`,
  ];
  const moved = statusChanges(changes);
  if (moved.length === 0) items.push('<li>No indicator changed status.</li>');
  for (const line of moved) items.push(`<li>${e(line)}</li>`);
  const rows = notableMoves(changes);
  const movesTable = rows.length === 0
    ? '<p class="muted">No thresholded metric moved.</p>'
    : table('Moves since the previous business day', ['Indicator', 'Measure', changes.previousAsOf, a.asOf, 'Change'], rows.map((r) => [r.title, r.metric, r.before, r.now, r.change]), { numeric: [2, 3, 4] });
  return `<h2>What changed since ${e(changes.previousAsOf)}</h2>\n<ul>\n${items.join('\n')}\n</ul>\n${movesTable}`;
}

function warningsSection(a: Assessment): string {
  const w = dataWarnings(a);
  const items = [...w.unavailable.map((l) => `<li><strong>unavailable</strong> ${prose(l)}</li>`), ...w.stale.map((l) => `<li><strong>stale</strong> ${prose(l)}</li>`)];
  const list = items.length === 0 ? '<p>Every indicator was computed from inputs within their staleness limits.</p>' : `<ul>\n${items.join('\n')}\n</ul>`;
  const notes = w.notes.map((n) => `<p class="muted">${prose(n)}</p>`).join('\n');
  return `<h2>Stale or unavailable inputs</h2>\n${list}\n${notes}`;
}

/** Where the episode's reference values come from, in words (the bundled one names the script that made it). */
function referenceText(source: string): string {
  return source.replace(/^liq scripts\/[\w.-]+ from /, 'computed by liq from ');
}

function comparisonSection(c: { result: Comparison; source: string }): string {
  const r = c.result;
  const rows: Cell[][] = [
    ['Overall status', { html: pill(r.now.status) }, { html: pill(r.eve.status) }, { html: pill(r.spike.status) }, ''],
    ...r.rows.map((row) => [row.label, unitText(row, row.now), unitText(row, row.eve), unitText(row, row.spike), row.versusEve === null ? DASH : VERSUS[row.versusEve]]),
  ];
  return [
    `<h2>Compared with ${e(visible(r.episode))}</h2>`,
    `<p>${prose(r.summary.text)}</p>`,
    table(`Compared with ${visible(r.episode)}`, ['Measure', `Now ${r.now.date}`, `Eve ${r.eve.date}`, `Spike ${r.spike.date}`, 'Versus the eve'], rows, { numeric: [1, 2, 3] }),
    `<p class="muted">Reference values: ${e(referenceText(c.source))}</p>`,
  ].join('\n');
}

/** The watch and stress zones of a metric, from the rules on that metric. */
export function bandsFor(levels: LevelPair, metric: string): Band[] {
  const rule = (level: Level) => level?.find((r) => r.metric === metric);
  const watch = rule(levels.watch);
  const stress = rule(levels.stress);
  const up = (watch ?? stress)?.op.startsWith('>') ?? true;
  const bands: Band[] = [];
  if (up) {
    if (watch !== undefined) bands.push({ from: watch.value, to: stress?.value ?? Infinity, tone: 'watch', edge: watch.value });
    if (stress !== undefined) bands.push({ from: stress.value, to: Infinity, tone: 'stress', edge: stress.value });
  } else {
    if (watch !== undefined) bands.push({ from: stress?.value ?? -Infinity, to: watch.value, tone: 'watch', edge: watch.value });
    if (stress !== undefined) bands.push({ from: -Infinity, to: stress.value, tone: 'stress', edge: stress.value });
  }
  return bands;
}

/** An axis label: up to two decimals, grouped, with a real minus sign (no ICU: see grouped). */
function tickText(v: number): string {
  return grouped(v, 2, 0).replace(/^-/, '−');
}


/**
 * A value of a chart's metric with its unit: "26.9 bp", "7 days", "−597 bn", "50.35 bn";
 * a threshold (`level`) as set, as the levels table shows it: "5 bn", not "5.0 bn".
 */
function chartValue(chart: ChartData, v: number, level = false): string {
  const unit = metricUnit(chart.id, chart.metric) ?? 'number';
  // The one formatter, so a chart says 9.2 % where the table says 9.2 %.
  const sign = metricWords(chart.id, chart.metric).signed === true; // a change: +587 bn, ≥ +300 bn, as the table
  const text = level ? valueText(v, unit, { precise: true, sign }) : metricText(chart.id, chart.metric, v, unit, { sign });
  return `${text}${unit === 'days' ? (v === 1 ? ' day' : ' days') : ''}`;
}

/** The watch and stress rules on the charted metric: "watch ≥ 10 bp · stress ≥ 25 bp", or in words. */
function zoneTexts(chart: ChartData, words: boolean): string[] {
  const out: string[] = [];
  for (const tone of ['watch', 'stress'] as const) {
    const rule = chart.thresholds[tone]?.find((r) => r.metric === chart.metric);
    if (rule !== undefined) out.push(`${tone} ${words ? COMPARISON_WORDS[rule.op] : COMPARISON_SIGNS[rule.op]} ${chartValue(chart, rule.value, true)}`);
  }
  return out;
}

function staleNote(days: number, words: string): string {
  return days === 0 ? '' : `${plural(days, 'day')} ${words}`;
}

function legendKey(cls: string, label: string, area = false): string {
  return `<span class="nowrap"><span class="key${area ? ' key-area' : ''} ${cls}" aria-hidden="true"></span>${e(label)}</span>`;
}

const STALE_KEY = '<span class="key key-stale" aria-hidden="true"></span>';

/** A figure: the title and latest value as HTML (readable at any size), the SVG, a legend. */
function figure(title: string, last: string, svg: string, legend: readonly string[]): string {
  const caption = `<figcaption><span class="chart-title">${e(title)}</span>${last === '' ? '' : ` <span class="chart-last">${e(last)}</span>`}</figcaption>`;
  const items = legend.map((item) => (item.startsWith('<span class="nowrap">') ? item : `<span class="nowrap">${item}</span>`));
  return `<figure>\n${caption}\n${svg}\n${items.length === 0 ? '' : `<p class="legend">${items.join(' ')}</p>`}\n</figure>`;
}

function indicatorFigure(chart: ChartData): string {
  const points: ChartPoint[] = chart.points.map((p) => {
    const v = p.metrics[chart.metric];
    const turn = p.dayTypes.includes('quarter_end') ? 'quarter' : p.dayTypes.includes('month_end') ? 'month' : null;
    return { x: parseIsoDay(p.date) as number, y: typeof v === 'number' && Number.isFinite(v) ? v : null, stale: p.stale, ...(turn === null ? {} : { turn }) };
  });
  const lastPoint = [...chart.points].reverse().find((p) => typeof p.metrics[chart.metric] === 'number');
  const lastValue = lastPoint === undefined ? null : (lastPoint.metrics[chart.metric] as number);
  const staleDays = points.filter((p) => p.stale === true && p.y !== null).length;
  const title = `${chart.title} (${chart.unit})`;
  const latest = lastPoint === undefined || lastValue === null ? '' : `latest ${chartValue(chart, lastValue)} on ${lastPoint.date}`;
  const label = [
    `${title}, ${chart.from} to ${chart.to}`,
    latest === '' ? 'no value in this period' : latest,
    ...zoneTexts(chart, true),
    staleNote(staleDays, 'computed from a stale input, drawn dashed on a grey band'),
  ].filter((s) => s !== '').join('; ');
  const svg = timeChart({
    label: `${label}.`,
    lines: [{ points, tone: 'main' }],
    bands: bandsFor(chart.thresholds, chart.metric),
    xFrom: parseIsoDay(chart.from) as number,
    xTo: parseIsoDay(chart.to) as number,
    formatY: tickText,
    integer: chart.unit === 'days',
  });
  const legend = [...zoneTexts(chart, false).map(e)];
  if (staleDays > 0) legend.push(`${STALE_KEY}${e(staleNote(staleDays, 'from a stale input'))}`);
  return figure(title, latest === '' ? '' : latest.replace(/ on .*/, ''), svg, legend);
}

const pct = (v: number | null): string => (v === null ? DASH : valueText(v, 'percent'));

/** SOFR in the corridor: the target range as a band, the administered rates as lines, the 1st–99th percentiles where loaded. */
function corridorFigure(points: readonly CorridorPoint[], from: string, to: string): string {
  const xs = points.map((p) => parseIsoDay(p.date) as number);
  const line = (tone: LineTone, field: CorridorRate | 'sofr'): { points: ChartPoint[]; tone: LineTone } => ({
    tone,
    points: points.map((p, i) => ({ x: xs[i] as number, y: p[field], stale: field !== 'sofr' && p.staleRates.includes(field) })),
  });
  const hasTails = points.some((p) => p.p1 !== null && p.p99 !== null);
  const last = points.at(-1);
  const above = points.filter((p) => p.srfRate !== null && p.sofr > p.srfRate).length;
  const staleDays = points.filter((p) => p.staleRates.length > 0).length;
  const title = 'SOFR in the policy corridor (%)';
  const parts: string[] = [`${title}, ${from} to ${to}`];
  if (last === undefined) {
    parts.push('no SOFR in this period');
  } else {
    parts.push(`latest SOFR ${pct(last.sofr)} on ${last.date}`);
    parts.push(`ON RRP rate ${pct(last.rrpRate)}, IORB ${pct(last.iorb)}, SRF rate ${pct(last.srfRate)}, target range ${pct(last.targetLower)} to ${pct(last.targetUpper)}`);
    if (last.p1 !== null && last.p99 !== null) parts.push(`1st to 99th percentile ${pct(last.p1)} to ${pct(last.p99)}`);
    parts.push(`SOFR above the SRF rate on ${above} of ${points.length} days`);
  }
  const stale = staleNote(staleDays, 'with an administered rate carried past its staleness limit, shaded grey');
  if (stale !== '') parts.push(stale);
  const svg = timeChart({
    label: `${parts.join('; ')}.`,
    ranges: [
      { tone: 'target', points: points.map((p, i) => ({ x: xs[i] as number, lo: p.targetLower, hi: p.targetUpper })) },
      ...(hasTails ? [{ tone: 'tails' as const, points: points.map((p, i) => ({ x: xs[i] as number, lo: p.p1, hi: p.p99 })) }] : []),
    ],
    lines: [line('main', 'sofr'), line('floor', 'rrpRate'), line('iorb', 'iorb'), line('ceiling', 'srfRate')],
    xFrom: parseIsoDay(from) as number,
    xTo: parseIsoDay(to) as number,
    formatY: tickText,
  });
  const legend = [
    legendKey('k-main', 'SOFR'),
    legendKey('k-ceiling', 'SRF rate (ceiling)'),
    legendKey('k-iorb', 'IORB'),
    legendKey('k-floor', 'ON RRP rate (floor)'),
    legendKey('k-target', 'target range', true),
    ...(hasTails ? [legendKey('k-tails', '1st–99th percentile', true)] : []),
  ];
  if (staleDays > 0) legend.push(`${STALE_KEY}${e(staleNote(staleDays, 'with a stale rate'))}`);
  return figure(title, last === undefined ? '' : `SOFR ${pct(last.sofr)}`, svg, legend);
}

/** SRF take-up as one bar per reported day, with the indicator's zones. */
function takeUpFigure(points: readonly TakeUpPoint[], thresholds: LevelPair, from: string, to: string): string {
  const title = 'SRF take-up (USD bn)';
  const chart: ChartData = { id: 'srf_usage', metric: 'latest', title, unit: 'USD bn', from, to, points: [], thresholds };
  const last = points.at(-1);
  const largest = points.reduce<TakeUpPoint | undefined>((m, p) => (m === undefined || p.value > m.value ? p : m), undefined);
  const used = points.filter((p) => p.value > 0).length;
  const parts = [`${title}, ${from} to ${to}`];
  if (last === undefined) {
    parts.push('no take-up reported in this period');
  } else {
    parts.push(`latest ${takeUp(last.value)} on ${last.date}`);
    if (largest !== undefined) parts.push(`largest ${takeUp(largest.value)} on ${largest.date}`);
    parts.push(`take-up on ${used} of ${points.length} reported days`);
  }
  parts.push(...zoneTexts(chart, true));
  const svg = timeChart({
    label: `${parts.join('; ')}.`,
    bars: points.map((p) => ({ x: parseIsoDay(p.date) as number, y: p.value })),
    bands: bandsFor(thresholds, 'latest'),
    xFrom: parseIsoDay(from) as number,
    xTo: parseIsoDay(to) as number,
    formatY: tickText,
  });
  return figure(title, last === undefined ? '' : `latest ${takeUp(last.value)}`, svg, zoneTexts(chart, false).map(e));
}

function chartsSection(report: DailyReport): string {
  const charts = report.charts;
  if (charts.length === 0) return '';
  const first = charts[0] as ChartData;
  const figures: string[] = [];
  if (report.corridor.length > 0) figures.push(corridorFigure(report.corridor, first.from, first.to));
  const srf = report.assessment.indicators.find((r) => r.id === 'srf_usage');
  if (report.takeUp.length > 0) figures.push(takeUpFigure(report.takeUp, srf?.thresholds ?? { watch: null, stress: null }, first.from, first.to));
  figures.push(...charts.map(indicatorFigure));
  const notes = [
    '<p class="muted">Shaded: the watch (amber) and stress (red) zones of the thresholds in use. Grey columns and a dashed line: days computed from an input past its staleness limit (a carried-forward value, not news). Violet ticks on the axis: month-ends (short) and quarter-ends (tall), the days SOFR routinely pops.</p>',
  ];
  if (report.takeUp.length === 0) notes.push('<p class="muted">SRF take-up: the inputs hold no SRF or repo-operation series (FRED RPONTTLD or the NY Fed’s repo operation results), so there is no take-up chart.</p>');
  return [`<h2>Last six months (${e(first.from)} to ${e(first.to)})</h2>`, ...notes, `<div class="charts">\n${figures.join('\n')}\n</div>`].join('\n');
}

/** The default outlook: a few sentences and the projected reserves against the reserves line. */
function outlookSection(report: DailyReport): string {
  const projected = report.outlook ?? null;
  const summary = projected === null ? null : outlookSummary(projected);
  const path = projected?.paths[0];
  if (projected === null || summary === null || path === undefined) return `<h2>Outlook</h2>\n<p class="muted">${e(NO_OUTLOOK)}</p>`;
  const line = projected.thresholds.reserves;
  const first = path.weeks[0];
  const last = path.weeks.at(-1);
  const sentences = outlookSentences(summary, projected.weeks).join(' ');
  const title = 'Projected reserves, default scenario (USD bn)';
  const svg = timeChart({
    label: `${title}, ${first?.date ?? ''} to ${last?.date ?? ''}; ${sentences} The latest data point: ${first === undefined ? '—' : bn(first.reserves)} on ${first?.date ?? ''}; watch below ${grouped(line, 0)} bn.`,
    lines: [{ points: path.weeks.map((w) => ({ x: parseIsoDay(w.date) as number, y: w.reserves })), tone: 'main' }],
    bands: [{ from: -Infinity, to: line, tone: 'watch', edge: line }],
    xFrom: parseIsoDay(first?.date ?? projected.asOf) as number,
    xTo: parseIsoDay(last?.date ?? projected.asOf) as number,
    formatY: tickText,
  });
  return [
    `<h2>Outlook (default scenario, ${projected.weeks} weeks)</h2>`,
    `<p>${prose(sentences)}</p>`,
    `<ul class="muted">\n${summary.assumptions.map((a) => `<li>${e(a)}</li>`).join('\n')}\n</ul>`,
    `<div class="charts">\n${figure(title, last === undefined ? '' : `in ${projected.weeks} weeks ${bn(last.reserves)}`, svg, [e(`watch below ${grouped(line, 0)} bn`), e('liq outlook shows the whole path and runs scenarios')])}\n</div>`,
  ].join('\n');
}

function coverageTable(a: Assessment): string {
  return table('Data coverage', [...COVERAGE_HEAD], coverageRows(a), { numeric: [3, 4], dates: [1, 2] });
}

/** `ageDays`: how old the data are against today, when the command line says it is worth saying (as the markdown report). */
export function reportHtml(report: DailyReport, ageDays: number | null = null): string {
  const a = report.assessment;
  const status = a.status.toUpperCase();
  const worst = flagged(a);
  const summary = worst.length === 0
    ? `<p>${a.status === 'unknown' ? 'No thresholded indicator could be computed from the data.' : 'No indicator is at watch or stress.'}</p>`
    : `<ul>\n${worst.map((r) => `<li>${pill(r.status)} <strong>${e(r.title)}</strong>: ${prose(reasonText(r))}</li>`).join('\n')}\n</ul>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>liq ${e(a.asOf)}: ${e(status)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    // The date on one line: at 390 px the heading broke it as "2026-07-" over "30".
    `<h1>liq daily report · <span class="nowrap">${e(a.asOf)}</span> ${e(asOfNote(a.asOfDayTypes, a.asPublished))}${ageDays === null ? '' : ` — ${e(ageText(ageDays))}`}</h1>`,
    `<p class="headline">${prose(changeHeadline(report.changes, a))}</p>`,
    `<p class="overall">Overall status ${pill(a.status)}</p>`,
    summary,
    '<h2>Indicators</h2>',
    indicatorsTable(a),
    changesSection(report),
    chartsSection(report),
    warningsSection(a),
    outlookSection(report),
    report.comparison === null ? '' : comparisonSection(report.comparison),
    '<h2>Data</h2>',
    coverageTable(a),
    `<footer>${e(report.generator)} · thresholds: ${report.configPath === null ? 'the defaults' : `the defaults and ${e(visible(report.configPath))}`} · status: ok &lt; watch &lt; stress</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].filter((line) => line !== '').join('\n');
}
