import type { Day } from '../../domain/dates.ts';
import type { Context } from '../_lib/context.ts';
import { meanOfAll, spreadBp } from '../_lib/numbers.ts';
import { missingSeries, unavailableFor, defineIndicator } from '../indicator.ts';

const WINDOW = 10;

/** The 99th percentile over the median in bp on a business day, both that day's prints. */
function p99OverMedian(ctx: Context, day: Day): number | null {
  const sofr = ctx.on('sofr', day);
  const p99 = ctx.on('sofr_p99', day);
  return sofr === null || p99 === null ? null : spreadBp(p99.value, sofr.value);
}

/**
 * The least share (%) of SOFR's volume that traded above IORB which the percentiles
 * prove: a percentile above IORB puts at least the volume above it there too.
 */
export function shareAboveIorbMin(iorb: number, p: { p25: number | null; median: number | null; p75: number | null; p99: number | null }): number {
  if (p.p25 !== null && p.p25 > iorb) return 75;
  if (p.median !== null && p.median > iorb) return 50;
  if (p.p75 !== null && p.p75 > iorb) return 25;
  if (p.p99 !== null && p.p99 > iorb) return 1;
  return 0;
}

/**
 * The SOFR distribution's upper tail and how much of the volume traded above IORB: the
 * Fed's own ampleness check (Perli, 2024) reads the share of repo at or above IORB, and
 * the tail widens before the median moves.
 */
/** The metric keys, in display order (the JSON `metrics` object). */
const METRICS = ['p99Bp', 'p99IorbBp', 'p75IorbBp', 'p25IorbBp', 'shareAboveIorbMin', 'avg10P99Bp'] as const;

export const sofrTail = defineIndicator({
  id: 'sofr_tail',
  title: 'SOFR tail',
  unit: 'bp',
  kind: 'breadth',
  metricKeys: METRICS,
  metricUnits: { p99Bp: 'bp', p99IorbBp: 'bp', p75IorbBp: 'bp', p25IorbBp: 'bp', shareAboveIorbMin: '%', avg10P99Bp: 'bp' },
  thresholdMetrics: { shareAboveIorbMin: '>=', p99Bp: '>=', avg10P99Bp: '>=', p25IorbBp: '>=', p75IorbBp: '>=' },
  primaryMetric: 'shareAboveIorbMin',
  defaults: { watch: [{ metric: 'shareAboveIorbMin', op: '>=', value: 25 }], stress: null },
  compute(ctx) {
    // The tail needs only SOFR and its 99th percentile; the IORB measures need IORB too.
    const missing = missingSeries(ctx, ['sofr', 'sofr_p99']);
    if (missing.length > 0) return unavailableFor(this, missing);
    const day = ctx.businessDays.at(-1) as number;
    const sofr = ctx.on('sofr', day);
    const iorb = ctx.at('iorb', day);
    const p25 = ctx.on('sofr_p25', day);
    const p75 = ctx.on('sofr_p75', day);
    const p99 = ctx.on('sofr_p99', day);
    const overIorb = (p: { value: number } | null): number | null => (p === null || iorb === null ? null : spreadBp(p.value, iorb.value));
    const window = ctx.lastBusinessDays(WINDOW);
    return {
      metrics: {
        p99Bp: p99OverMedian(ctx, day),
        p99IorbBp: overIorb(p99),
        p75IorbBp: overIorb(p75),
        p25IorbBp: overIorb(p25),
        shareAboveIorbMin: iorb === null || (p99 === null && p25 === null && p75 === null)
          ? null
          : shareAboveIorbMin(iorb.value, { p25: p25?.value ?? null, median: sofr?.value ?? null, p75: p75?.value ?? null, p99: p99?.value ?? null }),
        avg10P99Bp: window.length === WINDOW ? meanOfAll([...window].map((d) => p99OverMedian(ctx, d))) : null,
      },
      used: [sofr, p25, p75, p99, iorb].filter((p) => p !== null),
    };
  },
});
