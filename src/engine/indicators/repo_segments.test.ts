import { describe, expect, it } from 'vitest';
import { judge, type Obs } from '../../../test/helpers/series.ts';
import { repoSegments } from './repo_segments.ts';

// NY Fed reference rates (fixtures/SOURCES.md): date, SOFR, BGCR, TGCR
const OCT_2025: [string, number, number, number][] = [
  ['2025-10-17', 4.18, 4.16, 4.16], ['2025-10-20', 4.16, 4.12, 4.12], ['2025-10-21', 4.23, 4.21, 4.21], ['2025-10-22', 4.21, 4.18, 4.18],
  ['2025-10-23', 4.24, 4.21, 4.21], ['2025-10-24', 4.24, 4.21, 4.21], ['2025-10-27', 4.27, 4.24, 4.24], ['2025-10-28', 4.31, 4.28, 4.28],
  ['2025-10-29', 4.27, 4.24, 4.24], ['2025-10-30', 4.04, 3.99, 3.99], ['2025-10-31', 4.22, 4.15, 4.15],
];
const col = (i: number): Obs[] => OCT_2025.map((r) => [r[0], r[i] as number] as const);
// ON RRP award rate = the bottom of the range: 4.00, 3.75 from 10-30 (FOMC 10-29)
const RRP_RATE: Obs[] = [['2025-09-18', 4.0], ['2025-10-30', 3.75]];

describe('repo_segments', () => {
  it('reads tri-party against the Fed floor and dealers against tri-party on 2025-10-31', () => {
    const r = judge(repoSegments, { sofr: col(1), bgcr: col(2), tgcr: col(3), rrp_rate: RRP_RATE }, '2025-10-31');
    expect(r.metrics.tgcrRrpBp, 'TGCR 4.15 − ON RRP 3.75 = 40 bp').toBe(40);
    expect(r.metrics.sofrTgcrBp, 'SOFR 4.22 − TGCR 4.15 = 7 bp').toBe(7);
    expect(r.metrics.bgcrTgcrBp, 'BGCR 4.15 = TGCR').toBe(0);
    // TGCR − RRP, 10-20 … 10-31: 12, 21, 18, 21, 21, 24, 28, 24, 24 (3.99 − 3.75), 40 = 233
    expect(r.metrics.avg10TgcrRrpBp, '233 / 10').toBe(23.3);
    expect(r.status, '23.3 bp ≥ 15 bp: watch, never stress by default').toBe('watch');
    expect(r.inputs.map((i) => `${i.series} ${i.date}`)).toEqual(['tgcr 2025-10-31', 'rrp_rate 2025-10-30', 'sofr 2025-10-31', 'bgcr 2025-10-31']);
  });

  it('needs ten days of TGCR for the mean', () => {
    const r = judge(repoSegments, { sofr: col(1), tgcr: col(3).slice(-5), rrp_rate: RRP_RATE }, '2025-10-31');
    expect(r.metrics.tgcrRrpBp).toBe(40);
    expect(r.metrics.avg10TgcrRrpBp).toBeNull();
    expect(r.metrics.bgcrTgcrBp, 'no BGCR given').toBeNull();
  });

  it('is unavailable without TGCR', () => {
    const r = judge(repoSegments, { sofr: col(1), rrp_rate: RRP_RATE }, '2025-10-31');
    expect(r.status).toBe('unavailable');
    expect(r.reason).toContain('Tri-party general collateral rate');
  });
});
