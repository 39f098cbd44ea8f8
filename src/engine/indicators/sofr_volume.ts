import type { Context } from '../_lib/context.ts';
import { changeOverWeeks } from '../_lib/change.ts';
import { meanOfAll } from '../_lib/numbers.ts';
import { latestOf, defineIndicator } from '../indicator.ts';

const WINDOW = 20;

/** Percent change from `before` to `now`; null without both or from zero. */
export function pctChange(now: number | null, before: number | null): number | null {
  return now === null || before === null || before === 0 ? null : (now / before - 1) * 100;
}

/** The mean volume over the `WINDOW` business days ending `skip` days before the last; null unless every day has one. */
function meanVolume(ctx: Context, skip: number): number | null {
  const days = ctx.lastBusinessDays(WINDOW, skip);
  return days.length === WINDOW ? meanOfAll([...days].map((d) => ctx.on('sofr_volume', d)?.value ?? null)) : null;
}

/**
 * The volume of the overnight Treasury repo behind SOFR. Informational: more repo means
 * more leverage financed overnight (the article: from 1.2 to 1.4 trillion a day), which
 * needs more cash to meet it at the turn.
 */
/** The metric keys, in display order (the JSON `metrics` object). */
const METRICS = ['level', 'avg20', 'change20dPct', 'change52wPct'] as const;

export const sofrVolume = defineIndicator({
  id: 'sofr_volume',
  title: 'SOFR volume',
  unit: 'USD bn',
  kind: 'breadth',
  metricKeys: METRICS,
  metricUnits: { level: 'USD bn', avg20: 'USD bn', change20dPct: '%', change52wPct: '%' },
  thresholdMetrics: { level: '>=', avg20: '>=', change20dPct: '>=', change52wPct: '>=' },
  primaryMetric: 'avg20',
  defaults: { watch: null, stress: null },
  compute(ctx) {
    const found = latestOf(this, ctx, ['sofr_volume']);
    if (!Array.isArray(found)) return found;
    const [level] = found;
    const avg20 = meanVolume(ctx, 0);
    const { now, change } = changeOverWeeks(ctx, 'sofr_volume', 52);
    return {
      metrics: {
        level: level.value,
        avg20,
        change20dPct: pctChange(avg20, meanVolume(ctx, WINDOW)),
        change52wPct: now === null || change === null ? null : pctChange(now.value, now.value - change),
      },
      used: [level],
    };
  },
});
