/**
 * The monitoring-plugin line (Nagios, Icinga, Sensu, Checkmk), by the Monitoring Plugins
 * development guidelines (https://www.monitoring-plugins.org/doc/guidelines.html):
 *
 *     LIQ CRITICAL - as of 2025-11-14: … | sofr_rrp_spread.avg10Bp=24.9;@10:;@25: …
 *
 * - the status word is the plugin's: ok → OK, watch → WARNING, stress → CRITICAL,
 *   unknown → UNKNOWN; one line, and the text never holds a `|` (it would start perfdata);
 * - perfdata `label=value[UOM];[warn];[crit]`, one per metric that a threshold tests plus
 *   each indicator's main metric, generated from the indicators' own definitions; the label
 *   is `indicator.metric` (quoted only if it needed quoting), the unit `%` for metrics in
 *   percent (the indicator's own metric units say which) and none for everything else (basis points, USD billions and day counts are plain
 *   numbers to a plugin: the guidelines know no such units), values in `[-0-9.]`;
 * - thresholds in the guidelines' range syntax, where a range alerts when the value is
 *   OUTSIDE `start:end` (inclusive), or INSIDE it with a leading `@`. liq's levels hold
 *   when `metric op value`, so each maps to the range that alerts on exactly those values:
 *   `≥ x` → `@x:`, `> x` → `~:x`, `< x` → `x:`, `≤ x` → `@~:x`.
 */
import { INDICATOR_BY_ID, metricUnit } from '../engine/indicators/index.ts';
import type { Assessment, IndicatorResult, Level, Overall, Rule } from '../engine/types.ts';
import { flagged } from './display.ts';
import { pluginText } from './plugin-text.ts';
import { reasonText } from './words.ts';

export const PLUGIN_STATE: Readonly<Record<Overall, string>> = { ok: 'OK', watch: 'WARNING', stress: 'CRITICAL', unknown: 'UNKNOWN' };

/** The guidelines' range for "alert when value op x". */
export function alertRange(rule: Pick<Rule, 'op' | 'value'>): string {
  const x = perfNumber(rule.value);
  switch (rule.op) {
    case '>=': return `@${x}:`;
    case '>': return `~:${x}`;
    case '<': return `${x}:`;
    case '<=': return `@~:${x}`;
  }
}

/**
 * A number as perfdata wants it: digits, a minus and a point only (no exponent, no
 * grouping), rounded to 6 decimals so float noise (24.899999999999999) reads as 24.9.
 */
export function perfNumber(value: number): string {
  // toFixed writes an exponent from 1e21 on; such a number has no decimals to keep anyway.
  if (Math.abs(value) >= 1e21) return BigInt(Math.round(value)).toString();
  const fixed = value.toFixed(6).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

/**
 * A perfdata label: no `=` or `'` (the guidelines forbid them, quoted or not), and single
 * quotes only where the label has a space or another character a parser could split on.
 */
export function perfLabel(text: string): string {
  const label = text.replace(/[='\r\n|]/g, '_');
  return /^[A-Za-z0-9_.\-/:]+$/.test(label) ? label : `'${label}'`;
}

/** The rule of a level that tests this metric (the first, if several do), or null. */
function ruleFor(level: Level, metric: string): Rule | null {
  return level?.find((r) => r.metric === metric) ?? null;
}

/** The metrics of an indicator that go into perfdata: its main one, then every one a threshold tests. */
function perfMetrics(result: IndicatorResult): string[] {
  const definition = INDICATOR_BY_ID.get(result.id);
  const tested = new Set([...(result.thresholds.watch ?? []), ...(result.thresholds.stress ?? [])].map((r) => r.metric));
  const keys = definition === undefined ? [...tested] : [definition.primaryMetric, ...definition.metricKeys.filter((k) => tested.has(k)), ...tested];
  return [...new Set(keys)];
}

export function perfdata(assessment: Assessment): string[] {
  const perf: string[] = [];
  for (const result of assessment.indicators) {
    for (const metric of perfMetrics(result)) {
      const value = result.metrics[metric];
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      const unit = metricUnit(result.id, metric);
      const uom = unit === '%' || unit === 'percent' ? '%' : '';
      const warn = ruleFor(result.thresholds.watch, metric);
      const crit = ruleFor(result.thresholds.stress, metric);
      const ranges = `${warn === null ? '' : alertRange(warn)};${crit === null ? '' : alertRange(crit)}`;
      perf.push(`${perfLabel(`${result.id}.${metric}`)}=${perfNumber(value)}${uom};${ranges}`);
    }
  }
  return perf;
}

function summary(assessment: Assessment): string {
  // Unknown first: with every price indicator stale or missing, a quantity's watch is not the verdict.
  if (assessment.status === 'unknown') {
    const why = assessment.indicators.filter((r) => r.status === 'unknown' || r.status === 'unavailable');
    return `as of ${assessment.asOf}: too little data to judge${why.length > 0 ? `: ${why.map((r) => `${r.title}: ${reasonText(r)}`).join('; ')}` : ''}`;
  }
  const worst = flagged(assessment);
  if (worst.length > 0) return `as of ${assessment.asOf}: ${worst.map((r) => `${r.title}: ${reasonText(r)}`).join('; ')}`;
  return `no watch or stress as of ${assessment.asOf}`;
}

export function nagiosLine(assessment: Assessment): string {
  const perf = perfdata(assessment);
  const text = pluginText(summary(assessment));
  return `LIQ ${PLUGIN_STATE[assessment.status]} - ${text}${perf.length > 0 ? ` | ${perf.join(' ')}` : ''}\n`;
}
