import { describe, expect, it } from 'vitest';
import { judge } from '../../../test/helpers/series.ts';
import { qtPace } from './qt_pace.ts';

// FRED WALCL (here in billions): 2025-07-30 = 6642.578, 2025-10-29 = 6587.034.
const WALCL = [['2025-07-23', 6657.715], ['2025-07-30', 6642.578], ['2025-10-22', 6589.533], ['2025-10-29', 6587.034]] as const;

describe('qt_pace', () => {
  it('reports the 13-week change of Fed assets and its monthly pace, for information', () => {
    const r = judge(qtPace, { fed_assets: WALCL }, '2025-10-31');
    expect(r.metrics.change13w, '6587.034 − 6642.578 (07-30, latest on or before 08-01) = −55.544').toBe(-55.544);
    expect(r.metrics.perMonth, '−55.544 / 3 = −18.515 (the double, not cut to 12 digits)').toBe(-18.514666666666667);
    expect(r.status).toBe('info');
    expect(r.thresholds).toEqual({ watch: null, stress: null });
  });

  it('has no pace without 13 weeks of data', () => {
    const r = judge(qtPace, { fed_assets: WALCL.slice(2) }, '2025-10-31');
    expect(r.metrics).toEqual({ change13w: null, perMonth: null });
    expect(r.status).toBe('info');
  });

  it('is unavailable without Fed assets, naming them', () => {
    const r = judge(qtPace, { reserves: [['2025-10-29', 2848]] }, '2025-10-31');
    expect(r.status).toBe('unavailable');
    expect(r.reason).toMatch(/needs Fed total assets/);
  });

  it('lists stale Fed assets', () => {
    expect(judge(qtPace, { fed_assets: WALCL }, '2025-11-13').stale).toEqual([{ series: 'fed_assets', date: '2025-10-29', ageDays: 15, limitDays: 14 }]);
  });
});
