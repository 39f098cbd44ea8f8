/**
 * Builds the bundled New York Fed series in liq's wide form from the unmodified copies of
 * the NY Fed's own files in fixtures/nyfed/ (provenance: fixtures/SOURCES.md), so that
 * `liq check fixtures/fred/ fixtures/nyfed/` sees SOFR's percentiles and volume, the
 * EFFR percentiles, TGCR and BGCR:
 * - sofr-distribution.csv: sofr_p1 … sofr_p99 and sofr_volume, from the Markets Data API
 *   responses (2018-04-03 … 2026-09-03);
 * - effr-distribution.csv: effr_p1 … effr_p99 (API, 2019 and 2025) and, with effr_volume,
 *   the website's reference-rate export (2026-01-02 … 2026-08-03);
 * - tgcr-bgcr.csv: TGCR and BGCR from nyfed_reference_rates.csv (API values in another
 *   project's layout, 2024-10-21 … 2025-11-21) and from the export (2026).
 * Values are copied as published, never rounded or filled; "NA" percentiles stay empty.
 * Run from the repository root: npx tsx scripts/make-nyfed-fixtures.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const DIR = 'fixtures/nyfed';

type Row = Map<string, string>;
const tables = { sofr: new Map<string, Row>(), effr: new Map<string, Row>(), repo: new Map<string, Row>() };

/** Sets one value, refusing two different values for one series on one date. */
function put(table: Map<string, Row>, date: string, column: string, value: unknown, from: string): void {
  if (value === undefined || value === null || value === '' || value === 'NA') return;
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`${from}: ${column} on ${date} is "${text}", not a number`);
  const row = table.get(date) ?? new Map<string, string>();
  const old = row.get(column);
  if (old !== undefined && Number(old) !== Number(text)) throw new Error(`${from}: ${column} on ${date} is ${text}, elsewhere ${old}`);
  row.set(column, text);
  table.set(date, row);
}

interface ApiRate { effectiveDate: string; type: string; percentPercentile1?: unknown; percentPercentile25?: unknown; percentPercentile75?: unknown; percentPercentile99?: unknown; volumeInBillions?: unknown }
const api = (file: string): ApiRate[] => (JSON.parse(readFileSync(`${DIR}/api/${file}`, 'utf8')) as { refRates: ApiRate[] }).refRates;

for (const r of api('sofr-rate_2018-04-03_2026-09-03.json')) {
  for (const [p, key] of [['1', 'percentPercentile1'], ['25', 'percentPercentile25'], ['75', 'percentPercentile75'], ['99', 'percentPercentile99']] as const) {
    put(tables.sofr, r.effectiveDate, `sofr_p${p}`, r[key], 'sofr-rate');
  }
}
for (const r of api('sofr-volume_2018-04-03_2026-09-03.json')) put(tables.sofr, r.effectiveDate, 'sofr_volume', r.volumeInBillions, 'sofr-volume');
for (const file of ['effr-rate_2019.json', 'effr-rate_2025.json']) {
  for (const r of api(file)) {
    for (const [p, key] of [['1', 'percentPercentile1'], ['25', 'percentPercentile25'], ['75', 'percentPercentile75'], ['99', 'percentPercentile99']] as const) {
      put(tables.effr, r.effectiveDate, `effr_p${p}`, r[key], file);
    }
  }
}

const peer = parse(readFileSync(`${DIR}/peer-derived/nyfed_reference_rates.csv`, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
for (const r of peer) {
  put(tables.repo, r.date as string, 'tgcr', r.TGCR_Rate, 'nyfed_reference_rates.csv');
  put(tables.repo, r.date as string, 'bgcr', r.BGCR_Rate, 'nyfed_reference_rates.csv');
}

// The export: MM/DD/YYYY dates, one row per date and rate type, a trailing empty row.
const exported = parse(readFileSync(`${DIR}/exports/SOFR.csv`, 'utf8'), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
for (const r of exported) {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(r['Effective Date'] ?? '');
  if (m === null) continue; // the trailing row of empty fields
  const date = `${m[3]}-${m[1]}-${m[2]}`;
  const type = r['Rate Type'];
  if (type === 'TGCR' || type === 'BGCR') put(tables.repo, date, type.toLowerCase(), r['Rate (%)'], 'exports/SOFR.csv');
  if (type === 'EFFR') {
    for (const [p, label] of [['1', '1st'], ['25', '25th'], ['75', '75th'], ['99', '99th']] as const) put(tables.effr, date, `effr_p${p}`, r[`${label} Percentile (%)`], 'exports/SOFR.csv');
    put(tables.effr, date, 'effr_volume', r['Volume ($Billions)'], 'exports/SOFR.csv');
  }
  if (type === 'SOFR') {
    for (const [p, label] of [['1', '1st'], ['25', '25th'], ['75', '75th'], ['99', '99th']] as const) put(tables.sofr, date, `sofr_p${p}`, r[`${label} Percentile (%)`], 'exports/SOFR.csv');
    put(tables.sofr, date, 'sofr_volume', r['Volume ($Billions)'], 'exports/SOFR.csv');
  }
}

function write(file: string, table: Map<string, Row>, columns: readonly string[], header: readonly string[]): void {
  const lines = [['date', ...header].join(',')];
  for (const date of [...table.keys()].sort()) {
    const row = table.get(date) as Row;
    lines.push([date, ...columns.map((c) => row.get(c) ?? '')].join(','));
  }
  writeFileSync(`${DIR}/${file}`, `${lines.join('\n')}\n`);
  console.log(`${DIR}/${file}: ${table.size} dates`);
}

const SOFR = ['sofr_p1', 'sofr_p25', 'sofr_p75', 'sofr_p99', 'sofr_volume'];
const EFFR = ['effr_p1', 'effr_p25', 'effr_p75', 'effr_p99', 'effr_volume'];
const inBillions = (c: string): string => (c.endsWith('_volume') ? `${c}[billions]` : c);
write('sofr-distribution.csv', tables.sofr, SOFR, SOFR.map(inBillions));
write('effr-distribution.csv', tables.effr, EFFR, EFFR.map(inBillions));
write('tgcr-bgcr.csv', tables.repo, ['tgcr', 'bgcr'], ['tgcr', 'bgcr']);
