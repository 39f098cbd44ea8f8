/**
 * The Prometheus text exposition format (version 0.0.4, what node_exporter's textfile
 * collector reads), generated from the assessment: every indicator and every numeric
 * metric it has, whatever indicators liq computes, so a new one needs no code here.
 *
 * - `liq_status` and `liq_indicator_status{indicator}`: 0 ok, 1 watch, 2 stress,
 *   3 unknown. An indicator that cannot be computed (`unavailable`) or cannot be judged
 *   (stale inputs) is 3; an informational one (no thresholds: `info`) has no status to
 *   judge and is left out, its numbers are in `liq_metric` all the same. So 0 always
 *   means "judged, and ok".
 * - `liq_metric{indicator,metric,unit}`: every numeric metric, unrounded, with its unit
 *   (bp, percent, %, USD bn, days, bp per %, number); a missing (null) metric is absent.
 * - `liq_series_age_seconds{series}`: how old a series' last observation is on the as-of
 *   date, in whole days × 86,400. Seconds, not days, because Prometheus wants base units
 *   (`promtool check metrics` rejects a `_days` name); in PromQL `… / 86400` gives days.
 * - `liq_as_of_timestamp_seconds`: the as-of date (00:00 UTC), so an alert can see data
 *   that stopped coming: `time() - liq_as_of_timestamp_seconds > 4 * 86400`.
 * - `liq_last_run_timestamp_seconds`: when liq ran; the caller reads the clock.
 * No sample carries a timestamp: the textfile collector refuses them.
 */
import { parseIsoDay } from '../domain/dates.ts';
import { metricUnit } from '../engine/indicators/index.ts';
import type { Assessment, Overall, Status } from '../engine/types.ts';

/** The number a status exports as; null for a status with nothing to judge (info). */
export function statusValue(status: Status | Overall): number | null {
  switch (status) {
    case 'ok': return 0;
    case 'watch': return 1;
    case 'stress': return 2;
    case 'info': return null;
    default: return 3; // unknown, unavailable: not judged
  }
}

/** A label value, escaped as the exposition format says: backslash, double quote, line feed. */
export function labelValue(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** A sample value: Go's float syntax, which JavaScript's number text is a subset of. */
function sampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  return String(value);
}

type Labels = Readonly<Record<string, string>>;

interface Family {
  readonly name: string;
  readonly help: string;
  readonly samples: readonly { readonly labels: Labels; readonly value: number }[];
}

function familyText(family: Family): string {
  const lines = [`# HELP ${family.name} ${family.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`, `# TYPE ${family.name} gauge`];
  for (const { labels, value } of family.samples) {
    const pairs = Object.entries(labels).map(([k, v]) => `${k}="${labelValue(v)}"`);
    lines.push(`${family.name}${pairs.length > 0 ? `{${pairs.join(',')}}` : ''} ${sampleValue(value)}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface PrometheusOptions {
  /** When liq ran, in milliseconds since the epoch (Date.now() in the CLI). */
  readonly now: number;
}

const DAY_SECONDS = 86_400;

export function prometheusText(assessment: Assessment, options: PrometheusOptions): string {
  const asOfDay = parseIsoDay(assessment.asOf);
  const indicatorStatus: Family['samples'][number][] = [];
  const metrics: Family['samples'][number][] = [];
  for (const r of assessment.indicators) {
    const value = statusValue(r.status);
    if (value !== null) indicatorStatus.push({ labels: { indicator: r.id }, value });
    for (const [metric, v] of Object.entries(r.metrics)) {
      if (typeof v === 'number') metrics.push({ labels: { indicator: r.id, metric, unit: metricUnit(r.id, metric) ?? 'number' }, value: v });
    }
  }
  const ages = assessment.series.flatMap((s) => {
    const last = parseIsoDay(s.last);
    return asOfDay === null || last === null ? [] : [{ labels: { series: s.name }, value: (asOfDay - last) * DAY_SECONDS }];
  });
  const families: Family[] = [
    { name: 'liq_status', help: 'Overall funding-market liquidity status: 0 ok, 1 watch, 2 stress, 3 unknown.', samples: [{ labels: {}, value: statusValue(assessment.status) ?? 3 }] },
    { name: 'liq_indicator_status', help: 'Status of each judged indicator: 0 ok, 1 watch, 2 stress, 3 unknown (unavailable or stale); informational indicators are absent.', samples: indicatorStatus },
    { name: 'liq_metric', help: 'Each numeric metric of each indicator, unrounded, in the unit its label names.', samples: metrics },
    { name: 'liq_series_age_seconds', help: 'Age of the last observation of each input series on the as-of date, in seconds (whole days of 86400).', samples: ages },
    {
      name: 'liq_as_of_day_type',
      help: "The as-of date's calendar types (month_end, quarter_end, year_end, month_start, mid_month, plain): 1 for each that applies.",
      samples: assessment.asOfDayTypes.map((type) => ({ labels: { type }, value: 1 })),
    },
    { name: 'liq_as_of_timestamp_seconds', help: 'The as-of date liq judged, as a Unix time (00:00 UTC).', samples: asOfDay === null ? [] : [{ labels: {}, value: asOfDay * DAY_SECONDS }] },
    { name: 'liq_last_run_timestamp_seconds', help: 'When liq last ran, as a Unix time.', samples: [{ labels: {}, value: Math.floor(options.now / 1000) }] },
  ];
  return families.filter((f) => f.samples.length > 0).map(familyText).join('');
}
