/**
 * Builds the bundled series liq's FRED fixtures lack, from the raw files kept beside them
 * in fixtures/raw/ (provenance: fixtures/SOURCES.md). Never edit the outputs by hand; run
 * from the repository root: npx tsx scripts/make-bundled.ts
 *
 * - fixtures/bundled/srf_2018-2021_RPONTSYD.csv: repo operation take-up from FRED's RPONTSYD
 *   (overnight repo, Treasury collateral, USD bn) in the FRED "Daily" data list, on every
 *   SOFR business day from 2018-04-03 to 2021-12-31; a business day with no operation
 *   (RPONTSYD empty) took up 0.
 * - fixtures/bundled/srf_2022-2025_nyfed.csv: the New York Fed's repo operation results, the
 *   day's accepted amounts summed (all collateral; the Standing Repo Facility's morning
 *   and afternoon operations), dollars → USD bn, 2022-01-03 to 2025-11-24.
 * - fixtures/bundled/sofr_distribution_nyfed.csv: the SOFR percentiles and volume from the
 *   New York Fed's API responses (2018-04-03 to 2026-09-03); "NA" (footnote 2: too few
 *   transactions) is left empty.
 * - fixtures/bundled/effr_distribution_nyfed.csv: the EFFR percentiles from the API
 *   responses (2019 and 2025) and, with the EFFR volume, the website's reference-rate export
 *   (fixtures/nyfed/exports/SOFR.csv, 2026-01-02 to 2026-08-03).
 * - fixtures/bundled/tgcr_bgcr_nyfed.csv: TGCR and BGCR from raw/nyfed_reference_rates.csv
 *   (API values in another project's layout, 2024-10-21 to 2025-11-21) and the export (2026).
 * Values are copied as published, never rounded or filled; a date with two different values
 * for one series is an error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const RAW = 'fixtures/raw';
const OUT = 'fixtures/bundled';

function write(file: string, header: string, rows: readonly string[]): void {
  writeFileSync(`${OUT}/${file}`, `${header}\n${rows.join('\n')}\n`);
  console.log(`${OUT}/${file}: ${rows.length} rows, ${rows[0]?.split(',')[0]} .. ${rows.at(-1)?.split(',')[0]}`);
}

// FRED's data list: one wide file; RPONTSYD on the days SOFR was published.
const list = parse(readFileSync(`${RAW}/fred-datalist-daily.csv`, 'utf8'), { columns: true }) as Record<string, string>[];
const rpontsyd: string[] = [];
for (const row of list) {
  const date = row.observation_date as string;
  if (date < '2018-04-03' || date > '2021-12-31' || (row.SOFR ?? '') === '') continue;
  const value = row.RPONTSYD ?? '';
  rpontsyd.push(`${date},${value === '' ? '0' : Number(value)}`);
}
write('srf_2018-2021_RPONTSYD.csv', 'date,srf', rpontsyd);

// The New York Fed's repo operation results, one row per day (totalAmtAccepted: the day's sum, dollars).
const ops = parse(readFileSync(`${RAW}/nyfed_repo_ops.csv`, 'utf8'), { columns: true }) as Record<string, string>[];
const repo = ops
  .filter((op) => /^(Repo)+$/.test(op.operationType ?? ''))
  // `date`, not operationDate: on days of two operations that project concatenated the text fields.
  .map((op) => `${op.date},${Number(op.totalAmtAccepted) / 1e9}`)
  .sort();
write('srf_2022-2025_nyfed.csv', 'date,srf', repo);

// The SOFR distribution and volume: two API responses, one record per date each.
type RefRate = Record<string, string | number | undefined>;
const rates = (JSON.parse(readFileSync(`${RAW}/sofr-rate_2018-04-03_2026-09-03.json`, 'utf8')) as { refRates: RefRate[] }).refRates;
const volumes = (JSON.parse(readFileSync(`${RAW}/sofr-volume_2018-04-03_2026-09-03.json`, 'utf8')) as { refRates: RefRate[] }).refRates;
const volumeOn = new Map(volumes.map((v) => [v.effectiveDate as string, v.volumeInBillions]));
const cell = (v: string | number | undefined): string => (v === undefined || v === 'NA' || v === '' ? '' : String(Number(v)));
const distribution = rates
  .map((r) => {
    const date = r.effectiveDate as string;
    return [date, r.percentPercentile1, r.percentPercentile25, r.percentPercentile75, r.percentPercentile99, volumeOn.get(date)].map((v, i) => (i === 0 ? v : cell(v))).join(',');
  })
  .sort();
write('sofr_distribution_nyfed.csv', 'date,sofr_p1,sofr_p25,sofr_p75,sofr_p99,sofr_volume', distribution);

// The EFFR distribution, TGCR and BGCR: API responses, another project's table of API
// values, and the website's export, merged date by date.
type Table = Map<string, Map<string, string>>;
const effr: Table = new Map();
const repoRates: Table = new Map();

/** Sets one value, refusing two different values for one series on one date. */
function put(table: Table, date: string, column: string, value: unknown, from: string): void {
  if (value === undefined || value === null || value === '' || value === 'NA') return;
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`${from}: ${column} on ${date} is "${text}", not a number`);
  const row = table.get(date) ?? new Map<string, string>();
  const old = row.get(column);
  if (old !== undefined && Number(old) !== Number(text)) throw new Error(`${from}: ${column} on ${date} is ${text}, elsewhere ${old}`);
  row.set(column, text);
  table.set(date, row);
}

const PERCENTILES = [['1', 'percentPercentile1', '1st'], ['25', 'percentPercentile25', '25th'], ['75', 'percentPercentile75', '75th'], ['99', 'percentPercentile99', '99th']] as const;
for (const file of ['effr-rate_2019.json', 'effr-rate_2025.json']) {
  for (const r of (JSON.parse(readFileSync(`${RAW}/${file}`, 'utf8')) as { refRates: RefRate[] }).refRates) {
    for (const [p, key] of PERCENTILES) put(effr, r.effectiveDate as string, `effr_p${p}`, r[key], file);
  }
}
const peer = parse(readFileSync(`${RAW}/nyfed_reference_rates.csv`, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
for (const r of peer) {
  put(repoRates, r.date as string, 'tgcr', r.TGCR_Rate, 'nyfed_reference_rates.csv');
  put(repoRates, r.date as string, 'bgcr', r.BGCR_Rate, 'nyfed_reference_rates.csv');
}
// The export: MM/DD/YYYY dates, one row per date and rate type, a trailing empty row.
const exported = parse(readFileSync('fixtures/nyfed/exports/SOFR.csv', 'utf8'), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
for (const r of exported) {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(r['Effective Date'] ?? '');
  if (m === null) continue; // the trailing row of empty fields
  const date = `${m[3]}-${m[1]}-${m[2]}`;
  const type = r['Rate Type'];
  if (type === 'TGCR' || type === 'BGCR') put(repoRates, date, type.toLowerCase(), r['Rate (%)'], 'exports/SOFR.csv');
  if (type === 'EFFR') {
    for (const [p, , label] of PERCENTILES) put(effr, date, `effr_p${p}`, r[`${label} Percentile (%)`], 'exports/SOFR.csv');
    put(effr, date, 'effr_volume', r['Volume ($Billions)'], 'exports/SOFR.csv');
  }
}

const wide = (table: Table, columns: readonly string[]): string[] =>
  [...table.keys()].sort().map((date) => [date, ...columns.map((c) => table.get(date)?.get(c) ?? '')].join(','));
write('effr_distribution_nyfed.csv', 'date,effr_p1,effr_p25,effr_p75,effr_p99,effr_volume', wide(effr, ['effr_p1', 'effr_p25', 'effr_p75', 'effr_p99', 'effr_volume']));
write('tgcr_bgcr_nyfed.csv', 'date,tgcr,bgcr', wide(repoRates, ['tgcr', 'bgcr']));
