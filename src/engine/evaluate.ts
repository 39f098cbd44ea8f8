/** Turns an indicator's metrics and thresholds into a status and the data of its reason. */
import { unitOf, type IndicatorDefinition } from './indicator.ts';
import { versus } from './_lib/numbers.ts';
import { Status, type Check, type Level, type LevelPair, type Metrics, type Reason, type Rule, type StaleInput } from './types.ts';

/** Whether a rule holds, comparing at 12 significant digits (versus): noise is not a crossing. */
export function holds(rule: Rule, metrics: Metrics): boolean {
  const v = metrics[rule.metric];
  if (typeof v !== 'number') return false;
  const side = versus(v, rule.value); // NaN: every comparison below is false
  switch (rule.op) {
    case '>=':
      return side >= 0;
    case '<=':
      return side <= 0;
    case '<':
      return side < 0;
    case '>':
      return side > 0;
  }
}

const rulesOf = (level: Level): readonly Rule[] => level ?? [];

/**
 * The status alone, decided exactly as evaluate() decides it (stress first, then watch,
 * unavailable when no rule has its metric, else ok; ok becomes unknown when an input is
 * stale), without the reason: history judges every indicator on every business day.
 */
export function statusOf(metrics: Metrics, thresholds: LevelPair, stale = false): Status {
  const stress = rulesOf(thresholds.stress);
  const watch = rulesOf(thresholds.watch);
  if (stress.length === 0 && watch.length === 0) return Status.info;
  if (stress.some((rule) => holds(rule, metrics))) return Status.stress;
  if (watch.some((rule) => holds(rule, metrics))) return Status.watch;
  const judged = (rule: Rule): boolean => typeof metrics[rule.metric] === 'number';
  if (!stress.some(judged) && !watch.some(judged)) return Status.unavailable;
  return stale ? Status.unknown : Status.ok;
}

function check(definition: IndicatorDefinition, rule: Rule, level: 'watch' | 'stress', metrics: Metrics): Check {
  return {
    metric: rule.metric,
    comparison: rule.op,
    threshold: rule.value,
    value: metrics[rule.metric] as number, // only called for rules whose metric is a number
    unit: unitOf(definition, rule.metric) ?? 'bp',
    level,
    holds: holds(rule, metrics),
  };
}

/**
 * The status (statusOf) and the data of the reason a person reads for it. With stale
 * inputs a level that holds still counts; otherwise the indicator cannot confirm ok.
 */
export function evaluate(definition: IndicatorDefinition, metrics: Metrics, thresholds: LevelPair, stale: readonly StaleInput[] = []): { status: Status; reason: Reason } {
  const status = statusOf(metrics, thresholds, stale.length > 0);
  if (status === Status.info) return { status, reason: { kind: 'info' } };
  if (status === Status.stress || status === Status.watch) {
    const hit = rulesOf(thresholds[status]).find((rule) => holds(rule, metrics)) as Rule;
    return { status, reason: { kind: 'met', check: check(definition, hit, status, metrics) } };
  }
  const all: { rule: Rule; level: 'watch' | 'stress' }[] = [
    ...rulesOf(thresholds.watch).map((rule) => ({ rule, level: 'watch' as const })),
    ...rulesOf(thresholds.stress).map((rule) => ({ rule, level: 'stress' as const })),
  ];
  if (status === Status.unavailable) {
    return { status, reason: { kind: 'unavailable', cause: 'metrics', metrics: [...new Set(all.map((r) => r.rule.metric))] } };
  }
  // ok or unknown: the nearest level not reached, watch if it has a judged rule, else stress.
  const judged = all.filter(({ rule }) => typeof metrics[rule.metric] === 'number');
  const nearest = judged.some((r) => r.level === 'watch') ? judged.filter((r) => r.level === 'watch') : judged;
  const checks = nearest.map(({ rule, level }) => check(definition, rule, level, metrics));
  return { status, reason: status === Status.unknown ? { kind: 'unknown', stale, checks } : { kind: 'ok', checks } };
}
