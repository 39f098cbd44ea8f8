/**
 * The daily report (`liq report`) in words: what the markdown, HTML and JSON forms share.
 * The engine computes the parts (src/engine/daily-report.ts); this module words them.
 * Strings and plain data out.
 */
import type { Changes, DailyReport, IndicatorChange } from '../engine/daily-report.ts';
import { INDICATOR_BY_ID, metricUnit } from '../engine/indicators/index.ts';
import type { Assessment, IndicatorId } from '../engine/types.ts';
import { compareDocument } from './compare.ts';
import { derivedSeries, netLiquidityFormula } from './display.ts';
import { bn, bp, DASH, metricText as formatMetric, num, signed } from './format.ts';
import { metricWords, reasonText, seriesWords } from './words.ts';
import { checkDocument } from './json.ts';

/**
 * A metric's value as a person reads it: of a known indicator, by the one formatter with
 * the metric's unit (9.8 % as in the table, 50.35 bn of SRF take-up); else by the naming
 * convention of the metric keys (docs/indicators.md).
 */
export function metricText(key: string, value: number | null, indicator?: IndicatorId): string {
  if (value === null) return DASH;
  const unit = indicator === undefined ? null : metricUnit(indicator, key);
  if (indicator !== undefined && unit !== null) return formatMetric(indicator, key, value, unit);
  if (key.endsWith('Bp')) return bp(value);
  if (key.endsWith('Pct')) return `${num(value, 2)} %`;
  if (key === 'count' || key === 'streak' || key === 'longestStreak') return num(value, 0);
  if (key === 'ceiling' || key === 'effr') return `${num(value, 2)} %`;
  return bn(value);
}

/** A change of a metric, signed; percentages move in percentage points. */
export function moveText(key: string, change: number | null, indicator?: IndicatorId): string {
  if (change === null) return DASH;
  if (key.endsWith('Pct') || key === 'ceiling' || key === 'effr') return signed(`${num(change, 2)} pp`, change);
  return signed(metricText(key, change, indicator), change);
}

export interface MoveRow {
  readonly title: string;
  readonly metric: string;
  readonly before: string;
  readonly now: string;
  readonly change: string;
}

/**
 * The moves worth a line in the report: each indicator's main and threshold metrics that
 * changed. Every numeric metric is in the JSON; a person needs the ones the status rests on.
 */
export function notableMoves(changes: Changes): MoveRow[] {
  const rows: MoveRow[] = [];
  for (const c of changes.indicators) {
    const definition = INDICATOR_BY_ID.get(c.id);
    if (definition === undefined) continue;
    const keys = [definition.primaryMetric, ...Object.keys(definition.thresholdMetrics)].filter((k, i, all) => all.indexOf(k) === i);
    for (const key of keys) {
      const move = c.metrics[key];
      if (move === undefined) continue;
      const moved = move.change === null ? move.before !== move.now : Math.abs(move.change) > 1e-9;
      if (!moved) continue;
      rows.push({ title: c.title, metric: metricWords(c.id, key).name, before: metricText(key, move.before, c.id), now: metricText(key, move.now, c.id), change: moveText(key, move.change, c.id) });
    }
  }
  return rows;
}

/**
 * The report's first line: what changed since the previous business day, in one sentence.
 * The overall status, the indicators whose status moved (each with its main metric's
 * move), or, when none moved, the main metric of the worst indicator.
 */
export function changeHeadline(changes: Changes | null, assessment: Assessment): string {
  if (changes === null) return `No earlier business day in the data to compare ${assessment.asOf} with.`;
  const overall = changes.statusChanged ? `overall ${changes.previousStatus} → ${assessment.status}` : `overall ${assessment.status}, unchanged`;
  const move = (c: IndicatorChange): string => {
    const key = INDICATOR_BY_ID.get(c.id)?.primaryMetric;
    const m = key === undefined ? undefined : c.metrics[key];
    if (key === undefined || m === undefined || m.now === null) return '';
    return m.change === null || Math.abs(m.change) < 1e-9
      ? ` (${metricWords(c.id, key).name} ${metricText(key, m.now, c.id)})`
      : ` (${metricWords(c.id, key).name} ${moveText(key, m.change, c.id)} to ${metricText(key, m.now, c.id)})`;
  };
  // One line: the first indicator that moved gets its number, the next two their names.
  const moved = changes.indicators.filter((c) => c.statusChanged);
  const named = moved.slice(0, 3).map((c, i) => `${c.title} ${c.statusBefore} → ${c.status}${i === 0 ? move(c) : ''}`);
  if (moved.length > 3) named.push(`${moved.length - 3} more`);
  const shown: string[] = [];
  if (named.length > 0) {
    shown.push(named.join(', '));
  } else {
    const rank: Record<string, number> = { stress: 0, watch: 1, ok: 2 };
    const worst = [...changes.indicators].filter((c) => c.status in rank).sort((a, b) => (rank[a.status] as number) - (rank[b.status] as number))[0];
    shown.push(`no indicator changed status${worst === undefined ? '' : `; ${worst.title} at ${worst.status}${move(worst)}`}`);
  }
  return `Since ${changes.previousAsOf}: ${overall}; ${shown.join('; ')}.`;
}

/** "SOFR − ON RRP: ok → watch", for each indicator whose status changed. */
export function statusChanges(changes: Changes): string[] {
  return changes.indicators.filter((c) => c.statusChanged).map((c) => `${c.title}: ${c.statusBefore} → ${c.status}`);
}

/** Stale inputs, unavailable indicators, stale series and derived series, one sentence each. */
export function dataWarnings(assessment: Assessment): { unavailable: string[]; stale: string[]; notes: string[] } {
  const unavailable = assessment.indicators.filter((r) => r.status === 'unavailable').map((r) => `${r.title}: ${reasonText(r)}`);
  const stale = assessment.indicators.flatMap((r) =>
    r.stale.map((s) => `${r.title}: ${seriesWords(s.series)} dated ${s.date}, ${s.ageDays} days before the as-of date (stale after ${s.limitDays})`),
  );
  const notes: string[] = [];
  const staleSeries = assessment.series.filter((s) => s.stale).map((s) => `${seriesWords(s.name)} (last ${s.last})`);
  if (staleSeries.length > 0) notes.push(`Series past their staleness limit: ${staleSeries.join(', ')}.`);
  const derived = derivedSeries(assessment);
  if (derived.length > 0) notes.push(`Derived by FOMC rules where the data stop: ${derived.join(', ')}.`);
  const formula = netLiquidityFormula(assessment);
  if (formula) notes.push(`Net liquidity = ${formula}.`);
  return { unavailable, stale, notes };
}

/**
 * The JSON form: exactly `liq check --json`'s document, plus `changes` and `comparison`
 * (additions, never renames, so a script written for check reads a report too).
 */
export function reportDocument(report: DailyReport) {
  return {
    ...checkDocument(report.assessment),
    changes: report.changes,
    comparison: report.comparison === null ? null : compareDocument(report.comparison.result, report.comparison.source),
    outlook: report.outlook ?? null,
  };
}
