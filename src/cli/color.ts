/**
 * Whether to colour stdout: only on a terminal, and NO_COLOR (no-color.org), FORCE_COLOR
 * and --no-color are respected, in that order of precedence: flag, NO_COLOR, FORCE_COLOR, TTY.
 */
export function colorLevel(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const level = Number.parseInt(force, 10);
    return level >= 1 && level <= 3 ? (level as 1 | 2 | 3) : 1;
  }
  return isTTY ? (env.COLORTERM === 'truecolor' ? 3 : 2) : 0;
}
