/**
 * `npm run bench`: liq's start-up and scale figures (SPEC §7, issue 7), as ratios against
 * baselines measured in the same run, so that the machine's speed and load cancel out.
 *
 *   npm run bench [-- --pairs 15 --rows 1000000 --big-pairs 3]
 *
 * Prints a table and writes bench/results.json. Targets: `liq check fixtures/fred/` ≤ 1.5×
 * `node -e 0`; `liq check` on a 1,000,000-row wide file ≤ 2× csv-parse alone on it, in
 * ≤ 300 MB peak RSS.
 *
 * liq keeps what it parsed (src/io/parse-cache.ts), so the first figure is the run an
 * analyst makes again and again on the same downloads: the comparison's warm-up run
 * fills the cache. The next figure parses every row every time (--no-parse-cache): a run
 * on files liq has not seen. The scale figures parse every time too, since they measure
 * parsing. The bench keeps its cache in a temporary folder, removed after.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { grid } from '../src/report/grid.ts';
import { generateWideCsv } from './generate.ts';
import { compare, CSV_PARSE_ONLY, LIQ, peakRssMb, ROOT, verdict, type Comparison, type NodeCommand } from './measure.ts';

export interface Figure {
  readonly id: string;
  readonly what: string;
  readonly value: number;
  readonly unit: '×' | 'MB';
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

/** Whether this build has `liq history` (another command may land later). */
function historyArgs(): string[] | null {
  const help = spawnSync(process.execPath, [LIQ, '--help'], { cwd: ROOT, encoding: 'utf8' });
  if (!/^\s+history\b/m.test(help.stdout)) return null;
  // --all: every indicator on every business day since SOFR began (2018-04), the heaviest history.
  return ['history', 'fixtures/fred/', '--all', '--format', 'csv'];
}

export function startupFigures(pairs: number): Figure[] {
  const figures = [
    ratioFigure('check_startup', compare(liq('check', 'fixtures/fred/'), NODE_BARE, pairs), 1.5),
    ratioFigure('check_startup_fresh', compare(liq('check', 'fixtures/fred/', '--no-parse-cache'), NODE_BARE, pairs), null),
    ratioFigure('help_startup', compare(liq('--help'), NODE_BARE, pairs), null),
    // SPEC §7's typical input: 2018→today, 13 series, ~3,000 rows (fixtures/fred/ holds
    // decades of history: ~40,000 rows, which is what the first two figures read).
    ratioFigure('check_typical', compare(liq('check', 'fixtures/samples/wide.csv'), NODE_BARE, pairs), null),
  ];
  const history = historyArgs();
  if (history !== null) figures.push(ratioFigure('history_startup', compare(liq(...history), NODE_BARE, pairs), null));
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
    const check = liq('check', file, '--quiet', '--no-parse-cache');
    const parseOnly: NodeCommand = { label: 'csv-parse alone', args: [CSV_PARSE_ONLY, file] };
    const speed = ratioFigure('scale_time', compare(check, parseOnly, pairs), 2);
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

export function renderTable(figures: readonly Figure[]): string {
  const table = grid(['measure', 'value', 'target', '', 'detail']);
  for (const f of figures) {
    table.push([
      f.what,
      `${f.value.toFixed(f.unit === 'MB' ? 0 : 2)}${f.unit === 'MB' ? ' MB' : '×'}`,
      f.target === null ? '—' : `≤ ${f.target}${f.unit === 'MB' ? ' MB' : '×'}`,
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
  // Every run the bench spawns inherits this: a parse cache of its own, whatever the user's holds.
  const cache = mkdtempSync(join(tmpdir(), 'liq-bench-cache-'));
  process.env.LIQ_CACHE_DIR = cache;
  let figures: Figure[];
  try {
    figures = [...startupFigures(pairs), ...scaleFigures(rows, bigPairs)];
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
  process.stdout.write(`${renderTable(figures)}\n`);
  const results = { node: process.version, date: new Date().toISOString(), figures };
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write('(written to bench/results.json)\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
