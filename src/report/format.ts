/** Numbers and thresholds as a person reads them. Strings out; no colour here. */
import { grouped } from '../domain/grouped.ts';
import type { IndicatorResult, Level, Rule } from '../engine/types.ts';

export const DASH = '—';

export function num(value: number, decimals: number): string {
  const fixed = grouped(value, decimals); // toLocaleString's output, without loading ICU
  if (fixed === '-0' || /^-0\.0*$/.test(fixed)) return fixed.slice(1);
  return fixed.replace(/^-/, '−'); // a real minus sign reads better in a table
}

/** A level in USD billions: 2,848 bn; small ones keep a decimal (51.8 bn). */
export function bn(value: number): string {
  return `${num(value, Math.abs(value) >= 100 ? 0 : 1)} bn`;
}

export function signed(text: string, value: number): string {
  return value > 0 ? `+${text}` : text;
}

export function bp(value: number): string {
  return `${num(value, Number.isInteger(value) ? 0 : 1)} bp`;
}

const SYMBOL: Record<Rule['op'], string> = { '>=': '≥', '<=': '≤', '<': '<', '>': '>' };

/** Short names for threshold metrics that are not an indicator's main metric. */
const METRIC_LABEL: Record<string, string> = {
  streak: 'streak',
  count: 'days',
  longestStreak: 'run',
  effrIorbBp: 'vs IORB',
  belowUpperBp: 'to top',
  latestBp: 'latest',
  avg10Bp: 'avg10',
  change10Bp: 'Δ10d',
  change4w: 'Δ4w',
  slopeHigh: 'band top',
};

function ruleValue(result: IndicatorResult, rule: Rule): string {
  if (rule.metric.endsWith('Bp')) return bp(rule.value);
  if (rule.metric.endsWith('Pct')) return `${num(rule.value, 1)} %`;
  if (result.unit === 'USD bn') return num(rule.value, 0);
  return num(rule.value, Number.isInteger(rule.value) ? 0 : 1);
}

/** "≥ 25 bp", or "streak ≥ 3 or days ≥ 5" where a level tests several metrics. */
export function levelText(result: IndicatorResult, level: Level, primary: string): string {
  if (level === null || level.length === 0) return DASH;
  return level
    .map((rule) => {
      const label = level.length === 1 && rule.metric === primary ? '' : `${METRIC_LABEL[rule.metric] ?? rule.metric} `;
      return `${label}${SYMBOL[rule.op]} ${ruleValue(result, rule)}`;
    })
    .join(' or ');
}
