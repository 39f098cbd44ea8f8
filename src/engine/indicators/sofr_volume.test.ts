import { describe, expect, it } from 'vitest';
import { judge, weekdays, type Obs } from '../../../test/helpers/series.ts';
import { sofrVolume } from './sofr_volume.ts';

describe('sofr_volume', () => {
  it('reads the level, its 20-day mean and its change over a year, 2025-10-31', () => {
    // NY Fed SOFR volume (bn): 2024-11-01 2,164 (the last on or before 2025-10-31 − 364 days); 2025-10-31 3,211
    const year: Obs[] = [['2024-10-31', 2244], ['2024-11-01', 2164]];
    const sofrDays = weekdays('2025-09-08', 40);
    const r = judge(sofrVolume, {
      sofr: sofrDays.map((d) => [d, 4.2] as const),
      sofr_volume: [...year, ...sofrDays.map((d, i) => [d, i < 20 ? 2900 : i === 39 ? 3211 : 3000] as const)],
    }, '2025-10-31');
    expect(sofrDays.at(-1)).toBe('2025-10-31');
    expect(r.metrics.level).toBe(3211);
    expect(r.metrics.avg20, '(19 × 3,000 + 3,211) / 20 = 3,010.55').toBe(3010.55);
    expect(r.metrics.change20dPct, '3,010.55 / 2,900 − 1 = 3.812 %').toBeCloseTo(3.8121, 4);
    expect(r.metrics.change52wPct, '3,211 / 2,164 − 1 = 48.38 %').toBeCloseTo(48.383, 3);
    expect(r.status, 'informational').toBe('info');
  });

  it('has no mean before 20 days of volume', () => {
    const days = weekdays('2025-10-20', 10);
    const r = judge(sofrVolume, { sofr: days.map((d) => [d, 4.2] as const), sofr_volume: days.map((d) => [d, 3000] as const) }, '2025-10-31');
    expect(r.metrics.avg20).toBeNull();
    expect(r.metrics.change52wPct, 'no volume a year before').toBeNull();
  });
});
