/**
 * `npm run bench`: liq's start-up and scale figures, as ratios against baselines measured
 * in the same run, so that the machine's speed and load cancel out (see "Performance" in
 * the README for the targets and why they are ratios).
 *
 *   npm run bench [-- --pairs 15 --rows 1000000 --big-pairs 3]
 *
 * Prints a table and writes bench/results.json. Every run is cold: liq keeps nothing
 * between runs, so each one reads and parses its inputs in full.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { grid } from '../src/report/layout.ts';
import { generateWideCsv } from './generate.ts';
import { compare, CSV_PARSE_ONLY, LIQ, peakRssMb, ROOT, verdict, type Comparison, type NodeCommand } from './measure.ts';

export interface Figure {
  readonly id: string;
  readonly what: string;
  readonly value: number;
  readonly unit: '×' | 'MB' | 's';
  readonly target: number | null;
  readonly detail: string;
}

const NODE_BARE: NodeCommand = { label: 'node -e 0', args: ['-e', '0'] };
const liq = (...args: string[]): NodeCommand => ({ label: `liq ${args.join(' ')}`, args: [LIQ, ...args] });

function ratioFigure(id: string, c: Comparison, target: number | null): Figure {
  return {
    id,
    what: `${c.subject} vs ${c.baseline}`,
    value: c.ratio,
    unit: '×',
    target,
    detail: `${c.subjectMs.toFixed(0)} ms vs ${c.baselineMs.toFixed(0)} ms, median of ${c.pairs} pairs`,
  };
}

/** A time in seconds (the median of the subject's runs), for a target given in seconds. */
function secondsFigure(id: string, c: Comparison, target: number): Figure {
  return { id, what: `${c.subject}: wall time`, value: c.subjectMs / 1000, unit: 's', target, detail: `median of ${c.pairs} runs` };
}

/** Whether this build has `liq history` (another command may land later). */
function historyArgs(): string[] | null {
  const help = spawnSync(process.execPath, [LIQ, '--help'], { cwd: ROOT, encoding: 'utf8' });
  if (!/^\s+history\b/m.test(help.stdout)) return null;
  // --all: every indicator on every business day since SOFR began (2018-04), the heaviest history.
  return ['history', 'fixtures/fred/', '--all', '--format', 'csv'];
}

export function startupFigures(pairs: number): Figure[] {
  const figures = [
    // fixtures/fred/ holds decades of history: ~40,000 rows in 14 files.
    ratioFigure('check_startup', compare(liq('check', 'fixtures/fred/'), NODE_BARE, pairs), 3),
    // The typical input: 2018→today, 13 series, ~3,000 rows.
    ratioFigure('check_typical', compare(liq('check', 'fixtures/samples/wide.csv'), NODE_BARE, pairs), 2),
    ratioFigure('help_startup', compare(liq('--help'), NODE_BARE, pairs), 1.3),
  ];
  const history = historyArgs();
  if (history !== null) figures.push(secondsFigure('history_all', compare(liq(...history), NODE_BARE, pairs), 1));
  return figures;
}

/**
 * The scale case: a generated wide file of `rows` rows, `liq check` on it against
 * csv-parse alone, and liq's peak RSS. The file lives in a temporary folder, removed after.
 */
export function scaleFigures(rows: number, pairs: number): Figure[] {
  const dir = mkdtempSync(join(tmpdir(), 'liq-bench-'));
  try {
    const file = join(dir, `wide-${rows}.csv`);
    generateWideCsv(file, rows);
    const size = `${rows.toLocaleString('en-US')} rows, ${(statSync(file).size / 1e6).toFixed(0)} MB`;
    const check = liq('check', file, '--quiet');
    const parseOnly: NodeCommand = { label: 'csv-parse alone', args: [CSV_PARSE_ONLY, file] };
    const speed = ratioFigure('scale_time', compare(check, parseOnly, pairs), 1.5);
    const liqRss = peakRssMb(check);
    const parseRss = peakRssMb(parseOnly);
    return [
      { ...speed, what: `liq check (${size}) vs csv-parse alone` },
      { id: 'scale_rss', what: `liq check (${size}): peak RSS`, value: liqRss, unit: 'MB', target: 300, detail: `csv-parse alone: ${parseRss.toFixed(0)} MB` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const UNIT_SUFFIX = { '×': '×', MB: ' MB', s: ' s' } as const;

export function renderTable(figures: readonly Figure[]): string {
  const table = grid(['measure', 'value', 'target', '', 'detail'], { width: process.stdout.columns ?? 200, wrap: [4, 0], right: [1] });
  for (const f of figures) {
    table.push([
      f.what,
      `${f.value.toFixed(f.unit === 'MB' ? 0 : 2)}${UNIT_SUFFIX[f.unit]}`,
      f.target === null ? '—' : `≤ ${f.target}${UNIT_SUFFIX[f.unit]}`,
      f.target === null ? '' : verdict(f.value, f.target),
      f.detail,
    ]);
  }
  return table.text();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pairs: { type: 'string', default: '15' },
      rows: { type: 'string', default: '1000000' },
      'big-pairs': { type: 'string', default: '3' },
    },
  });
  const pairs = Number(values.pairs);
  const rows = Number(values.rows);
  const bigPairs = Number(values['big-pairs']);
  const figures = [...startupFigures(pairs), ...scaleFigures(rows, bigPairs)];
  process.stdout.write(`${renderTable(figures)}\n`);
  const results = { node: process.version, date: new Date().toISOString(), figures };
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write('(written to bench/results.json)\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
