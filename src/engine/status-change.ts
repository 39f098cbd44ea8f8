/**
 * What an alert on change compares: the statuses of the last run (a snapshot kept in the
 * --state file) against today's assessment. Pure: the file is read and written by io/.
 */
import type { Assessment, IndicatorId, Overall, Reason, Status } from './types.ts';

/** The statuses of one run: all an alert needs to remember. */
export interface StatusSnapshot {
  readonly asOf: string;
  readonly status: Overall;
  readonly indicators: Readonly<Partial<Record<IndicatorId, Status>>>;
}

export interface IndicatorStatusChange {
  readonly id: IndicatorId;
  readonly title: string;
  readonly from: Status;
  readonly to: Status;
  /** Today's reason for the new status, as data (report/words.ts words it). */
  readonly reason: Reason;
}

export interface StatusChanges {
  readonly asOf: string;
  readonly previousAsOf: string;
  /** Null when the overall status stayed as it was. */
  readonly overall: { readonly from: Overall; readonly to: Overall } | null;
  readonly indicators: readonly IndicatorStatusChange[];
}

export function statusSnapshot(assessment: Assessment): StatusSnapshot {
  return {
    asOf: assessment.asOf,
    status: assessment.status,
    indicators: Object.fromEntries(assessment.indicators.map((r) => [r.id, r.status])),
  };
}

/**
 * The statuses that changed since the snapshot, or null if none did. An indicator the
 * snapshot does not know (one a newer liq added) is not a change: it has no "before".
 */
export function statusChanges(previous: StatusSnapshot, current: Assessment): StatusChanges | null {
  const indicators: IndicatorStatusChange[] = [];
  for (const r of current.indicators) {
    const before = previous.indicators[r.id];
    if (before !== undefined && before !== r.status) indicators.push({ id: r.id, title: r.title, from: before, to: r.status, reason: r.reason });
  }
  const overall = previous.status === current.status ? null : { from: previous.status, to: current.status };
  if (overall === null && indicators.length === 0) return null;
  return { asOf: current.asOf, previousAsOf: previous.asOf, overall, indicators };
}
