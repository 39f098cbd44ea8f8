import { describe, expect, it } from 'vitest';
import { day, october2025, seriesSet } from '../../test/helpers/series.ts';
import { assess } from '../engine/assess.ts';
import { deriveSeries } from '../engine/derive.ts';
import type { Assessment } from '../engine/types.ts';
import { labelValue, prometheusText, statusValue } from './prometheus.ts';

const NOW = Date.UTC(2025, 10, 1, 7, 15, 30, 250); // 2025-11-01 07:15:30.25 UTC
const assessment = assess(deriveSeries(seriesSet(october2025())), { asOf: day('2025-10-31') });
const text = prometheusText(assessment, { now: NOW });
const lines = text.trimEnd().split('\n');
const sample = (name: string): string | undefined => lines.find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));

describe('prometheusText', () => {
  it('gives each family a HELP and a TYPE line before its samples, and no family twice', () => {
    const families = lines.filter((l) => l.startsWith('# TYPE ')).map((l) => l.split(' ')[2]);
    expect(families).toEqual(['liq_status', 'liq_indicator_status', 'liq_metric', 'liq_series_age_seconds', 'liq_as_of_day_type', 'liq_as_of_timestamp_seconds', 'liq_last_run_timestamp_seconds']);
    for (const [i, line] of lines.entries()) {
      if (!line.startsWith('# TYPE ')) continue;
      const name = line.split(' ')[2] as string;
      expect(lines[i - 1], name).toMatch(new RegExp(`^# HELP ${name} \\S`));
      expect(line).toBe(`# TYPE ${name} gauge`);
      // Every sample of the family follows its TYPE line without a break.
      const own = lines.map((l, j) => [l, j] as const).filter(([l]) => !l.startsWith('#') && l.split(/[{ ]/)[0] === name).map(([, j]) => j);
      expect(own.every((j, k) => j === i + 1 + k), name).toBe(true);
    }
  });

  it("gives the as-of date's calendar types", () => {
    expect(lines.filter((l) => l.startsWith('liq_as_of_day_type{')), 'a Friday 31st').toEqual(['liq_as_of_day_type{type="month_end"} 1']);
  });

  it('says stress as 2, and each judged indicator by its status', () => {
    expect(assessment.status).toBe('stress');
    expect(sample('liq_status')).toBe('liq_status 2');
    expect(lines).toContain('liq_indicator_status{indicator="sofr_rrp_spread"} 2');
    expect(lines).toContain('liq_indicator_status{indicator="srf_usage"} 3'); // no SRF data: unavailable
    expect(lines.some((l) => l.includes('indicator_status{indicator="qt_pace"}')), 'info: nothing to judge').toBe(false);
  });

  it('gives every numeric metric unrounded, and none that is null or a date', () => {
    expect(lines).toContain('liq_metric{indicator="sofr_rrp_spread",metric="avg10Bp",unit="bp"} 26.9');
    expect(lines).toContain('liq_metric{indicator="reserves",metric="level",unit="USD bn"} 2848.021');
    expect(lines).toContain('liq_metric{indicator="qt_pace",metric="perMonth",unit="USD bn"} -18.514666666666667');
    expect(lines.some((l) => l.includes('metric="gdpDate"'))).toBe(false);
    expect(lines.some((l) => l.includes('indicator="srf_usage",metric'))).toBe(false);
  });

  it('dates in seconds: the as-of day at 00:00 UTC, series ages in whole days, the run to the second', () => {
    expect(sample('liq_as_of_timestamp_seconds')).toBe(`liq_as_of_timestamp_seconds ${Date.UTC(2025, 9, 31) / 1000}`);
    expect(sample('liq_last_run_timestamp_seconds')).toBe('liq_last_run_timestamp_seconds 1761981330');
    const sofr = assessment.series.find((s) => s.name === 'sofr');
    const ageDays = (day('2025-10-31') - day(sofr?.last ?? '')) as number;
    expect(lines).toContain(`liq_series_age_seconds{series="sofr"} ${ageDays * 86400}`);
  });

  it('escapes label values as the format says, so no value can end a label or a line', () => {
    expect(labelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
    const hostile: Assessment = { ...assessment, indicators: [{ ...(assessment.indicators[0] as Assessment['indicators'][number]), metrics: { 'x"} 1\nliq_status 0': 5 } }] };
    const out = prometheusText(hostile, { now: NOW });
    expect(out).toContain('liq_metric{indicator="sofr_rrp_spread",metric="x\\"} 1\\nliq_status 0",unit="number"} 5\n');
    expect(out.split('\n').filter((l) => l.startsWith('liq_status '))).toEqual(['liq_status 2']);
  });
});

describe('statusValue', () => {
  it('0 ok, 1 watch, 2 stress, 3 unknown and unavailable, nothing for info', () => {
    expect(['ok', 'watch', 'stress', 'unknown', 'unavailable', 'info'].map((s) => statusValue(s as 'ok'))).toEqual([0, 1, 2, 3, 3, null]);
  });
});
