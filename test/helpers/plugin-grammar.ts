/**
 * The Monitoring Plugins development guidelines' output grammar, written out independently
 * of src/report/nagios.ts so a test can hold liq's line to it
 * (https://www.monitoring-plugins.org/doc/guidelines.html, "Plugin Output" and
 * "Performance data"):
 *
 *   line      = "LIQ " state " - " text [ " | " perfdata *( " " perfdata ) ] LF
 *   perfdata  = label "=" value [uom] ";" [warn] ";" [crit] [ ";" [min] [ ";" [max] ] ]
 *   label     = quoted ("'" 1*(any but "'" and "=") "'") | 1*(any but "'", "=", " ")
 *   value     = 1*[-0-9.]   uom = "" | "s" | "ms" | "us" | "%" | "B" | "KB" | "MB" | "TB" | "c"
 *   range     = ["@"] [start ":"] [end]  with start "~" for minus infinity; no end = infinity
 */
export interface PerfDatum {
  readonly label: string;
  readonly value: number;
  readonly uom: string;
  readonly warn: string;
  readonly crit: string;
}

export interface PluginOutput {
  readonly state: 'OK' | 'WARNING' | 'CRITICAL' | 'UNKNOWN';
  readonly text: string;
  readonly perf: readonly PerfDatum[];
}

const NUMBER = '-?[0-9]+(?:\\.[0-9]+)?';
const RANGE = new RegExp(`^@?(?:(?:~|${NUMBER}):)?(?:${NUMBER})?$`);
const DATUM = new RegExp(`^('[^'=]+'|[^'= ]+)=(${NUMBER})(s|ms|us|%|B|KB|MB|TB|c)?;([^; ]*);([^; ]*)(?:;(${NUMBER})?(?:;(${NUMBER})?)?)?$`);

/** Parses one plugin line; throws, naming the part, if it breaks the grammar. */
export function parsePluginOutput(output: string): PluginOutput {
  if (!output.endsWith('\n') || output.slice(0, -1).includes('\n')) throw new Error('not exactly one line ending in a newline');
  const line = output.slice(0, -1);
  const head = /^LIQ (OK|WARNING|CRITICAL|UNKNOWN) - ([^|]+?)(?: \| (.*))?$/.exec(line);
  if (head === null) throw new Error(`not "LIQ STATE - text | perfdata": ${line.slice(0, 80)}`);
  const perf: PerfDatum[] = [];
  // Split on the spaces outside quotes: a quoted label may hold spaces.
  const tokens = head[3] === undefined ? [] : (head[3].match(/(?:'[^']*'|[^ '])+/g) ?? []);
  for (const token of tokens) {
    const m = DATUM.exec(token);
    if (m === null) throw new Error(`perfdata "${token}" breaks the grammar`);
    const [, label = '', value = '', uom = '', warn = '', crit = ''] = m;
    for (const range of [warn, crit]) if (range !== '' && !RANGE.test(range)) throw new Error(`range "${range}" in "${token}" breaks the grammar`);
    perf.push({ label: label.replace(/^'|'$/g, ''), value: Number(value), uom, warn, crit });
  }
  return { state: head[1] as PluginOutput['state'], text: head[2] as string, perf };
}

/** Whether a value raises the alert of a threshold range, by the guidelines' semantics. */
export function rangeAlerts(range: string, value: number): boolean {
  if (!RANGE.test(range) || range === '' || range === '@') throw new Error(`bad range "${range}"`);
  const inside = range.startsWith('@');
  const body = inside ? range.slice(1) : range;
  const colon = body.indexOf(':');
  const startText = colon < 0 ? '0' : body.slice(0, colon);
  const endText = colon < 0 ? body : body.slice(colon + 1);
  const start = startText === '~' ? -Infinity : Number(startText);
  const end = endText === '' ? Infinity : Number(endText);
  const within = value >= start && value <= end;
  return inside ? within : !within;
}
