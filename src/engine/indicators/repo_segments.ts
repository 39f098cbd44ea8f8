import type { Day } from '../../domain/dates.ts';
import type { Context } from '../_lib/context.ts';
import { meanOfAll, spreadBp } from '../_lib/numbers.ts';
import { missingSeries, unavailableFor, defineIndicator } from '../indicator.ts';

const WINDOW = 10;

/** Tri-party GC over the ON RRP rate in bp on a business day: TGCR that day, the rate carried forward. */
function tgcrOverRrp(ctx: Context, day: Day): number | null {
  const tgcr = ctx.on('tgcr', day);
  const floor = ctx.at('rrp_rate', day);
  return tgcr === null || floor === null ? null : spreadBp(tgcr.value, floor.value);
}

/**
 * The segments of the repo market against each other. Money funds lend in tri-party or
 * to the Fed at the ON RRP rate: TGCR well above that rate says their cash has left the
 * Fed's floor for the market. SOFR over TGCR is what dealers charge to pass cash on to
 * those who clear bilaterally; BGCR over TGCR, the same within general collateral.
 */
/** The metric keys, in display order (the JSON `metrics` object). */
const METRICS = ['tgcrRrpBp', 'sofrTgcrBp', 'bgcrTgcrBp', 'avg10TgcrRrpBp'] as const;

export const repoSegments = defineIndicator({
  id: 'repo_segments',
  title: 'Repo segments',
  unit: 'bp',
  kind: 'breadth',
  metricKeys: METRICS,
  metricUnits: { tgcrRrpBp: 'bp', sofrTgcrBp: 'bp', bgcrTgcrBp: 'bp', avg10TgcrRrpBp: 'bp' },
  thresholdMetrics: { avg10TgcrRrpBp: '>=', tgcrRrpBp: '>=', sofrTgcrBp: '>=', bgcrTgcrBp: '>=' },
  primaryMetric: 'avg10TgcrRrpBp',
  defaults: { watch: [{ metric: 'avg10TgcrRrpBp', op: '>=', value: 15 }], stress: null },
  compute(ctx) {
    const missing = missingSeries(ctx, ['tgcr', 'rrp_rate']);
    if (missing.length > 0) return unavailableFor(this, missing);
    // The latest TGCR print on or before the as-of date, and the other rates that day.
    const tgcr = ctx.at('tgcr', ctx.asOf);
    if (tgcr === null) return unavailableFor(this, ['tgcr']);
    const floor = ctx.at('rrp_rate', tgcr.date);
    const sofr = ctx.on('sofr', tgcr.date);
    const bgcr = ctx.on('bgcr', tgcr.date);
    const window = ctx.lastBusinessDays(WINDOW);
    return {
      metrics: {
        tgcrRrpBp: floor === null ? null : spreadBp(tgcr.value, floor.value),
        sofrTgcrBp: sofr === null ? null : spreadBp(sofr.value, tgcr.value),
        bgcrTgcrBp: bgcr === null ? null : spreadBp(bgcr.value, tgcr.value),
        avg10TgcrRrpBp: window.length === WINDOW ? meanOfAll([...window].map((d) => tgcrOverRrp(ctx, d))) : null,
      },
      used: [tgcr, floor, sofr, bgcr].filter((p) => p !== null),
    };
  },
});
