/**
 * Text for a monitoring plugin's one line: no `|` (it would start the performance data)
 * and no line breaks or other control characters. Apart from nagios.ts, with no imports,
 * because main() prints the failure line and must not load the indicators to do so.
 */
export function pluginText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\|/g, '/').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/** The line a failure prints in monitoring mode: LIQ UNKNOWN - what went wrong. */
export function unknownLine(message: string): string {
  return `LIQ UNKNOWN - ${pluginText(message.split('\n')[0] ?? message)}\n`;
}
