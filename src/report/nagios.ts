/**
 * The monitoring-plugin line (Nagios, Icinga, Sensu): `LIQ STATUS - summary | perfdata`.
 * Performance data use the plugin range syntax: `10` alerts above 10, `3000:` below 3000.
 */
import type { Assessment, IndicatorResult, Level, Rule } from '../engine/types.ts';
import { flagged } from './display.ts';

/** Short perfdata labels for headline metrics, e.g. 'sofr_rrp_avg10'=26.9;10;25. */
const PERF: Partial<Record<IndicatorResult['id'], readonly [string, string]>> = {
  sofr_rrp_spread: ['sofr_rrp_avg10', 'avg10Bp'],
  sofr_iorb_spread: ['sofr_iorb_avg10', 'avg10Bp'],
  sofr_above_ceiling: ['sofr_above_ceiling_days', 'count'],
  effr_in_range: ['effr_below_top', 'belowUpperBp'],
  srf_usage: ['srf_latest', 'latest'],
  reserves: ['reserves', 'level'],
  reserves_gdp: ['reserves_gdp_pct', 'ratioPct'],
  tga: ['tga_change13w', 'change13w'],
  rrp: ['rrp', 'level'],
  net_liquidity: ['net_liquidity_change13w', 'change13w'],
  qt_pace: ['qt_per_month', 'perMonth'],
};

function range(level: Level, metric: string): string {
  const rule: Rule | undefined = level?.find((r) => r.metric === metric);
  if (rule === undefined) return '';
  return rule.op === '>=' || rule.op === '>' ? String(rule.value) : `${rule.value}:`;
}

export function nagiosLine(assessment: Assessment): string {
  const worst = flagged(assessment);
  const summary = worst.length === 0 ? `no stress as of ${assessment.asOf}` : `${assessment.asOf}: ${worst.map((r) => `${r.id} ${r.reason}`).join('; ')}`;
  const perf: string[] = [];
  for (const r of assessment.indicators) {
    const entry = PERF[r.id];
    if (entry === undefined) continue;
    const [label, metric] = entry;
    const value = r.metrics[metric];
    if (typeof value !== 'number') continue;
    const uom = metric.endsWith('Pct') ? '%' : '';
    perf.push(`'${label}'=${value}${uom};${range(r.thresholds.watch, metric)};${range(r.thresholds.stress, metric)}`);
  }
  return `LIQ ${assessment.status.toUpperCase()} - ${summary}${perf.length > 0 ? ` | ${perf.join(' ')}` : ''}\n`;
}
