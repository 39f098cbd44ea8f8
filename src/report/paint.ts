/**
 * Colour is applied at the edge through this small map; report modules take a Paint and
 * never import chalk, so their output is plain text in tests.
 */
export type Tone = 'ok' | 'watch' | 'stress' | 'info' | 'unavailable' | 'unknown';

export interface Paint {
  tone(tone: Tone, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export const PLAIN: Paint = { tone: (_t, text) => text, dim: (text) => text, bold: (text) => text };
