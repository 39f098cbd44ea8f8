/**
 * Text from a file, made safe to quote in a one-line message: clipped, because a 10 MB
 * cell must not become a 10 MB error line, and with control characters escaped (the
 * one escaping function, src/domain/visible.ts), because an ESC or CR read from a file
 * must not repaint the user's terminal.
 */
import { visible } from '../domain/visible.ts';

export function shown(text: string, max = 40): string {
  return visible(text.length > max ? `${text.slice(0, max)}…` : text);
}
