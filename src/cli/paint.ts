import { Chalk } from 'chalk';
import type { Paint, Tone } from '../report/paint.ts';

/** ok green, watch yellow, stress red: the one colour map. */
export function chalkPaint(level: 0 | 1 | 2 | 3): Paint {
  const chalk = new Chalk({ level });
  const tones: Record<Tone, (text: string) => string> = {
    ok: chalk.green,
    watch: chalk.yellow,
    stress: chalk.red.bold,
    info: chalk.cyan,
    unavailable: chalk.gray,
    unknown: chalk.magenta,
  };
  return { tone: (tone, text) => tones[tone](text), dim: chalk.dim, bold: chalk.bold };
}
