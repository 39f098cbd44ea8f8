import { describe, expect, it } from 'vitest';
import { day, october2025, seriesSet } from '../../test/helpers/series.ts';
import { assess } from './assess.ts';
import { deriveSeries } from './derive.ts';
import { statusChanges, statusSnapshot } from './status-change.ts';

const all = deriveSeries(seriesSet(october2025()));
const today = assess(all, { asOf: day('2025-10-31') });

describe('statusChanges', () => {
  it('is null when no status changed, whatever the date', () => {
    expect(statusChanges({ ...statusSnapshot(today), asOf: '2025-10-30' }, today)).toBeNull();
  });

  it('names the overall change and each indicator that changed, with today\'s reason', () => {
    const before = { ...statusSnapshot(today), asOf: '2025-10-30', status: 'watch' as const, indicators: { ...statusSnapshot(today).indicators, sofr_rrp_spread: 'watch' as const } };
    const changes = statusChanges(before, today);
    const spread = today.indicators.find((r) => r.id === 'sofr_rrp_spread');
    expect(changes).toEqual({
      asOf: '2025-10-31',
      previousAsOf: '2025-10-30',
      overall: { from: 'watch', to: 'stress' },
      indicators: [{ id: 'sofr_rrp_spread', title: spread?.title, from: 'watch', to: 'stress', reason: spread?.reason }],
    });
  });

  it('does not count an indicator the last run did not know as a change', () => {
    const rest = Object.fromEntries(Object.entries(statusSnapshot(today).indicators).filter(([id]) => id !== 'sofr_rrp_spread'));
    expect(statusChanges({ ...statusSnapshot(today), indicators: rest }, today)).toBeNull();
  });
});
