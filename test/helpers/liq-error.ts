import { expect } from 'vitest';
import { LiqError } from '../../src/errors.ts';

/** The LiqError that `run` rejects with; fails the test if it resolves or throws something else. */
export async function liqFailure(run: () => Promise<unknown>, what: string): Promise<LiqError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(LiqError);
    return error as LiqError;
  }
  throw new Error(`expected the ${what} to fail`);
}
