import { describe, expect, it } from 'vitest';
import { judge } from '../../../test/helpers/series.ts';
import { effrTail } from './effr_tail.ts';

describe('effr_tail', () => {
  it('reads fed funds against IORB on 2025-10-31: the 75th percentile still under it', () => {
    // NY Fed EFFR 2025-10-31: p75 3.87, p99 3.93 (Markets Data API); IORB 3.90 from 10-30
    const r = judge(effrTail, {
      effr_p75: [['2025-10-30', 3.87], ['2025-10-31', 3.87]],
      effr_p99: [['2025-10-30', 3.9], ['2025-10-31', 3.93]],
      iorb: [['2025-09-18', 4.15], ['2025-10-30', 3.9]],
    }, '2025-10-31');
    expect(r.metrics.p75IorbBp, 'p75 3.87 − IORB 3.90 = −3 bp').toBe(-3);
    expect(r.metrics.p99IorbBp, 'p99 3.93 − 3.90 = +3 bp').toBe(3);
    expect(r.metrics.volume, 'no EFFR volume given').toBeNull();
    expect(r.status, '−3 bp < 0 bp').toBe('ok');
  });

  it('reads the 2019 spike: a quarter of fed funds 40 bp over IOER', () => {
    // NY Fed EFFR 2019-09-17: p75 2.50, p99 4.00; IOER 2.10 (top 2.25 − 15 bp)
    const r = judge(effrTail, {
      effr_p75: [['2019-09-17', 2.5]], effr_p99: [['2019-09-17', 4.0]], iorb: [['2019-05-02', 2.1, 'derived']],
      effr_volume: [['2018-09-17', 60], ['2019-09-17', 75]],
    }, '2019-09-17');
    expect(r.metrics.p75IorbBp, '2.50 − 2.10').toBe(40);
    expect(r.metrics.p99IorbBp, '4.00 − 2.10').toBe(190);
    expect(r.metrics.volume).toBe(75);
    expect(r.metrics.volumeChange52wPct, '75 / 60 − 1 = 25 %').toBe(25);
    expect(r.status, 'p75 at or above IORB: watch').toBe('watch');
  });
});
