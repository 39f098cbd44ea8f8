/**
 * Exit codes (see Exit codes in the README) and the one error type commands throw. Only main() turns an
 * error into text and an exit code.
 */
export const ExitCode = {
  ok: 0,
  watch: 1,
  stress: 2,
  unknown: 3,
  usage: 64, // EX_USAGE: bad flags or arguments
  dataErr: 65, // EX_DATAERR: the input data is malformed
  noInput: 66, // EX_NOINPUT: an input does not exist or cannot be read
  unavailable: 69, // EX_UNAVAILABLE: a service (the --notify webhook) did not take the message
  software: 70, // EX_SOFTWARE: a bug in liq
  cantCreate: 73, // EX_CANTCREAT: the output cannot be written
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class LiqError extends Error {
  override readonly name = 'LiqError';
  /** One line per problem, each already located (file:line:column: …). */
  readonly problems: readonly string[];

  constructor(
    readonly exitCode: ExitCode,
    problems: string | readonly string[],
  ) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.problems = list;
  }
}

export const usageError = (problems: string | readonly string[]): LiqError => new LiqError(ExitCode.usage, problems);
export const dataError = (problems: string | readonly string[]): LiqError => new LiqError(ExitCode.dataErr, problems);
export const inputError = (message: string): LiqError => new LiqError(ExitCode.noInput, message);
export const outputError = (message: string): LiqError => new LiqError(ExitCode.cantCreate, message);
