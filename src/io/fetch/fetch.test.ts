/** The strict readers behind `liq fetch`: what passes is written to the cache, so everything else is refused. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseApiPage } from './fred.ts';
import { referenceRate, repoResults, yearWindows } from './nyfed.ts';
import { formatFredCsv, parseFredCsv, parseJson, sameValue, type Observation } from './observations.ts';
import { tgaClosingBalances } from './treasury.ts';
import { summarise } from './cached.ts';

const RAW = join(import.meta.dirname, '../../../fixtures/raw');

describe('parseFredCsv', () => {
  it('reads both FRED headers, and "." or empty as no observation', () => {
    expect(parseFredCsv('DATE,RRPONTSYAWARD\r\n2013-11-27,0.05\r\n2013-11-28,.\r\n', 'RRPONTSYAWARD')).toEqual([
      { date: '2013-11-27', value: '0.05' },
      { date: '2013-11-28', value: '' },
    ]);
    expect(parseFredCsv('\uFEFFobservation_date,SOFR\n2025-10-31,4.22\n2025-11-03,', 'SOFR')).toHaveLength(2);
  });

  it('round-trips the cache format byte for byte', () => {
    const text = 'observation_date,SOFR\n2018-04-03,1.83\n2018-04-04,\n';
    expect(formatFredCsv('SOFR', parseFredCsv(text, 'SOFR'))).toBe(text);
  });

  it('refuses an HTML page, another series, a row cut short and dates out of order', () => {
    expect(() => parseFredCsv('<!DOCTYPE html><title>Error 502</title>', 'SOFR')).toThrow('an HTML page, not CSV ("Error 502")');
    expect(() => parseFredCsv('observation_date,EFFR\n2025-10-31,4.11\n', 'SOFR')).toThrow('expected the header observation_date,SOFR');
    expect(() => parseFredCsv('observation_date,SOFR\n2025-10-31,4.22\n2025-11-0', 'SOFR')).toThrow('the body looks cut short');
    expect(() => parseFredCsv('observation_date,SOFR\n2025-10-31,4.22\n2025-10-30,4.2\n', 'SOFR')).toThrow('2025-10-30 follows 2025-10-31');
    expect(() => parseFredCsv('observation_date,SOFR\n2025-10-31,4.2x\n', 'SOFR')).toThrow('line 2 is "2025-10-31,4.2x"');
    expect(() => parseFredCsv('observation_date,SOFR\n2025-02-30,4.2\n', 'SOFR')).toThrow('expected YYYY-MM-DD,number');
  });
});

describe('FRED API pages', () => {
  it('read "." as no observation and surface FRED\'s own error message', () => {
    const page = parseApiPage(JSON.stringify({ count: 2, observations: [{ date: '2025-10-31', value: '4.22' }, { date: '2025-11-27', value: '.' }] }), 200);
    expect(page).toEqual({ count: 2, rows: [{ date: '2025-10-31', value: '4.22' }, { date: '2025-11-27', value: '' }] });
    const error = JSON.stringify({ error_code: 400, error_message: 'Bad Request.  The series does not exist.' });
    expect(() => parseApiPage(error, 400)).toThrow('FRED API: Bad Request. The series does not exist.');
    expect(() => parseApiPage('{"observations": [{"date": "2025', 200)).toThrow('not valid JSON (cut short?)');
  });
});

/** A saved response, parsed: the unit tests read the real bytes, as the black-box tests serve them. */
const saved = (file: string): unknown => JSON.parse(readFileSync(join(RAW, file), 'utf8')) as unknown;
const on = (rows: readonly Observation[], date: string): string | undefined => rows.find((r) => r.date === date)?.value;

describe('the NY Fed\'s reference rates, from the saved responses', () => {
  const sofr = saved('sofr-rate_2018-04-03_2026-09-03.json');

  it('reads each SOFR percentile as printed, and "NA" (with its footnote) as no observation, not 0', () => {
    const p99 = referenceRate(sofr, 'sofr', 'p99');
    expect(p99, 'one row per record: 2,104 days from 2018-04-03 to 2026-09-03').toHaveLength(2104);
    expect(on(p99, '2019-09-17'), 'the spike: 99th percentile "9.00" in the file').toBe('9');
    expect(on(referenceRate(sofr, 'sofr', 'p1'), '2019-09-17'), '1st percentile 2.25').toBe('2.25');
    expect(on(referenceRate(sofr, 'sofr', 'p25'), '2019-09-17'), '25th percentile "5.00"').toBe('5');
    expect(on(referenceRate(sofr, 'sofr', 'p75'), '2025-10-31'), '75th percentile 4.29 on 2025-10-31').toBe('4.29');
    expect(on(p99, '2019-05-31'), '"NA" with footnoteId 2 on 2019-05-31').toBe('');
    expect(on(p99, '2021-08-05'), '"NA" with footnoteId 2 on 2021-08-05').toBe('');
    expect(p99.filter((r) => r.value === ''), 'exactly the two footnoted days').toHaveLength(2);
    expect(p99[0], 'in date order, though the API sends newest first').toEqual({ date: '2018-04-03', value: '2' });
  });

  it('reads the SOFR volume in USD billions, the catalog\'s unit for sofr_volume', () => {
    const volume = referenceRate(saved('sofr-volume_2018-04-03_2026-09-03.json'), 'sofr', 'volume');
    expect(on(volume, '2019-09-17'), 'volumeInBillions 1177 = 1,177 bn').toBe('1177');
    expect(on(volume, '2025-10-31'), '3,211 bn').toBe('3211');
    expect(on(volume, '2019-05-31'), 'the volume is published on a footnoted day').toBe('1136');
  });

  it('reads EFFR and its percentiles', () => {
    const effr = saved('effr-rate_2019.json');
    expect(on(referenceRate(effr, 'effr', 'rate'), '2019-09-17'), 'EFFR 2.30 on 2019-09-17').toBe('2.3');
    expect(on(referenceRate(effr, 'effr', 'p99'), '2019-09-17'), 'its 99th percentile 4.00').toBe('4');
    expect(on(referenceRate(saved('effr-rate_2025.json'), 'effr', 'p1'), '2025-10-31'), '1st percentile 3.84').toBe('3.84');
    expect(referenceRate(effr, 'effr', 'volume'), 'a rate search holds no volume: nothing, not zeros').toEqual([]);
  });

  it('refuses another rate\'s answer, so SOFR\'s numbers are never saved as TGCR\'s or EFFR\'s as OBFR\'s', () => {
    expect(() => referenceRate(sofr, 'tgcr', 'rate')).toThrow('the answer for TGCR holds another rate: "SOFR" on "2026-09-03"');
    expect(() => referenceRate(saved('effr-rate_2025.json'), 'obfr', 'rate')).toThrow('the answer for OBFR holds another rate: "EFFR"');
    expect(() => referenceRate(saved('repo-results_2026-09-15.json'), 'sofr', 'p99')).toThrow('no "refRates" array');
    expect(() => parseJson('<html><title>Service Unavailable</title></html>')).toThrow('an HTML page, not JSON ("Service Unavailable")');
  });
});

describe('the NY Fed\'s repo operation results, from the saved 2026-09-15 response', () => {
  const results = saved('repo-results_2026-09-15.json');

  it('sums the day\'s overnight repo operations in billions, leaving out the reverse repo', () => {
    expect(repoResults(results, 'accepted'), 'SRF morning 0 + afternoon 102,000,000 dollars / 1e9 = 0.102 bn (the ON RRP\'s 700,000,000 is not repo)').toEqual([{ date: '2026-09-15', value: '0.102' }]);
    expect(repoResults(results, 'submitted'), 'full allotment: submitted 0 + 102,000,000 = accepted').toEqual([{ date: '2026-09-15', value: '0.102' }]);
  });

  it('takes the published offering rate as the SRF\'s rate', () => {
    expect(repoResults(results, 'rate'), 'percentOfferingRate 3.75 for Treasury, Agency and MBS, both operations').toEqual([{ date: '2026-09-15', value: '3.75' }]);
  });

  it('leaves out a small-value exercise (the real afternoon operation, marked as one)', () => {
    const doc = saved('repo-results_2026-09-15.json') as { repo: { operations: Array<Record<string, unknown>> } };
    const afternoon = doc.repo.operations.find((op) => op.operationId === 'RP 091526 27') as Record<string, unknown>;
    afternoon.isSmallValue = 'Y';
    expect(repoResults(doc, 'accepted'), 'only the morning\'s 0 is left').toEqual([{ date: '2026-09-15', value: '0' }]);
    expect(() => repoResults(saved('sofr-volume_2018-04-03_2026-09-03.json'), 'accepted')).toThrow('no "repo.operations" array');
  });

  it('is asked one calendar year at a time', () => {
    expect(yearWindows('2024-11-24', '2026-02-01')).toEqual([
      ['2024-11-24', '2024-12-31'],
      ['2025-01-01', '2025-12-31'],
      ['2026-01-01', '2026-02-01'],
    ]);
    expect(yearWindows('2026-03-01', '2026-03-01')).toEqual([['2026-03-01', '2026-03-01']]);
  });
});

describe('the Daily Treasury Statement, from the saved Fiscal Data response', () => {
  it('takes the TGA closing balance from open_today_bal ("null" in close_today_bal), millions / 1,000', () => {
    const { rows, pages } = tgaClosingBalances(saved('treasury/dts-api-tga_2026-01-02_2026-10-06.json'));
    expect(pages).toBe(1);
    expect(rows, '193 days, 2026-01-02 to 2026-10-06').toHaveLength(193);
    expect(rows[0], 'open_today_bal "781204" millions / 1000 = 781.204 bn').toEqual({ date: '2026-01-02', value: '781.204' });
    expect(on(rows, '2026-04-15'), '"924435" / 1000 = 924.435 bn on tax day').toBe('924.435');
    expect(on(rows, '2026-10-06'), '"885414" / 1000').toBe('885.414');
    expect(() => tgaClosingBalances(saved('effr-rate_2019.json'))).toThrow('no "data" array');
  });
});

describe('the offline summary', () => {
  it('gives one entry per publisher: its newest date, and the age of its least recently fetched file, a discontinued one aside', () => {
    const now = Date.parse('2026-10-07T12:00:00Z');
    const hoursAgo = (h: number): Date => new Date(now - h * 3_600_000);
    const entries = [
      { file: 'SOFR.csv', column: 'SOFR', last: '2026-10-06', fetchedAt: hoursAgo(1) },
      { file: 'WRESBAL.csv', column: 'WRESBAL', last: '2026-09-30', fetchedAt: hoursAgo(3) },
      { file: 'IOER.csv', column: 'IOER', last: '2021-07-28', fetchedAt: hoursAgo(9000) },
      { file: 'sofr_p99.csv', column: 'sofr_p99', last: '2026-10-06', fetchedAt: hoursAgo(2) },
      { file: 'srf.csv', column: 'srf', last: null, fetchedAt: hoursAgo(2) },
      { file: 'tga_daily.csv', column: 'tga_daily', last: '2026-10-05', fetchedAt: hoursAgo(1) },
      { file: 'mine.csv', column: 'x', last: null, fetchedAt: hoursAgo(50) },
    ];
    expect(summarise(entries, '2026-10-07', now)).toEqual([
      { publisher: 'FRED', files: 3, last: '2026-10-06', daysOld: 1, fetchedAgoMs: 3 * 3_600_000 },
      { publisher: 'NY Fed', files: 2, last: '2026-10-06', daysOld: 1, fetchedAgoMs: 2 * 3_600_000 },
      { publisher: 'Treasury', files: 1, last: '2026-10-05', daysOld: 2, fetchedAgoMs: 3_600_000 },
      { publisher: 'other', files: 1, last: null, daysOld: null, fetchedAgoMs: 50 * 3_600_000 },
    ]);
  });
});

describe('sameValue', () => {
  it('sees "1.80" and "1.8" as one value, and a value and none as two', () => {
    expect(sameValue('1.80', '1.8')).toBe(true);
    expect(sameValue('1.8', '')).toBe(false);
    expect(sameValue('', '')).toBe(true);
  });
});
