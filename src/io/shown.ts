/**
 * Text from a file, made safe to quote in a one-line message: clipped, because a 10 MB
 * cell must not become a 10 MB error line, and with control characters escaped, because
 * an ESC or CR read from a file must not repaint the user's terminal.
 */
export function shown(text: string, max = 40): string {
  const clipped = text.length > max ? `${text.slice(0, max)}…` : text;
  // eslint-disable-next-line no-control-regex
  return clipped.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\t') return '\\t';
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
