/** Turns an indicator's metrics and thresholds into a status and a one-line reason. */
import { grouped } from '../domain/grouped.ts';
import type { IndicatorDefinition } from './indicator.ts';
import { Status, type Comparison, type Level, type LevelPair, type Metrics, type Rule } from './types.ts';

const SYMBOL: Record<Comparison, string> = { '>=': '≥', '<=': '≤', '<': '<', '>': '>' };
const NEGATION: Record<Comparison, string> = { '>=': '<', '<=': '>', '<': '≥', '>': '≤' };

export function holds(rule: Rule, metrics: Metrics): boolean {
  const v = metrics[rule.metric];
  if (typeof v !== 'number') return false;
  switch (rule.op) {
    case '>=':
      return v >= rule.value;
    case '<=':
      return v <= rule.value;
    case '<':
      return v < rule.value;
    case '>':
      return v > rule.value;
  }
}

/** A number for a sentence: 26.9, 2,943, 0. */
export function formatReasonNumber(v: number): string {
  if (Math.abs(v) >= 100) return grouped(Math.round(v), 0);
  return String(Math.round(v * 10) / 10);
}

function unitSuffix(definition: IndicatorDefinition, metric: string): string {
  if (metric.endsWith('Bp')) return ' bp';
  if (metric.endsWith('Pct')) return ' %';
  if (definition.unit === 'USD bn') return ' bn';
  return '';
}

/**
 * The value as the sentence shows it, with more digits where rounding would make it read
 * as a threshold it is not equal to ("change13w 300 bn < 300 bn" for 299.9).
 */
function shownValue(v: number, rules: readonly Rule[]): string {
  const short = formatReasonNumber(v);
  const collides = rules.some((r) => r.value !== v && formatReasonNumber(r.value) === short);
  return collides ? grouped(v, 6, 0) : short;
}

function describe(definition: IndicatorDefinition, rule: Rule, metrics: Metrics, negate: boolean, all: readonly Rule[]): string {
  const v = metrics[rule.metric] as number;
  const unit = unitSuffix(definition, rule.metric);
  const op = negate ? NEGATION[rule.op] : SYMBOL[rule.op];
  const sameMetric = all.filter((r) => r.metric === rule.metric);
  return `${rule.metric} ${shownValue(v, sameMetric)}${unit} ${op} ${formatReasonNumber(rule.value)}${unit}`;
}

const rulesOf = (level: Level): readonly Rule[] => level ?? [];

/**
 * The status alone, decided exactly as evaluate() decides it (stress first, then watch,
 * unavailable when no rule has its metric, else ok), without the sentence: history judges
 * every indicator on every business day and shows only the statuses.
 */
export function statusOf(metrics: Metrics, thresholds: LevelPair): Status {
  const stress = rulesOf(thresholds.stress);
  const watch = rulesOf(thresholds.watch);
  if (stress.length === 0 && watch.length === 0) return Status.info;
  if (stress.some((rule) => holds(rule, metrics))) return Status.stress;
  if (watch.some((rule) => holds(rule, metrics))) return Status.watch;
  const judged = (rule: Rule): boolean => typeof metrics[rule.metric] === 'number';
  return stress.some(judged) || watch.some(judged) ? Status.ok : Status.unavailable;
}

/** The status (statusOf) and the one-line reason a person reads for it. */
export function evaluate(definition: IndicatorDefinition, metrics: Metrics, thresholds: LevelPair): { status: Status; reason: string } {
  const status = statusOf(metrics, thresholds);
  const all = [...rulesOf(thresholds.stress), ...rulesOf(thresholds.watch)];
  if (status === Status.info) return { status, reason: 'informational: no threshold' };
  if (status === Status.stress || status === Status.watch) {
    const hit = rulesOf(thresholds[status]).find((rule) => holds(rule, metrics)) as Rule;
    return { status, reason: `${describe(definition, hit, metrics, false, all)}: ${status}` };
  }
  if (status === Status.unavailable) {
    const needed = [...new Set(all.map((r) => r.metric))].join(', ');
    return { status, reason: `not enough data for ${needed}` };
  }
  // ok: the nearest level not reached, watch if there is one, else stress.
  const judged = all.filter((rule) => typeof metrics[rule.metric] === 'number');
  const next = rulesOf(thresholds.watch).length > 0 ? 'watch' : 'stress';
  const shown = rulesOf(thresholds[next]).filter((r) => typeof metrics[r.metric] === 'number');
  const text = (shown.length > 0 ? shown : judged).map((rule) => describe(definition, rule, metrics, true, all)).join(' and ');
  return { status, reason: `${text} (${next})` };
}
