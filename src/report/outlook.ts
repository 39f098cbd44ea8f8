/** `liq outlook` output: the projected paths as a table, a terminal chart, CSV, and the threshold crossings. */
import asciichart from 'asciichart';
import type { Assumptions, Crossing, Outlook, OutlookPath, ThresholdLine } from '../engine/outlook.ts';
import { csvLine } from './csv.ts';
import { bn, DASH, num, signed, valueText } from './format.ts';
import type { Paint } from './paint.ts';
import { wrapText } from './layout.ts';
import { makeTable } from './table.ts';

// Each threshold as set, as the levels table shows it ("< 10 %", not "< 10.0 %").
const levelText = (t: number, unit: 'USD bn' | '%'): string => valueText(t, unit, { precise: true });
const LINE_LABEL: Record<ThresholdLine, (threshold: number) => string> = {
  reserves: (t) => `Reserves < ${levelText(t, 'USD bn')}`,
  reservesGdpPct: (t) => `Reserves / GDP < ${levelText(t, '%')}`,
  reservesBankAssetsPct: (t) => `Reserves / bank assets < ${levelText(t, '%')}`,
  rrp: (t) => `ON RRP < ${levelText(t, 'USD bn')}`,
};

const SERIES_LABEL: Record<string, string> = { fed_assets: 'Fed assets', tga: 'TGA', rrp: 'ON RRP', reserves: 'reserves', gdp: 'GDP', bank_assets: 'bank assets' };

/** When a line is first crossed, in words: "week 21 (2025-10-29)", "not within 26 weeks". */
export function crossingText(c: Crossing, weeks: number): string {
  switch (c.state) {
    case 'already':
      return `already below (${c.date ?? DASH})`;
    case 'crossed':
      return `week ${c.week} (${c.date ?? DASH})`;
    case 'not_within':
      return `not within ${weeks} weeks`;
    case 'unknown':
      return c.line === 'reservesBankAssetsPct' ? 'n/a: no fresh bank assets' : 'n/a: no fresh GDP';
  }
}

export function crossingLabel(c: Crossing): string {
  return LINE_LABEL[c.line](c.threshold);
}

const perWeek = (v: number): string => `${signed(num(v, 1), v)} bn a week`;

/** The assumptions of one path in one sentence each, so a reader knows what was held fixed. */
export function assumptionLines(a: Assumptions): string[] {
  const assets = a.assetsPerWeek
    .map((p, i) => `${i === 0 ? '' : `from ${p.from} `}${perWeek(p.perWeek)}${p.source === 'trailing' ? ' (its trailing 13-week pace)' : ''}`)
    .join(', then ');
  return [
    `Fed assets ${assets}`,
    a.tga === null ? 'TGA held at its latest level' : `TGA to ${bn(a.tga.target)} by ${a.tga.by}, linearly, then held`,
    `ON RRP ${a.rrpPerWeek === 0 ? 'held at its latest level (it is projected to drain, never to refill)' : perWeek(a.rrpPerWeek)}, never below ${bn(a.rrpFloor)}`,
    `other liabilities ${perWeek(a.otherPerWeek)} (their trailing 13-week trend; reserves = assets − TGA − ON RRP − other)`,
  ];
}

function startLine(o: Outlook): string {
  const parts = o.inputs.map((i) => `  ${SERIES_LABEL[i.series] ?? i.series} ${bn(i.value)} (${i.date}${i.stale ? ', stale' : ''})`);
  return `Starts from:\n${parts.join('\n')}`;
}

const pct = (v: number | null): string => (v === null ? DASH : `${num(v, 2)} %`);
const level = (v: number): string => num(v, 0);

function crossingsTable(o: Outlook, paint: Paint, width: number): string {
  const table = makeTable(['Threshold line', ...o.paths.map((p) => p.scenario)], paint, { width, wrap: [0] });
  (o.paths[0]?.crossings ?? []).forEach((c, i) => {
    table.push([crossingLabel(c), ...o.paths.map((p) => {
      const x = p.crossings[i] as Crossing;
      const text = crossingText(x, o.weeks);
      return x.state === 'already' || x.state === 'crossed' ? paint.tone('watch', text) : text;
    })]);
  });
  return table.text();
}

/** The table for a person: the whole path of one scenario, or reserves side by side for several. */
export function outlookTable(o: Outlook, paint: Paint, width: number): string {
  const parts: string[] = [];
  const names = o.paths.map((p) => p.scenario).join(', ');
  parts.push(`${paint.bold('liq outlook')} · from the data of ${paint.bold(o.asOf)} · ${o.weeks} weeks · ${o.paths.length === 1 ? 'scenario' : 'scenarios'} ${names}`);
  parts.push(startLine(o));
  if (o.paths.length === 1) {
    const path = o.paths[0] as OutlookPath;
    const table = makeTable(['Wk', 'Date', 'Assets', 'TGA', 'ON RRP', 'Reserves', 'Res/GDP', 'Res/bank', 'Net liq'], paint, { width, right: [0, 2, 3, 4, 5, 6, 7, 8] });
    for (const w of path.weeks) {
      table.push([String(w.week), w.date, level(w.fedAssets), level(w.tga), level(w.rrp), level(w.reserves), pct(w.reservesGdpPct), pct(w.reservesBankAssetsPct), level(w.netLiquidity)]);
    }
    parts.push(`${table.text()}\n${paint.dim('USD bn; week 0 is the data of the as-of date')}`);
  } else {
    const table = makeTable(['Wk', 'Date', ...o.paths.map((p) => `Reserves ${p.scenario}`)], paint, { width, right: [0, ...o.paths.map((_, i) => i + 2)] });
    (o.paths[0]?.weeks ?? []).forEach((w, i) => {
      table.push([String(w.week), w.date, ...o.paths.map((p) => level((p.weeks[i] as OutlookPath['weeks'][number]).reserves))]);
    });
    parts.push(`${table.text()}\n${paint.dim('USD bn; week 0 is the data of the as-of date; --format csv or json gives every series of each path')}`);
  }
  parts.push(crossingsTable(o, paint, width));
  for (const p of o.paths) parts.push(`Assumptions${o.paths.length === 1 ? '' : ` (${p.scenario})`}:\n${assumptionLines(p.assumptions).map((l) => wrapText(`  ${l}`, width, '    ')).join('\n')}`);
  return `${parts.join('\n\n')}\n`;
}

/** CSV: one row per scenario and week, every series of the path. */
export function outlookCsv(o: Outlook): string {
  let out = csvLine(['scenario', 'week', 'date', 'fed_assets', 'tga', 'rrp', 'other', 'reserves', 'reserves_gdp_pct', 'reserves_bank_assets_pct', 'net_liquidity']);
  for (const p of o.paths) {
    for (const w of p.weeks) {
      out += csvLine([p.scenario, w.week, w.date, w.fedAssets, w.tga, w.rrp, w.other, w.reserves, w.reservesGdpPct, w.reservesBankAssetsPct, w.netLiquidity]);
    }
  }
  return out;
}

const CHART_COLORS = [asciichart.blue, asciichart.green, asciichart.magenta, asciichart.cyan, asciichart.lightblue, asciichart.lightgreen, asciichart.lightmagenta, asciichart.white];

/** A terminal chart of projected reserves, one line per scenario, with the reserves threshold as a flat line. */
export function outlookChart(o: Outlook, options: { width: number; height: number; color: boolean }, paint: Paint): string {
  const threshold = o.thresholds.reserves;
  // asciichart draws one column per point: spread the weeks over the width available.
  const columns = Math.max(o.weeks + 1, Math.min(options.width - 12, 3 * (o.weeks + 1)));
  const stretch = (values: readonly number[]): number[] =>
    Array.from({ length: columns }, (_, c) => values[Math.round((c * (values.length - 1)) / (columns - 1))] as number);
  const lines = o.paths.map((p) => stretch(p.weeks.map((w) => w.reserves)));
  const all = [...lines.flat(), threshold];
  const plot = asciichart.plot([...lines, lines[0]?.map(() => threshold) ?? []], {
    height: options.height,
    min: Math.min(...all),
    max: Math.max(...all),
    colors: options.color ? [...o.paths.map((_, i) => CHART_COLORS[i % CHART_COLORS.length]), asciichart.yellow] : undefined,
    format: (x: number) => num(x, 0).padStart(7),
  });
  const legend = [
    ...o.paths.map((p, i) => (options.color ? `${CHART_COLORS[i % CHART_COLORS.length]}━${asciichart.reset} ${p.scenario}` : `line ${i + 1}: ${p.scenario}`)),
    paint.tone('watch', `flat: ${num(threshold, 0)} bn`),
  ];
  const last = o.paths[0]?.weeks.at(-1)?.date ?? DASH;
  return `${paint.bold('Projected reserves')} (USD bn) · ${o.asOf} → ${last}\n\n${plot}\n\n${legend.join(' · ')}\n\n${crossingsTable(o, paint, options.width)}\n`;
}

/** What the daily report says of the default outlook: reserves in 13 and 26 weeks, and the first line crossed. */
export interface OutlookSummary {
  readonly now: { readonly date: string; readonly reserves: number };
  /** Reserves projected 13 and 26 weeks on (null where the path is shorter). */
  readonly ahead: readonly { readonly weeks: number; readonly date: string; readonly reserves: number }[];
  /** The earliest line crossed in the projection, null if none is within the path. */
  readonly first: Crossing | null;
  /** Lines already below on the as-of date. */
  readonly already: readonly Crossing[];
  readonly assumptions: readonly string[];
}

export function outlookSummary(o: Outlook): OutlookSummary | null {
  const path = o.paths[0];
  const start = path?.weeks[0];
  if (path === undefined || start === undefined) return null;
  const crossed = path.crossings.filter((c) => c.state === 'crossed').sort((a, b) => (a.week ?? 0) - (b.week ?? 0));
  return {
    now: { date: start.date, reserves: start.reserves },
    ahead: [13, 26].flatMap((k) => {
      const w = path.weeks[k];
      return w === undefined ? [] : [{ weeks: k, date: w.date, reserves: w.reserves }];
    }),
    first: crossed[0] ?? null,
    already: path.crossings.filter((c) => c.state === 'already'),
    assumptions: assumptionLines(path.assumptions),
  };
}

export const NO_OUTLOOK = 'No outlook: it needs Fed assets, the TGA, ON RRP and reserves, on the as-of date and 13 weeks before.';

/** The summary as sentences, for the markdown and HTML reports. */
export function outlookSentences(s: OutlookSummary, weeks: number): string[] {
  const ahead = s.ahead.map((a) => `${bn(a.reserves)} in ${a.weeks} weeks (${a.date})`).join(', ');
  const first = s.first === null
    ? `No threshold line is crossed within ${weeks} weeks.`
    : `First threshold line crossed: ${crossingLabel(s.first)} in week ${s.first.week} (${s.first.date}).`;
  const already = s.already.length === 0 ? [] : [`Already below: ${s.already.map(crossingLabel).join('; ')}.`];
  return [`Reserves ${bn(s.now.reserves)} now, projected ${ahead}.`, first, ...already];
}
