import { PLAIN, type Paint, type Tone } from '../report/paint.ts';

/**
 * ok green, watch yellow, stress red: the one colour map. chalk is imported only when
 * there is colour to paint: loading it costs about a tenth of a run's start-up, and the
 * runs that matter most for speed (pipes, cron, --json) have no colour.
 */
export async function chalkPaint(level: 0 | 1 | 2 | 3): Promise<Paint> {
  if (level === 0) return PLAIN;
  const { Chalk } = await import('chalk');
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
