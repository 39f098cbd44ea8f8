/** The strict readers behind `liq fetch`: what passes is written to the cache, so everything else is refused. */
import { describe, expect, it } from 'vitest';
import { parseApiPage } from './fred.ts';
import { repoTakeUp, sofrP99, yearWindows } from './nyfed.ts';
import { formatFredCsv, parseFredCsv, parseJson, sameValue } from './observations.ts';

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

describe('the NY Fed', () => {
  it('sums the day\'s overnight repo operations in billions, leaving out reverse repos, term repos and announcements', () => {
    const doc = {
      repo: {
        operations: [
          { operationDate: '2025-10-31', operationType: 'Repo', term: 'Overnight', auctionStatus: 'Results', totalAmtAccepted: 1_500_000_000 },
          { operationDate: '2025-10-31', operationType: 'Repo', term: 'Overnight', auctionStatus: 'Results', totalAmtAccepted: 48_850_000_000 },
          { operationDate: '2025-10-31', operationType: 'Reverse Repo', term: 'Overnight', auctionStatus: 'Results', totalAmtAccepted: 51_800_000_000 },
          { operationDate: '2019-10-01', operationType: 'Repo', term: '14-Day', auctionStatus: 'Results', totalAmtAccepted: 30_000_000_000 },
          { operationDate: '2025-11-03', operationType: 'Repo', term: 'Overnight', auctionStatus: 'Announcement' },
          { operationDate: '2025-10-30', operationType: 'Repo', term: 'Overnight', auctionStatus: 'Results', totalAmtAccepted: '0' },
        ],
      },
    };
    expect(repoTakeUp(doc), 'SRF 1.5 + 48.85 = 50.35 bn on 2025-10-31').toEqual([
      { date: '2025-10-30', value: '0' },
      { date: '2025-10-31', value: '50.35' },
    ]);
    expect(() => repoTakeUp({ refRates: [] })).toThrow('no "repo.operations" array');
    expect(() => repoTakeUp({ repo: { operations: [{ operationDate: '2025-10-31', operationType: 'Repo' }] } })).toThrow('no valid totalAmtAccepted');
  });

  it('reads the SOFR 99th percentile, skipping days without it and other rates', () => {
    const doc = {
      refRates: [
        { effectiveDate: '2025-10-31', type: 'SOFR', percentRate: 4.22, percentPercentile99: 4.5 },
        { effectiveDate: '2025-10-31', type: 'TGCR', percentRate: 4.2, percentPercentile99: 4.4 },
        { effectiveDate: '2025-11-03', type: 'SOFR', percentRate: 4.13 },
      ],
    };
    expect(sofrP99(doc)).toEqual([{ date: '2025-10-31', value: '4.5' }]);
    expect(() => parseJson('<html><title>Service Unavailable</title></html>')).toThrow('an HTML page, not JSON ("Service Unavailable")');
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

describe('sameValue', () => {
  it('sees "1.80" and "1.8" as one value, and a value and none as two', () => {
    expect(sameValue('1.80', '1.8')).toBe(true);
    expect(sameValue('1.8', '')).toBe(false);
    expect(sameValue('', '')).toBe(true);
  });
});
