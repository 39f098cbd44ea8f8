import { describe, expect, it } from 'vitest';
import { judge, type Obs } from '../../../test/helpers/series.ts';
import { shareAboveIorbMin, sofrTail } from './sofr_tail.ts';

// NY Fed SOFR with its volume-weighted percentiles (Markets Data API, fixtures/SOURCES.md):
// date, rate, p1, p25, p75, p99
const OCT_2025: [string, number, number, number, number, number][] = [
  ['2025-10-17', 4.18, 4.1, 4.16, 4.24, 4.3], ['2025-10-20', 4.16, 4.1, 4.12, 4.21, 4.26], ['2025-10-21', 4.23, 4.15, 4.21, 4.29, 4.33],
  ['2025-10-22', 4.21, 4.14, 4.18, 4.27, 4.29], ['2025-10-23', 4.24, 4.15, 4.21, 4.3, 4.33], ['2025-10-24', 4.24, 4.16, 4.21, 4.3, 4.33],
  ['2025-10-27', 4.27, 4.15, 4.24, 4.34, 4.36], ['2025-10-28', 4.31, 4.2, 4.28, 4.39, 4.42], ['2025-10-29', 4.27, 4.18, 4.24, 4.33, 4.36],
  ['2025-10-30', 4.04, 3.95, 3.99, 4.09, 4.27], ['2025-10-31', 4.22, 4.05, 4.15, 4.29, 4.35],
];
const col = (rows: typeof OCT_2025, i: number): Obs[] => rows.map((r) => [r[0], r[i] as number] as const);
const IORB_2025: Obs[] = [['2025-09-18', 4.15], ['2025-10-30', 3.9]];

describe('sofr_tail', () => {
  it('reads the tail and the share above IORB on 2025-10-31', () => {
    const r = judge(sofrTail, { sofr: col(OCT_2025, 1), sofr_p25: col(OCT_2025, 3), sofr_p75: col(OCT_2025, 4), sofr_p99: col(OCT_2025, 5), iorb: IORB_2025 }, '2025-10-31');
    expect(r.metrics.p99Bp, 'p99 4.35 − SOFR 4.22 = 13 bp').toBe(13);
    expect(r.metrics.p25IorbBp, 'p25 4.15 − IORB 3.90 = 25 bp').toBe(25);
    expect(r.metrics.p75IorbBp, '4.29 − 3.90').toBe(39);
    expect(r.metrics.p99IorbBp, '4.35 − 3.90').toBe(45);
    expect(r.metrics.shareAboveIorbMin, 'p25 4.15 > IORB 3.90: at least 75 % of the volume above IORB').toBe(75);
    // p99 − SOFR, 10-20 … 10-31: 10, 10, 8, 9, 9, 9, 11, 9, 23, 13 = 111
    expect(r.metrics.avg10P99Bp, '111 / 10').toBe(11.1);
    expect(r.status, 'share 75 ≥ 25: watch at most by default').toBe('watch');
  });

  it('reads the 2019 spike: a 375 bp tail, three quarters of the volume above IOER', () => {
    const r = judge(sofrTail, {
      sofr: [['2019-09-16', 2.43], ['2019-09-17', 5.25]],
      sofr_p25: [['2019-09-16', 2.42], ['2019-09-17', 5.0]],
      sofr_p75: [['2019-09-16', 2.55], ['2019-09-17', 5.85]],
      sofr_p99: [['2019-09-16', 4.6], ['2019-09-17', 9.0]],
      iorb: [['2019-09-17', 2.1, 'derived']], // IOER: the 2.25 top − 15 bp (FOMC, 2019-05-02)
    }, '2019-09-17');
    expect(r.metrics.p99Bp, 'p99 9.00 − SOFR 5.25 = 375 bp').toBe(375);
    expect(r.metrics.shareAboveIorbMin, 'p25 5.00 > IOER 2.10').toBe(75);
    expect(r.metrics.avg10P99Bp, 'two days of data, not ten').toBeNull();
    expect(r.status).toBe('watch');
  });

  it('proves only what the percentiles show', () => {
    const iorb = 4.0;
    expect(shareAboveIorbMin(iorb, { p25: 3.99, median: 4.01, p75: 4.1, p99: 4.2 }), 'median above: half').toBe(50);
    expect(shareAboveIorbMin(iorb, { p25: 3.9, median: 4.0, p75: 4.01, p99: 4.2 }), 'a median at IORB is not above it').toBe(25);
    expect(shareAboveIorbMin(iorb, { p25: 3.9, median: 3.95, p75: 3.99, p99: 4.05 })).toBe(1);
    expect(shareAboveIorbMin(iorb, { p25: 3.9, median: 3.95, p75: 3.99, p99: 4.0 })).toBe(0);
    expect(shareAboveIorbMin(iorb, { p25: null, median: 3.95, p75: null, p99: null }), 'nothing proven without percentiles').toBe(0);
  });

  it('is unavailable without the percentiles, naming them', () => {
    const r = judge(sofrTail, { sofr: col(OCT_2025, 1), iorb: IORB_2025 }, '2025-10-31');
    expect(r.status).toBe('unavailable');
    expect(r.reason).toContain('SOFR 99th percentile');
  });
});
