/**
 * The daily report as one self-contained HTML page: inline CSS and inline SVG charts, no
 * script and no external asset, so it can be mailed, archived or opened offline and
 * looks the same in ten years. Every piece of text from data or config is escaped.
 */
import { parseIsoDay } from '../domain/dates.ts';
import { grouped } from '../domain/grouped.ts';
import type { Assessment, Level, LevelPair } from '../engine/types.ts';
import type { Comparison } from '../engine/compare.ts';
import { unitText } from './compare.ts';
import { dataWarnings, metricText, notableMoves, statusChanges, type ChartData, type DailyReport } from './daily.ts';
import { flagged, indicatorCells } from './display.ts';
import { DASH } from './format.ts';
import { reasonText } from './words.ts';
import { COVERAGE_HEAD, coverageRows } from './markdown.ts';
import { escapeXml, lineChart, type Band, type ChartPoint } from './svg.ts';

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #eef0f3; color: #1d2329; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1140px; margin: 0 auto; padding: 24px 32px 40px; background: #fff; }
h1 { font-size: 22px; margin: 0 0 8px; }
h2 { font-size: 17px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #e3e5e8; }
p { margin: 6px 0; }
ul { margin: 6px 0; padding-left: 20px; }
.status { display: inline-block; min-width: 44px; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 12px; font-weight: 600; text-align: center; text-transform: uppercase; }
.overall .status { font-size: 15px; padding: 3px 12px; }
.s-ok { background: #2e7d32; } .s-watch { background: #b7791f; } .s-stress { background: #c62828; }
.s-info { background: #1565c0; } .s-unavailable { background: #8a8f98; } .s-unknown { background: #6a1b9a; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { padding: 5px 8px; border-bottom: 1px solid #eceef1; text-align: left; vertical-align: top; }
th { background: #f3f4f6; font-weight: 600; white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.date { white-space: nowrap; }
tr.flag td { background: #fff8e6; }
.charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 14px; }
figure { margin: 0; padding: 6px; border: 1px solid #eceef1; border-radius: 6px; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { color: #5f6670; font-size: 12px; padding: 2px 4px 0; }
.muted { color: #5f6670; }
footer { margin-top: 30px; color: #5f6670; font-size: 12px; }
@media (max-width: 760px) { .charts { grid-template-columns: 1fr; } main { padding: 16px; } }
`;

const e = escapeXml;

function pill(status: string): string {
  const label = status === 'unavailable' ? 'n/a' : status;
  return `<span class="status s-${e(status)}">${e(label)}</span>`;
}

/** Markup built here (a status pill); every other cell is text and gets escaped. */
interface Markup {
  readonly html: string;
}
type Cell = string | Markup;

/** `numeric` columns align right; `dates` columns never wrap (2020-03-\n17 reads badly). */
function table(head: readonly string[], rows: readonly (readonly Cell[])[], numeric: readonly number[] = [], rowClass: (i: number) => string = () => '', dates: readonly number[] = []): string {
  const th = head.map((h) => `<th>${e(h)}</th>`).join('');
  const cellClass = (j: number): string => (numeric.includes(j) ? ' class="num"' : dates.includes(j) ? ' class="date"' : '');
  const body = rows
    .map((cells, i) => {
      const cls = rowClass(i);
      const tds = cells.map((c, j) => `<td${cellClass(j)}>${typeof c === 'string' ? e(c) : c.html}</td>`).join('');
      return `<tr${cls === '' ? '' : ` class="${cls}"`}>${tds}</tr>`;
    })
    .join('\n');
  return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function indicatorsTable(a: Assessment): string {
  const rows = a.indicators.map((r) => {
    const { value, change, watch, stress, inputs } = indicatorCells(r);
    const data = r.stale.length > 0 ? `${inputs} (stale)` : inputs;
    return [r.title, value, change, watch, stress, { html: pill(r.status) }, data, reasonText(r)];
  });
  const flaggedRow = (i: number): string => (a.indicators[i]?.status === 'watch' || a.indicators[i]?.status === 'stress' ? 'flag' : '');
  return table(['Indicator', 'Value', 'Change', 'Watch', 'Stress', 'Status', 'Data', 'Why'], rows, [1, 2], flaggedRow, [6]);
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
    : table(['Indicator', 'Metric', changes.previousAsOf, a.asOf, 'Change'], rows.map((r) => [r.title, r.metric, r.before, r.now, r.change]), [2, 3, 4]);
  return `<h2>What changed since ${e(changes.previousAsOf)}</h2>\n<ul>\n${items.join('\n')}\n</ul>\n${movesTable}`;
}

function warningsSection(a: Assessment): string {
  const w = dataWarnings(a);
  const items = [...w.unavailable.map((l) => `<li><strong>unavailable</strong> ${e(l)}</li>`), ...w.stale.map((l) => `<li><strong>stale</strong> ${e(l)}</li>`)];
  const list = items.length === 0 ? '<p>Every indicator was computed from inputs within their staleness limits.</p>' : `<ul>\n${items.join('\n')}\n</ul>`;
  const notes = w.notes.map((n) => `<p class="muted">${e(n)}</p>`).join('\n');
  return `<h2>Stale or unavailable inputs</h2>\n${list}\n${notes}`;
}

function comparisonSection(c: { result: Comparison; source: string }): string {
  const r = c.result;
  const rows: Cell[][] = [
    ['Overall status', { html: pill(r.now.status) }, { html: pill(r.eve.status) }, { html: pill(r.spike.status) }, ''],
    ...r.rows.map((row) => [row.label, unitText(row.unit, row.now), unitText(row.unit, row.eve), unitText(row.unit, row.spike), row.atOrBeyondEve === true ? 'yes' : row.atOrBeyondEve === false ? 'no' : DASH]),
  ];
  return [
    `<h2>Compared with ${e(r.episode)}</h2>`,
    `<p>${e(r.summary.text)}</p>`,
    table(['Measure', `Now ${r.now.date}`, `Eve ${r.eve.date}`, `Spike ${r.spike.date}`, 'At or beyond eve'], rows, [1, 2, 3]),
    `<p class="muted">Reference: ${e(c.source)}</p>`,
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

function chartSvg(chart: ChartData): string {
  const points: ChartPoint[] = chart.points.map((p) => {
    const v = p.metrics[chart.metric];
    return { x: parseIsoDay(p.date) as number, y: typeof v === 'number' && Number.isFinite(v) ? v : null, stale: p.stale };
  });
  return lineChart({
    title: `${chart.title} (${chart.unit})`,
    points,
    bands: bandsFor(chart.thresholds, chart.metric),
    xFrom: parseIsoDay(chart.from) as number,
    xTo: parseIsoDay(chart.to) as number,
    formatY: tickText,
    formatLast: (v) => `${metricText(chart.metric, v)}${chart.unit === 'days' ? ' days' : ''}`,
  });
}

function chartsSection(charts: readonly ChartData[]): string {
  if (charts.length === 0) return '';
  const first = charts[0] as ChartData;
  const figures = charts.map((c) => `<figure>\n${chartSvg(c)}\n<figcaption>${e(c.title)}</figcaption>\n</figure>`);
  return [
    `<h2>Last six months (${e(first.from)} to ${e(first.to)})</h2>`,
    '<p class="muted">Shaded: the watch (amber) and stress (red) zones of the thresholds in use; a grey bar under the axis: days computed from an input past its staleness limit (a carried-forward value).</p>',
    `<div class="charts">\n${figures.join('\n')}\n</div>`,
  ].join('\n');
}

function coverageTable(a: Assessment): string {
  return table(
    [...COVERAGE_HEAD],
    coverageRows(a),
    [3, 4],
    () => '',
    [1, 2],
  );
}

export function reportHtml(report: DailyReport): string {
  const a = report.assessment;
  const status = a.status.toUpperCase();
  const published = a.asPublished ? ' (as published that morning)' : '';
  const worst = flagged(a);
  const previous = report.changes === null ? '' : ` <span class="muted">previous business day ${e(report.changes.previousAsOf)}: ${e(report.changes.previousStatus.toUpperCase())}</span>`;
  const summary = worst.length === 0
    ? `<p>${a.status === 'unknown' ? 'No thresholded indicator could be computed from the data.' : 'No indicator is at watch or stress.'}</p>`
    : `<ul>\n${worst.map((r) => `<li>${pill(r.status)} <strong>${e(r.title)}</strong>: ${e(reasonText(r))}</li>`).join('\n')}\n</ul>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>liq ${e(a.asOf)}: ${e(status)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>liq daily report · ${e(a.asOf)}${e(published)}</h1>`,
    `<p class="overall">${pill(a.status)}${previous}</p>`,
    summary,
    '<h2>Indicators</h2>',
    indicatorsTable(a),
    changesSection(report),
    chartsSection(report.charts),
    warningsSection(a),
    report.comparison === null ? '' : comparisonSection(report.comparison),
    '<h2>Data</h2>',
    coverageTable(a),
    `<footer>${e(report.generator)} · thresholds: ${report.configPath === null ? 'the defaults' : `the defaults and ${e(report.configPath)}`} · status: ok &lt; watch &lt; stress</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].filter((line) => line !== '').join('\n');
}
