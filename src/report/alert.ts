/**
 * The message --notify posts when statuses changed: Slack-compatible (a `text` that any
 * webhook shows as is) plus the whole change set as data, for relays that route on it.
 */
import type { IndicatorStatusChange, StatusChanges } from '../engine/status-change.ts';
import { OVERALL_RANK, type Assessment, type Overall } from '../engine/types.ts';
import { reasonWords } from './words.ts';

/** A change as the message carries it: the reason as the sentence a person reads. */
export type WordedChange = Omit<IndicatorStatusChange, 'reason'> & { readonly reason: string };

export interface AlertMessage {
  /** Sentences in words: the as-of date, what changed, and why. */
  readonly text: string;
  readonly asOf: string;
  readonly status: Overall;
  readonly previous: { readonly asOf: string; readonly status: Overall };
  readonly changes: Omit<StatusChanges, 'indicators'> & { readonly indicators: readonly WordedChange[] };
  /** Every indicator's status today, changed or not. */
  readonly statuses: Readonly<Record<string, string>>;
}

function overallSentence(changes: StatusChanges, status: Overall): string {
  const o = changes.overall;
  if (o === null) return `The overall status stays ${status}.`;
  if (o.to === 'unknown') return `The overall status is now unknown (it was ${o.from}): too little data to judge.`;
  if (o.from === 'unknown') return `The overall status is ${o.to} again (it was unknown).`;
  return `The overall status ${OVERALL_RANK[o.to] > OVERALL_RANK[o.from] ? 'rose' : 'fell'} from ${o.from} to ${o.to}.`;
}

/** The sentence ends with a full stop, whatever the reason ends with. */
const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

export function alertMessage(changes: StatusChanges, assessment: Assessment): AlertMessage {
  const indicators = changes.indicators.map((c) => ({ ...c, reason: reasonWords(c.id, c.reason) }));
  const lines = [
    `liq, as of ${changes.asOf} (last run: ${changes.previousAsOf}): ${overallSentence(changes, assessment.status)}`,
    ...indicators.map((c) => sentence(`${c.title} went from ${c.from} to ${c.to}: ${c.reason}`)),
  ];
  return {
    text: lines.join('\n'),
    asOf: changes.asOf,
    status: assessment.status,
    previous: { asOf: changes.previousAsOf, status: changes.overall?.from ?? assessment.status },
    changes: { ...changes, indicators },
    statuses: Object.fromEntries(assessment.indicators.map((r) => [r.id, r.status])),
  };
}
