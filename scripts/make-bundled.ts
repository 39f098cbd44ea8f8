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
